#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/ast.hpp"
#include "dsl/rule_set.hpp"
#include "report/test_results.hpp"

namespace lexflow::pipeline {

/// The result of one rule test (the test itself says its name and place).
struct TestOutcome {
    /// Why the test could not run: the model is missing or invalid.
    base::Diagnostics model_errors;
    /// Expected but not reported, and reported but not expected; empty when
    /// the test passed. Expected lines first, then reported ones; each part
    /// sorted by rule and subject.
    std::vector<report::TestDifference> differences;
    /// Facts that explain a failure, such as a pack that does not apply.
    std::vector<std::string> notes;

    [[nodiscard]] bool passed() const { return !model_errors.has_errors() && differences.empty(); }
};

/// The path of a test's model file: `model "x.yaml"` is relative to the
/// folder of the test's own file. Empty for an inline model.
[[nodiscard]] std::string model_file_of(const dsl::TestCase& test, const base::SourceSet& sources);

/// The text of a test's model file, read under the same checks as when the
/// test runs; nothing if its model is inline or fails them.
[[nodiscard]] std::optional<std::string> test_model_text(const dsl::TestCase& test,
                                                         base::SourceSet& sources,
                                                         const base::Limits& limits = {});

/// Runs the check pipeline on the test's model (inline, or a file in or
/// below the folder of the test's file: never outside it, even by a link) with only the rules under
/// test, as of the test's date (every rule in force when it has none) and compares what they report
/// with the test's expectations. A finding's witness is compared only when the expectation gives
/// one. A pack of a rule under test that cannot decide whether it applies is always a difference:
/// the model must let it decide.
[[nodiscard]] TestOutcome run_rule_test(const dsl::TestCase& test, const dsl::RuleSet& rules,
                                        base::SourceSet& sources, const base::Limits& limits = {});

}  // namespace lexflow::pipeline
