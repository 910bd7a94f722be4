// Path rules on hand-built graphs whose answer is known: each form has a case
// that fires and a near miss that must not.

#include <doctest/doctest.h>

#include <string>

#include "tests/engine/engine_test_support.hpp"

namespace {

using lexflow::report::Report;

/// Checks `model_yaml` against `rules_text` and returns the report.
Report check(const std::string& rules_text, const std::string& model_yaml) {
    return lexflow::testing::evaluate_text(rules_text, model_yaml).report;
}

/// The ids of the surfaces and flows of a finding's witness, " "-separated.
std::string witness_of(const lexflow::report::Finding& finding) {
    std::string out;
    for (const auto& step : finding.witness) {
        out += (out.empty() ? "" : " ") + step.id;
    }
    return out;
}

std::vector<std::string> subjects(const Report& report) {
    std::vector<std::string> ids;
    for (const auto& finding : report.findings) {
        ids.push_back(finding.subject.id);
    }
    return ids;
}

const std::string kLabelRule = R"lf(
rule LABEL {
  title "AI content reaches customers behind a label" severity high
  message "'{g}' reaches '{s}' unlabelled"
  for every path from node g where g.kind == "gen"
                 to   node s where s.kind == "portal"
    require passes node d where d has controls and "label" in d.controls
}
)lf";

}  // namespace

TEST_CASE("passes: a diamond where only one branch has the control fires on the other") {
    const auto report = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api}
  - {id: b, kind: api, controls: [label]}
  - {id: c, kind: api}
  - {id: s, kind: portal}
flows:
  - {from: g, to: a}
  - {from: a, to: b}
  - {from: a, to: c}
  - {from: b, to: s}
  - {from: c, to: s}
)");
    REQUIRE(report.findings.size() == 1);
    const auto& finding = report.findings[0];
    CHECK(finding.subject.id == "s");
    CHECK(finding.subject.kind == "node");
    CHECK(finding.message == "'g' reaches 's' unlabelled");
    CHECK(witness_of(finding) == "g g->a a a->c c c->s s");
    CHECK(finding.witness[1].kind == "flow");
    CHECK(finding.witness[1].line == 9);
    CHECK(report.not_evaluated.empty());
}

TEST_CASE("passes: a control upstream of a fork covers every branch (near miss)") {
    const auto report = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api, controls: [label]}
  - {id: b, kind: api}
  - {id: c, kind: api}
  - {id: s, kind: portal}
  - {id: t, kind: portal}
flows:
  - {from: g, to: a}
  - {from: a, to: b}
  - {from: a, to: c}
  - {from: b, to: s}
  - {from: c, to: t}
)");
    CHECK(report.findings.empty());
    CHECK(report.not_evaluated.empty());
}

TEST_CASE("passes: the ends of a path count as being on it (near miss)") {
    const auto labelled_target = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: s, kind: portal, controls: [label]}
flows:
  - {from: g, to: s}
)");
    CHECK(labelled_target.findings.empty());
    const auto labelled_source = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen, controls: [label]}
  - {id: s, kind: portal}
flows:
  - {from: g, to: s}
)");
    CHECK(labelled_source.findings.empty());
}

TEST_CASE("passes: a control on a side branch covers nothing else") {
    const auto report = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api}
  - {id: side, kind: api, controls: [label]}
  - {id: s, kind: portal}
  - {id: t, kind: portal}
flows:
  - {from: g, to: a}
  - {from: a, to: side}
  - {from: side, to: t}
  - {from: a, to: s}
)");
    CHECK(subjects(report) == std::vector<std::string>{"s"});
    CHECK(witness_of(report.findings[0]) == "g g->a a a->s s");
}

TEST_CASE("passes: cycles are followed once and do not hide a gap") {
    const auto report = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api}
  - {id: b, kind: api, controls: [label]}
  - {id: s, kind: portal}
flows:
  - {from: g, to: a}
  - {from: a, to: b}
  - {from: b, to: a}
  - {from: a, to: a}
  - {from: a, to: s}
)");
    CHECK(subjects(report) == std::vector<std::string>{"s"});
    CHECK(witness_of(report.findings[0]) == "g g->a a a->s s");
}

TEST_CASE("passes: a node that is source and target needs a path of one flow or more") {
    const std::string rule = R"lf(
rule SELF {
  title "t" severity low message "'{g}' reaches '{s}'"
  for every path from node g where g.kind == "both" to node s where s.kind == "both"
    require passes node d where d has controls
}
)lf";
    const auto lonely = check(rule, "surfaces:\n  - {id: x, kind: both}\n");
    CHECK(lonely.findings.empty());
    const auto looped = check(rule, R"(
surfaces:
  - {id: x, kind: both}
flows:
  - {from: x, to: x}
)");
    REQUIRE(looped.findings.size() == 1);
    CHECK(witness_of(looped.findings[0]) == "x x->x x");
}

TEST_CASE("passes: disconnected parts are never reached (near miss)") {
    const auto report = check(kLabelRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api}
  - {id: s, kind: portal}
flows:
  - {from: g, to: a}
  - {from: s, to: a}
)");
    CHECK(report.findings.empty());
}

TEST_CASE("passes: a 10,000-hop chain neither overflows the stack nor loses the witness's ends") {
    std::string yaml = "surfaces:\n  - {id: g, kind: gen}\n";
    for (int i = 0; i < 10000; ++i) {
        yaml += "  - {id: n" + std::to_string(i) + ", kind: api}\n";
    }
    yaml += "  - {id: s, kind: portal}\nflows:\n  - {from: g, to: n0}\n";
    for (int i = 0; i + 1 < 10000; ++i) {
        yaml += "  - {from: n" + std::to_string(i) + ", to: n" + std::to_string(i + 1) + "}\n";
    }
    yaml += "  - {from: n9999, to: s}\n";
    const auto report = check(kLabelRule, yaml);
    REQUIRE(report.findings.size() == 1);
    // 10,001 flows: the first and last 32 are kept.
    CHECK(report.findings[0].witness.size() == 2 * 32 * 2 + 2);
    CHECK(report.findings[0].witness_omitted.flows == 10001 - 64);
    CHECK(report.findings[0].witness.front().id == "g");
    CHECK(report.findings[0].witness.back().id == "s");

    const auto pos = yaml.find("{id: n5000, kind: api}");
    auto controlled = yaml;
    controlled.replace(pos, std::string("{id: n5000, kind: api}").size(),
                       "{id: n5000, kind: api, controls: [label]}");
    CHECK(check(kLabelRule, controlled).findings.empty());
}

TEST_CASE("passes: witness ties go to the source with the smallest id") {
    const auto report = check(kLabelRule, R"(
surfaces:
  - {id: zeta, kind: gen}
  - {id: alpha, kind: gen}
  - {id: s, kind: portal}
flows:
  - {from: zeta, to: s}
  - {from: alpha, to: s}
)");
    REQUIRE(report.findings.size() == 1);
    CHECK(witness_of(report.findings[0]) == "alpha alpha->s s");
}

TEST_CASE("passes: an unknown control on the only path leaves the target not evaluated") {
    const std::string rule = R"lf(
rule LABEL2 {
  title "t" severity high message "m"
  for every path from node g where g.kind == "gen" to node s where s.kind == "portal"
    require passes node d where "label" in d.controls
}
)lf";
    const auto report = check(rule, R"(
surfaces:
  - {id: g, kind: gen, controls: []}
  - {id: a, kind: api}
  - {id: s, kind: portal, controls: []}
flows:
  - {from: g, to: a}
  - {from: a, to: s}
)");
    CHECK(report.findings.empty());
    REQUIRE(report.not_evaluated.size() == 1);
    CHECK(report.not_evaluated[0].subject->id == "s");
    CHECK(report.not_evaluated[0].missing == std::vector<std::string>{"d.controls"});
    CHECK(report.not_evaluated[0].witness.size() == 5);

    // A second, certainly uncontrolled path makes it a finding.
    const auto certain = check(rule, R"(
surfaces:
  - {id: g, kind: gen, controls: []}
  - {id: a, kind: api}
  - {id: b, kind: api, controls: []}
  - {id: s, kind: portal, controls: []}
flows:
  - {from: g, to: a}
  - {from: a, to: s}
  - {from: g, to: b}
  - {from: b, to: s}
)");
    REQUIRE(certain.findings.size() == 1);
    CHECK(witness_of(certain.findings[0]) == "g g->b b b->s s");
    CHECK(certain.not_evaluated.empty());
}

namespace {

const std::string kProvenanceRule = R"lf(
rule PROVENANCE {
  title "Provenance survives every hop" severity medium
  message "'{f}' drops provenance on the way from '{g}' to '{s}'"
  for every path from node g where g.kind == "gen" to node s where s.kind == "record"
    require every flow f satisfies f has carries and "provenance" in f.carries
}
)lf";

}  // namespace

TEST_CASE("every flow: one hop that drops provenance fires and is named") {
    const auto report = check(kProvenanceRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: etl, kind: job}
  - {id: r, kind: record}
flows:
  - {from: g, to: etl, carries: [provenance]}
  - {id: strip, from: etl, to: r, carries: [body]}
)");
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].message == "'strip' drops provenance on the way from 'g' to 'r'");
    CHECK(witness_of(report.findings[0]) == "g g->etl etl strip r");
}

TEST_CASE("every flow: paths whose flows all carry provenance pass (near miss)") {
    const auto report = check(kProvenanceRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: etl, kind: job}
  - {id: r, kind: record}
flows:
  - {from: g, to: etl, carries: [provenance]}
  - {from: etl, to: r, carries: [provenance, body]}
  - {from: r, to: etl, carries: [provenance]}
)");
    CHECK(report.findings.empty());
}

TEST_CASE("every flow: a bad flow upstream of a fork breaks both branches") {
    const auto report = check(kProvenanceRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: hub, kind: job}
  - {id: r1, kind: record}
  - {id: r2, kind: record}
flows:
  - {from: g, to: hub, carries: []}
  - {from: hub, to: r1, carries: [provenance]}
  - {from: hub, to: r2, carries: [provenance]}
)");
    CHECK(subjects(report) == std::vector<std::string>{"r1", "r2"});
}

TEST_CASE("every flow: a good path does not excuse a bad one into the same target") {
    const auto report = check(kProvenanceRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: job}
  - {id: b, kind: job}
  - {id: r, kind: record}
flows:
  - {from: g, to: a, carries: [provenance]}
  - {from: a, to: r, carries: [provenance]}
  - {from: g, to: b, carries: [provenance]}
  - {from: b, to: r, carries: []}
)");
    REQUIRE(report.findings.size() == 1);
    CHECK(witness_of(report.findings[0]) == "g g->b b b->r r");
}

namespace {

const std::string kNoPathRule = R"lf(
rule TEST-LEAK {
  title "Test data never reaches production" severity high
  message "test surface '{g}' reaches production surface '{s}'"
  for every path from node g where g.environment == "test"
                 to   node s where s.environment == "production"
    require no path unless passes node d where d has controls and "test_filter" in d.controls
  report per source
}
)lf";

}  // namespace

TEST_CASE("no path: a test sandbox that reaches production is reported per source") {
    const auto report = check(kNoPathRule, R"(
surfaces:
  - {id: sandbox, kind: crm, environment: test}
  - {id: sync, kind: job, environment: staging}
  - {id: prod, kind: crm, environment: production}
flows:
  - {from: sandbox, to: sync}
  - {from: sync, to: prod}
)");
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].subject.id == "sandbox");
    CHECK(report.findings[0].message == "test surface 'sandbox' reaches production surface 'prod'");
    CHECK(witness_of(report.findings[0]) == "sandbox sandbox->sync sync sync->prod prod");
}

TEST_CASE("no path unless: a filter on the way passes (near miss)") {
    const auto report = check(kNoPathRule, R"(
surfaces:
  - {id: sandbox, kind: crm, environment: test}
  - {id: sync, kind: job, environment: staging, controls: [test_filter]}
  - {id: prod, kind: crm, environment: production}
flows:
  - {from: sandbox, to: sync}
  - {from: sync, to: prod}
)");
    CHECK(report.findings.empty());
    CHECK(report.not_evaluated.empty());
}

TEST_CASE("no path: without 'unless', any path is a gap") {
    const std::string rule = R"lf(
rule NEVER {
  title "t" severity low message "'{g}' reaches '{s}'"
  for every path from node g where g.kind == "a" to node s where s.kind == "b"
    require no path
}
)lf";
    const std::string model = R"(
surfaces:
  - {id: x, kind: a, controls: [anything]}
  - {id: y, kind: b}
flows:
  - {from: x, to: y}
)";
    CHECK(subjects(check(rule, model)) == std::vector<std::string>{"y"});
}

namespace {

const std::string kTenantRule = R"lf(
rule CROSS-TENANT {
  title "Synthetic content crosses tenants only under governance" severity high
  message "synthetic content from '{g}' ({g.tenant}) reaches '{s}' ({s.tenant})"
  for every path from node g where g.synthetic == true
                 to   node s where s.tenant != g.tenant
    require passes node d where d has controls and "tenant_governance" in d.controls
}
)lf";

}  // namespace

TEST_CASE("two ends: content reaching another tenant fires, the same tenant does not") {
    const auto report = check(kTenantRule, R"(
surfaces:
  - {id: gen-a, kind: gen, synthetic: true, tenant: a}
  - {id: gen-b, kind: gen, synthetic: true, tenant: b}
  - {id: share, kind: share, tenant: a}
  - {id: crm-a, kind: crm, tenant: a}
  - {id: crm-b, kind: crm, tenant: b}
flows:
  - {from: gen-a, to: share}
  - {from: share, to: crm-a}
  - {from: share, to: crm-b}
  - {from: gen-b, to: crm-b}
)");
    // gen-b reaches crm-b, its own tenant: no gap. gen-a reaches crm-b: a gap.
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].subject.id == "crm-b");
    CHECK(report.findings[0].message == "synthetic content from 'gen-a' (a) reaches 'crm-b' (b)");
    CHECK(witness_of(report.findings[0]) == "gen-a gen-a->share share share->crm-b crm-b");
}

TEST_CASE("two ends: a governed share covers every tenant it reaches (near miss)") {
    const auto report = check(kTenantRule, R"(
surfaces:
  - {id: gen-a, kind: gen, synthetic: true, tenant: a}
  - {id: share, kind: share, tenant: a, controls: [tenant_governance]}
  - {id: crm-b, kind: crm, tenant: b}
flows:
  - {from: gen-a, to: share}
  - {from: share, to: crm-b}
)");
    CHECK(report.findings.empty());
}

TEST_CASE("path findings are deterministic and de-duplicated") {
    const std::string model = R"(
surfaces:
  - {id: g1, kind: gen}
  - {id: g2, kind: gen}
  - {id: a, kind: api}
  - {id: s, kind: portal}
flows:
  - {from: g1, to: a}
  - {from: g2, to: a}
  - {from: a, to: s}
  - {from: g1, to: s}
)";
    const auto first = check(kLabelRule, model);
    const auto second = check(kLabelRule, model);
    REQUIRE(first.findings.size() == 1);  // one target: one finding, however many paths
    CHECK(witness_of(first.findings[0]) == "g1 g1->s s");
    CHECK(witness_of(second.findings[0]) == witness_of(first.findings[0]));
}

TEST_CASE("passes flow: a labelled flow covers the paths through it") {
    const std::string rule = R"lf(
rule FLOW-LABEL {
  title "t" severity high message "'{g}' reaches '{s}' unlabelled"
  for every path from node g where g.kind == "gen" to node s where s.kind == "portal"
    require passes flow f where f has controls and "label" in f.controls
}
)lf";
    const auto report = check(rule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api}
  - {id: b, kind: api}
  - {id: s, kind: portal}
flows:
  - {from: g, to: a}
  - {from: a, to: s, controls: [label]}
  - {from: a, to: b}
  - {from: b, to: s}
)");
    REQUIRE(report.findings.size() == 1);
    CHECK(witness_of(report.findings[0]) == "g g->a a a->b b b->s s");

    const auto covered = check(rule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: a, kind: api}
  - {id: s, kind: portal}
flows:
  - {from: g, to: a, controls: [label]}
  - {from: a, to: s}
)");
    CHECK(covered.findings.empty());
}

TEST_CASE("through: paths follow only the flows the rule names") {
    const std::string rule = R"lf(
rule CONTENT-PROVENANCE {
  title "t" severity medium message "'{f}' drops provenance"
  for every path from node g where g.kind == "gen" to node s where s.kind == "record"
    through flow t where t.classification != "human"
    require every flow f satisfies "provenance" in f.carries
}
)lf";
    const std::string model = R"(
surfaces:
  - {id: g, kind: gen}
  - {id: notes, kind: app}
  - {id: r, kind: record}
flows:
  - {from: g, to: notes, classification: synthetic, carries: [provenance]}
  - {id: typed-notes, from: notes, to: r, classification: human, carries: []}
)";
    // The only path to the record goes through human notes: not followed.
    CHECK(check(rule, model).findings.empty());

    auto machine = model;
    machine.replace(machine.find("classification: human"), 21, "classification: synthetic");
    const auto report = check(rule, machine);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].message == "'typed-notes' drops provenance");
}

TEST_CASE("through: a flow whose condition is unknown leaves the end not evaluated") {
    const std::string rule = R"lf(
rule CONTENT-REACH {
  title "t" severity low message "m"
  for every path from node g where g.kind == "gen" to node s where s.kind == "record"
    through flow t where t.classification != "human"
    require no path
}
)lf";
    const auto report = check(rule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: r, kind: record}
flows:
  - {from: g, to: r}
)");
    CHECK(report.findings.empty());
    REQUIRE(report.not_evaluated.size() == 1);
    CHECK(report.not_evaluated[0].missing == std::vector<std::string>{"t.classification"});
}

TEST_CASE("a long witness keeps its first and last flows and says how many it leaves out") {
    const std::string rules = R"lf(
rule CHAIN {
  title "t" severity low message "{g} reaches {s}"
  for every path from node g where g.kind == "source" to node s where s.kind == "sink"
    require passes node d where d.kind == "control"
}
)lf";
    std::string yaml = "surfaces:\n  - {id: g, kind: source}\n  - {id: s, kind: sink}\n";
    std::string flows = "flows:\n  - {from: g, to: n0}\n";
    for (int i = 0; i < 100; ++i) {
        yaml += "  - {id: n" + std::to_string(i) + ", kind: hop}\n";
        if (i > 0) {
            flows += "  - {from: n" + std::to_string(i - 1) + ", to: n" + std::to_string(i) + "}\n";
        }
    }
    flows += "  - {from: n99, to: s}\n";
    const auto evaluation = lexflow::testing::evaluate_text(rules, yaml + flows);
    REQUIRE(evaluation.report.findings.size() == 1);
    const auto& finding = evaluation.report.findings[0];
    CHECK(finding.message == "g reaches s");
    // 101 flows: 32 kept at each end, 37 left out.
    CHECK(finding.witness_omitted.flows == 37);
    CHECK(finding.witness.size() == 2 * 32 * 2 + 2);
    CHECK(finding.witness.front().id == "g");
    CHECK(finding.witness.back().id == "s");
    const auto& after_gap = finding.witness[finding.witness_omitted.at];
    CHECK(after_gap.kind == "node");
    CHECK(after_gap.id == "n68");
}

namespace {

const std::string kProvenancePerFlowRule = R"lf(
rule PROVENANCE {
  title "Provenance survives every hop" severity medium
  message "'{f}' drops provenance on the way from '{g}' to '{s}'"
  for every path from node g where g.kind == "gen" to node s where s.kind == "record"
    require every flow f satisfies f has carries and "provenance" in f.carries
  report per flow
}
)lf";

}  // namespace

TEST_CASE("report per flow: every lossy hop on the way is its own finding, about the hop") {
    const auto report = check(kProvenancePerFlowRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: etl, kind: job}
  - {id: hub, kind: job}
  - {id: r, kind: record}
flows:
  - {id: strip, from: g, to: etl, carries: []}
  - {id: keep, from: etl, to: hub, carries: [provenance]}
  - {id: overwrite, from: hub, to: r, carries: [body]}
)");
    REQUIRE(report.findings.size() == 2);
    CHECK(report.findings[0].subject.kind == "flow");
    CHECK(report.findings[0].subject.id == "strip");
    CHECK(report.findings[0].message == "'strip' drops provenance on the way from 'g' to 'r'");
    CHECK(witness_of(report.findings[0]) == "g strip etl keep hub overwrite r");
    CHECK(report.findings[1].subject.id == "overwrite");
    CHECK(witness_of(report.findings[1]) == "g strip etl keep hub overwrite r");
}

TEST_CASE("report per flow: a lossy hop off every path from a source to a target (near miss)") {
    const auto report = check(kProvenancePerFlowRule, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: r, kind: record}
  - {id: human-desk, kind: desk}
  - {id: archive, kind: job}
flows:
  - {id: good, from: g, to: r, carries: [provenance]}
  - {id: typed-in, from: human-desk, to: r, carries: []}
  - {id: export, from: r, to: archive, carries: []}
)");
    CHECK(report.findings.empty());
    CHECK(report.not_evaluated.empty());
}

TEST_CASE("report per flow: a hop whose marking is not said is not evaluated") {
    const std::string rules = R"lf(
rule MARKED {
  title "t" severity low message "'{f}' is unmarked"
  for every path from node g where g.kind == "gen" to node s where s.kind == "record"
    require every flow f satisfies f.marked == true
  report per flow
}
)lf";
    const auto report = check(rules, R"(
surfaces:
  - {id: g, kind: gen}
  - {id: r, kind: record}
flows:
  - {id: unsaid, from: g, to: r}
)");
    CHECK(report.findings.empty());
    REQUIRE(report.not_evaluated.size() == 1);
    REQUIRE(report.not_evaluated[0].subject);
    CHECK(report.not_evaluated[0].subject->id == "unsaid");
    CHECK(report.not_evaluated[0].missing == std::vector<std::string>{"f.marked"});
}

TEST_CASE("report per flow: the witness of a hop in a long chain keeps both ends of the path") {
    std::string yaml = "surfaces:\n  - {id: g, kind: gen}\n  - {id: r, kind: record}\n";
    std::string flows = "flows:\n  - {id: f0, from: g, to: n0, carries: [provenance]}\n";
    for (int i = 0; i < 100; ++i) {
        yaml += "  - {id: n" + std::to_string(i) + ", kind: hop}\n";
        if (i > 0) {
            const auto carried = i == 50 ? "[]" : "[provenance]";
            flows += "  - {id: f" + std::to_string(i) + ", from: n" + std::to_string(i - 1) +
                     ", to: n" + std::to_string(i) + ", carries: " + carried + "}\n";
        }
    }
    flows += "  - {id: f100, from: n99, to: r, carries: [provenance]}\n";
    const auto evaluation = lexflow::testing::evaluate_text(kProvenancePerFlowRule, yaml + flows);
    REQUIRE(evaluation.report.findings.size() == 1);
    const auto& finding = evaluation.report.findings[0];
    CHECK(finding.subject.id == "f50");
    // 101 flows: 32 kept at each end, 37 left out, as on every witness.
    CHECK(finding.witness_omitted.flows == 37);
    CHECK(finding.witness.front().id == "g");
    CHECK(finding.witness.back().id == "r");
    CHECK(finding.witness[finding.witness_omitted.at].id == "n68");
}
