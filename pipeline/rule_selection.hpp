#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/rule_set.hpp"

namespace lexflow::pipeline {

/// Which of the loaded rules a check runs: `--pack`, `--rule` and
/// `--skip-rule`. The rules of the packs named and the rules named are run
/// (every rule when neither is given), less the rules skipped.
struct RuleSelection {
    std::vector<std::string> packs;
    std::vector<std::string> rules;
    std::vector<std::string> skipped;

    [[nodiscard]] bool empty() const { return packs.empty() && rules.empty() && skipped.empty(); }
};

/// The rules `selection` keeps, and the ids of those it leaves out. A pack or
/// rule id that is not loaded is an error (with the nearest id as a
/// suggestion), located on a "command line" source added to `sources`; so is
/// a selection that leaves no rule. None if there was an error.
struct SelectedRules {
    dsl::RuleSet rules;
    std::vector<std::string> left_out;  ///< sorted
};
[[nodiscard]] std::optional<SelectedRules> select_rules(const dsl::RuleSet& rules,
                                                        const RuleSelection& selection,
                                                        base::SourceSet& sources,
                                                        base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
