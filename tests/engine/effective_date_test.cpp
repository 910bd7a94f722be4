// Rules that apply from a date: gaps found before it are upcoming.

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

namespace {

const std::string kRule = R"lf(
rule HR-LOGGING {
  title "High-risk systems log events" severity high effective "2027-12-02"
  message "'{x}' keeps no event log"
  for every node x where x.high_risk == true require x has event_log
}
rule NOW {
  title "Always in force" severity low
  message "'{x}' has no owner"
  for every node x require x has owner
}
)lf";

const std::string kModel =
    "surfaces:\n  - {id: hr-screener, kind: ai_generator, high_risk: true}\n";

}  // namespace

TEST_CASE("a gap under a rule not yet in force is upcoming, with its date") {
    const auto evaluation = lexflow::testing::evaluate_text(kRule, kModel, "2026-11-25");
    const auto& findings = evaluation.report.findings;
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule_id == "HR-LOGGING");
    CHECK(findings[0].effective == "2027-12-02");
    CHECK(findings[0].upcoming);
    CHECK(findings[1].rule_id == "NOW");
    CHECK(findings[1].effective.empty());
    CHECK_FALSE(findings[1].upcoming);
    CHECK(evaluation.report.as_of == "2026-11-25");
}

TEST_CASE("on and after its date the rule is in force (near miss)") {
    for (const auto* date : {"2027-12-02", "2030-01-01"}) {
        CAPTURE(date);
        const auto evaluation = lexflow::testing::evaluate_text(kRule, kModel, date);
        REQUIRE(evaluation.report.findings.size() == 2);
        CHECK_FALSE(evaluation.report.findings[0].upcoming);
    }
}

TEST_CASE("without a date to check for, every rule is in force") {
    const auto evaluation = lexflow::testing::evaluate_text(kRule, kModel);
    REQUIRE(evaluation.report.findings.size() == 2);
    CHECK_FALSE(evaluation.report.findings[0].upcoming);
}

TEST_CASE("undecided subjects of a rule not yet in force are upcoming too") {
    const auto evaluation = lexflow::testing::evaluate_text(
        kRule, "surfaces:\n  - {id: hr-screener, kind: ai_generator, owner: hr}\n", "2026-11-25");
    REQUIRE(evaluation.report.not_evaluated.size() == 1);
    CHECK(evaluation.report.not_evaluated[0].upcoming);
    CHECK(evaluation.report.not_evaluated[0].effective == "2027-12-02");
}
