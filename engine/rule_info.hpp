#pragma once

#include "dsl/ast.hpp"
#include "report/report.hpp"

namespace lexflow::engine {

/// A rule's metadata as reports carry it.
[[nodiscard]] report::RuleInfo rule_info(const dsl::Rule& rule);

}  // namespace lexflow::engine
