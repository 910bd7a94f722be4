#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace lexflow::report {

/// One line of a test's difference between what it expects and what its rules
/// reported, written as the test language writes an expectation, so that a
/// reported line can be pasted into the test after `expect`.
struct TestDifference {
    enum class Side { expected, reported };
    Side side = Side::expected;
    std::string text;  ///< e.g. `AIA-50-2-MARKING on node "generator"`

    friend bool operator==(const TestDifference&, const TestDifference&) = default;
};

/// The result of one rule test, as `lexflow test` shows it.
struct TestResult {
    std::string name;
    std::string file;
    std::uint32_t line = 0;
    std::vector<std::string> rules;  ///< the rules under test
    bool model_failed = false;       ///< its model is missing or invalid (see `errors`)
    /// Expected but not reported, and reported but not expected: empty when
    /// the test passed. Expected lines first, then reported ones.
    std::vector<TestDifference> differences;
    std::vector<std::string> notes;  ///< facts that explain a failure
    std::vector<LocatedDiagnostic> errors;

    [[nodiscard]] bool passed() const { return !model_failed && differences.empty(); }
};

enum class TestFormat { text, json };

/// Text: each failure with its file, line and name and the difference as
/// diff lines (passes too when `verbose`), then "N passed, N failed".
/// JSON: {"tests": [...], "passed": N, "failed": N}.
void write_test_results(const std::vector<TestResult>& results, TestFormat format, bool verbose,
                        bool color, std::ostream& out);

}  // namespace lexflow::report
