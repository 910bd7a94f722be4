#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/checker.hpp"
#include "dsl/rule_set.hpp"

namespace lexflow::pipeline {

/// Where rules come from: the packs embedded in the binary and/or paths.
struct RuleSources {
    bool embedded = true;
    std::vector<std::string> paths;  ///< rule files, or folders searched for *.lf
    /// Whether to check the rule tests in those files and keep them; when
    /// not, they are parsed (a broken file is broken) and dropped.
    dsl::RuleTests tests = dsl::RuleTests::ignore;
};

/// A rule file to read, and the tree it must stay inside.
struct RulePath {
    std::string path;
    /// The folder it was found in (a link may not leave it), or, for a path
    /// named on the command line, the current folder when it is inside it.
    std::optional<std::string> tree;
};

/// Reads (through the SourceSet's file reader), parses and checks every rule
/// file. Returns nothing if any error was reported (each with its location).
[[nodiscard]] std::optional<dsl::RuleSet> load_rules(const RuleSources& from,
                                                     base::SourceSet& sources,
                                                     base::Diagnostics& diagnostics,
                                                     const base::Limits& limits = {});

/// Reports a parsed file that holds nothing (no pack, rule, pattern or test)
/// and returns whether it did: an empty rule file is a mistake (a wrong path,
/// a truncated copy), never a set of rules that all pass.
bool report_if_empty(const dsl::RuleFile& file, base::Diagnostics& diagnostics);

/// The rule files a path names: itself if it is not a folder, or every *.lf
/// file below it (sorted) if it is. Reports a missing path or an empty folder.
[[nodiscard]] std::vector<RulePath> expand_rule_path(const std::string& path,
                                                     base::SourceSet& sources,
                                                     base::Diagnostics& diagnostics);

/// The text of a rule file, read once it passed the checks of every input
/// (pipeline/input_files.hpp); nothing, and a located error, otherwise.
[[nodiscard]] std::optional<std::string> read_rule_file(const RulePath& file,
                                                        base::SourceSet& sources,
                                                        base::Diagnostics& diagnostics,
                                                        const base::Limits& limits);

}  // namespace lexflow::pipeline
