// End-to-end tests of JSON model files: the real binary reads a *.json model
// as it reads the same estate in YAML, alone or mixed with YAML files.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_in_project;
using lexflow::testing::run_lexflow;
using lexflow::testing::source_path;

namespace {

const std::string kYamlEstate = "examples/acme-crm/estate.yaml";
/// examples/acme-crm/estate.yaml converted to JSON by tests/cli/tools/yaml2json.py
/// (YAML 1.2 core schema: dates stay strings); a test below keeps it in step.
const std::string kJsonEstate = "tests/cli/fixtures/json/acme-crm.json";
const std::string kMixed = "tests/cli/fixtures/json/mixed/";
const std::string kCheck = "check --as-of 2026-12-02 ";
const std::string kHouseRules =
    "--as-of 2026-11-25 --no-default-rules --rules tests/cli/fixtures/rules ";

/// What a finding is, wherever its subject was written.
using Finding = std::tuple<std::string, std::string, std::string, std::string, std::string>;

std::vector<Finding> findings_of(const nlohmann::json& report, const std::string& list) {
    std::vector<Finding> findings;
    for (const auto& finding : report.at(list)) {
        findings.emplace_back(finding.at("rule_id"), finding.at("subject").at("kind"),
                              finding.at("subject").at("id"), finding.at("fingerprint"),
                              finding.at("severity"));
    }
    return findings;
}

}  // namespace

TEST_CASE("a JSON model gives the same findings as the same estate in YAML") {
    const auto yaml = run_lexflow(kCheck + kYamlEstate + " --format json");
    const auto json = run_lexflow(kCheck + kJsonEstate + " --format json");
    REQUIRE(yaml.exit_code == 1);
    REQUIRE_MESSAGE(json.exit_code == 1, json.err);
    const auto before = nlohmann::json::parse(yaml.out);
    const auto after = nlohmann::json::parse(json.out);
    CHECK(findings_of(after, "findings").size() > 50);
    CHECK(findings_of(after, "findings") == findings_of(before, "findings"));
    CHECK(findings_of(after, "not_evaluated") == findings_of(before, "not_evaluated"));
    CHECK(after.at("summary") == before.at("summary"));
    CHECK(after.at("model").at("files") == nlohmann::json::array({kJsonEstate}));

    // The subject is located in the JSON file, at the object that defines it.
    for (const auto& finding : after.at("findings")) {
        CHECK(finding.at("subject").at("file") == kJsonEstate);
        CHECK(finding.at("subject").at("line").get<int>() > 1);
    }
    const auto& first = after.at("findings").at(0).at("subject");
    CHECK(first.at("id") == "avatar-video-service");
    CHECK(first.at("line") == 118);
    CHECK(first.at("column") == 5);
}

TEST_CASE("an estate may mix a YAML file of surfaces and a JSON file of flows") {
    const std::string expected =
        "    tests/cli/fixtures/json/mixed/surfaces.yaml:7:5: node 'drafter'\n"
        "    Surface 'drafter' names no owning team\n"
        "    fix:  Add 'owner: TEAM' to 'drafter'.\n"
        "\n"
        "LOW (1)\n"
        "\n"
        "  HOUSE-FLOW-CLASS  Flows into CRM objects are classified\n"
        "    tests/cli/fixtures/json/mixed/flows.json:3:5: flow 'drafter->crm-db'\n"
        "    Flow 'drafter->crm-db' into 'crm-db' has no classification\n"
        "\n"
        "2 gaps (1 medium, 1 low)\n";
    SUBCASE("given as files") {
        const auto result =
            run_lexflow("check " + kHouseRules + kMixed + "surfaces.yaml " + kMixed + "flows.json");
        CHECK_MESSAGE(result.exit_code == 1, result.err);
        CHECK(result.out.find("  model: 2 surfaces, 1 flow, 0 roles from " + kMixed +
                              "surfaces.yaml, " + kMixed + "flows.json\n") != std::string::npos);
        CHECK_MESSAGE(result.out.ends_with(expected), result.out);
    }
    SUBCASE("given as a folder, whose *.json files are model files too") {
        const auto result = run_lexflow("check " + kHouseRules + kMixed);
        CHECK_MESSAGE(result.exit_code == 1, result.err);
        CHECK(result.out.find("  model: 2 surfaces, 1 flow, 0 roles from " + kMixed +
                              "flows.json, " + kMixed + "surfaces.yaml\n") != std::string::npos);
        CHECK_MESSAGE(result.out.ends_with(expected), result.out);
    }
}

TEST_CASE("malformed JSON in a model stops lexflow with a located error") {
    const auto result = run_lexflow(kCheck + "tests/cli/fixtures/json/broken.json");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK_MESSAGE(result.err.starts_with("tests/cli/fixtures/json/broken.json:5:3: error: "
                                         "malformed JSON: "),
                  result.err);
    CHECK(result.err.find("[LF3001]\n  5 |   ]\n    |   ^\n") != std::string::npos);
}

TEST_CASE("the JSON fixture is the example estate, converted") {
    const auto converted = run_in_project("python3 tests/cli/tools/yaml2json.py " + kYamlEstate);
    REQUIRE_MESSAGE(converted.exit_code == 0,
                    "this test needs python3-yaml (scripts/setup --tests): " << converted.err);
    CHECK_MESSAGE(converted.out == read_text(source_path(kJsonEstate)),
                  "regenerate it: python3 tests/cli/tools/yaml2json.py " << kYamlEstate << " > "
                                                                         << kJsonEstate);
}
