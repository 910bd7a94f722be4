#pragma once

#include <nlohmann/json.hpp>

#include "dsl/diagnostic.hpp"
#include "dsl/source.hpp"

namespace lexflow::cli {

/// Diagnostics as a JSON array for editors and CI: one object per diagnostic
/// with file, line, column, length, level, check (the id), message and help.
[[nodiscard]] nlohmann::ordered_json diagnostics_as_json(const dsl::Diagnostics& diagnostics,
                                                         const dsl::SourceSet& sources);

}  // namespace lexflow::cli
