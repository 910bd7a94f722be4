// The house-rules example (examples/house-rules/platform.lf) is the one the
// language guide shows: its tests pass, and a rule about the whole model
// reports on the model in every format.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/markdown.hpp"
#include "tests/support/run_lexflow.hpp"

using lexflow::testing::block_after;
using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;
using lexflow::testing::source_path;

namespace {

const std::string kCheck =
    "check tests/cli/fixtures/house-estate.yaml --rules examples/house-rules --as-of 2026-12-01";

}  // namespace

TEST_CASE("the house-rules example's tests pass") {
    const auto result = run_lexflow("test examples/house-rules");
    CHECK(result.err.empty());
    CHECK(result.out == "6 passed, 0 failed\n");
    CHECK(result.exit_code == 0);
}

TEST_CASE("the language guide shows the house-rules example as it is") {
    const auto guide = read_text(source_path("docs/language.md"));
    const auto example = read_text(source_path("examples/house-rules/platform.lf"));
    const auto shown = block_after(guide, "the pack is\n[examples/house-rules/platform.lf]");
    CHECK(example.ends_with("\n" + shown));
}

TEST_CASE("a rule about the whole model reports on the model in the text report") {
    const auto result = run_lexflow(kCheck);
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("  ACME-ONE-IDENTITY-PROVIDER  People sign in through exactly one "
                          "identity provider\n"
                          "    tests/cli/fixtures/house-estate.yaml:1:1: model 'acme-platform'\n"
                          "    The estate does not have exactly one identity provider\n") !=
          std::string::npos);
    // Near miss: one AI vendor, so the other estate-level rule is silent.
    CHECK(result.out.find("ACME-ONE-AI-VENDOR") == std::string::npos);
}

TEST_CASE("a finding of a rule of several requirements names each that fails") {
    const auto text = run_lexflow(kCheck);
    CHECK(text.out.find("    Audit log 'short-log' does not meet Acme's bar for audit logs\n"
                        "    fails: l has retention_years and l.retention_years >= 1\n"
                        "    fails: l has controls and \"tamper_evident\" in l.controls\n") !=
          std::string::npos);
    const auto json = run_lexflow(kCheck + " --format json");
    const auto report = nlohmann::json::parse(json.out);
    for (const auto& finding : report["findings"]) {
        if (finding["rule_id"] == "ACME-AUDIT-LOG-READY") {
            CHECK(finding["failed_requirements"] ==
                  nlohmann::json::array({"l has retention_years and l.retention_years >= 1",
                                         "l has controls and \"tamper_evident\" in l.controls"}));
        } else {
            CHECK(finding["failed_requirements"].empty());
        }
    }
}

TEST_CASE("a rule about the whole model reports on the model in the JSON report") {
    const auto result = run_lexflow(kCheck + " --format json");
    REQUIRE(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    std::vector<nlohmann::json> about_model;
    for (const auto& finding : report["findings"]) {
        if (finding["subject"]["kind"] == "model") {
            about_model.push_back(finding);
        }
    }
    REQUIRE(about_model.size() == 1);
    CHECK(about_model[0]["rule_id"] == "ACME-ONE-IDENTITY-PROVIDER");
    CHECK(about_model[0]["subject"]["id"] == "acme-platform");
    CHECK(about_model[0]["subject"]["file"] == "tests/cli/fixtures/house-estate.yaml");
    CHECK(about_model[0]["subject"]["line"] == 1);
}

TEST_CASE("the rule catalogue names the form of a rule about the whole model") {
    const auto result = run_lexflow(
        "rules --rules examples/house-rules --pack acme-platform "
        "--format json");
    REQUIRE(result.exit_code == 0);
    const auto listed = nlohmann::json::parse(result.out);
    std::map<std::string, std::string> forms;
    for (const auto& rule : listed["rules"]) {
        forms[rule["id"]] = rule["form"];
    }
    CHECK(forms == std::map<std::string, std::string>{{"ACME-ACCESS-REVIEWED", "role"},
                                                      {"ACME-AUDIT-LOG-READY", "node"},
                                                      {"ACME-ENCRYPTED-WRITES", "node"},
                                                      {"ACME-LOGS-ON-A-DASHBOARD", "node"},
                                                      {"ACME-ONE-AI-VENDOR", "model"},
                                                      {"ACME-ONE-IDENTITY-PROVIDER", "model"}});
}
