#pragma once

#include <vector>

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"
#include "dsl/rule_set.hpp"

namespace lexflow::dsl {

/// What to do with the rule tests in the files.
enum class RuleTests {
    check,   ///< check them and keep them in RuleSet::tests (lexflow test, lint)
    ignore,  ///< drop them unchecked: they are no input to a gap check
};

/// The semantic checks that make parsed files a RuleSet: required fields,
/// severities, unique rule ids, declared packs, bound variables and valid
/// `{...}` interpolation; then, if asked, the rule tests (see
/// test_checker.hpp). Reports every problem it finds; the result is only
/// meaningful when no error was reported.
[[nodiscard]] RuleSet check_rules(std::vector<RuleFile> files, base::Diagnostics& diagnostics,
                                  RuleTests tests = RuleTests::check);

}  // namespace lexflow::dsl
