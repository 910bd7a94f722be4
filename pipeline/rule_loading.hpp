#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
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

/// Reads (through the SourceSet's file reader), parses and checks every rule
/// file. Returns nothing if any error was reported (each with its location).
[[nodiscard]] std::optional<dsl::RuleSet> load_rules(const RuleSources& from,
                                                     base::SourceSet& sources,
                                                     base::Diagnostics& diagnostics);

/// Reports a parsed file that holds nothing (no pack, rule, pattern or test)
/// and returns whether it did: an empty rule file is a mistake (a wrong path,
/// a truncated copy), never a set of rules that all pass.
bool report_if_empty(const dsl::RuleFile& file, base::Diagnostics& diagnostics);

/// The files a path names: itself if it is a file, or every *.lf file below
/// it (sorted) if it is a folder. Reports a missing path or an empty folder.
[[nodiscard]] std::vector<std::string> expand_rule_path(const std::string& path,
                                                        base::SourceSet& sources,
                                                        base::Diagnostics& diagnostics);

/// Reads a rule file into `sources`; nothing (and a located error) if it
/// cannot be read.
[[nodiscard]] std::optional<base::FileId> add_rule_file(const std::string& path,
                                                        base::SourceSet& sources,
                                                        base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
