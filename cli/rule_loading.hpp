#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dsl/checker.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/rule_set.hpp"
#include "dsl/source.hpp"

namespace lexflow::cli {

/// Where rules come from: the packs embedded in the binary and/or paths.
struct RuleSources {
    bool embedded = true;
    std::vector<std::string> paths;  ///< rule files, or folders searched for *.lf
    /// Whether to check the rule tests in those files and keep them; when
    /// not, they are parsed (a broken file is broken) and dropped.
    dsl::RuleTests tests = dsl::RuleTests::ignore;
};

/// The `--rules PATH` (repeatable) and `--no-default-rules` options that every
/// command taking rules shares.
struct RuleOptions {
    std::vector<std::string> paths;
    bool no_default_rules = false;

    [[nodiscard]] RuleSources sources(dsl::RuleTests tests = dsl::RuleTests::ignore) const {
        return {!no_default_rules, paths, tests};
    }
};

/// Declares the RuleOptions on `command`.
void add_rule_options(CLI::App& command, RuleOptions& options);

/// Reads, parses and checks every rule file. Returns nothing if any error was
/// reported (each with its location).
[[nodiscard]] std::optional<dsl::RuleSet> load_rules(const RuleSources& from,
                                                     dsl::SourceSet& sources,
                                                     dsl::Diagnostics& diagnostics);

/// Reports a parsed file that holds nothing (no pack, rule, pattern or test)
/// and returns whether it did: an empty rule file is a mistake (a wrong path,
/// a truncated copy), never a set of rules that all pass.
bool report_if_empty(const dsl::RuleFile& file, dsl::Diagnostics& diagnostics);

/// The whole content of a file, or nothing if it cannot be read.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path);

/// The files a path names: itself if it is a file, or every *.lf file below
/// it (sorted) if it is a folder. Reports a missing path or an empty folder.
[[nodiscard]] std::vector<std::string> expand_rule_path(const std::string& path,
                                                        dsl::SourceSet& sources,
                                                        dsl::Diagnostics& diagnostics);

}  // namespace lexflow::cli
