#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/report_stage.hpp"

namespace lexflow::pipeline {

/// Applies a waiver file (docs/waivers.md) to the report. A waiver in force
/// marks the findings and undecided checks of its rule on its subject as
/// waived: they stay in the report, with the waiver, and no longer fail the
/// check. A waiver past its expiry date waives nothing and is reported, as is
/// one that matches nothing (stale), so that no waiver rots unseen. A
/// malformed waiver file is an error that stops the check.
class WaiverStage final : public ReportStage {
  public:
    /// `max_days`: how far past the check's date a waiver may expire; none:
    /// no limit.
    WaiverStage(std::string path, std::optional<std::int64_t> max_days)
        : path_(std::move(path)), max_days_(max_days) {}

    void apply(report::Report& report, StageContext& context) const override;

  private:
    std::string path_;
    std::optional<std::int64_t> max_days_;
};

}  // namespace lexflow::pipeline
