#include "pipeline/decision.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

namespace lexflow::pipeline {

std::string Decision::summary() const {
    auto text = fmt::format("{} gap{}", gaps, gaps == 1 ? "" : "s");
    if (undecided > 0) {
        text += fmt::format(" and {} undecided check{}", undecided, undecided == 1 ? "" : "s");
    }
    std::vector<std::string> set_aside;
    if (waived > 0) {
        set_aside.push_back(fmt::format("{} waived", waived));
    }
    if (known > 0) {
        set_aside.push_back(fmt::format("{} known from the baseline", known));
    }
    if (!set_aside.empty()) {
        text += fmt::format(" (not counting {})", fmt::join(set_aside, " and "));
    }
    return text;
}

namespace {

/// Counts a gap in force at or above the threshold where it belongs: it
/// fails the check unless a waiver accepts it or the baseline had it.
template <typename Gap>
void count(const Gap& gap, base::Severity fail_on, std::size_t& failing, Decision& decision) {
    if (gap.upcoming || gap.severity < fail_on) {
        return;
    }
    ++(gap.waiver                                     ? decision.waived
       : gap.baseline == report::BaselineState::known ? decision.known
                                                      : failing);
}

}  // namespace

Decision decide(const report::Report& report, std::optional<base::Severity> fail_on) {
    Decision decision;
    if (!fail_on) {
        return decision;
    }
    for (const auto& finding : report.findings) {
        count(finding, *fail_on, decision.gaps, decision);
    }
    for (const auto& entry : report.not_evaluated) {
        count(entry, *fail_on, decision.undecided, decision);
    }
    decision.fails = decision.gaps + decision.undecided > 0;
    return decision;
}

}  // namespace lexflow::pipeline
