#include "pipeline/decision.hpp"

#include <fmt/format.h>

namespace lexflow::pipeline {

std::string Decision::summary() const {
    auto text = fmt::format("{} gap{}", gaps, gaps == 1 ? "" : "s");
    if (undecided > 0) {
        text += fmt::format(" and {} undecided check{}", undecided, undecided == 1 ? "" : "s");
    }
    return text;
}

Decision decide(const report::Report& report, std::optional<base::Severity> fail_on) {
    Decision decision;
    if (!fail_on) {
        return decision;
    }
    for (const auto& finding : report.findings) {
        decision.gaps += !finding.upcoming && finding.severity >= *fail_on ? 1 : 0;
    }
    for (const auto& entry : report.not_evaluated) {
        decision.undecided += !entry.upcoming && entry.severity >= *fail_on ? 1 : 0;
    }
    decision.fails = decision.gaps + decision.undecided > 0;
    return decision;
}

}  // namespace lexflow::pipeline
