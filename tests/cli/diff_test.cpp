// End-to-end tests of `lexflow diff`: the check of a change, as a pull
// request runs it.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kPr = "tests/cli/fixtures/pr/";
const std::string kDiff = "diff --no-default-rules --rules " + kPr + "rules.lf --as-of 2026-12-02 ";

lexflow::testing::RunResult diff(const std::string& before, const std::string& after,
                                 const std::string& extra = "") {
    return run_lexflow(kDiff + "--before " + kPr + before + " --after " + kPr + after + " " +
                       extra);
}

}  // namespace

TEST_CASE("a change that adds a flow and removes a control fails on the gaps it opens") {
    const auto result = diff("before.yaml", "after.yaml", "--format json");
    CHECK(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    std::set<std::string> added;
    for (const auto& finding : report.at("findings")) {
        if (finding.at("baseline") == "new") {
            added.insert(finding.at("subject").at("id").get<std::string>());
        }
    }
    CHECK(added == std::set<std::string>{"help-centre", "kiosk"});
    CHECK(report.at("baseline").at("closed").size() == 1);

    std::set<std::string> changes;
    for (const auto& change : report.at("model_changes")) {
        changes.insert(change.at("change").get<std::string>() + " " +
                       change.at("kind").get<std::string>() + " " +
                       change.at("id").get<std::string>());
    }
    CHECK(changes == std::set<std::string>{"added flow to-kiosk", "added surface kiosk",
                                           "changed surface archive",
                                           "changed surface help-centre"});
    for (const auto& change : report.at("model_changes")) {
        if (change.at("id") == "help-centre") {
            REQUIRE(change.at("attributes").size() == 1);
            CHECK(change.at("attributes")[0].at("key") == "controls");
            CHECK(change.at("attributes")[0].at("before") == "[disclosure_label]");
            CHECK(change.at("attributes")[0].at("after").is_null());
        }
    }
    CHECK(result.err.find("2 gaps (not counting 2 known from the baseline)") != std::string::npos);
}

TEST_CASE("the text of a diff shows the changes, the new gaps in full and the known in brief") {
    const auto result = diff("before.yaml", "after.yaml");
    CHECK(result.out.find("MODEL CHANGES (4)\n  changed surface 'archive'\n      owner: (absent) "
                          "-> records-team\n") != std::string::npos);
    CHECK(result.out.find("AI content from 'drafter' reaches 'kiosk' without a label") !=
          std::string::npos);
    CHECK(result.out.find("node 'crm'  (known: in the baseline)") != std::string::npos);
    CHECK(result.out.find("Surface 'crm' names no owning team") == std::string::npos);
}

TEST_CASE("a model written another way is no change: no model change, no new gap, exit 0") {
    const auto result = diff("before.yaml", "reordered.yaml", "--format json");
    CHECK(result.exit_code == 0);
    const auto report = nlohmann::json::parse(result.out);
    CHECK(report.at("model_changes").empty());
    CHECK(report.at("baseline").at("new") == 0);
    CHECK(report.at("baseline").at("known") == 3);
}

TEST_CASE("undoing the change opens the gap it had closed and closes the two it had opened") {
    const auto result = diff("after.yaml", "before.yaml", "--format json");
    CHECK(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    CHECK(report.at("baseline").at("new") == 1);
    CHECK(report.at("baseline").at("closed").size() == 2);
}

TEST_CASE("new gaps below the threshold do not fail the change") {
    CHECK(diff("before.yaml", "after.yaml", "--fail-on critical").exit_code == 0);
}

TEST_CASE("diff needs both sides, and an error in either stops it") {
    CHECK(run_lexflow(kDiff + "--after " + kPr + "after.yaml").exit_code == 2);
    const auto broken = diff("before.yaml", "missing.yaml");
    CHECK(broken.exit_code == 2);
    CHECK(broken.out.empty());
    CHECK(broken.err.find("missing.yaml") != std::string::npos);
}
