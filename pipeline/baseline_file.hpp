#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "report/report.hpp"

namespace lexflow::pipeline {

/// The gaps of an earlier JSON report (`check --format json`), by
/// fingerprint: its findings and its undecided checks.
using BaselineGaps = std::map<std::string, report::ClosedGap>;

/// Reads the gaps of a JSON report. A report written before findings had
/// fingerprints gets them computed from its rule ids, subjects and witnesses,
/// as lexflow computes them now. Only the keys that identify a gap are kept,
/// so memory grows with the number of gaps, not with the report's size.
/// Something that is not a lexflow JSON report is a located error: none.
[[nodiscard]] std::optional<BaselineGaps> read_baseline_file(base::FileId file,
                                                             const base::SourceSet& sources,
                                                             base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
