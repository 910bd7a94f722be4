#pragma once

#include <string>

#include "pipeline/baseline_file.hpp"
#include "pipeline/report_stage.hpp"

namespace lexflow::pipeline {

/// Compares the report with a baseline, an earlier JSON report of the same
/// estate: each finding and undecided check is marked new or known by its
/// fingerprint, and the baseline's gaps that are gone are listed as closed.
/// Known gaps stay in the report and no longer fail the check, so a team can
/// adopt lexflow on an estate with gaps and fail only on the ones a change
/// opens.
/// The gaps of a report, by fingerprint: a baseline made from a report in
/// memory (`lexflow diff` compares with the check of the model before).
[[nodiscard]] BaselineGaps gaps_of(const report::Report& report);

/// Marks each finding and undecided check of `report` new or known, and sets
/// its baseline summary: the counts, and the gaps of `baseline` it no longer
/// has. `name` names the baseline (its file) in the report.
void compare_with_baseline(report::Report& report, const BaselineGaps& baseline, std::string name);

class BaselineStage final : public ReportStage {
  public:
    explicit BaselineStage(std::string path) : path_(std::move(path)) {}

    void apply(report::Report& report, StageContext& context) const override;

  private:
    std::string path_;
};

}  // namespace lexflow::pipeline
