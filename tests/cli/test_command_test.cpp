// `lexflow test` on the real binary.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;
using lexflow::testing::source_path;

namespace {

const std::string kFixtures = "tests/cli/fixtures/";

/// How many times `needle` occurs in `text`.
std::size_t count_of(std::string_view needle, std::string_view text) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string_view::npos;
         at = text.find(needle, at + needle.size())) {
        ++count;
    }
    return count;
}
const std::string kRules = "--no-default-rules --rules " + kFixtures + "rules/owners.lf ";

}  // namespace

TEST_CASE("test runs each rule test and ends with the passed and failed counts") {
    const auto result = run_lexflow("test " + kRules + kFixtures + "rule-tests");
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out == "2 passed, 0 failed\n");
}

TEST_CASE("test --verbose also lists the tests that pass, with where they are") {
    const auto result = run_lexflow("test --verbose " + kRules + kFixtures + "rule-tests");
    CHECK(result.exit_code == 0);
    const auto file = kFixtures + "rule-tests/owners_test.lf";
    CHECK(result.out == "PASS " + file + ":3: a surface without an owner is a gap\n" + "PASS " +
                            file + ":9: surfaces that name their owner pass\n" +
                            "2 passed, 0 failed\n");
}

TEST_CASE("a failing expectation prints what was expected and what was reported") {
    const auto result = run_lexflow("test " + kRules + kFixtures + "rule-tests-failing");
    CHECK(result.exit_code == 1);
    CHECK(result.out == "FAIL " + kFixtures +
                            "rule-tests-failing/owners_test.lf:3: names the wrong surface\n"
                            "  - expected HOUSE-OWNER on node \"crm-db\"\n"
                            "  + reported HOUSE-OWNER on node \"drafter\"\n"
                            "1 passed, 1 failed\n");
}

TEST_CASE("a test whose model cannot be loaded fails with located errors and exit 2") {
    const auto result = run_lexflow("test " + kRules + kFixtures + "rule-tests-broken");
    CHECK(result.exit_code == 2);
    const auto file = kFixtures + "rule-tests-broken/owners_test.lf";
    CHECK(result.out.ends_with("1 passed, 2 failed\n"));
    CHECK(result.out.find("FAIL " + file + ":4: missing model file\n") != std::string::npos);
    CHECK(result.err.find(file + ":6:15: error: no model file '" + kFixtures +
                          "rule-tests-broken/no-such-model.yaml' [LF4001]") != std::string::npos);
    // The inline model's errors point into the test file, at the YAML's line.
    CHECK(result.err.find(file + ":15:") != std::string::npos);
}

TEST_CASE("--run selects tests by a part of their name or of a rule id") {
    const auto by_name =
        run_lexflow("test -v --run 'name their owner' " + kRules + kFixtures + "rule-tests");
    CHECK(by_name.exit_code == 0);
    CHECK(by_name.out == "PASS " + kFixtures +
                             "rule-tests/owners_test.lf:9: surfaces that name their owner pass\n"
                             "1 passed, 0 failed\n");
    // Every test of the rule's own file, and no other.
    const auto tests_of_rule =
        count_of("test \"", read_text(source_path("tests/rules/gdpr/GDPR-CROSS-TENANT/tests.lf")));
    REQUIRE(tests_of_rule >= 2);
    const auto by_rule = run_lexflow("test --run GDPR-CROSS-TENANT tests/rules");
    CHECK(by_rule.exit_code == 0);
    CHECK(by_rule.out == std::to_string(tests_of_rule) + " passed, 0 failed\n");
    const auto none = run_lexflow("test --run NO-SUCH-RULE tests/rules");
    CHECK(none.exit_code == 2);
    CHECK(
        none.err.starts_with("lexflow: error: no test in tests/rules matches 'NO-SUCH-RULE' "
                             "[LF4004]\n"));
}

TEST_CASE("test --format json gives one object per test, with its differences") {
    const auto result =
        run_lexflow("test --format json " + kRules + kFixtures + "rule-tests-failing");
    CHECK(result.exit_code == 1);
    const auto json = nlohmann::json::parse(result.out);
    CHECK(json["passed"] == 1);
    CHECK(json["failed"] == 1);
    REQUIRE(json["tests"].size() == 2);
    const auto& failing = json["tests"][0];
    CHECK(failing["name"] == "names the wrong surface");
    CHECK(failing["file"] == kFixtures + "rule-tests-failing/owners_test.lf");
    CHECK(failing["line"] == 3);
    CHECK(failing["rules"] == nlohmann::json::array({"HOUSE-OWNER"}));
    CHECK(failing["passed"] == false);
    CHECK(failing["differences"] ==
          nlohmann::json::parse(R"([{"side": "expected", "text": "HOUSE-OWNER on node \"crm-db\""},
                                   {"side": "reported", "text": "HOUSE-OWNER on node \"drafter\""}])"));
    CHECK(json["tests"][1]["passed"] == true);
}

TEST_CASE("test --format json lists a broken model's errors in the test") {
    const auto result =
        run_lexflow("test --format json " + kRules + kFixtures + "rule-tests-broken");
    CHECK(result.exit_code == 2);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(json["tests"].size() == 3);
    const auto& missing = json["tests"][0]["errors"];
    REQUIRE(missing.size() == 1);
    CHECK(missing[0]["check"] == "LF4001");
    CHECK(missing[0]["line"] == 6);
    CHECK(json["tests"][1]["errors"][0]["check"] == "LF3001");
}

TEST_CASE("the shipped packs pass their own rule tests") {
    const auto result = run_lexflow("test tests/rules");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(" passed, 0 failed\n") != std::string::npos);
    CHECK(result.out.find("FAIL") == std::string::npos);
}

TEST_CASE("a test that names a rule that is not loaded is an error with a did-you-mean") {
    const auto result = run_lexflow(
        "test tests/rules/gdpr/GDPR-CROSS-TENANT --no-default-rules "
        "--rules " +
        kFixtures + "rules/owners.lf");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("error: no rule 'GDPR-CROSS-TENANT' is loaded [LF2017]") !=
          std::string::npos);
}

TEST_CASE("test on paths without tests exits 2") {
    const auto rules_only = run_lexflow("test --no-default-rules " + kFixtures + "rules");
    CHECK(rules_only.exit_code == 2);
    CHECK(rules_only.err.find("no rule tests found in " + kFixtures + "rules [LF4004]") !=
          std::string::npos);
    const auto missing = run_lexflow("test no/such/folder");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("no/such/folder: error: no such file or folder [LF4001]"));
}
