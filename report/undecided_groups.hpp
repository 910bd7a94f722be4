#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace lexflow::report {

/// Checks that could not be decided, grouped by what the model must declare
/// to decide them: "declare ai_role to decide 6 checks on 'call-summariser'
/// and 'x'" tells a modeller which lines to write, where a list of 200
/// undecided checks does not.
struct UndecidedGroup {
    /// The attributes to declare (the rules' paths without their variable:
    /// "g.ai_role" is ai_role), sorted.
    std::vector<std::string> attributes;
    std::vector<std::string> subjects;  ///< subject ids, in report order
    std::vector<std::string> rules;     ///< rule ids, sorted
    std::vector<std::string> packs;     ///< packs that could not decide whether they apply
    std::size_t checks = 0;
    std::size_t upcoming = 0;  ///< of which under rules not yet in force
};

/// The groups, most checks first, then by attribute names.
[[nodiscard]] std::vector<UndecidedGroup> group_undecided(
    const std::vector<NotEvaluated>& undecided);

}  // namespace lexflow::report
