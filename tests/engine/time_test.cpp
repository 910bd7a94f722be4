// `today`, dates moved in time, and an effective date that depends on the
// subject: how they decide, with the check's date and without one.

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

using lexflow::testing::evaluate_text;
using lexflow::testing::findings_of;
using lexflow::testing::not_evaluated_of;

using Lines = std::vector<std::string>;

namespace {

const std::string kReviewRule = R"lf(
rule REVIEWED {
  title "Access is reviewed every 12 months"
  severity low
  message "'{r}' was last reviewed on {r.reviewed_on}"
  for every role r require r.reviewed_on >= today - 12 months
}
)lf";

const std::string kRoles = R"(surfaces:
  - {id: crm, kind: crm_object}
roles:
  - {id: fresh, reviewed_on: "2026-01-15"}
  - {id: exactly, reviewed_on: "2025-12-07"}
  - {id: stale, reviewed_on: "2025-12-06"}
  - {id: silent}
)";

const std::string kMarkingRule = R"lf(
rule MARKING {
  title "Generators mark their output"
  severity high
  message "'{g}' does not mark its output"
  effective "2026-08-02"
  effective "2026-12-02" when g.placed_on_market < "2026-08-02"
  for every node g where g.kind == "ai_generator" require g has marking
}
)lf";

const std::string kGenerators = R"(surfaces:
  - {id: new, kind: ai_generator, placed_on_market: "2026-09-01"}
  - {id: old, kind: ai_generator, placed_on_market: "2025-03-01"}
  - {id: undated, kind: ai_generator}
  - {id: marked, kind: ai_generator, placed_on_market: "2025-03-01", marking: c2pa}
)";

std::vector<std::string> upcoming_of(const lexflow::report::Report& report) {
    std::vector<std::string> out;
    for (const auto& finding : report.findings) {
        out.push_back(finding.subject.id + (finding.upcoming ? " upcoming " : " in force ") +
                      finding.effective);
    }
    return out;
}

}  // namespace

TEST_CASE("today is the check's date, and a date moves back by months") {
    const auto evaluation = evaluate_text(kReviewRule, kRoles, "2026-12-07");
    CHECK(findings_of(evaluation.report) == Lines{"REVIEWED role 'stale'"});
    CHECK(not_evaluated_of(evaluation.report) == Lines{"REVIEWED role 'silent' [r.reviewed_on]"});
}

TEST_CASE("without a date to check for, a rule that reads today is not evaluated") {
    const auto evaluation = evaluate_text(kReviewRule, kRoles);
    CHECK(evaluation.report.findings.empty());
    CHECK(not_evaluated_of(evaluation.report) ==
          Lines{"REVIEWED role 'fresh' [today]", "REVIEWED role 'exactly' [today]",
                "REVIEWED role 'stale' [today]", "REVIEWED role 'silent' [r.reviewed_on, today]"});
}

TEST_CASE("days and years move a date too, and a date attribute can be moved") {
    const std::string rules = R"lf(
rule RENEWED {
  title "Contracts are renewed within two years"
  severity low
  message "'{r}'"
  for every role r require r.signed_on + 2 years > today - 30 days
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: crm, kind: crm_object}
roles:
  - {id: recent, signed_on: "2025-01-10"}
  - {id: lapsed, signed_on: "2024-10-01"}
)",
                                          "2026-12-07");
    CHECK(findings_of(evaluation.report) == Lines{"RENEWED role 'lapsed'"});
}

TEST_CASE("a rule's effective date can depend on its subject") {
    // Between the two dates: the new generator's gap is in force, the old
    // one's upcoming, and the undated one cannot be placed on either side.
    const auto between = evaluate_text(kMarkingRule, kGenerators, "2026-11-25");
    CHECK(upcoming_of(between.report) ==
          Lines{"new in force 2026-08-02", "old upcoming 2026-12-02"});
    CHECK(not_evaluated_of(between.report) == Lines{"MARKING node 'undated' [g.placed_on_market]"});
    // After both dates the undated generator is a gap whichever date is its.
    const auto after = evaluate_text(kMarkingRule, kGenerators, "2026-12-07");
    CHECK(upcoming_of(after.report) == Lines{"new in force 2026-08-02", "old in force 2026-12-02",
                                             "undated in force 2026-12-02"});
    CHECK(after.report.not_evaluated.empty());
    // Before both: all upcoming, each from its earliest possible date.
    const auto before = evaluate_text(kMarkingRule, kGenerators, "2026-01-01");
    CHECK(upcoming_of(before.report) == Lines{"new upcoming 2026-08-02", "old upcoming 2026-12-02",
                                              "undated upcoming 2026-08-02"});
}
