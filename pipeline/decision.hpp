#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "base/severity.hpp"
#include "report/report.hpp"

namespace lexflow::pipeline {

/// Whether a check fails, and on what.
struct Decision {
    bool fails = false;
    std::size_t gaps = 0;       ///< gaps in force at or above the threshold
    std::size_t undecided = 0;  ///< checks not evaluated at or above the threshold
    /// Gaps and undecided checks at or above the threshold that do not count:
    /// a waiver accepts them, or the baseline had them.
    std::size_t waived = 0;
    std::size_t known = 0;

    /// "3 gaps and 1 undecided check (not counting 2 known from the baseline)".
    [[nodiscard]] std::string summary() const;
};

/// A check fails when a gap in force, or a check that could not be decided,
/// reaches `fail_on` (lexflow fails closed). Upcoming gaps, waived gaps and
/// gaps the baseline already had never fail it; with no threshold nothing
/// does.
[[nodiscard]] Decision decide(const report::Report& report, std::optional<base::Severity> fail_on);

}  // namespace lexflow::pipeline
