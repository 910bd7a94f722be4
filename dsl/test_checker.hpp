#pragma once

#include <vector>

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"
#include "dsl/rule_set.hpp"

namespace lexflow::dsl {

/// The semantic checks of rule tests, run once the rules are known: each test
/// has a model, names loaded rules, and expects only what those rules can
/// report; names are unique within a file. Appends the valid tests to
/// `rules.tests` and reports every problem it finds.
void check_tests(std::vector<TestCase> tests, RuleSet& rules, base::Diagnostics& diagnostics);

}  // namespace lexflow::dsl
