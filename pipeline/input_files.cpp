#include "pipeline/input_files.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "base/diagnostic_ids.hpp"

namespace lexflow::pipeline {

namespace ids = base::diagnostic_ids;
namespace fs = std::filesystem;

namespace {

/// Reports a problem with the input at `path`: at the place that names it, if
/// any, else at the path itself.
void file_error(base::Diagnostics& diagnostics, base::SourceSet& sources, const std::string& path,
                const InputRule& rule, std::string_view code, std::string message,
                std::string help) {
    if (rule.named_at) {
        message = fmt::format("'{}': {}", path, message);
    }
    diagnostics.report(
        {base::DiagnosticLevel::error,
         std::string(code),
         rule.named_at ? *rule.named_at : base::SourceRange{sources.add_on_disk(path), 0, 0, 1},
         std::move(message),
         {},
         std::move(help)});
}

}  // namespace

std::optional<std::string> tree_of_named_path(const std::string& path) {
    const auto normal = fs::path(path).lexically_normal();
    if (normal.is_absolute() || normal.empty() || *normal.begin() == "..") {
        return std::nullopt;
    }
    return std::string(".");
}

bool stays_inside(const base::FileReader& reader, const std::string& path,
                  const std::string& tree) {
    const auto real = reader.real_path(path);
    const auto root = reader.real_path(tree);
    if (!real || !root) {
        return false;
    }
    const auto prefix = root->ends_with('/') ? *root : *root + "/";
    return real->starts_with(prefix);
}

bool admit_input(const std::string& path, const InputRule& rule, const base::Limits& limits,
                 base::SourceSet& sources, base::Diagnostics& diagnostics) {
    const auto& reader = sources.reader();
    switch (reader.kind(path)) {
        case base::FileKind::missing:
            file_error(diagnostics, sources, path, rule, ids::unreadable_path,
                       fmt::format("no such {}", rule.what), std::string(rule.help));
            return false;
        case base::FileKind::directory:
            file_error(diagnostics, sources, path, rule, ids::unreadable_path,
                       fmt::format("not a {} (it is a folder)", rule.what), std::string(rule.help));
            return false;
        case base::FileKind::other:
            file_error(diagnostics, sources, path, rule, ids::not_a_file,
                       fmt::format("not a {}: a device, FIFO or socket, which lexflow never reads",
                                   rule.what),
                       "name a regular file");
            return false;
        case base::FileKind::regular:
            break;
    }
    if (rule.tree && !stays_inside(reader, path, *rule.tree)) {
        file_error(
            diagnostics, sources, path, rule, ids::outside_the_tree,
            fmt::format("this {} is a link to a file outside {}", rule.what,
                        *rule.tree == "." ? "the current folder" : "'" + *rule.tree + "'"),
            "inputs are read only inside their tree; copy the file in instead of linking it");
        return false;
    }
    const auto bytes = reader.size(path);
    if (bytes && *bytes > limits.*rule.size_limit) {
        file_error(diagnostics, sources, path, rule, ids::limit_exceeded,
                   fmt::format("this {} has {} bytes", rule.what, *bytes),
                   base::limit_help(limits, rule.size_limit));
        return false;
    }
    return true;
}

}  // namespace lexflow::pipeline
