#include "report/test_results.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/printable.hpp"
#include "report/diagnostic_json.hpp"
#include "report/json_stream.hpp"

namespace lexflow::report {

namespace {

std::string location(const TestResult& result) {
    return fmt::format("{}:{}", base::printable(result.file), result.line);
}

/// A failed test: where it is and its name, then each difference as a diff line.
std::string describe_failure(const TestResult& result, bool color) {
    auto out = fmt::format("FAIL {}: {}\n", location(result), base::printable(result.name));
    if (result.model_failed) {
        return out + "  the test's model cannot be loaded (see the errors)\n";
    }
    for (const auto& difference : result.differences) {
        const bool expected = difference.side == TestDifference::Side::expected;
        const auto* start = !color ? "" : expected ? "\x1b[31m" : "\x1b[32m";
        out += fmt::format("  {}{} {}{}\n", start, expected ? "- expected" : "+ reported",
                           base::printable(difference.text), color ? "\x1b[0m" : "");
    }
    for (const auto& note : result.notes) {
        out += fmt::format("  note: {}\n", base::printable(note));
    }
    return out;
}

void write_text(const std::vector<TestResult>& results, bool verbose, bool color,
                std::ostream& out) {
    std::size_t passed = 0;
    for (const auto& result : results) {
        if (!result.passed()) {
            out << describe_failure(result, color);
            continue;
        }
        ++passed;
        if (verbose) {
            out << fmt::format("PASS {}: {}\n", location(result), base::printable(result.name));
        }
    }
    out << fmt::format("{} passed, {} failed\n", passed, results.size() - passed);
}

void write_json(const std::vector<TestResult>& results, std::ostream& out) {
    JsonStream json(out);
    json.begin_object().key("tests").begin_array();
    for (const auto& result : results) {
        json.begin_object()
            .key("name")
            .value(result.name)
            .key("file")
            .value(result.file)
            .key("line")
            .value(result.line)
            .key("rules")
            .strings(result.rules)
            .key("passed")
            .value(result.passed())
            .key("differences")
            .begin_array();
        for (const auto& difference : result.differences) {
            json.begin_object()
                .key("side")
                .value(difference.side == TestDifference::Side::expected ? "expected" : "reported")
                .key("text")
                .value(difference.text)
                .end_object();
        }
        json.end_array().key("notes").strings(result.notes).key("errors");
        write_diagnostics_json(json, result.errors);
        json.end_object();
    }
    const auto passed = static_cast<std::uint64_t>(std::count_if(
        results.begin(), results.end(), [](const TestResult& r) { return r.passed(); }));
    json.end_array()
        .key("passed")
        .value(passed)
        .key("failed")
        .value(results.size() - passed)
        .end_object();
    out << '\n';
}

}  // namespace

void write_test_results(const std::vector<TestResult>& results, TestFormat format, bool verbose,
                        bool color, std::ostream& out) {
    if (format == TestFormat::json) {
        write_json(results, out);
    } else {
        write_text(results, verbose, color, out);
    }
}

}  // namespace lexflow::report
