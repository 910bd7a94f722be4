#include "pipeline/baseline_stage.hpp"

#include <set>

#include "pipeline/baseline_file.hpp"
#include "pipeline/input_files.hpp"

namespace lexflow::pipeline {

namespace {

/// Marks one finding or undecided check, and counts it.
template <typename Gap>
void mark(Gap& gap, const BaselineGaps& baseline, report::BaselineSummary& summary,
          std::set<std::string>& seen) {
    seen.insert(gap.fingerprint);
    const bool known = baseline.contains(gap.fingerprint);
    gap.baseline = known ? report::BaselineState::known : report::BaselineState::added;
    ++(known ? summary.known : summary.added);
}

template <typename Gap>
void add_gap(const Gap& gap, const std::optional<report::Subject>& subject, BaselineGaps& gaps) {
    gaps.emplace(gap.fingerprint,
                 report::ClosedGap{gap.fingerprint, gap.rule_id, subject ? subject->kind : "pack",
                                   subject ? subject->id : gap.pack});
}

}  // namespace

BaselineGaps gaps_of(const report::Report& report) {
    BaselineGaps gaps;
    for (const auto& finding : report.findings) {
        add_gap(finding, finding.subject, gaps);
    }
    for (const auto& entry : report.not_evaluated) {
        add_gap(entry, entry.subject, gaps);
    }
    return gaps;
}

void compare_with_baseline(report::Report& report, const BaselineGaps& baseline, std::string name) {
    report::BaselineSummary summary;
    summary.file = std::move(name);
    std::set<std::string> seen;
    for (auto& finding : report.findings) {
        mark(finding, baseline, summary, seen);
    }
    for (auto& entry : report.not_evaluated) {
        mark(entry, baseline, summary, seen);
    }
    for (const auto& [fingerprint, gap] : baseline) {
        if (!seen.contains(fingerprint)) {
            summary.closed.push_back(gap);
        }
    }
    report.baseline = std::move(summary);
}

void BaselineStage::apply(report::Report& report, StageContext& context) const {
    const InputRule rule{"baseline report", &base::Limits::model_file_size,
                         tree_of_named_path(path_),
                         "pass a report written by 'lexflow check --format json'"};
    if (!admit_input(path_, rule, context.limits, context.sources, context.errors)) {
        return;
    }
    const auto file = context.sources.add_on_disk(path_);
    const auto baseline = read_baseline_file(file, context.sources, context.errors);
    if (baseline) {
        compare_with_baseline(report, *baseline, path_);
    }
}

}  // namespace lexflow::pipeline
