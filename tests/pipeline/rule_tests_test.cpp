// Rule tests run by the engine: what a test expects against what the rules
// under test report, line by line.

#include "pipeline/rule_tests.hpp"

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

namespace {

using lexflow::report::TestDifference;

/// One test's outcome in a few strings: "-" expected and "+" reported lines,
/// notes, and the rendered errors of a model that could not be loaded.
struct Summary {
    std::string name;
    bool passed = false;
    std::vector<std::string> differences;
    std::vector<std::string> notes;
    std::string errors;
};

/// Parses and checks `text` (rules and tests) and runs each of its tests.
std::vector<Summary> run_tests(const std::string& text) {
    auto checked = lexflow::testing::check_texts({{"house.lf", text}});
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    std::vector<Summary> summaries;
    for (const auto& test : checked.rules->tests) {
        const auto outcome =
            lexflow::pipeline::run_rule_test(test, *checked.rules, checked.sources);
        Summary summary{test.name, outcome.passed(), {}, outcome.notes, {}};
        for (const auto& difference : outcome.differences) {
            const bool expected = difference.side == TestDifference::Side::expected;
            summary.differences.push_back((expected ? "- " : "+ ") + difference.text);
        }
        summary.errors = lexflow::report::DiagnosticRenderer(checked.sources, false)
                             .render_all(outcome.model_errors);
        summaries.push_back(std::move(summary));
    }
    return summaries;
}

const std::string kOwnerRule = R"(
rule OWNER {
  title "Surfaces name an owner" severity low
  for every node s where s.kind == "crm_object" require s.owner != "nobody"
  message "'{s}' has no owner"
}

rule AUDITED {
  title "Surfaces are audited" severity low
  for every node s require s has audited
  message "'{s}' is not audited"
}
)";

const std::string kPathRule = R"(
rule REVIEWED {
  title "AI output reaches a portal only through review" severity high
  effective "2027-01-01"
  for every path
    from node g where g.kind == "ai_generator"
    to node p where p.kind == "portal"
    require passes node r where r.kind == "review"
  message "'{g}' reaches '{p}' unreviewed"
}
)";

/// gen -> api -> portal, and gen -> review -> portal2.
const std::string kPathModel = R"(  """
    surfaces:
      - {id: gen, kind: ai_generator}
      - {id: api, kind: api}
      - {id: portal, kind: portal}
      - {id: review, kind: review}
      - {id: portal2, kind: portal}
    flows:
      - {from: gen, to: api}
      - {from: api, to: portal}
      - {from: gen, to: review}
      - {from: review, to: portal2}
  """
)";

}  // namespace

TEST_CASE("a test passes when its rules report exactly what it expects") {
    const auto results = run_tests(kOwnerRule + R"(
test "one orphan" {
  rules OWNER
  model """
    surfaces:
      - {id: a, kind: crm_object, owner: nobody}
      - {id: b, kind: crm_object, owner: sales}
  """
  expect OWNER on node "a"
})");
    REQUIRE(results.size() == 1);
    CHECK(results[0].passed);
    CHECK(results[0].differences.empty());
    CHECK(results[0].errors.empty());
}

TEST_CASE("a missing and an unexpected finding are both shown, expected side first") {
    const auto results = run_tests(kOwnerRule + R"(
test "wrong subject" {
  rules OWNER
  model """
    surfaces:
      - {id: a, kind: crm_object, owner: nobody}
      - {id: b, kind: crm_object, owner: sales}
  """
  expect OWNER on node "b"
})");
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].passed);
    CHECK(results[0].differences ==
          std::vector<std::string>{"- OWNER on node \"b\"", "+ OWNER on node \"a\""});
}

TEST_CASE("an expected element the model does not have is noted, with a did-you-mean") {
    const auto results = run_tests(kOwnerRule + R"(
test "typo" {
  rules OWNER
  model """
    surfaces:
      - {id: orphan-db, kind: crm_object, owner: nobody}
  """
  expect OWNER on node "orphan-bd"
})");
    REQUIRE(results.size() == 1);
    CHECK(results[0].differences == std::vector<std::string>{"- OWNER on node \"orphan-bd\"",
                                                             "+ OWNER on node \"orphan-db\""});
    CHECK(results[0].notes ==
          std::vector<std::string>{"the model has no node 'orphan-bd'; did you mean 'orphan-db'?"});
}

TEST_CASE("a reported line is written so that it can be pasted back as an expectation") {
    // The id holds a quote and a backslash; the test language escapes both.
    const auto model = R"("""
    surfaces:
      - {id: 'say "hi" \ now', kind: crm_object, owner: nobody}
  """)";
    const auto results = run_tests(kOwnerRule + R"(
test "unexpected" {
  rules OWNER
  model )" + model + R"(
  expect none
}

test "pasted" {
  rules OWNER
  model )" + model + R"(
  expect OWNER on node "say \"hi\" \\ now"
})");
    REQUIRE(results.size() == 2);
    CHECK(results[0].differences ==
          std::vector<std::string>{R"(+ OWNER on node "say \"hi\" \\ now")"});
    CHECK(results[1].passed);
}

TEST_CASE("only the rules under test are compared") {
    // AUDITED would report both surfaces; the test is about OWNER alone.
    const auto results = run_tests(kOwnerRule + R"(
test "owner only" {
  rules OWNER
  model """
    surfaces:
      - {id: a, kind: crm_object, owner: sales}
  """
  expect none
}

test "both rules" {
  rules OWNER, AUDITED
  model """
    surfaces:
      - {id: a, kind: crm_object, owner: sales}
  """
  expect none
})");
    REQUIRE(results.size() == 2);
    CHECK(results[0].passed);
    CHECK(results[1].differences == std::vector<std::string>{"+ AUDITED on node \"a\""});
}

TEST_CASE("a witness is compared only when the expectation gives one") {
    const auto results = run_tests(kPathRule + R"(
test "no witness given" {
  rules REVIEWED
  model )" + kPathModel + R"(  expect REVIEWED on node "portal"
}

test "the right witness" {
  rules REVIEWED
  model )" + kPathModel + R"(  expect REVIEWED on node "portal" witness ["gen", "api", "portal"]
}

test "a wrong witness" {
  rules REVIEWED
  model )" + kPathModel + R"(  expect REVIEWED on node "portal" witness ["gen", "portal"]
})");
    REQUIRE(results.size() == 3);
    CHECK(results[0].passed);
    CHECK(results[1].passed);
    CHECK(results[2].differences ==
          std::vector<std::string>{
              "- REVIEWED on node \"portal\" witness [\"gen\", \"portal\"]",
              "+ REVIEWED on node \"portal\" witness [\"gen\", \"api\", \"portal\"]"});
}

TEST_CASE("as of a date before a rule is in force, its gaps are upcoming") {
    const auto results = run_tests(kPathRule + R"(
test "upcoming" {
  rules REVIEWED
  as of "2026-11-25"
  model )" + kPathModel + R"(  expect REVIEWED upcoming on node "portal"
}

test "expected in force" {
  rules REVIEWED
  as of "2026-11-25"
  model )" + kPathModel + R"(  expect REVIEWED on node "portal"
}

test "in force on its date" {
  rules REVIEWED
  as of "2027-01-01"
  model )" + kPathModel + R"(  expect REVIEWED on node "portal"
})");
    REQUIRE(results.size() == 3);
    CHECK(results[0].passed);
    CHECK(results[1].differences ==
          std::vector<std::string>{"- REVIEWED on node \"portal\"",
                                   "+ REVIEWED upcoming on node \"portal\" witness [\"gen\", "
                                   "\"api\", \"portal\"]"});
    CHECK(results[2].passed);
}

TEST_CASE("a subject the rule cannot decide must be expected as not evaluated") {
    const auto model = R"("""
    surfaces:
      - {id: a, kind: crm_object}
  """)";
    const auto results = run_tests(kOwnerRule + R"(
test "undecided" {
  rules OWNER
  model )" + model + R"(
  expect OWNER not evaluated on node "a"
}

test "silently undecided" {
  rules OWNER
  model )" + model + R"(
  expect none
})");
    REQUIRE(results.size() == 2);
    CHECK(results[0].passed);
    CHECK(results[1].differences ==
          std::vector<std::string>{"+ OWNER not evaluated on node \"a\""});
}

TEST_CASE("a pack the model leaves undecided fails the test, one that does not apply is noted") {
    const auto results = run_tests(R"(
pack house "House" { applies when "EU" in model.jurisdictions }
rule OWNER {
  title "t" severity low
  for every node s require s has owner
  message "m"
}

test "no jurisdictions" {
  rules OWNER
  model """
    surfaces:
      - {id: a, kind: crm_object}
  """
  expect none
}

test "US only" {
  rules OWNER
  model """
    jurisdictions: [US]
    surfaces:
      - {id: a, kind: crm_object}
  """
  expect OWNER on node "a"
})");
    REQUIRE(results.size() == 2);
    CHECK(results[0].differences ==
          std::vector<std::string>{
              "+ pack 'house' not evaluated: the model lacks model.jurisdictions"});
    CHECK(results[1].differences == std::vector<std::string>{"- OWNER on node \"a\""});
    CHECK(results[1].notes ==
          std::vector<std::string>{"pack 'house' does not apply to this model"});
}

TEST_CASE("errors in an inline model point at its line in the test file") {
    const auto results = run_tests(kOwnerRule + R"(
test "broken" {
  rules OWNER
  model """
    surfaces:
      - {id: a, kind: crm_object
  """
  expect none
})");
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].passed);
    CHECK(results[0].differences.empty());
    // Line 19 of house.lf is the closing """, where the YAML ends unclosed.
    CHECK(results[0].errors.starts_with("house.lf:19:"));
    CHECK(results[0].errors.find("[LF3001]") != std::string::npos);
}

TEST_CASE("a model file is read relative to the test's own file") {
    const auto results = run_tests(kOwnerRule + R"(
test "missing file" {
  rules OWNER
  model "models/none.yaml"
  expect none
})");
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].passed);
    CHECK(results[0].errors.starts_with(
        "house.lf:16:9: error: no model file 'models/none.yaml' [LF4001]"));
}

TEST_CASE("a test's model may not leave the folder of the test") {
    for (const auto* path : {"/etc/passwd", "../secret.yaml", "models/../../secret.yaml"}) {
        CAPTURE(path);
        const auto results = run_tests(kOwnerRule + R"(
test "escapes" {
  rules OWNER
  model ")" + std::string(path) + R"("
  expect none
})");
        REQUIRE(results.size() == 1);
        CHECK_FALSE(results[0].passed);
        CHECK(results[0].errors.starts_with("house.lf:16:9: error: the model '" +
                                            std::string(path) +
                                            "' is outside the folder of the test [LF4006]"));
    }
}
