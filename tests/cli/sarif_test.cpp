// `lexflow check --format sarif` end to end: the real binary on the shipped
// example, its SARIF checked against the official SARIF 2.1.0 schema
// (tests/report/tools/validate_json.py, python3-jsonschema) and against the
// JSON report of the same check.

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_in_project;
using lexflow::testing::run_lexflow;
using lexflow::testing::RunResult;
using lexflow::testing::ScratchDir;
using Json = nlohmann::json;

namespace {

const std::string kCheck = "check examples/acme-crm/estate.yaml --as-of 2026-12-02";

/// Runs the check in `format` into `path`; the exit status says whether gaps were found.
RunResult check_into(const std::string& format, const std::string& path) {
    const auto result = run_lexflow(kCheck + " --format " + format + " --output '" + path + "'");
    REQUIRE_MESSAGE(result.exit_code <= 1, "lexflow " << kCheck << " --format " << format
                                                      << " failed:\n"
                                                      << result.err);
    return result;
}

}  // namespace

TEST_CASE("check --format sarif writes SARIF that is valid under the SARIF 2.1.0 schema") {
    const ScratchDir scratch;
    const auto path = scratch.file("report.sarif");
    const auto result = check_into("sarif", path);
    CHECK(result.out.empty());  // the report goes to the file

    const auto validated = run_in_project(
        "python3 tests/report/tools/validate_json.py "
        "tests/report/sarif-schema-2.1.0.json '" +
        path + "'");
    REQUIRE_MESSAGE(validated.err.find("ModuleNotFoundError") == std::string::npos,
                    "this test needs python3-jsonschema: run scripts/setup --tests\n"
                        << validated.err);
    CHECK_MESSAGE(validated.exit_code == 0, validated.out << validated.err);

    // The same bytes on a second run.
    const auto again = scratch.file("again.sarif");
    check_into("sarif", again);
    CHECK(read_text(again) == read_text(path));
}

TEST_CASE("check --format sarif has a result for each finding and undecided check of the JSON") {
    const ScratchDir scratch;
    const auto sarif_path = scratch.file("report.sarif");
    const auto json_path = scratch.file("report.json");
    const auto sarif_run = check_into("sarif", sarif_path);
    const auto json_run = check_into("json", json_path);
    CHECK(sarif_run.exit_code == json_run.exit_code);

    const auto sarif = Json::parse(read_text(sarif_path));
    const auto report = Json::parse(read_text(json_path));
    REQUIRE(sarif["runs"].size() == 1);
    const auto& run = sarif["runs"][0];
    CHECK(run["properties"]["asOf"] == "2026-12-02");
    const auto& rules = run["tool"]["driver"]["rules"];
    CHECK(rules.size() >= report["rules_evaluated"].get<std::size_t>());

    std::size_t undecided_rules = 0;
    for (const auto& entry : report["not_evaluated"]) {
        undecided_rules += entry["rule_id"].is_null() ? 0 : 1;
    }
    const auto& results = run["results"];
    REQUIRE(!report["findings"].empty());
    CHECK(results.size() == report["findings"].size() + undecided_rules);

    for (std::size_t i = 0; i < results.size(); ++i) {
        CAPTURE(i);
        const auto& result = results[i];
        REQUIRE(result.contains("ruleIndex"));
        CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
        REQUIRE(result["locations"].size() == 1);
        const auto& uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                              .get<std::string>();
        CHECK(uri == "examples/acme-crm/estate.yaml");
        if (i < report["findings"].size()) {
            const auto& finding = report["findings"][i];
            CHECK(result["ruleId"] == finding["rule_id"]);
            CHECK(result["message"]["text"].get<std::string>().starts_with(
                finding["message"].get<std::string>()));
            CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] ==
                  std::max(finding["subject"]["line"].get<int>(), 1));
            if (finding.contains("fingerprint")) {
                CHECK(result["partialFingerprints"]["lexflow/v1"] == finding["fingerprint"]);
            }
            CHECK(result.contains("codeFlows") == !finding["witness"].empty());
        } else {
            CHECK(result["kind"] == "open");
        }
    }
}
