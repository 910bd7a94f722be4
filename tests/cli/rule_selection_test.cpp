// End-to-end tests of `--pack`, `--rule` and `--skip-rule`: which rules a
// check runs, and a clear error for a name that is not loaded.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kEstate = "examples/acme-crm/estate.yaml --as-of 2026-12-02 ";

/// The ids of the rules a JSON report's findings come from.
std::set<std::string> rules_reported(const std::string& arguments) {
    const auto result = run_lexflow("check " + kEstate + "--format json " + arguments);
    REQUIRE_MESSAGE(result.exit_code != 2, result.err);
    std::set<std::string> rules;
    const auto report = nlohmann::json::parse(result.out);
    for (const auto& finding : report.at("findings")) {
        rules.insert(finding.at("rule_id").get<std::string>());
    }
    return rules;
}

}  // namespace

TEST_CASE("--rule checks only the rules named") {
    CHECK(rules_reported("--rule GDPR-RECTIFY-PROPAGATE --rule AIA-50-2-MARKING") ==
          std::set<std::string>{"AIA-50-2-MARKING", "GDPR-RECTIFY-PROPAGATE"});
    const auto text = run_lexflow("check " + kEstate + "--rule GDPR-RECTIFY-PROPAGATE");
    CHECK(text.out.find("rules: 1 evaluated as of 2026-12-02, 44 left out; packs: gdpr") !=
          std::string::npos);
}

TEST_CASE("--pack checks the rules of a pack, and --skip-rule leaves one out") {
    const auto gdpr = rules_reported("--pack gdpr");
    REQUIRE_FALSE(gdpr.empty());
    for (const auto& rule : gdpr) {
        CHECK(rule.rfind("GDPR-", 0) == 0);
    }
    REQUIRE(gdpr.contains("GDPR-RECTIFY-PROPAGATE"));
    const auto skipped = rules_reported("--pack gdpr --skip-rule GDPR-RECTIFY-PROPAGATE");
    CHECK_FALSE(skipped.contains("GDPR-RECTIFY-PROPAGATE"));
    CHECK(skipped.size() == gdpr.size() - 1);
    CHECK(rules_reported("--pack gdpr --rule AIA-50-2-MARKING").contains("AIA-50-2-MARKING"));
}

TEST_CASE("a pack or rule that is not loaded is a located error with a suggestion") {
    const auto result =
        run_lexflow("check " + kEstate + "--rule GDPR-RECTIFY-PROPAGTE --pack gpdr");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("command line:1:8: error: no pack 'gpdr' is loaded") !=
          std::string::npos);
    CHECK(result.err.find("did you mean 'gdpr'?") != std::string::npos);
    CHECK(result.err.find("command line:2:8: error: no rule 'GDPR-RECTIFY-PROPAGTE' is loaded") !=
          std::string::npos);
    CHECK(result.err.find("did you mean 'GDPR-RECTIFY-PROPAGATE'?") != std::string::npos);
}

TEST_CASE("a selection that leaves no rule is an error") {
    const auto result =
        run_lexflow("check " + kEstate + "--rule AIA-50-2-MARKING --skip-rule AIA-50-2-MARKING");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("leaves no rule to check") != std::string::npos);
}

TEST_CASE("--max-findings lists fewer findings of each rule in text, --all every one") {
    const auto cut =
        run_lexflow("check " + kEstate + "--rule GDPR-RECTIFY-PROPAGATE --max-findings 2");
    CHECK(cut.exit_code == 1);
    CHECK(cut.out.find("FINDINGS BY RULE (1 rules; at most 2 findings of each are listed)") !=
          std::string::npos);
    CHECK(cut.out.find("3 more of GDPR-RECTIFY-PROPAGATE not listed") != std::string::npos);
    CHECK(cut.out.find("5 gaps (5 high)") != std::string::npos);
    const auto json = run_lexflow("check " + kEstate +
                                  "--rule GDPR-RECTIFY-PROPAGATE --max-findings 2 --format json");
    CHECK(nlohmann::json::parse(json.out).at("findings").size() == 5);
    const auto all = run_lexflow("check " + kEstate + "--rule GDPR-RECTIFY-PROPAGATE --all");
    CHECK(all.out.find("not listed") == std::string::npos);
    CHECK(run_lexflow("check " + kEstate + "--all --max-findings 3").exit_code == 2);
}
