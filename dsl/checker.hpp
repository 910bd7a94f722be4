#pragma once

#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/rule_set.hpp"

namespace lexflow::dsl {

/// The semantic checks that make parsed files a RuleSet: required fields,
/// severities, unique rule ids, declared packs, bound variables and valid
/// `{...}` interpolation; then the rule tests (see test_checker.hpp). Reports
/// every problem it finds; the result is only meaningful when no error was
/// reported.
[[nodiscard]] RuleSet check_rules(std::vector<RuleFile> files, Diagnostics& diagnostics);

}  // namespace lexflow::dsl
