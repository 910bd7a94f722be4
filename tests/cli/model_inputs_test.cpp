// End-to-end tests of the ways a model is given: files, a folder, standard
// input, and files that include others (confined to their folder, without
// cycles).

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_in_project;
using lexflow::testing::run_lexflow;

namespace {

const std::string kPr = "tests/cli/fixtures/pr/";
const std::string kCheck =
    "check --no-default-rules --rules " + kPr + "rules.lf --as-of 2026-12-02 ";

std::set<std::string> fingerprints_of(const std::string& output) {
    const auto report = nlohmann::json::parse(output);
    std::set<std::string> result;
    for (const auto& finding : report.at("findings")) {
        result.insert(finding.at("fingerprint").get<std::string>());
    }
    return result;
}

}  // namespace

TEST_CASE("a model that includes its parts is the same estate, located in each part") {
    const auto whole = run_lexflow(kCheck + kPr + "before.yaml --format json");
    const auto split = run_lexflow(kCheck + kPr + "includes/estate.yaml --format json");
    REQUIRE(split.exit_code == 1);
    CHECK(fingerprints_of(split.out) == fingerprints_of(whole.out));
    const auto report = nlohmann::json::parse(split.out);
    CHECK(report.at("model").at("files") ==
          nlohmann::json::array({kPr + "includes/estate.yaml", kPr + "includes/parts/surfaces.yaml",
                                 kPr + "includes/parts/flows.yaml"}));
    for (const auto& finding : report.at("findings")) {
        CHECK(finding.at("subject").at("file") == kPr + "includes/parts/surfaces.yaml");
    }
}

TEST_CASE("an include may not leave the including file's folder") {
    auto result = run_lexflow(kCheck + kPr + "includes/escape.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("includes/escape.yaml:3:11: error: '../before.yaml' leaves the folder "
                          "of the file that includes it [LF4006]") != std::string::npos);
    result = run_lexflow(kCheck + kPr + "includes/absolute.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("not '/etc/passwd' [LF4006]") != std::string::npos);
    CHECK(result.err.find("root:") == std::string::npos);
}

TEST_CASE("an include cycle is an error, not a hang") {
    const auto result = run_lexflow(kCheck + kPr + "includes/cycle-a.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("cycle-b.yaml:1:11: error: 'cycle-a.yaml' is already part of the "
                          "model: an include cycle, or a file included twice [LF3011]") !=
          std::string::npos);
}

TEST_CASE("a folder given as the model loads every model file below it") {
    const auto result = run_lexflow(kCheck + kPr + "includes/parts --format json");
    CHECK(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    CHECK(report.at("model").at("files") ==
          nlohmann::json::array(
              {kPr + "includes/parts/flows.yaml", kPr + "includes/parts/surfaces.yaml"}));
    CHECK(report.at("findings").size() == 3);
}

TEST_CASE("'-' reads the model from standard input") {
    // run_in_project gives commands /dev/null as input; the inner shell's wins.
    const auto result = run_in_project("sh -c \"'" + std::string(LEXFLOW_BINARY) + "' " + kCheck +
                                       "- --format json < " + kPr + "before.yaml\"");
    CHECK(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    CHECK(report.at("model").at("files") == nlohmann::json::array({"<stdin>"}));
    CHECK(report.at("findings").size() == 3);
}
