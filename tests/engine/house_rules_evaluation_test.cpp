// How rules about the whole model, counts and predicate calls are decided,
// with the three-valued logic of every other condition.

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

using lexflow::testing::evaluate_text;
using lexflow::testing::findings_of;
using lexflow::testing::not_evaluated_of;

using Lines = std::vector<std::string>;

namespace {

const std::string kOneAuthServer = R"lf(
rule ONE-AUTH-SERVER {
  title "The estate has exactly one authorization server"
  severity high
  message "the estate {model.model} has not one authorization server"
  for the model
    require count(node n where n.kind == "auth_server") == 1
}
)lf";

}  // namespace

TEST_CASE("a rule about the model reports one finding, located at the model") {
    const auto none = evaluate_text(kOneAuthServer, R"(model: shop
surfaces:
  - {id: api, kind: api}
)");
    CHECK(findings_of(none.report) == Lines{"ONE-AUTH-SERVER model 'shop'"});
    const auto& subject = none.report.findings.at(0).subject;
    CHECK(subject.file == "model.yaml");
    CHECK(subject.line == 1);
    CHECK(subject.column == 1);
    const auto two = evaluate_text(kOneAuthServer, R"(surfaces:
  - {id: a, kind: auth_server}
  - {id: b, kind: auth_server}
)");
    // Without a name, the model is named by its file.
    CHECK(findings_of(two.report) == Lines{"ONE-AUTH-SERVER model 'model.yaml'"});
    // Near miss: exactly one.
    const auto one = evaluate_text(kOneAuthServer, R"(surfaces:
  - {id: a, kind: auth_server}
  - {id: api, kind: api}
)");
    CHECK(one.report.findings.empty());
    CHECK(one.report.not_evaluated.empty());
}

TEST_CASE("a count decides when the undecided elements cannot change the verdict") {
    const std::string rules = R"lf(
rule SOME-LOG {
  title "Some audit log keeps a year"
  severity low
  message "no log keeps a year"
  for the model require count(node n where n.retention_days >= 365) >= 1
}
)lf";
    // One log decides it, whatever the other would say.
    const auto decided = evaluate_text(rules, R"(surfaces:
  - {id: kept, kind: audit_log, retention_days: 400}
  - {id: silent, kind: audit_log}
)");
    CHECK(decided.report.findings.empty());
    CHECK(decided.report.not_evaluated.empty());
    // No log decides it, and the silent one could: not evaluated, naming it.
    const auto open = evaluate_text(rules, R"(surfaces:
  - {id: short, kind: audit_log, retention_days: 30}
  - {id: silent, kind: audit_log}
)");
    CHECK(open.report.findings.empty());
    CHECK(not_evaluated_of(open.report) == Lines{"SOME-LOG model 'model.yaml' [n.retention_days]"});
    // Every log says too little: a gap.
    const auto short_only = evaluate_text(rules, R"(surfaces:
  - {id: short, kind: audit_log, retention_days: 30}
)");
    CHECK(findings_of(short_only.report) == Lines{"SOME-LOG model 'model.yaml'"});
}

TEST_CASE("'exactly' stays undecided while the undecided could make up the number") {
    const std::string rules = R"lf(
rule TWO-REGIONS {
  title "Two regions serve the estate"
  severity low
  message "not two regions"
  for the model require count(node n where n.region_role == "primary") == 1
}
)lf";
    const auto open = evaluate_text(rules, R"(surfaces:
  - {id: a, kind: api, region_role: primary}
  - {id: b, kind: api}
)");
    CHECK(open.report.findings.empty());
    CHECK(not_evaluated_of(open.report) == Lines{"TWO-REGIONS model 'model.yaml' [n.region_role]"});
    const auto too_many = evaluate_text(rules, R"(surfaces:
  - {id: a, kind: api, region_role: primary}
  - {id: b, kind: api, region_role: primary}
  - {id: c, kind: api}
)");
    CHECK(findings_of(too_many.report) == Lines{"TWO-REGIONS model 'model.yaml'"});
}

TEST_CASE("count(distinct ...) counts values, and its adjacency form counts flows of a node") {
    const std::string rules = R"lf(
rule ONE-VENDOR {
  title "AI generators come from one vendor"
  severity low
  message "more than one vendor"
  for the model
    require count(distinct g.vendor for node g where g.kind == "ai_generator") <= 1
}
rule ONE-WRITER {
  title "A record has one writer"
  severity low
  message "'{s}' has several writers"
  for every node s where s.kind == "crm_object" require count(flow f to s) <= 1
}
)lf";
    const auto mixed = evaluate_text(rules, R"(surfaces:
  - {id: g1, kind: ai_generator, vendor: acme}
  - {id: g2, kind: ai_generator, vendor: acme}
  - {id: g3, kind: ai_generator, vendor: other}
  - {id: leads, kind: crm_object}
  - {id: deals, kind: crm_object}
flows:
  - {id: f1, from: g1, to: leads}
  - {id: f2, from: g2, to: leads}
  - {id: f3, from: g3, to: deals}
)");
    CHECK(findings_of(mixed.report) == Lines{"ONE-VENDOR model 'model.yaml'",
                                             "ONE-WRITER node "
                                             "'leads'"});
    // Near miss: two generators of one vendor; one writer per record.
    const auto one = evaluate_text(rules, R"(surfaces:
  - {id: g1, kind: ai_generator, vendor: acme}
  - {id: g2, kind: ai_generator, vendor: acme}
  - {id: leads, kind: crm_object}
flows:
  - {id: f1, from: g1, to: leads}
)");
    CHECK(one.report.findings.empty());
    CHECK(one.report.not_evaluated.empty());
}

TEST_CASE("a predicate call decides as its body would, in the caller's variables") {
    const std::string rules = R"lf(
predicate encrypted_flow(flow t) = t has encrypted and t.encrypted == true
predicate feeds_log(node x) = exists flow g from x where g.to.kind == "audit_log"

rule ENCRYPTED {
  title "Flows into records are encrypted"
  severity low
  message "'{f}' is not encrypted"
  for every flow f where f.to.kind == "crm_object" require encrypted_flow(f)
}
rule LOGGED {
  title "Every API feeds a log"
  severity low
  message "'{g}' feeds no log"
  for every node g where g.kind == "api" require feeds_log(g)
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: api, kind: api}
  - {id: quiet-api, kind: api}
  - {id: log, kind: audit_log}
  - {id: leads, kind: crm_object}
flows:
  - {id: plain, from: api, to: leads}
  - {id: sealed, from: api, to: leads, encrypted: true}
  - {id: logging, from: api, to: log}
)");
    // The body binds 'g' too: the call's own 'g' is not the rule's.
    CHECK(findings_of(evaluation.report) ==
          Lines{"ENCRYPTED flow 'plain'", "LOGGED node 'quiet-api'"});
}

TEST_CASE(
    "predicates call predicates, and a missing attribute in one is reported as the "
    "rule's") {
    const std::string rules = R"lf(
predicate personal(node x) = x.personal_data == true
predicate personal_sink(node x) = personal(x) and x.kind == "crm_object"

rule PERSONAL-RETENTION {
  title "Personal records have a retention"
  severity low
  message "'{s}' keeps personal data forever"
  for every node s where personal_sink(s) require s has retention_days
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: leads, kind: crm_object, personal_data: true}
  - {id: kept, kind: crm_object, personal_data: true, retention_days: 30}
  - {id: stats, kind: crm_object, personal_data: false}
  - {id: unknown, kind: crm_object}
)");
    CHECK(findings_of(evaluation.report) == Lines{"PERSONAL-RETENTION node 'leads'"});
    CHECK(not_evaluated_of(evaluation.report) ==
          Lines{"PERSONAL-RETENTION node 'unknown' [s.personal_data]"});
}

TEST_CASE("a rule of several requirements names each one its subject fails") {
    const std::string rules = R"lf(
rule LOG-READY {
  title "Audit logs keep a year and are tamper-evident"
  severity low
  message "'{l}' is not ready"
  for every node l where l.kind == "audit_log"
    require l.retention_days >= 365
    require l has controls and "hash_chain" in l.controls
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: short, kind: audit_log, retention_days: 30, controls: [hash_chain]}
  - {id: both, kind: audit_log, retention_days: 30}
  - {id: ready, kind: audit_log, retention_days: 400, controls: [hash_chain]}
  - {id: silent, kind: audit_log, controls: [hash_chain]}
  - {id: silent-open, kind: audit_log}
)");
    std::vector<std::vector<std::string>> failed;
    for (const auto& finding : evaluation.report.findings) {
        failed.push_back(finding.failed_requirements);
    }
    CHECK(findings_of(evaluation.report) ==
          Lines{"LOG-READY node 'short'", "LOG-READY node 'both'", "LOG-READY node 'silent-open'"});
    CHECK(failed ==
          std::vector<std::vector<std::string>>{
              {"l.retention_days >= 365"},
              {"l.retention_days >= 365", "l has controls and \"hash_chain\" in l.controls"},
              {"l has controls and \"hash_chain\" in l.controls"}});
    // Undecided only when no requirement fails, naming what the unknown one lacks.
    CHECK(not_evaluated_of(evaluation.report) ==
          Lines{"LOG-READY node 'silent' [l.retention_days]"});
}

TEST_CASE("a rule of one requirement names none: its message says what failed") {
    const auto evaluation = evaluate_text(kOneAuthServer, R"(surfaces:
  - {id: api, kind: api}
)");
    REQUIRE(evaluation.report.findings.size() == 1);
    CHECK(evaluation.report.findings[0].failed_requirements.empty());
}
