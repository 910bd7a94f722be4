// `exists path` inside a condition: reachability over flows, restricted by
// `through`, decided in three values, in both directions, and the same
// whether one search answers every anchor or each anchor searches alone.

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

using lexflow::testing::evaluate_text;
using lexflow::testing::findings_of;
using lexflow::testing::not_evaluated_of;

using Lines = std::vector<std::string>;

namespace {

/// A rule on AI generators whose requirement is `requirement`.
std::string generator_rule(const std::string& requirement) {
    return "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
           "  for every node g where g.kind == \"ai_generator\"\n    require " +
           requirement + "\n}\n";
}

/// g1 reaches the log through a relay; g2 reaches nothing; g3 only itself
/// through a cycle.
const std::string kEstate = R"(surfaces:
  - {id: g1, kind: ai_generator, tenant: a}
  - {id: g2, kind: ai_generator, tenant: a}
  - {id: g3, kind: ai_generator, tenant: b}
  - {id: relay, kind: sync_job, tenant: a}
  - {id: log, kind: audit_log, tenant: a}
  - {id: loop, kind: sync_job, tenant: b}
flows:
  - {id: f1, from: g1, to: relay, encrypted: true}
  - {id: f2, from: relay, to: log, encrypted: false}
  - {id: f3, from: g3, to: loop}
  - {id: f4, from: loop, to: g3}
)";

}  // namespace

TEST_CASE("exists path follows flows over any number of hops") {
    const auto evaluation = evaluate_text(
        generator_rule("exists path from g to node s where s.kind == \"audit_log\""), kEstate);
    CHECK(findings_of(evaluation.report) == Lines{"R node 'g2'", "R node 'g3'"});
}

TEST_CASE("a node reaches itself only round a cycle, as in path rules") {
    const auto evaluation =
        evaluate_text(generator_rule("exists path from g to node s where s == g"), kEstate);
    CHECK(findings_of(evaluation.report) == Lines{"R node 'g1'", "R node 'g2'"});
}

TEST_CASE("exists path to x walks flows backwards") {
    const std::string rules = R"lf(
rule FED {
  title "t"
  severity low
  message "m"
  for every node s where s.kind == "audit_log"
    require not (exists path to s from node g where g.kind == "ai_generator")
}
)lf";
    const auto evaluation = evaluate_text(rules, kEstate);
    CHECK(findings_of(evaluation.report) == Lines{"FED node 'log'"});
}

TEST_CASE("through restricts the flows a path may follow") {
    const auto evaluation = evaluate_text(
        generator_rule("exists path from g to node s where s.kind == \"audit_log\" through flow "
                       "t where t.encrypted == true"),
        kEstate);
    // f2 into the log is not encrypted; g3's unknown flows lead to no log.
    CHECK(findings_of(evaluation.report) == Lines{"R node 'g1'", "R node 'g2'", "R node 'g3'"});
    CHECK(evaluation.report.not_evaluated.empty());
}

TEST_CASE("an unknown flow on the only path leaves the answer undecided, naming it") {
    const auto evaluation = evaluate_text(
        generator_rule("exists path from g to node s where s == g through flow t where "
                       "t.encrypted == true"),
        kEstate);
    CHECK(findings_of(evaluation.report) == Lines{"R node 'g1'", "R node 'g2'"});
    CHECK(not_evaluated_of(evaluation.report) == Lines{"R node 'g3' [t.encrypted]"});
}

TEST_CASE("an end whose condition reads the anchor is searched for each anchor") {
    // Same tenant as the generator: g1's relay and log are tenant a; g3's
    // loop is b, and g3 itself is b (round the cycle).
    const auto evaluation = evaluate_text(
        generator_rule("exists path from g to node s where s.tenant == g.tenant and s != g"),
        kEstate);
    CHECK(findings_of(evaluation.report) == Lines{"R node 'g2'"});
}

TEST_CASE("an undecided end is not evaluated unless a certain path settles it") {
    const std::string estate = R"(surfaces:
  - {id: g1, kind: ai_generator}
  - {id: g2, kind: ai_generator}
  - {id: known, kind: hr_system, hr_decisions: true}
  - {id: silent, kind: hr_system}
flows:
  - {id: f1, from: g1, to: silent}
  - {id: f2, from: g1, to: known}
  - {id: f3, from: g2, to: silent}
)";
    for (const auto* end : {"s.hr_decisions == true", "s.hr_decisions == true and g == g"}) {
        CAPTURE(end);
        const auto evaluation = evaluate_text(
            generator_rule(std::string("not (exists path from g to node s where ") + end + ")"),
            estate);
        CHECK(findings_of(evaluation.report) == Lines{"R node 'g1'"});
        CHECK(not_evaluated_of(evaluation.report) == Lines{"R node 'g2' [s.hr_decisions]"});
    }
}

TEST_CASE("exists path nests inside the end condition of another") {
    const auto evaluation = evaluate_text(
        generator_rule("exists path from g to node s where s.kind == \"sync_job\" and (exists "
                       "path from s to node l where l.kind == \"audit_log\" and l.tenant == "
                       "g.tenant)"),
        kEstate);
    CHECK(findings_of(evaluation.report) == Lines{"R node 'g2'", "R node 'g3'"});
}
