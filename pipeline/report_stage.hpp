#pragma once

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "report/report.hpp"

namespace lexflow::pipeline {

/// What a report stage may use besides the report: the check's sources, to
/// register the files it reads (a waiver file, a baseline), and where its
/// errors and warnings go.
struct StageContext {
    base::SourceSet& sources;
    base::Diagnostics& errors;    ///< an error stops the check
    base::Diagnostics& warnings;  ///< kept in the report and shown
    const base::Limits& limits;
};

/// A stage that changes the report after evaluation and before the decision:
/// where waivers and baselines mark or set aside findings. Stages run in the
/// order the check settings list them; an error they report stops the check.
class ReportStage {
  public:
    virtual ~ReportStage() = default;
    virtual void apply(report::Report& report, StageContext& context) const = 0;
};

}  // namespace lexflow::pipeline
