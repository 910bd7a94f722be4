// End-to-end tests of `lexflow check --baseline`: gaps are identified by
// fingerprints that survive reformatting and reordering, and only the gaps a
// change opens fail the check.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::run_lexflow;
using lexflow::testing::ScratchDir;

namespace {

const std::string kPr = "tests/cli/fixtures/pr/";
const std::string kCheck =
    "check --no-default-rules --rules " + kPr + "rules.lf --as-of 2026-12-02 ";

/// The JSON report of `model` (a file under the fixtures), parsed.
nlohmann::json report_of(const std::string& model, const std::string& extra = "") {
    const auto result = run_lexflow(kCheck + kPr + model + " --format json " + extra);
    REQUIRE_MESSAGE(result.exit_code != 2, result.err);
    return nlohmann::json::parse(result.out);
}

std::set<std::string> fingerprints(const nlohmann::json& report) {
    std::set<std::string> result;
    for (const auto& finding : report.at("findings")) {
        result.insert(finding.at("fingerprint").get<std::string>());
    }
    return result;
}

/// Writes the JSON report of before.yaml as a baseline; returns its path.
std::string write_baseline(const ScratchDir& scratch, const std::string& extra = "") {
    return scratch.write("baseline.json", report_of("before.yaml", extra).dump(2));
}

}  // namespace

TEST_CASE("fingerprints do not move when the model is reformatted and reordered") {
    const auto before = report_of("before.yaml");
    const auto reordered = report_of("reordered.yaml");
    CHECK(fingerprints(before).size() == 3);
    CHECK(fingerprints(before) == fingerprints(reordered));
    for (const auto& finding : before.at("findings")) {
        CHECK(finding.at("fingerprint").get<std::string>().size() == 16);
        CHECK(finding.at("baseline").is_null());
    }
    CHECK(before.at("baseline").is_null());
}

TEST_CASE("against its own baseline, the reformatted model keeps its old gaps and passes") {
    const ScratchDir scratch;
    const auto baseline = write_baseline(scratch);
    const auto result = run_lexflow(kCheck + kPr + "reordered.yaml --baseline " + baseline);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("against the baseline: 0 new, 3 known, 0 closed") != std::string::npos);
    CHECK(result.out.find("(known: in the baseline)") != std::string::npos);
}

TEST_CASE("a change fails on the gaps it opens, and counts the ones it closes") {
    const ScratchDir scratch;
    const auto baseline = write_baseline(scratch);
    const auto report = report_of("after.yaml", "--baseline " + baseline);
    std::set<std::string> added;
    std::set<std::string> known;
    for (const auto& finding : report.at("findings")) {
        const auto name = finding.at("rule_id").get<std::string>() + " " +
                          finding.at("subject").at("id").get<std::string>();
        (finding.at("baseline") == "new" ? added : known).insert(name);
    }
    // A flow opens a path to the kiosk; a removed label opens one to the help centre.
    CHECK(added == std::set<std::string>{"PR-LABEL help-centre", "PR-LABEL kiosk"});
    CHECK(known == std::set<std::string>{"PR-LABEL portal", "PR-OWNER crm"});
    const auto& summary = report.at("baseline");
    CHECK(summary.at("new") == 2);
    CHECK(summary.at("known") == 2);
    REQUIRE(summary.at("closed").size() == 1);
    CHECK(summary.at("closed")[0].at("rule_id") == "PR-OWNER");
    CHECK(summary.at("closed")[0].at("subject").at("id") == "archive");

    const auto text = run_lexflow(kCheck + kPr + "after.yaml --baseline " + baseline);
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("CLOSED (1): in the baseline, no longer found\n  PR-OWNER on node "
                        "'archive'") != std::string::npos);
    CHECK(text.err.find("2 gaps (not counting 2 known from the baseline) at or above 'low'") !=
          std::string::npos);
}

TEST_CASE("a baseline written before fingerprints existed still matches") {
    const ScratchDir scratch;
    auto old = report_of("before.yaml");
    for (auto& finding : old.at("findings")) {
        finding.erase("fingerprint");
    }
    const auto baseline = scratch.write("old.json", old.dump());
    const auto result = run_lexflow(kCheck + kPr + "reordered.yaml --baseline " + baseline);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("0 new, 3 known, 0 closed") != std::string::npos);
}

TEST_CASE("a baseline that is not a lexflow JSON report is an error") {
    const ScratchDir scratch;
    const auto broken = scratch.write("broken.json", "{\"format_version\": 1, \"findings\": [");
    auto result = run_lexflow(kCheck + kPr + "before.yaml --baseline " + broken);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("the baseline is not valid JSON") != std::string::npos);
    CHECK(result.err.find("[LF6005]") != std::string::npos);

    const auto other = scratch.write("other.json", "{\"version\": \"2.1.0\", \"runs\": []}");
    result = run_lexflow(kCheck + kPr + "before.yaml --baseline " + other);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("not a lexflow JSON report") != std::string::npos);

    result = run_lexflow(kCheck + kPr + "before.yaml --baseline " + kPr + "before.yaml");
    CHECK(result.exit_code == 2);
}

TEST_CASE("under SOURCE_DATE_EPOCH, reports are byte for byte the same, dated by it") {
    const auto run = [](const std::string& format) {
        return run_lexflow("check --no-default-rules --rules " + kPr + "rules.lf " + kPr +
                               "after.yaml --format " + format,
                           "SOURCE_DATE_EPOCH=1796169600");
    };
    for (const std::string format : {"text", "json", "sarif", "junit", "markdown"}) {
        CAPTURE(format);
        const auto first = run(format);
        const auto second = run(format);
        CHECK(first.exit_code == 1);
        CHECK(first.out == second.out);
        CHECK_FALSE(first.out.empty());
    }
    const auto json = nlohmann::json::parse(run("json").out);
    CHECK(json.at("as_of") == "2026-12-02");

    const auto bad = run_lexflow(kCheck.substr(0, kCheck.find("--as-of")) + kPr + "after.yaml",
                                 "SOURCE_DATE_EPOCH=yesterday");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds") !=
          std::string::npos);
}
