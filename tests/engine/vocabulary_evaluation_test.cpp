// How the evaluator uses the declared vocabulary: a declared default decides
// a check the model leaves open, and says so; a custom kind that declares
// what it `is` gets the rules of that kind.

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

using lexflow::testing::evaluate_text;
using lexflow::testing::findings_of;
using lexflow::testing::not_evaluated_of;

using Lines = std::vector<std::string>;

namespace {

const std::string kVocabulary = R"lf(
kind ai_generator "An AI system that generates content"
kind ai_agent is ai_generator "A chatbot"
kind crm_object "A CRM record type"

attribute accessible {
  on      node
  type    boolean
  default false
  meaning "The notice is accessible"
}

attribute personal_data {
  on      node
  type    boolean
  meaning "Holds personal data; no safe default"
}
)lf";

const std::string kAccessibleRule = R"lf(
rule ACCESSIBLE {
  title "Notices are accessible"
  severity low
  message "'{s}' is not accessible"
  for every node s where s.kind == "crm_object" require s.accessible == true
}
)lf";

std::vector<std::vector<std::string>> assumed_of(const lexflow::report::Report& report) {
    std::vector<std::vector<std::string>> out;
    for (const auto& finding : report.findings) {
        out.push_back(finding.assumed);
    }
    return out;
}

}  // namespace

TEST_CASE("a declared default decides what the model leaves open, and the finding says so") {
    const auto evaluation = evaluate_text(kVocabulary + kAccessibleRule, R"(surfaces:
  - {id: stated, kind: crm_object, accessible: false}
  - {id: silent, kind: crm_object}
  - {id: fine, kind: crm_object, accessible: true}
)");
    CHECK(findings_of(evaluation.report) ==
          Lines{"ACCESSIBLE node 'stated'", "ACCESSIBLE node 'silent'"});
    CHECK(assumed_of(evaluation.report) ==
          std::vector<std::vector<std::string>>{{}, {"s.accessible"}});
    CHECK(evaluation.report.not_evaluated.empty());
}

TEST_CASE("a pass that rests on a default is listed as decided on defaults") {
    const auto evaluation = evaluate_text(kVocabulary + R"lf(
rule NOT-ACCESSIBLE-CLAIMED {
  title "Nothing claims accessibility"
  severity low
  message "'{s}' claims it"
  for every node s where s.kind == "crm_object" require s.accessible == false
}
)lf",
                                          R"(surfaces:
  - {id: silent, kind: crm_object}
  - {id: stated, kind: crm_object, accessible: false}
)");
    CHECK(evaluation.report.findings.empty());
    REQUIRE(evaluation.report.decided_on_defaults.size() == 1);
    const auto& decided = evaluation.report.decided_on_defaults.front();
    CHECK(decided.rule_id == "NOT-ACCESSIBLE-CLAIMED");
    CHECK(decided.subject.id == "silent");
    CHECK(decided.assumed == std::vector<std::string>{"s.accessible"});
}

TEST_CASE("'has' asks what the model gives: a default does not make it true") {
    const auto evaluation = evaluate_text(kVocabulary + R"lf(
rule STATES-IT {
  title "Every CRM object states accessibility"
  severity low
  message "'{s}' does not state it"
  for every node s where s.kind == "crm_object" require s has accessible
}
)lf",
                                          "surfaces:\n  - {id: silent, kind: crm_object}\n");
    CHECK(findings_of(evaluation.report) == Lines{"STATES-IT node 'silent'"});
    CHECK(assumed_of(evaluation.report) == std::vector<std::vector<std::string>>{{}});
}

TEST_CASE("an attribute without a default still leaves the check undecided") {
    const auto evaluation = evaluate_text(kVocabulary + R"lf(
rule PD {
  title "Personal data is flagged"
  severity low
  message "'{s}'"
  for every node s where s.kind == "crm_object" require s.personal_data == false
}
)lf",
                                          "surfaces:\n  - {id: silent, kind: crm_object}\n");
    CHECK(evaluation.report.findings.empty());
    CHECK(not_evaluated_of(evaluation.report) == Lines{"PD node 'silent' [s.personal_data]"});
}

TEST_CASE("a custom kind that is an ai_generator gets the rules of AI generators") {
    const auto rules = kVocabulary + R"lf(
rule AI {
  title "AI generators hold no personal data"
  severity low
  message "'{g}'"
  for every node g where g.kind == "ai_generator" require g.personal_data == false
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: classifier, kind: moderation_classifier, is: ai_generator, personal_data: true}
  - {id: bot, kind: ai_agent, personal_data: true}
  - {id: plain, kind: moderation_classifier, personal_data: true}
  - {id: records, kind: crm_object, personal_data: true}
)");
    // 'bot' through the declared chain, 'classifier' through its own 'is';
    // the near misses: 'plain' says nothing of what it is, 'records' is not AI.
    CHECK(findings_of(evaluation.report) == Lines{"AI node 'classifier'", "AI node 'bot'"});
}

TEST_CASE("a flow's end of a custom kind counts as the kind it declares") {
    const auto rules = kVocabulary + R"lf(
rule FROM-AI {
  title "Flows from AI generators are classified"
  severity low
  message "'{f}'"
  for every flow f where f.from.kind == "ai_generator" require f has classified
}
attribute classified { on flow type boolean meaning "Classified" }
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: classifier, kind: moderation_classifier, is: ai_generator}
  - {id: plain, kind: moderation_classifier}
  - {id: records, kind: crm_object}
flows:
  - {from: classifier, to: records}
  - {from: plain, to: records}
  - {from: records, to: classifier}
)");
    CHECK(findings_of(evaluation.report) == Lines{"FROM-AI flow 'classifier->records'"});
}

TEST_CASE("a path finding lists the defaults read on its own path, and only those") {
    const auto rules = kVocabulary + R"lf(
rule LABELLED {
  title "AI content reaches people through an accessible notice"
  severity low
  message "'{s}'"
  for every path from node g where g.kind == "ai_generator"
    to node s where s.kind == "crm_object"
    require passes node d where d.accessible == true
}
)lf";
    const auto evaluation = evaluate_text(rules, R"(surfaces:
  - {id: gen, kind: ai_generator, accessible: false}
  - {id: silent-notice, kind: api_gateway}
  - {id: stated-notice, kind: api_gateway, accessible: false}
  - {id: via-silent, kind: crm_object, accessible: false}
  - {id: via-stated, kind: crm_object, accessible: false}
flows:
  - {from: gen, to: silent-notice}
  - {from: silent-notice, to: via-silent}
  - {from: gen, to: stated-notice}
  - {from: stated-notice, to: via-stated}
)");
    // The notice that says nothing is taken as not accessible: that finding
    // rests on the default; the other rests on what the model states.
    CHECK(findings_of(evaluation.report) ==
          Lines{"LABELLED node 'via-silent'", "LABELLED node 'via-stated'"});
    CHECK(assumed_of(evaluation.report) ==
          std::vector<std::vector<std::string>>{{"d.accessible"}, {}});
}
