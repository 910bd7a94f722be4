#pragma once

#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/rule_set.hpp"
#include "dsl/source.hpp"

namespace lexflow::engine {

/// One line of a test's difference between what it expects and what its rules
/// reported, written as the test language writes an expectation, so that a
/// reported line can be pasted into the test after `expect`.
struct TestDifference {
    enum class Side { expected, reported };
    Side side = Side::expected;
    std::string text;  ///< e.g. `AIA-50-2-MARKING on node "generator"`

    friend bool operator==(const TestDifference&, const TestDifference&) = default;
};

/// The result of one rule test (the test itself says its name and place).
struct TestOutcome {
    /// Why the test could not run: the model is missing or invalid.
    dsl::Diagnostics model_errors;
    /// Expected but not reported, and reported but not expected; empty when
    /// the test passed. Expected lines first, then reported ones; each part
    /// sorted by rule and subject.
    std::vector<TestDifference> differences;
    /// Facts that explain a failure, such as a pack that does not apply.
    std::vector<std::string> notes;

    [[nodiscard]] bool passed() const { return !model_errors.has_errors() && differences.empty(); }
};

/// The path of a test's model file: `model "x.yaml"` is relative to the
/// folder of the test's own file. Empty for an inline model.
[[nodiscard]] std::string model_file_of(const dsl::TestCase& test, const dsl::SourceSet& sources);

/// Loads the test's model (inline, or a file relative to the test's file),
/// evaluates the rules under test on it as of the test's date (every rule in
/// force when it has none) and compares what they report with the test's
/// expectations. A finding's witness is compared only when the expectation
/// gives one. A pack of a rule under test that cannot decide whether it
/// applies is always a difference: the model must let it decide.
[[nodiscard]] TestOutcome run_rule_test(const dsl::TestCase& test, const dsl::RuleSet& rules,
                                        dsl::SourceSet& sources);

}  // namespace lexflow::engine
