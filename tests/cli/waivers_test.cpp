// End-to-end tests of `lexflow check --waivers`: a waiver accepts a gap until
// it expires; one that expired or matches nothing is reported; a malformed
// one stops the check.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kPr = "tests/cli/fixtures/pr/";
const std::string kCheck =
    "check --no-default-rules --rules " + kPr + "rules.lf --as-of 2026-12-02 ";

lexflow::testing::RunResult check_with(const std::string& waivers, const std::string& extra = "") {
    return run_lexflow(kCheck + kPr + "before.yaml --waivers " + kPr + "waivers/" + waivers + " " +
                       extra);
}

/// The findings of a JSON report about `rule` on `subject`.
nlohmann::json finding_on(const nlohmann::json& report, const std::string& rule,
                          const std::string& subject) {
    for (const auto& finding : report.at("findings")) {
        if (finding.at("rule_id") == rule && finding.at("subject").at("id") == subject) {
            return finding;
        }
    }
    FAIL("no finding of " << rule << " on " << subject);
    return {};
}

}  // namespace

TEST_CASE("a waiver in force marks its gap waived, keeps it in the report, and it fails nothing") {
    const auto json = check_with("in-force.yaml", "--format json");
    REQUIRE(json.exit_code == 1);  // the two other gaps still fail the check
    const auto report = nlohmann::json::parse(json.out);
    const auto waived = finding_on(report, "PR-OWNER", "crm");
    CHECK(waived.at("waiver").at("owner") == "sales-ops@acme.example");
    CHECK(waived.at("waiver").at("approval") == "RISK-101");
    CHECK(waived.at("waiver").at("expires") == "2027-01-31");
    CHECK(waived.at("waiver").at("line") == 3);
    CHECK(finding_on(report, "PR-OWNER", "archive").at("waiver").is_null());
    CHECK(report.at("summary").at("waived") == 1);
    CHECK(report.at("summary").at("findings") == 2);

    const auto text = check_with("in-force.yaml");
    CHECK(text.out.find("WAIVED (1): accepted until they expire") != std::string::npos);
    CHECK(text.out.find("waived by sales-ops@acme.example until 2027-01-31 (RISK-101; "
                        "tests/cli/fixtures/pr/waivers/in-force.yaml:3)") != std::string::npos);
    CHECK(text.out.find("2 gaps (1 high, 1 medium); 1 waived") != std::string::npos);
    CHECK(text.err.find("2 gaps (not counting 1 waived) at or above 'low'") != std::string::npos);
    CHECK(text.err.find("warning") == std::string::npos);
}

TEST_CASE("a check whose every gap is waived passes") {
    const auto result = check_with("every-gap.yaml");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("WAIVED (3)") != std::string::npos);
    CHECK(result.out.find("no gaps; 3 waived") != std::string::npos);
}

TEST_CASE("an expired waiver waives nothing, and is reported where its date is") {
    const auto result = check_with("expired.yaml", "--format json");
    CHECK(result.exit_code == 1);
    const auto report = nlohmann::json::parse(result.out);
    CHECK(finding_on(report, "PR-OWNER", "crm").at("waiver").is_null());
    CHECK(report.at("summary").at("waived") == 0);
    CHECK(result.err.find("tests/cli/fixtures/pr/waivers/expired.yaml:8:14: warning: the waiver "
                          "of PR-OWNER on 'crm' expired on 2026-11-30; its gap is reported "
                          "again [LF6101]") != std::string::npos);
}

TEST_CASE("the last day of a waiver still waives") {
    const auto result =
        run_lexflow("check --no-default-rules --rules " + kPr + "rules.lf --as-of 2026-11-30 " +
                    kPr + "before.yaml --format json --waivers " + kPr + "waivers/expired.yaml");
    const auto report = nlohmann::json::parse(result.out);
    CHECK_FALSE(finding_on(report, "PR-OWNER", "crm").at("waiver").is_null());
}

TEST_CASE("a waiver that matches no finding is reported as stale") {
    const auto result = check_with("stale.yaml");
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("stale.yaml:3:5: warning: the waiver of PR-LABEL on 'old-portal' "
                          "matches no finding") != std::string::npos);
    CHECK(result.err.find("[LF6102]") != std::string::npos);
    SUBCASE("and --strict makes it an error") {
        CHECK(check_with("stale.yaml", "--strict").exit_code == 2);
    }
}

TEST_CASE("a waiver of a rule the check leaves out is neither unknown nor stale") {
    const auto result = check_with("stale.yaml", "--skip-rule PR-LABEL");
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("LF6102") == std::string::npos);
    CHECK(result.err.find("LF6002") == std::string::npos);
}

TEST_CASE("a malformed waiver is an error naming every problem, and nothing is reported") {
    const auto result = check_with("malformed.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    const auto& err = result.err;
    CHECK(err.find("malformed.yaml:7:5: error: unknown key 'approvl' in a waiver [LF6001]") !=
          std::string::npos);
    CHECK(err.find("did you mean 'approval'?") != std::string::npos);
    CHECK(err.find("malformed.yaml:4:5: error: this waiver has no 'owner' [LF6001]") !=
          std::string::npos);
    CHECK(err.find("this waiver has no 'approval'") != std::string::npos);
    CHECK(err.find("malformed.yaml:4:11: error: the waiver names rule 'PR-OWNR', which this check "
                   "does not load [LF6002]") != std::string::npos);
    CHECK(err.find("did you mean 'PR-OWNER'?") != std::string::npos);
    CHECK(err.find("malformed.yaml:8:14: error: expires '2027-02-30' is not a date") !=
          std::string::npos);
}

TEST_CASE("a waiver may not run past the maximum lifetime") {
    const auto result = check_with("too-long.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("too-long.yaml:8:14: error: this waiver runs 1126 days past the "
                          "check's date (2026-12-02); a waiver may run at most 365 days "
                          "[LF6003]") != std::string::npos);
    CHECK(check_with("too-long.yaml", "--waiver-max-days 1200").exit_code == 1);
    CHECK(check_with("too-long.yaml", "--waiver-max-days 0").exit_code == 1);
}

TEST_CASE("a waiver file that is not a list of waivers is an error") {
    const auto model = run_lexflow(kCheck + kPr + "before.yaml --waivers " + kPr + "before.yaml");
    CHECK(model.exit_code == 2);
    CHECK(model.err.find("unknown key 'model' in a waiver file [LF6001]") != std::string::npos);
    const auto missing = run_lexflow(kCheck + kPr + "before.yaml --waivers no-such-waivers.yaml");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no such waiver file") != std::string::npos);
}

TEST_CASE("what a waiver says is escaped in every report") {
    const auto text = check_with("hostile.yaml");
    CHECK(text.exit_code == 1);
    CHECK(text.out.find('\x1b') == std::string::npos);
    CHECK(text.out.find("\\x1b[31m") != std::string::npos);
    const auto json = check_with("hostile.yaml", "--format json");
    const auto report = nlohmann::json::parse(json.out);
    CHECK(finding_on(report, "PR-OWNER", "crm").at("waiver").at("owner") ==
          "<script>alert(1)</script> \x1b[31m");
}
