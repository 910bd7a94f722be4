#include "pipeline/rule_loading.hpp"

#include <set>

#include "base/diagnostic_ids.hpp"
#include "dsl/checker.hpp"
#include "dsl/parser.hpp"
#include "pipeline/input_files.hpp"
#include "rules/embedded_rules.hpp"

namespace lexflow::pipeline {

namespace ids = base::diagnostic_ids;

namespace {

/// Diagnostics about a path point at the path itself, as a file with no line.
void path_error(base::SourceSet& sources, base::Diagnostics& diagnostics, const std::string& path,
                std::string_view code, std::string message, std::string help) {
    const auto file = sources.add_on_disk(path);
    diagnostics.report({base::DiagnosticLevel::error,
                        std::string(code),
                        {file, 0, 0, 1},
                        std::move(message),
                        {},
                        std::move(help)});
}

}  // namespace

bool report_if_empty(const dsl::RuleFile& file, base::Diagnostics& diagnostics) {
    if (file.pack || !file.rules.empty() || !file.patterns.empty() || !file.tests.empty() ||
        !file.kinds.empty() || !file.attributes.empty() || !file.predicates.empty()) {
        return false;
    }
    diagnostics.report({base::DiagnosticLevel::error,
                        std::string(ids::empty_rule_file),
                        {file.file, 0, 0, 1},
                        "this rule file holds no rules",
                        {},
                        "write a rule in it, or leave the file out"});
    return true;
}

std::vector<RulePath> expand_rule_path(const std::string& path, base::SourceSet& sources,
                                       base::Diagnostics& diagnostics) {
    const auto& reader = sources.reader();
    const auto kind = reader.kind(path);
    if (kind == base::FileKind::missing) {
        path_error(sources, diagnostics, path, ids::unreadable_path, "no such file or folder",
                   "check the spelling of the path");
        return {};
    }
    if (kind != base::FileKind::directory) {
        return {{path, tree_of_named_path(path)}};
    }
    std::string error;
    const auto found = reader.files_below(path, ".lf", error);
    if (!error.empty()) {
        path_error(sources, diagnostics, path, ids::unreadable_path,
                   "cannot read the folder: " + error, "check its permissions");
        return {};
    }
    if (found.empty()) {
        path_error(sources, diagnostics, path, ids::no_rule_files,
                   "the folder contains no rule files (*.lf)",
                   "pass a folder that holds .lf files, or the files themselves");
    }
    std::vector<RulePath> files;
    for (const auto& file : found) {
        files.push_back({file, path});
    }
    return files;
}

std::optional<std::string> read_rule_file(const RulePath& file, base::SourceSet& sources,
                                          base::Diagnostics& diagnostics,
                                          const base::Limits& limits) {
    const InputRule rule{"rule file", &base::Limits::rules_size, file.tree,
                         "check the spelling of the path"};
    const auto errors = diagnostics.error_count();
    if (!admit_input(file.path, rule, limits, sources, diagnostics)) {
        return std::nullopt;
    }
    std::string error;
    auto text = base::read_whole_file(sources.reader(), file.path, error);
    if (!text && diagnostics.error_count() == errors) {
        path_error(sources, diagnostics, file.path, ids::unreadable_path,
                   "cannot read the file: " + error, "check its permissions");
    }
    return text;
}

std::optional<dsl::RuleSet> load_rules(const RuleSources& from, base::SourceSet& sources,
                                       base::Diagnostics& diagnostics, const base::Limits& limits) {
    std::vector<base::FileId> files;
    // A given file identical to a shipped one already loaded (the vocabulary
    // from a checkout of rules/) is the same declarations: it is read once.
    std::set<std::string_view> shipped_texts;
    for (const auto& embedded : rules::embedded_rule_files()) {
        if (from.embedded || embedded.path == rules::kVocabularyFile) {
            shipped_texts.insert(embedded.text);
            files.push_back(sources.add(std::string(rules::kBuiltinPrefix) + embedded.path,
                                        std::string(embedded.text)));
        }
    }
    std::uint64_t total = 0;  // bytes of the rule files read, against rules-size
    for (const auto& path : from.paths) {
        for (const auto& file : expand_rule_path(path, sources, diagnostics)) {
            auto text = read_rule_file(file, sources, diagnostics, limits);
            if (!text) {
                continue;
            }
            if (shipped_texts.count(*text) > 0) {
                continue;
            }
            total += text->size();
            if (total > limits.rules_size) {
                path_error(sources, diagnostics, file.path, ids::limit_exceeded,
                           "the rule files given hold more than " +
                               std::to_string(limits.rules_size) + " bytes together",
                           base::limit_help(limits, &base::Limits::rules_size));
                break;
            }
            files.push_back(sources.add(file.path, std::move(*text)));
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

}  // namespace lexflow::pipeline
