#include "cli/rule_loading.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl/checker.hpp"
#include "dsl/diagnostic_ids.hpp"
#include "dsl/parser.hpp"
#include "rules/embedded_rules.hpp"

namespace lexflow::cli {

namespace fs = std::filesystem;
namespace ids = dsl::diagnostic_ids;

namespace {

/// Diagnostics about a path point at the path itself, as a file with no line.
void path_error(dsl::SourceSet& sources, dsl::Diagnostics& diagnostics, const std::string& path,
                std::string_view code, std::string message, std::string help) {
    const auto file = sources.add_on_disk(path);
    diagnostics.report({dsl::DiagnosticLevel::error,
                        std::string(code),
                        {file, 0, 0, 1},
                        std::move(message),
                        {},
                        std::move(help)});
}

}  // namespace

bool report_if_empty(const dsl::RuleFile& file, dsl::Diagnostics& diagnostics) {
    if (file.pack || !file.rules.empty() || !file.patterns.empty() || !file.tests.empty()) {
        return false;
    }
    diagnostics.report({dsl::DiagnosticLevel::error,
                        std::string(ids::empty_rule_file),
                        {file.file, 0, 0, 1},
                        "this rule file holds no rules",
                        {},
                        "write a rule in it, or leave the file out"});
    return true;
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        return std::nullopt;
    }
    return std::move(text).str();
}

void add_rule_options(CLI::App& command, RuleOptions& options) {
    command
        .add_option("--rules", options.paths,
                    "Rule file or folder of *.lf files to add (repeatable)")
        ->type_name("PATH")
        ->take_all()
        ->expected(1)
        ->allow_extra_args(false);
    command.add_flag("--no-default-rules", options.no_default_rules,
                     "Do not use the rule packs built into lexflow");
}

std::vector<std::string> expand_rule_path(const std::string& path, dsl::SourceSet& sources,
                                          dsl::Diagnostics& diagnostics) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
        path_error(sources, diagnostics, path, ids::unreadable_path, "no such file or folder",
                   "check the spelling of the path");
        return {};
    }
    if (!fs::is_directory(status)) {
        return {path};
    }
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file() && it->path().extension() == ".lf") {
            files.push_back(it->path().generic_string());
        }
    }
    if (error) {
        path_error(sources, diagnostics, path, ids::unreadable_path,
                   "cannot read the folder: " + error.message(), "check its permissions");
        return {};
    }
    if (files.empty()) {
        path_error(sources, diagnostics, path, ids::no_rule_files,
                   "the folder contains no rule files (*.lf)",
                   "pass a folder that holds .lf files, or the files themselves");
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<dsl::RuleSet> load_rules(const RuleSources& from, dsl::SourceSet& sources,
                                       dsl::Diagnostics& diagnostics) {
    std::vector<dsl::FileId> files;
    if (from.embedded) {
        for (const auto& embedded : rules::embedded_rule_files()) {
            files.push_back(
                sources.add(std::string("<builtin>/") + embedded.path, std::string(embedded.text)));
        }
    }
    for (const auto& path : from.paths) {
        for (const auto& file : expand_rule_path(path, sources, diagnostics)) {
            auto text = read_file(file);
            if (!text) {
                path_error(sources, diagnostics, file, ids::unreadable_path, "cannot read the file",
                           "check its permissions");
                continue;
            }
            files.push_back(sources.add(file, std::move(*text)));
        }
    }
    std::vector<dsl::RuleFile> parsed;
    for (const auto file : files) {
        auto rule_file = dsl::parse_rule_file(sources, file, diagnostics);
        if (!rule_file) {
            continue;
        }
        if (report_if_empty(*rule_file, diagnostics)) {
            continue;
        }
        parsed.push_back(std::move(*rule_file));
    }
    if (diagnostics.has_errors()) {
        return std::nullopt;  // semantic checks on half-read packs would only add noise
    }
    auto rule_set = dsl::check_rules(std::move(parsed), diagnostics, from.tests);
    if (diagnostics.has_errors()) {
        return std::nullopt;
    }
    return rule_set;
}

}  // namespace lexflow::cli
