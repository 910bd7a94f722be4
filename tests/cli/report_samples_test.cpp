// The sample reports in the README and in docs/cli.md are the real output
// of the example check, shortened with "..." lines: every other line must be
// a line of the report, in the same order. The examples README's table of
// expected findings is the example's report, finding for finding.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
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

TEST_CASE("the examples README lists exactly the example's findings, with their severities") {
    const auto result =
        run_lexflow("check examples/acme-crm/estate.yaml --as-of 2026-11-25 --format json");
    REQUIRE(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    std::set<std::string> reported;
    for (const auto& finding : report.at("findings")) {
        const auto& subject = finding.at("subject");
        reported.insert(finding.at("rule_id").get<std::string>() + " " +
                        finding.at("severity").get<std::string>() + " " +
                        subject.at("kind").get<std::string>() + " " +
                        subject.at("id").get<std::string>());
    }
    const auto readme = read_text(source_path("examples/README.md"));
    const auto begin = readme.find("## Expected findings in acme-crm");
    const auto end = readme.find("Checked as of 2026-12-02");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    // Rows read "| RULE | SEVERITY | KIND `ID` | ...".
    const std::regex row(R"(\| (\S+) \| (\w+) \| (node|flow|role) `([^`]+)` \|)");
    std::set<std::string> listed;
    for (const auto& line : lines_of(readme.substr(begin, end - begin))) {
        std::smatch match;
        if (std::regex_search(line, match, row) && match.position(0) == 0) {
            listed.insert(match[1].str() + " " + match[2].str() + " " + match[3].str() + " " +
                          match[4].str());
        }
    }
    for (const auto& item : reported) {
        CHECK_MESSAGE(listed.count(item) == 1, "not in the README: " << item);
    }
    for (const auto& item : listed) {
        CHECK_MESSAGE(reported.count(item) == 1, "not in the report: " << item);
    }
}
