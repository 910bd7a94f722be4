#pragma once

#include <set>
#include <string>
#include <vector>

#include "cli/rule_loading.hpp"

namespace lexflow::cli {

/// Rule tests, one folder per rule: <RULE-ID>/fires.yaml, a model on which the
/// rule must report exactly the subjects of its `# expect: kind 'id'` lines,
/// and <RULE-ID>/near-miss.yaml, on which it must report nothing. Neither may
/// leave the rule undecided on a subject.
struct FixtureOutcome {
    std::string rule_id;
    std::string model;  ///< the fixture's path
    bool near_miss = false;
    std::set<std::string> expected;   ///< "kind 'id'"
    std::set<std::string> reported;   ///< findings of the rule, "kind 'id'"
    std::set<std::string> undecided;  ///< "not evaluated" subjects of the rule
    std::string error;                ///< rendered diagnostics if the model is invalid

    [[nodiscard]] bool passed() const {
        return error.empty() && reported == expected && undecided.empty();
    }
};

/// The rule folders below `roots` (a folder that holds fires.yaml or
/// near-miss.yaml), sorted.
[[nodiscard]] std::vector<std::string> find_fixture_folders(const std::vector<std::string>& roots);

/// Runs every fixture of `folders` against the rules, as of 2030-01-01 so that
/// rules not yet in force are tested too.
[[nodiscard]] std::vector<FixtureOutcome> run_fixtures(const std::vector<std::string>& folders,
                                                       const dsl::RuleSet& rules,
                                                       dsl::SourceSet& sources);

/// A failing outcome as a diff: "- expected" and "+ reported" lines.
[[nodiscard]] std::string describe_failure(const FixtureOutcome& outcome);

}  // namespace lexflow::cli
