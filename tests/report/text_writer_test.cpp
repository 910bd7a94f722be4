// The text report of a huge estate stays readable: at most N findings of a
// rule are listed, the others counted, and every rule's count comes first.

#include <doctest/doctest.h>

#include <sstream>

#include "report/writer.hpp"

using lexflow::base::Severity;
using lexflow::report::Finding;
using lexflow::report::Report;

namespace {

Finding finding(const std::string& rule, Severity severity, int index) {
    Finding result;
    result.rule_id = rule;
    result.title = "Title of " + rule;
    result.severity = severity;
    result.subject = {"node", "s" + std::to_string(index), "estate.yaml",
                      static_cast<std::uint32_t>(index + 1), 5};
    result.message = "Message " + std::to_string(index);
    return result;
}

/// 30 findings of BIG (high), then 2 of SMALL (medium), in report order.
Report large_report() {
    Report report;
    report.model_name = "large";
    for (int i = 0; i < 30; ++i) {
        report.findings.push_back(finding("BIG", Severity::high, i));
    }
    for (int i = 0; i < 2; ++i) {
        report.findings.push_back(finding("SMALL", Severity::medium, 100 + i));
    }
    return report;
}

std::string text_of(const Report& report, std::optional<std::size_t> per_rule) {
    std::ostringstream out;
    lexflow::report::make_text_writer(false, false, per_rule)->write(report, out);
    return out.str();
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("at most N findings of a rule are listed, and the others are counted") {
    const auto text = text_of(large_report(), 20);
    CHECK(count_of(text, "Title of BIG") == 20);
    CHECK(text.find("Message 19\n") != std::string::npos);
    CHECK(text.find("Message 20\n") == std::string::npos);
    CHECK(text.find("\n  10 more of BIG not listed (--max-findings N or --all)\n") !=
          std::string::npos);
    CHECK(count_of(text, "Title of SMALL") == 2);
    CHECK(text.find("more of SMALL") == std::string::npos);
    CHECK(text.ends_with("\n32 gaps (30 high, 2 medium)\n"));  // the summary counts them all
}

TEST_CASE("when a listing is cut, every rule's count comes first, most severe first") {
    const auto text = text_of(large_report(), 20);
    const auto summary = text.find(
        "FINDINGS BY RULE (2 rules; at most 20 findings of each are "
        "listed)\n  high           30  BIG\n  medium          2  SMALL\n");
    REQUIRE(summary != std::string::npos);
    CHECK(summary < text.find("HIGH (30)"));
}

TEST_CASE("without a cap, or when nothing is cut, every finding is listed and no summary shown") {
    const auto all = text_of(large_report(), std::nullopt);
    CHECK(count_of(all, "Title of BIG") == 30);
    CHECK(all.find("FINDINGS BY RULE") == std::string::npos);
    CHECK(all.find("not listed") == std::string::npos);
    CHECK(text_of(large_report(), 30) == all);
}
