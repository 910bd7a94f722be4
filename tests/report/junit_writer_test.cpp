// The JUnit writer: suites per pack, test cases per rule and subject, and
// XML that a CI system's parser reads back to the same values, whatever the
// inputs held. Python's XML parser reads it back (tests/report/tools/).

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/report/sample_report.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::base::Severity;
using lexflow::report::Report;
using lexflow::testing::gap;
using lexflow::testing::rule_run;
using lexflow::testing::sample_report;
using lexflow::testing::written;
using Json = nlohmann::json;

namespace {

std::string junit(const Report& report) {
    return written(*lexflow::report::make_junit_writer(), report);
}

/// The document as Python's XML parser reads it; fails if it is not well-formed.
Json read_back(const std::string& xml) {
    const lexflow::testing::ScratchDir scratch;
    const auto path = scratch.write("report.xml", xml);
    const auto result =
        lexflow::testing::run_in_project("python3 tests/report/tools/read_junit.py '" + path + "'");
    REQUIRE_MESSAGE(result.exit_code == 0, result.out << result.err << "\n" << xml);
    return Json::parse(result.out);
}

/// The test case named `name` in the suite named `suite`.
Json test_case(const Json& root, const std::string& suite, const std::string& name) {
    for (const auto& s : root["children"]) {
        if (s["attributes"]["name"] != suite) {
            continue;
        }
        for (const auto& c : s["children"]) {
            if (c["attributes"]["name"] == name) {
                return c;
            }
        }
    }
    FAIL("no test case '" << name << "' in suite '" << suite << "'");
    return {};
}

/// The one child element of a test case ("failure" or "skipped"), or null for a pass.
Json outcome(const Json& test) {
    REQUIRE(test["children"].size() <= 1);
    return test["children"].empty() ? Json() : test["children"][0];
}

}  // namespace

TEST_CASE("JUnit: a suite per pack, the rules outside any pack in 'house-rules', with counts") {
    const auto root = read_back(junit(sample_report()));
    CHECK(root["name"] == "testsuites");
    // 3 eu-ai-act findings + 1 undecided + 1 passing rule; GDPR-16; NIST-1; FREE-1.
    CHECK(root["attributes"] == Json({{"name", "lexflow"},
                                      {"tests", "8"},
                                      {"failures", "2"},
                                      {"errors", "0"},
                                      {"skipped", "5"},
                                      {"time", "0"}}));
    std::vector<std::string> suites;
    for (const auto& suite : root["children"]) {
        CHECK(suite["name"] == "testsuite");
        suites.push_back(suite["attributes"]["name"]);
    }
    CHECK(suites == std::vector<std::string>{"eu-ai-act", "gdpr", "nist", "house-rules"});
    const auto& eu = root["children"][0]["attributes"];
    CHECK(eu["tests"] == "5");
    CHECK(eu["failures"] == "1");
    CHECK(eu["skipped"] == "3");
    CHECK(eu["errors"] == "0");
    const auto& house = root["children"][3]["attributes"];
    CHECK(house["tests"] == "1");
    CHECK(house["failures"] == "1");
    CHECK(house["skipped"] == "0");
}

TEST_CASE("JUnit: a rule without findings is one passing test case") {
    const auto root = read_back(junit(sample_report()));
    const auto pass = test_case(root, "eu-ai-act", "AIA-CLEAN");
    CHECK(pass["attributes"] ==
          Json({{"name", "AIA-CLEAN"}, {"classname", "eu-ai-act"}, {"time", "0"}}));
    CHECK(outcome(pass).is_null());
}

TEST_CASE("JUnit: a finding is a failing test case with where, why and what to do") {
    const auto root = read_back(junit(sample_report()));
    const auto failed = test_case(root, "eu-ai-act", "AIA-50-2 on node 'drafter'");
    CHECK(failed["attributes"]["classname"] == "eu-ai-act");
    CHECK(failed["attributes"]["file"] == "estate/surfaces.yaml");
    const auto failure = outcome(failed);
    CHECK(failure["name"] == "failure");
    CHECK(failure["attributes"] ==
          Json({{"message", "AI system 'drafter' declares no \"marking\""}, {"type", "high"}}));
    CHECK(failure["text"] ==
          "AI system 'drafter' declares no \"marking\"\n"
          "at estate/surfaces.yaml:4:5 (node 'drafter')\n"
          "cites: EU AI Act Art. 50(2); EU AI Act Recital 133\n"
          "fix: Mark the output of the generator.");

    const auto path = outcome(test_case(root, "house-rules", "FREE-1 on flow 'a->b'"));
    CHECK(path["attributes"]["type"] == "low");
    CHECK(path["text"] ==
          "Flow 'a->b' has no class\nat estate/flows.yaml:2:5 (flow 'a->b')\n"
          "path: a \u2192 b");
    CHECK(test_case(root, "house-rules", "FREE-1 on flow 'a->b'")["attributes"]["classname"] ==
          "house-rules");
}

TEST_CASE("JUnit: waived, upcoming and undecided checks and rules that did not run are skipped") {
    const auto root = read_back(junit(sample_report()));
    const auto skipped = [&](const std::string& suite, const std::string& name) {
        const auto element = outcome(test_case(root, suite, name));
        CHECK(element["name"] == "skipped");
        return element["attributes"]["message"].get<std::string>();
    };
    CHECK(skipped("eu-ai-act", "AIA-50-2 on node 'summariser'") ==
          "waived by privacy-team until 2027-01-31 (approval CHG-42): The vendor marks it");
    CHECK(skipped("eu-ai-act", "AIA-UP on node 'drafter'") ==
          "not yet in force: the rule applies from 2027-08-02");
    CHECK(skipped("eu-ai-act", "AIA-ROLE on node 'summariser'") ==
          "could not be decided: the model does not give summariser.ai_role, "
          "summariser.modality");
    CHECK(skipped("gdpr", "GDPR-16") == "pack 'gdpr' does not apply to the model");
    CHECK(skipped("nist", "NIST-1") == "pack 'nist' could not decide whether it applies");
    // A rule with only an undecided subject has no passing case besides it.
    CHECK(root["children"][0]["children"].size() == 5);
}

TEST_CASE("JUnit: a finding of a rule the report does not list goes in its pack's suite") {
    Report report;
    report.rules = {rule_run("A-1", "alpha", Severity::low)};
    report.findings = {gap("B-1", "beta", Severity::medium, {"node", "n", "m.yaml", 1, 1}, "m"),
                       gap("A-1", "alpha", Severity::low, {"node", "n", "m.yaml", 1, 1}, "m")};
    const auto root = read_back(junit(report));
    REQUIRE(root["children"].size() == 2);
    CHECK(root["children"][0]["attributes"]["name"] == "alpha");
    CHECK(root["children"][0]["attributes"]["tests"] == "1");
    CHECK(root["children"][1]["attributes"]["name"] == "beta");
    CHECK(outcome(test_case(root, "beta", "B-1 on node 'n'"))["attributes"]["type"] == "medium");
    CHECK(root["attributes"]["failures"] == "2");
}

TEST_CASE("JUnit: hostile input is escaped, and what XML forbids is replaced") {
    auto report = sample_report();
    const std::string evil =
        "<script>alert(\"x\")</script> ]]> & 'q'\x01\x1b[2J\ttab\nline\r bad\xff \xef\xbf\xbe "
        "\xe2\x80\xae";
    report.rules[2].rule.id = evil;  // AIA-CLEAN, which passes
    report.rules[2].rule.pack = evil;
    report.findings[1].message = evil;
    report.findings[1].subject.id = evil;
    report.findings[1].remediation = evil;
    const auto xml = junit(report);
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find("]]>") == std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find('\x1b') == std::string::npos);
    CHECK(xml.find('\r') == std::string::npos);
    CHECK(
        xml.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &amp; &apos;q&apos;") !=
        std::string::npos);

    const auto root = read_back(xml);
    const std::string fffd = "\xef\xbf\xbd";
    const auto sane = "<script>alert(\"x\")</script> ]]> & 'q'" + fffd + fffd + "[2J\ttab" + fffd +
                      "line" + fffd + " bad" + fffd + " " + fffd + " " + fffd;
    // The pass of the renamed rule, in a suite of the hostile pack's name.
    const auto pass = test_case(root, sane, sane);
    CHECK(pass["attributes"]["classname"] == sane);
    const auto failure = outcome(test_case(root, "eu-ai-act", "AIA-50-2 on node '" + sane + "'"));
    CHECK(failure["attributes"]["message"] == sane);
    // Each input stays on its own line of the failure's text: none can forge another.
    CHECK(failure["text"] ==
          sane + "\nat estate/surfaces.yaml:4:5 (node '" + sane + "')\n" +
              "cites: EU AI Act Art. 50(2); EU AI Act Recital 133\nfix: " + sane);
}

TEST_CASE("JUnit: the same report gives the same bytes, and no timestamp") {
    const auto report = sample_report();
    const auto once = junit(report);
    CHECK(once == junit(report));
    CHECK(once == written(*lexflow::report::make_writer(lexflow::report::Format::junit, true, true),
                          report));
    CHECK(once.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    CHECK(once.find("timestamp") == std::string::npos);
    CHECK(once.find("hostname") == std::string::npos);
}

TEST_CASE("JUnit: a report without rules is an empty, well-formed document") {
    const auto root = read_back(junit(Report{}));
    CHECK(root["children"].empty());
    CHECK(root["attributes"]["tests"] == "0");
    CHECK(root["attributes"]["failures"] == "0");
}
