#pragma once

#include <string>

#include "report/report.hpp"

namespace lexflow::report {

/// A finding's identity across runs: 16 hex digits of a 64-bit FNV-1a hash of
/// its rule id, its subject (kind and id) and the ids of its witness's two
/// ends. Nothing that a reformatted, reordered or re-split model changes goes
/// in: no line, no file, no message, no rule order. Two findings of one rule
/// on one subject differ by their witness ends (`report per source`).
[[nodiscard]] std::string fingerprint(const Finding& finding);
/// The same for a check that could not be decided.
[[nodiscard]] std::string fingerprint(const NotEvaluated& entry);

/// Sets the fingerprint of every finding and undecided check of `report`.
void assign_fingerprints(Report& report);

}  // namespace lexflow::report
