// The sample reports in the README and in docs/cli.md are the real output
// of the example check, shortened with "..." lines: every other line must be
// a line of the report, in the same order.

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/support/golden.hpp"
#include "tests/support/markdown.hpp"
#include "tests/support/run_lexflow.hpp"

namespace {

using lexflow::testing::block_after;
using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;
using lexflow::testing::source_path;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// Checks that the sample's lines, but for "..." and the command line, come
/// in the report in the same order.
void check_sample(const std::string& sample, const std::string& report) {
    const auto report_lines = lines_of(report);
    std::size_t next = 0;
    for (const auto& line : lines_of(sample)) {
        if (line == "..." || line.starts_with("$ ")) {
            continue;
        }
        CAPTURE(line);
        while (next < report_lines.size() && report_lines[next] != line) {
            ++next;
        }
        REQUIRE_MESSAGE(next < report_lines.size(), "not in the report, or out of order");
        ++next;
    }
}

}  // namespace

TEST_CASE("the README's sample report is the example's real report, shortened") {
    const auto result = run_lexflow("check examples/acme-crm/estate.yaml --as-of 2026-11-25");
    REQUIRE(result.exit_code == 1);
    check_sample(block_after(read_text(source_path("README.md")),
                             "It is built to run in CI before a deployment."),
                 result.out);
}

TEST_CASE("docs/cli.md's sample text report is the example's real report, shortened") {
    const auto result = run_lexflow("check examples/acme-crm/estate.yaml --as-of 2026-11-25");
    REQUIRE(result.exit_code == 1);
    check_sample(block_after(read_text(source_path("docs/cli.md")), "## The text report"),
                 result.out);
}
