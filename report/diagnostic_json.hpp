#pragma once

#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "report/json_stream.hpp"
#include "report/report.hpp"

namespace lexflow::report {

/// Diagnostics located by file name, so that writers need no SourceSet.
[[nodiscard]] std::vector<LocatedDiagnostic> locate(const base::Diagnostics& diagnostics,
                                                    const base::SourceSet& sources);

/// Diagnostics as a JSON array for editors and CI: one object per diagnostic
/// with file, line, column, length, level, check (the id), message and help.
void write_diagnostics_json(JsonStream& json, const std::vector<LocatedDiagnostic>& diagnostics);

}  // namespace lexflow::report
