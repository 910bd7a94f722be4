// `lexflow test` on the real binary.

#include <doctest/doctest.h>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kFixtures = "tests/cli/fixtures/";
const std::string kRules = "--no-default-rules --rules " + kFixtures + "rules/owners.lf ";

}  // namespace

TEST_CASE("test runs each rule test and ends with the passed and failed counts") {
    const auto result = run_lexflow("test " + kRules + kFixtures + "rule-tests");
    CHECK(result.exit_code == 0);
    CHECK(result.out == "2 passed, 0 failed\n");
}

TEST_CASE("a failing expectation prints what was expected and what was reported") {
    const auto result = run_lexflow("test " + kRules + kFixtures + "rule-tests-failing");
    CHECK(result.exit_code == 1);
    CHECK(result.out == "FAIL HOUSE-OWNER on " + kFixtures +
                            "rule-tests-failing/HOUSE-OWNER/fires.yaml\n"
                            "  - expected node 'crm-db'\n"
                            "  + reported node 'drafter'\n"
                            "0 passed, 1 failed\n");
}

TEST_CASE("the shipped packs pass their own rule tests") {
    const auto result = run_lexflow("test tests/rules");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(" passed, 0 failed\n") != std::string::npos);
}

TEST_CASE("test on a folder without rule tests, or a missing one, exits 2") {
    const auto empty = run_lexflow("test " + kFixtures + "no-rules");
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("no rule tests found") != std::string::npos);
    const auto missing = run_lexflow("test no/such/folder");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "no/such/folder: error: not a folder of rule tests [LF4001]\n");
}
