#pragma once

#include "base/diagnostic.hpp"
#include "report/report.hpp"

namespace lexflow::pipeline {

/// A stage that changes the report after evaluation and before the decision:
/// where waivers and baselines mark or set aside findings. Stages run in the
/// order the check settings list them; an error they report stops the check.
class ReportStage {
  public:
    virtual ~ReportStage() = default;
    virtual void apply(report::Report& report, base::Diagnostics& diagnostics) const = 0;
};

}  // namespace lexflow::pipeline
