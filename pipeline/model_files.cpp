#include "pipeline/model_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include "base/diagnostic_ids.hpp"
#include "pipeline/input_files.hpp"

namespace lexflow::pipeline {

namespace {

namespace ids = base::diagnostic_ids;

constexpr std::string_view kHelp = "pass the YAML or JSON file(s) of the model, or a folder of them";

void path_error(base::Diagnostics& diagnostics, base::SourceSet& sources, const std::string& path,
                std::string_view code, std::string message, std::string help) {
    diagnostics.report({base::DiagnosticLevel::error,
                        std::string(code),
                        base::SourceRange{sources.add_on_disk(path), 0, 0, 1},
                        std::move(message),
                        {},
                        std::move(help)});
}

/// Whether a path below a folder passes through a hidden file or folder.
bool is_hidden(std::string_view path_below) {
    std::size_t start = 0;
    while (start < path_below.size()) {
        if (path_below[start] == '.') {
            return true;
        }
        const auto slash = path_below.find('/', start);
        if (slash == std::string_view::npos) {
            return false;
        }
        start = slash + 1;
    }
    return false;
}

/// The model files below a folder, sorted, hidden ones left out.
std::vector<std::string> files_in_folder(const std::string& folder, base::SourceSet& sources,
                                         base::Diagnostics& diagnostics) {
    std::vector<std::string> files;
    for (const auto extension : {".yaml", ".yml", ".json"}) {
        std::string error;
        auto found = sources.reader().files_below(folder, extension, error);
        if (!error.empty()) {
            path_error(diagnostics, sources, folder, ids::unreadable_path,
                       "cannot read the folder: " + error, "check its permissions");
            return {};
        }
        std::copy_if(
            found.begin(), found.end(), std::back_inserter(files), [&](const std::string& file) {
                return !is_hidden(
                    std::string_view(file).substr(std::min(folder.size() + 1, file.size())));
            });
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        path_error(diagnostics, sources, folder, ids::unreadable_path,
                   "the folder contains no model files (*.yaml, *.yml, *.json)", std::string(kHelp));
    }
    return files;
}

void add_file(const std::string& path, std::optional<std::string> tree, const base::Limits& limits,
              base::SourceSet& sources, base::Diagnostics& diagnostics,
              std::vector<base::FileId>& files) {
    const InputRule rule{"model file", &base::Limits::model_file_size, std::move(tree), kHelp};
    if (admit_input(path, rule, limits, sources, diagnostics)) {
        files.push_back(sources.add_on_disk(path));
    }
}

/// Reads standard input whole, up to the model size limit.
std::optional<base::FileId> add_standard_input(std::istream* in, const base::Limits& limits,
                                               base::SourceSet& sources,
                                               base::Diagnostics& diagnostics) {
    const auto fail = [&](std::string_view code, std::string message, std::string help) {
        diagnostics.report(
            {base::DiagnosticLevel::error,
             std::string(code),
             base::SourceRange{sources.add(std::string(kStandardInputName), ""), 0, 0, 1},
             std::move(message),
             {},
             std::move(help)});
        return std::nullopt;
    };
    if (in == nullptr) {
        return fail(ids::unreadable_path,
                    "'-' names standard input, which this command cannot read", std::string(kHelp));
    }
    std::string text;
    std::array<char, 1 << 16> buffer{};
    while (in->read(buffer.data(), buffer.size()) || in->gcount() > 0) {
        text.append(buffer.data(), static_cast<std::size_t>(in->gcount()));
        if (text.size() > limits.model_file_size) {
            return fail(ids::limit_exceeded,
                        fmt::format("the model on standard input has more than {} bytes",
                                    limits.model_file_size),
                        base::limit_help(limits, &base::Limits::model_file_size));
        }
    }
    return sources.add(std::string(kStandardInputName), std::move(text));
}

void include_error(base::Diagnostics& diagnostics, const model::IncludeRequest& include,
                   std::string_view code, std::string message, std::string help) {
    diagnostics.report({base::DiagnosticLevel::error,
                        std::string(code),
                        include.range,
                        std::move(message),
                        {},
                        std::move(help)});
}

/// The included file's path, joined to the including file's folder, if it
/// stays inside that folder as written.
std::optional<std::filesystem::path> included_path(const model::IncludeRequest& include,
                                                   const std::filesystem::path& folder,
                                                   base::Diagnostics& diagnostics) {
    const std::filesystem::path written(include.path);
    if (include.path.empty() || written.is_absolute()) {
        include_error(diagnostics, include, ids::outside_the_tree,
                      fmt::format("an included file is a path relative to this file's folder, "
                                  "not '{}'",
                                  include.path),
                      "write the path from this file's folder, such as 'flows.yaml'");
        return std::nullopt;
    }
    const auto joined = (folder / written).lexically_normal();
    const auto relative = joined.lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") {
        include_error(
            diagnostics, include, ids::outside_the_tree,
            fmt::format("'{}' leaves the folder of the file that includes it", include.path),
            "a model includes only files in its own folder or below it");
        return std::nullopt;
    }
    return joined;
}

}  // namespace

model::IncludeAdmitter include_admitter(const std::vector<base::FileId>& roots,
                                        const base::Limits& limits, base::SourceSet& sources,
                                        base::Diagnostics& diagnostics) {
    // Every file of the model, by real path: none is read twice.
    auto read = std::make_shared<std::set<std::string>>();
    for (const auto root : roots) {
        if (sources.is_on_disk(root)) {
            read->insert(
                sources.reader().real_path(sources.name(root)).value_or(sources.name(root)));
        }
    }
    return [read, &limits, &sources,
            &diagnostics](const model::IncludeRequest& include) -> std::optional<base::FileId> {
        if (!sources.is_on_disk(include.from)) {
            include_error(diagnostics, include, ids::unreadable_path,
                          "a model on standard input cannot include files",
                          "pass the model's files, or its folder, instead");
            return std::nullopt;
        }
        auto folder = std::filesystem::path(sources.name(include.from)).parent_path();
        if (folder.empty()) {
            folder = ".";
        }
        const auto path = included_path(include, folder, diagnostics);
        if (!path) {
            return std::nullopt;
        }
        const InputRule rule{"included model file", &base::Limits::model_file_size, folder.string(),
                             kHelp, include.range};
        if (!admit_input(path->string(), rule, limits, sources, diagnostics)) {
            return std::nullopt;
        }
        const auto real = sources.reader().real_path(path->string()).value_or(path->string());
        if (!read->insert(real).second) {
            include_error(diagnostics, include, ids::include_cycle,
                          fmt::format("'{}' is already part of the model: an include cycle, or "
                                      "a file included twice",
                                      include.path),
                          "include each file once, from one place");
            return std::nullopt;
        }
        return sources.add_on_disk(path->string());
    };
}

std::vector<base::FileId> model_files(const std::vector<std::string>& paths,
                                      const base::Limits& limits, base::SourceSet& sources,
                                      base::Diagnostics& diagnostics,
                                      std::istream* standard_input) {
    std::vector<base::FileId> files;
    bool read_standard_input = false;
    for (const auto& path : paths) {
        if (path == "-") {
            if (!read_standard_input) {
                read_standard_input = true;
                if (const auto file =
                        add_standard_input(standard_input, limits, sources, diagnostics)) {
                    files.push_back(*file);
                }
            }
        } else if (sources.reader().kind(path) == base::FileKind::directory) {
            for (const auto& file : files_in_folder(path, sources, diagnostics)) {
                add_file(file, path, limits, sources, diagnostics, files);
            }
        } else {
            add_file(path, tree_of_named_path(path), limits, sources, diagnostics, files);
        }
    }
    return files;
}

}  // namespace lexflow::pipeline
