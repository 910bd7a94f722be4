#include "engine/evaluator.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "report/writer.hpp"
#include "tests/engine/engine_test_support.hpp"

using lexflow::report::PackStatus;
using lexflow::testing::evaluate_files;
using lexflow::testing::evaluate_text;
using lexflow::testing::findings_of;
using lexflow::testing::not_evaluated_of;

using Lines = std::vector<std::string>;

namespace {

/// Three nodes with every attribute the operator cases read, two flows and a role.
const std::string kModel = R"(model: ops
jurisdictions: [EU]
surfaces:
  - id: a
    kind: crm_object
    n: 3
    s: "b"
    tags: [p, q]
    flag: true
    owner: {team: sales}
  - id: b
    kind: ai_generator
    n: 5
    s: "d"
    tags: [q]
    flag: false
  - id: c
    kind: crm_object
    n: 4
    s: "c"
    tags: []
    flag: true
flows:
  - from: a
    to: b
    classification: synthetic
  - id: b-to-c
    from: b
    to: c
    classification: human
roles:
  - id: admin
    surfaces: [a]
)";

std::string rule(const std::string& domain, const std::string& variable,
                 const std::string& clause) {
    return "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n  for every " + domain + " " +
           variable + " " + clause + "\n}\n";
}

/// The report of `for every node x require REQUIREMENT` on kModel, as
/// "R node 'id'" lines; fails if anything was not evaluated.
Lines node_gaps(const std::string& requirement) {
    const auto result = evaluate_text(rule("node", "x", "require " + requirement), kModel);
    CHECK_MESSAGE(result.report.not_evaluated.empty(), requirement);
    return findings_of(result.report);
}

Lines flow_gaps(const std::string& requirement) {
    const auto result = evaluate_text(rule("flow", "f", "require " + requirement), kModel);
    CHECK_MESSAGE(result.report.not_evaluated.empty(), requirement);
    return findings_of(result.report);
}

}  // namespace

TEST_CASE("== and != compare strings, numbers and booleans") {
    CHECK(node_gaps("x.kind == \"crm_object\"") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.kind != \"crm_object\"") == Lines{"R node 'a'", "R node 'c'"});
    CHECK(node_gaps("x.n == 4") == Lines{"R node 'a'", "R node 'b'"});
    CHECK(node_gaps("x.flag == true") == Lines{"R node 'b'"});
    // Values of different types are never equal.
    CHECK(node_gaps("x.n != \"3\"").empty());
    CHECK(node_gaps("x.flag == \"true\"") == Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
    CHECK(node_gaps("x.tags == [\"p\", \"q\"]") == Lines{"R node 'b'", "R node 'c'"});
}

TEST_CASE("<, <=, > and >= order numbers, with the bound itself as the near miss") {
    CHECK(node_gaps("x.n < 5") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.n <= 4") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.n > 3") == Lines{"R node 'a'"});
    CHECK(node_gaps("x.n >= 4") == Lines{"R node 'a'"});
    CHECK(node_gaps("x.n > -1.5").empty());
}

TEST_CASE("ordering a string against a number is false, not unknown") {
    CHECK(node_gaps("x.kind < 3") == Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
    CHECK(node_gaps("x.kind >= 3") == Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
}

TEST_CASE("strings order byte by byte, so ISO dates compare correctly") {
    const std::string model = R"(surfaces:
  - {id: early, kind: ai_generator, placed_on_market: "2025-11-03"}
  - {id: boundary, kind: ai_generator, placed_on_market: "2026-08-02"}
  - {id: late, kind: ai_generator, placed_on_market: 2026-12-01}
  - {id: next-year, kind: ai_generator, placed_on_market: "2027-01-15"}
)";
    const auto before =
        evaluate_text(rule("node", "g", "require g.placed_on_market < \"2026-08-02\""), model);
    CHECK(findings_of(before.report) ==
          Lines{"R node 'boundary'", "R node 'late'", "R node 'next-year'"});
    const auto up_to =
        evaluate_text(rule("node", "g", "require g.placed_on_market <= \"2026-08-02\""), model);
    CHECK(findings_of(up_to.report) == Lines{"R node 'late'", "R node 'next-year'"});
    // Byte order: upper case sorts before lower case.
    CHECK(node_gaps("\"Z\" < x.s").empty());
}

TEST_CASE("in and not in test membership of a list, or equality with a non-list") {
    CHECK(node_gaps("\"p\" in x.tags") == Lines{"R node 'b'", "R node 'c'"});
    CHECK(node_gaps("\"p\" not in x.tags") == Lines{"R node 'a'"});
    CHECK(node_gaps("x.kind in [\"crm_object\", \"records_system\"]") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.kind not in [\"crm_object\", \"records_system\"]") ==
          Lines{"R node 'a'", "R node 'c'"});
    CHECK(node_gaps("x.n in [3, 4]") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.kind in \"crm_object\"") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.kind not in \"crm_object\"") == Lines{"R node 'a'", "R node 'c'"});
}

TEST_CASE("has is true for a present attribute, an empty list included, and reads nested maps") {
    CHECK(node_gaps("x has owner") == Lines{"R node 'b'", "R node 'c'"});
    CHECK(node_gaps("x has tags").empty());
    CHECK(node_gaps("x.owner has team") == Lines{"R node 'b'", "R node 'c'"});
    CHECK(node_gaps("x.owner has budget") == Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
    CHECK(node_gaps("x has kind").empty());
}

TEST_CASE("and, or and not combine conditions, not binding tighter than and, and than or") {
    CHECK(node_gaps("x.n > 1 and x.s == \"b\"") == Lines{"R node 'b'", "R node 'c'"});
    CHECK(node_gaps("x.n == 3 or x.s == \"c\"") == Lines{"R node 'b'"});
    CHECK(node_gaps("not x.kind == \"crm_object\"") == Lines{"R node 'a'", "R node 'c'"});
    CHECK(node_gaps("not (x.kind == \"crm_object\")") == Lines{"R node 'a'", "R node 'c'"});
    // a or (b and c): c holds through the second branch.
    CHECK(node_gaps("x.n == 3 or x.n == 4 and x.flag") == Lines{"R node 'b'"});
    // (not a) and b
    CHECK(node_gaps("not x.flag and x.n == 5") == Lines{"R node 'a'", "R node 'c'"});
}

TEST_CASE("a bare attribute is a condition that holds only for the boolean true") {
    CHECK(node_gaps("x.flag") == Lines{"R node 'b'"});
    CHECK(node_gaps("x.kind") == Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
    CHECK(node_gaps("true").empty());
    CHECK(node_gaps("false") == Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
}

TEST_CASE("exists node, exists flow and exists role search the whole model") {
    CHECK(node_gaps("exists node y where y.n > x.n") == Lines{"R node 'b'"});
    CHECK(node_gaps("exists flow f where f.to == x") == Lines{"R node 'a'"});
    CHECK(node_gaps("exists role r where x in r.surfaces") == Lines{"R node 'b'", "R node 'c'"});
    CHECK(node_gaps("exists node y where y.kind == \"records_system\"") ==
          Lines{"R node 'a'", "R node 'b'", "R node 'c'"});
    CHECK(node_gaps("exists role r").empty());
}

TEST_CASE("exists flow f from x follows the flows leaving x") {
    CHECK(node_gaps("exists flow f from x") == Lines{"R node 'c'"});
    CHECK(node_gaps("exists flow f from x where f.classification == \"synthetic\"") ==
          Lines{"R node 'b'", "R node 'c'"});
}

TEST_CASE("exists flow f to x follows the flows entering x") {
    CHECK(node_gaps("exists flow f to x") == Lines{"R node 'a'"});
    CHECK(node_gaps("exists flow f to x where f.from.kind == \"ai_generator\"") ==
          Lines{"R node 'a'", "R node 'b'"});
}

TEST_CASE("nested exists bind their own variables") {
    // x sends a flow to a node that sends flows on.
    CHECK(node_gaps("exists flow f from x where exists node y where y == f.to and exists flow g "
                    "from y") == Lines{"R node 'b'", "R node 'c'"});
}

TEST_CASE("a flow's ends are elements: equal to their id, with attributes of their own") {
    CHECK(flow_gaps("f.to == \"c\"") == Lines{"R flow 'a->b'"});
    CHECK(flow_gaps("\"a\" == f.from") == Lines{"R flow 'b-to-c'"});
    CHECK(flow_gaps("f.to != \"c\"") == Lines{"R flow 'b-to-c'"});
    CHECK(flow_gaps("f.to.kind == \"crm_object\"") == Lines{"R flow 'a->b'"});
    CHECK(flow_gaps("f.from.n < f.to.n") == Lines{"R flow 'b-to-c'"});
    CHECK(flow_gaps("f.to in [\"b\", \"z\"]") == Lines{"R flow 'b-to-c'"});
    CHECK(flow_gaps("f.to has owner") == Lines{"R flow 'a->b'", "R flow 'b-to-c'"});
    CHECK(flow_gaps("f.from has owner") == Lines{"R flow 'b-to-c'"});
}

TEST_CASE("where selects the subjects a rule concerns") {
    const auto result =
        evaluate_text(rule("node", "x", "where x.kind == \"crm_object\" require x.n > 3"), kModel);
    CHECK(findings_of(result.report) == Lines{"R node 'a'"});
    CHECK(result.report.not_evaluated.empty());
}

TEST_CASE("rules range over roles and report them as role subjects") {
    const auto result = evaluate_text(rule("role", "r", "require \"c\" in r.surfaces"), kModel);
    REQUIRE(result.report.findings.size() == 1);
    const auto& subject = result.report.findings[0].subject;
    CHECK(subject.kind == "role");
    CHECK(subject.id == "admin");
    CHECK(subject.file == "model.yaml");
    CHECK(subject.line == 32);
    CHECK(subject.column == 5);
}

// ------------------------------------------------------------ missing attributes

namespace {

const std::string kPartialModel = R"(surfaces:
  - id: full
    kind: k
    n: 1
    tags: [p]
  - id: bare
    kind: k
    n: null
flows:
  - from: full
    to: bare
)";

/// Runs `for every node x CLAUSE` on kPartialModel.
lexflow::testing::Evaluation partial(const std::string& clause) {
    return evaluate_text(rule("node", "x", clause), kPartialModel);
}

}  // namespace

TEST_CASE("a comparison on a missing attribute leaves the subject not evaluated") {
    const auto result = partial("require x.n > 0");
    CHECK(result.report.findings.empty());
    REQUIRE(result.report.not_evaluated.size() == 1);
    const auto& entry = result.report.not_evaluated[0];
    CHECK(entry.rule_id == "R");
    CHECK(entry.title == "t");
    CHECK(entry.severity == lexflow::base::Severity::low);
    CHECK(entry.pack.empty());
    REQUIRE(entry.subject.has_value());
    CHECK(entry.subject->kind == "node");
    CHECK(entry.subject->id == "bare");
    CHECK(entry.subject->file == "model.yaml");
    CHECK(entry.subject->line == 6);
    CHECK(entry.subject->column == 5);
    CHECK(entry.missing == Lines{"x.n"});
}

TEST_CASE("every comparison operator is unknown on a missing attribute") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"x.n == 1", "x.n"},
        {"x.n != 1", "x.n"},
        {"x.n < 1", "x.n"},
        {"x.n <= 1", "x.n"},
        {"x.n > 1", "x.n"},
        {"x.n >= 1", "x.n"},
        {"x.n in [1]", "x.n"},
        {"x.n not in [1]", "x.n"},
        {"1 in x.n", "x.n"},
        {"\"p\" in x.tags", "x.tags"},
        {"\"p\" not in x.tags", "x.tags"},
        {"x.n", "x.n"},
        {"x.n == x.n", "x.n"},
        {"x.owner.team == \"sales\"", "x.owner.team"},
    };
    for (const auto& [requirement, path] : cases) {
        CAPTURE(requirement);
        const auto entries = not_evaluated_of(partial("require " + requirement).report);
        REQUIRE_FALSE(entries.empty());
        CHECK(entries.back() == "R node 'bare' [" + path + "]");
    }
}

TEST_CASE("false and unknown is false: the subject is a gap, not undecided") {
    for (const auto* requirement :
         {"x.kind == \"other\" and x.n > 0", "x.n > 0 and x.kind == \"other\""}) {
        CAPTURE(requirement);
        const auto result = partial(std::string("require ") + requirement);
        CHECK(findings_of(result.report) == Lines{"R node 'full'", "R node 'bare'"});
        CHECK(result.report.not_evaluated.empty());
    }
}

TEST_CASE("true or unknown is true: the subject passes") {
    for (const auto* requirement : {"x.kind == \"k\" or x.n > 0", "x.n > 0 or x.kind == \"k\""}) {
        CAPTURE(requirement);
        const auto result = partial(std::string("require ") + requirement);
        CHECK(result.report.findings.empty());
        CHECK(result.report.not_evaluated.empty());
    }
}

TEST_CASE("true and unknown, false or unknown and not unknown stay unknown") {
    for (const auto* requirement :
         {"x.kind == \"k\" and x.n > 0", "x.kind == \"other\" or x.n > 0", "not (x.n > 0)"}) {
        CAPTURE(requirement);
        const auto result = partial(std::string("require ") + requirement);
        CHECK(not_evaluated_of(result.report) == Lines{"R node 'bare' [x.n]"});
    }
}

TEST_CASE("has is never unknown") {
    CHECK(findings_of(partial("require x has n").report) == Lines{"R node 'bare'"});
    CHECK(findings_of(partial("require not (x has n)").report) == Lines{"R node 'full'"});
    CHECK(partial("require x has n").report.not_evaluated.empty());
    CHECK(partial("require x.owner has team").report.not_evaluated.empty());
    // The documented idiom: an absent attribute becomes a gap.
    const auto guarded = partial("require x has tags and \"p\" in x.tags");
    CHECK(findings_of(guarded.report) == Lines{"R node 'bare'"});
    CHECK(guarded.report.not_evaluated.empty());
}

TEST_CASE("an unknown where clause leaves the subject not evaluated") {
    const auto result = partial("where x.n > 0 require false");
    CHECK(findings_of(result.report) == Lines{"R node 'full'"});
    CHECK(not_evaluated_of(result.report) == Lines{"R node 'bare' [x.n]"});
    // A false where clause decides, whatever the requirement.
    CHECK(partial("where x.kind == \"other\" require x.n > 0").report.not_evaluated.empty());
}

TEST_CASE("the missing paths are named once each, in the order met") {
    const auto result = partial("require x.zz == 1 or x.n == 2 or x.zz == 3 or x.owner.team == 4");
    CHECK(not_evaluated_of(result.report) ==
          Lines{"R node 'full' [x.zz, x.owner.team]", "R node 'bare' [x.zz, x.n, x.owner.team]"});
}

TEST_CASE("paths of sub-conditions that were decided are not named") {
    const auto result = partial("require (x.zz == 1 or true) and x.n == 1");
    CHECK(not_evaluated_of(result.report) == Lines{"R node 'bare' [x.n]"});
}

TEST_CASE("a missing attribute inside exists makes it unknown unless some element decides it") {
    const auto flows = R"(surfaces:
  - {id: hub, kind: k}
  - {id: x1, kind: k}
  - {id: x2, kind: k}
flows:
  - {from: hub, to: x1}
  - {from: hub, to: x2, classification: synthetic}
  - {from: x1, to: x2}
)";
    const auto result = evaluate_text(
        rule("node", "x", "require exists flow f from x where f.classification == \"synthetic\""),
        flows);
    // hub: one flow decides it; x1: its only flow is undecided; x2: no flows at all.
    CHECK(findings_of(result.report) == Lines{"R node 'x2'"});
    CHECK(not_evaluated_of(result.report) == Lines{"R node 'x1' [f.classification]"});
}

// ------------------------------------------------------------ packs

namespace {

const std::string kPacks = R"(pack eu "EU rules" {
  applies when "EU" in model.jurisdictions
}
rule EU-1 {
  title "EU rule"
  severity high
  message "eu {x}"
  for every node x require false
}
)";
const std::string kAlwaysPack = R"(pack always "Always" { }
rule ALWAYS-1 {
  title "Always rule"
  severity low
  message "always {x}"
  for every node x require false
}
)";
const std::string kNoPack = R"(rule FREE-1 {
  title "Free rule"
  severity medium
  message "free {x}"
  for every node x require false
}
)";

lexflow::testing::Evaluation with_packs(const std::string& top_level) {
    return evaluate_files({{"eu.lf", kPacks}, {"always.lf", kAlwaysPack}, {"free.lf", kNoPack}},
                          {{"model.yaml", top_level + "surfaces:\n  - {id: s, kind: k}\n"}});
}

std::string pack_states(const lexflow::report::Report& report) {
    std::string out;
    for (const auto& pack : report.packs) {
        out += pack.id + " " + std::string(to_string(pack.state)) + " " +
               std::to_string(pack.rules) + " \"" + pack.title + "\"\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a pack whose condition holds is applied and its rules run") {
    const auto result = with_packs("jurisdictions: [US, EU]\n");
    CHECK(pack_states(result.report) == "always applied 1 \"Always\"\neu applied 1 \"EU rules\"\n");
    CHECK(result.report.rules_evaluated == 3);
    CHECK(findings_of(result.report) ==
          Lines{"EU-1 node 's'", "FREE-1 node 's'", "ALWAYS-1 node 's'"});
    CHECK(result.report.findings[0].pack == "eu");
    CHECK(result.report.findings[1].pack.empty());
    CHECK(result.report.not_evaluated.empty());
}

TEST_CASE("a pack whose condition fails is not applicable and its rules do not run") {
    const auto result = with_packs("jurisdictions: [US]\n");
    CHECK(pack_states(result.report) ==
          "always applied 1 \"Always\"\neu not_applicable 1 \"EU rules\"\n");
    CHECK(result.report.rules_evaluated == 2);
    CHECK(findings_of(result.report) == Lines{"FREE-1 node 's'", "ALWAYS-1 node 's'"});
    CHECK(result.report.not_evaluated.empty());
}

TEST_CASE("a pack whose condition reads a missing model attribute is not evaluated") {
    const auto result = with_packs("");
    CHECK(pack_states(result.report) ==
          "always applied 1 \"Always\"\neu not_evaluated 1 \"EU rules\"\n");
    CHECK(result.report.rules_evaluated == 2);
    CHECK(findings_of(result.report) == Lines{"FREE-1 node 's'", "ALWAYS-1 node 's'"});
    REQUIRE(result.report.not_evaluated.size() == 1);
    const auto& entry = result.report.not_evaluated[0];
    CHECK(entry.rule_id.empty());
    CHECK(entry.title == "pack 'eu' could not decide whether it applies");
    CHECK(entry.pack == "eu");
    // As severe as the pack's most severe rule, so that --fail-on fails closed.
    CHECK(entry.severity == lexflow::base::Severity::high);
    CHECK_FALSE(entry.subject.has_value());
    CHECK(entry.missing == Lines{"model.jurisdictions"});
}

TEST_CASE("a pack condition with exists is evaluated safely") {
    const auto result = evaluate_text(
        "pack gen \"Generators\" {\n"
        "  applies when exists node n where exists node m where m.kind == \"ai_generator\"\n"
        "}\n" +
            rule("node", "x", "require false"),
        "surfaces:\n  - {id: s, kind: crm_object}\n");
    REQUIRE(result.report.packs.size() == 1);
    CHECK(result.report.packs[0].state == PackStatus::State::not_applicable);
}

// ------------------------------------------------------------ messages

namespace {

const std::string kMessageModel = R"(model: msgs
jurisdictions: [EU, US]
surfaces:
  - id: drafter
    kind: ai_generator
    modality: text
    formats: [html, plain]
    ratio: 1.5
    count: 3
    on: true
    owner: {team: sales}
  - id: crm-db
    kind: crm_object
flows:
  - from: drafter
    to: crm-db
)";

std::string message_for(const std::string& domain, const std::string& var,
                        const std::string& message, const std::string& remediation = "") {
    const auto rules = "rule R {\n  title \"t\"\n  severity low\n  message \"" + message + "\"\n" +
                       (remediation.empty() ? "" : "  remediation \"" + remediation + "\"\n") +
                       "  for every " + domain + " " + var + " require false\n}\n";
    const auto result = evaluate_text(rules, kMessageModel);
    REQUIRE(!result.report.findings.empty());
    return result.report.findings[0].message + " | " + result.report.findings[0].remediation;
}

}  // namespace

TEST_CASE("messages interpolate ids, attributes, lists, numbers and missing values") {
    CHECK(message_for("node", "g", "'{g}' outputs {g.modality} as {g.formats}") ==
          "'drafter' outputs text as html, plain | ");
    CHECK(message_for("node", "g", "{g.ratio} {g.count} {g.on} {g.owner.team} {g.owner}") ==
          "1.5 3 true sales {team: sales} | ");
    CHECK(message_for("node", "g", "marking: {g.marking}; team lead {g.owner.lead}") ==
          "marking: <missing>; team lead <missing> | ");
    CHECK(message_for("node", "g", "use {{braces}} around {g}") ==
          "use {braces} around drafter | ");
    CHECK(message_for("flow", "f", "'{f}' from {f.from} to {f.to} ({f.to.kind})") ==
          "'drafter->crm-db' from drafter to crm-db (crm_object) | ");
    CHECK(message_for("node", "g", "m", "mark '{g}' ({g.kind})") ==
          "m | mark 'drafter' (ai_generator)");
}

// ------------------------------------------------------------ order and determinism

namespace {

const std::string kOrderRules = R"(rule Z-LOW {
  title "z"
  severity low
  message "z {x}"
  for every node x require false
}
rule B-HIGH {
  title "b"
  severity high
  message "b {x}"
  for every node x require x.kind == "none"
}
rule A-HIGH {
  title "a"
  severity high
  message "a {x}"
  for every node x where x.kind == "k" require x.n > 0
}
rule M-CRITICAL {
  title "m"
  severity critical
  message "m {x}"
  for every node x where x.kind == "other" require false
}
)";

const std::vector<lexflow::testing::NamedText> kOrderModel = {
    {"b.yaml", "surfaces:\n  - {id: b1, kind: k, n: 1}\n  - {id: b2, kind: k}\n"},
    {"a.yaml", "surfaces:\n  - {id: a2, kind: other}\n  - {id: a1, kind: k, n: 0}\n"},
};

}  // namespace

TEST_CASE("findings are ordered by severity, then rule id, then file and line") {
    const auto result = evaluate_files({{"order.lf", kOrderRules}}, kOrderModel);
    CHECK(findings_of(result.report) == Lines{
                                            "M-CRITICAL node 'a2'",
                                            "A-HIGH node 'a1'",
                                            "B-HIGH node 'a2'",
                                            "B-HIGH node 'a1'",
                                            "B-HIGH node 'b1'",
                                            "B-HIGH node 'b2'",
                                            "Z-LOW node 'a2'",
                                            "Z-LOW node 'a1'",
                                            "Z-LOW node 'b1'",
                                            "Z-LOW node 'b2'",
                                        });
    CHECK(not_evaluated_of(result.report) == Lines{"A-HIGH node 'b2' [x.n]"});
    CHECK(result.report.model_files == Lines{"b.yaml", "a.yaml"});
    CHECK(result.report.surfaces == 4);
    CHECK(result.report.rules_evaluated == 4);
}

TEST_CASE("the same inputs give the same report, byte for byte") {
    const auto json = lexflow::report::make_json_writer();
    const auto written = [&json](const lexflow::report::Report& report) {
        std::ostringstream out;
        json->write(report, out);
        return out.str();
    };
    const auto first = evaluate_files({{"order.lf", kOrderRules}}, kOrderModel);
    const auto second = evaluate_files({{"order.lf", kOrderRules}}, kOrderModel);
    const auto text = written(first.report);
    CHECK(text == written(second.report));
    CHECK(text.find("\"M-CRITICAL\"") < text.find("\"Z-LOW\""));

    // Nor does the order in which the rule files are loaded.
    const auto split = kOrderRules.find("rule A-HIGH");
    const auto reversed = evaluate_files(
        {{"second.lf", kOrderRules.substr(split)}, {"first.lf", kOrderRules.substr(0, split)}},
        kOrderModel);
    CHECK(written(reversed.report) == text);

    // Evaluating the same model again changes nothing: evaluation only reads it.
    auto again = evaluate_files({{"order.lf", kOrderRules}}, kOrderModel);
    const auto strings_before = again.model->strings().size();
    lexflow::base::Diagnostics diagnostics;
    const auto repeated =
        lexflow::engine::evaluate(*again.rules, *again.model, again.sources, {}, diagnostics);
    CHECK(again.model->strings().size() == strings_before);
    CHECK(written(repeated) == text);
}

TEST_CASE("a rule that spends the evaluation's step budget is an error at the rule") {
    const std::string rules = R"lf(
rule NESTED {
  title "t" severity low message "m"
  for every node a require exists node b where exists node c where exists node d where
    d.x == "never" and b.x == c.x
}
)lf";
    std::string yaml = "surfaces:\n";
    for (int i = 0; i < 30; ++i) {
        yaml += "  - {id: s" + std::to_string(i) + ", kind: k, x: v}\n";
    }
    auto checked = lexflow::testing::check_texts({{"rules.lf", rules}});
    REQUIRE(checked.rules);
    const auto model_file = checked.sources.add("model.yaml", yaml);
    lexflow::pipeline::CheckSettings settings;
    settings.limits.evaluation_steps = 10'000;
    settings.limits.step_ratio = 1;
    const auto outcome = lexflow::pipeline::check_model(
        *checked.rules, {model_file}, checked.sources, checked.diagnostics, settings);
    CHECK_FALSE(outcome.completed);
    CHECK(outcome.report.findings.empty());
    const auto rendered =
        lexflow::report::DiagnosticRenderer(checked.sources, false).render_all(checked.diagnostics);
    CHECK(rendered.starts_with(
        "rules.lf:2:6: error: the evaluation ran out of its 10030 steps in rule 'NESTED': its "
        "quantifiers probably nest too deeply for the size of the model [LF5001]"));

    // The same rule within the default budget decides: no surface has x == "never".
    const auto decided = lexflow::testing::evaluate_text(rules, yaml);
    CHECK(findings_of(decided.report).size() == 30);
}

TEST_CASE("more findings than the limit allows is an error at the rule that adds them") {
    const std::string rules = R"lf(
rule EVERY {
  title "t" severity low message "m"
  for every node s require s has never
}
)lf";
    std::string yaml = "surfaces:\n";
    for (int i = 0; i < 10; ++i) {
        yaml += "  - {id: s" + std::to_string(i) + ", kind: k}\n";
    }
    auto checked = lexflow::testing::check_texts({{"rules.lf", rules}});
    REQUIRE(checked.rules);
    const auto model_file = checked.sources.add("model.yaml", yaml);
    lexflow::pipeline::CheckSettings settings;
    settings.limits.findings = 5;
    const auto outcome = lexflow::pipeline::check_model(
        *checked.rules, {model_file}, checked.sources, checked.diagnostics, settings);
    CHECK_FALSE(outcome.completed);
    const auto rendered =
        lexflow::report::DiagnosticRenderer(checked.sources, false).render_all(checked.diagnostics);
    CHECK(
        rendered.starts_with("rules.lf:2:6: error: the rules report more than 5 findings and "
                             "undecided checks on this model; rule 'EVERY' was adding to them "
                             "[LF5001]"));
}

TEST_CASE("exists v where v == P decides on the one element P names, as a scan would") {
    const std::string rules = R"lf(
rule R {
  title "t" severity low message "m"
  for every flow f
    where exists node n where n.kind == "gen" and n == f.from and n.ready == true
    require f has carries
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(
surfaces:
  - {id: g1, kind: gen, ready: true}
  - {id: g2, kind: gen, ready: false}
  - {id: g3, kind: gen}
  - {id: other, kind: gen, ready: true}
  - {id: r, kind: record}
flows:
  - {id: from-ready, from: g1, to: r}
  - {id: from-unready, from: g2, to: r}
  - {id: from-unsaid, from: g3, to: r}
  - {id: from-record, from: r, to: g1}
)");
    // Only the element the equality names decides: `other` is ready, but no flow leaves it.
    CHECK(findings_of(evaluation.report) == Lines{"R flow 'from-ready'"});
    CHECK(not_evaluated_of(evaluation.report) == Lines{"R flow 'from-unsaid' [n.ready]"});
}
