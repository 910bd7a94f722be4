// The SARIF writer: the shape GitHub code scanning reads, checked on the
// parsed document, and the whole document checked against the official
// SARIF 2.1.0 schema with a real JSON Schema validator.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "tests/report/sample_report.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::base::Severity;
using lexflow::report::BaselineState;
using lexflow::report::Report;
using lexflow::report::Subject;
using lexflow::testing::gap;
using lexflow::testing::rule_run;
using lexflow::testing::sample_report;
using lexflow::testing::written;
using Json = nlohmann::ordered_json;

namespace {

const std::string kSchema = "tests/report/sarif-schema-2.1.0.json";
const std::string kValidator = "tests/report/tools/validate_json.py";

Json sarif(const Report& report) {
    return Json::parse(written(*lexflow::report::make_sarif_writer(), report));
}

const Json& run_of(const Json& document) {
    REQUIRE(document["runs"].size() == 1);
    return document["runs"][0];
}

/// The result of the finding (or undecided check) at `index` of a report
/// written by itself.
Json result_of(const Report& report, std::size_t index = 0) {
    const auto document = sarif(report);
    const auto& results = run_of(document)["results"];
    REQUIRE(results.size() > index);
    return results[index];
}

/// A report of one finding on `subject`, with its rule.
Report one_finding(const Subject& subject) {
    Report report;
    report.rules = {rule_run("R-1", "p", Severity::medium)};
    report.findings = {gap("R-1", "p", Severity::medium, subject, "m")};
    return report;
}

/// Runs the validator on `files` (quoted), failing clearly without python3-jsonschema.
lexflow::testing::RunResult validate(const std::string& files) {
    const auto result =
        lexflow::testing::run_in_project("python3 " + kValidator + " " + kSchema + " " + files);
    REQUIRE_MESSAGE(result.err.find("ModuleNotFoundError") == std::string::npos,
                    "these tests need python3-jsonschema: run scripts/setup --tests\n"
                        << result.err);
    REQUIRE_MESSAGE(result.exit_code <= 1, result.out << result.err);
    return result;
}

/// A report with every hostile thing an input may hold, where it can hold it.
Report hostile_report() {
    auto report = sample_report();
    const std::string evil = "q\"uote\\ new\nline \x01\x1b[2J bad\xff\xfe utf8 \xe2\x80\xae";
    report.model_name = evil;
    report.rules[0].rule.id = evil;
    report.rules[0].rule.title = evil;
    report.rules[0].rule.tags = {evil, evil};
    report.rules[0].rule.citations = {evil};
    report.findings[1].rule_id = evil;
    report.findings[1].message = evil;
    report.findings[1].subject = {evil, evil, evil + ".yaml", 1, 1};
    report.findings[3].witness[1].id = evil;
    auto waiver = *report.findings[2].waiver;
    waiver.justification = evil;
    report.findings[2].waiver = std::make_shared<const lexflow::report::WaiverRef>(waiver);
    report.not_evaluated[0].missing = {evil};
    return report;
}

}  // namespace

TEST_CASE("SARIF: one run of the lexflow driver, with the schema and version GitHub reads") {
    const auto document = sarif(sample_report());
    CHECK(document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(document["version"] == "2.1.0");
    const auto& run = run_of(document);
    const auto& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "lexflow");
    CHECK_FALSE(driver.contains("informationUri"));
    REQUIRE(driver["semanticVersion"].is_string());
    CHECK(std::regex_match(driver["semanticVersion"].get<std::string>(),
                           std::regex("[0-9]+\\.[0-9]+\\.[0-9]+")));
    CHECK(run["invocations"] ==
          Json::parse(
              R"json([{"executionSuccessful": true, "toolExecutionNotifications": []}])json"));
    CHECK(run["properties"]["asOf"] == "2026-12-02");
    CHECK(run["properties"]["modelName"] == "acme");
    CHECK(run["properties"]["modelFiles"] ==
          Json::array({"estate/surfaces.yaml", "estate/flows.yaml"}));
    CHECK(run["properties"]["packs"][1] ==
          Json({{"id", "gdpr"}, {"title", "GDPR"}, {"status", "not_applicable"}}));
    CHECK(run["properties"]["baseline"] ==
          Json({{"file", "baseline.json"}, {"known", 2}, {"new", 3}, {"closed", 1}}));
}

TEST_CASE("SARIF: every loaded rule is a reporting descriptor, in order, findings or not") {
    const auto document = sarif(sample_report());
    const auto& rules = run_of(document)["tool"]["driver"]["rules"];
    std::vector<std::string> ids;
    for (const auto& rule : rules) {
        ids.push_back(rule["id"]);
    }
    CHECK(ids == std::vector<std::string>{"AIA-50-2", "AIA-ROLE", "AIA-CLEAN", "AIA-UP", "GDPR-16",
                                          "NIST-1", "FREE-1"});
    CHECK(rules[0] == Json::parse(R"json({
        "id": "AIA-50-2",
        "name": "AIA-50-2",
        "shortDescription": {"text": "Generators mark their output"},
        "fullDescription": {"text": "Unmarked output misleads the people who read it."},
        "help": {
            "text": "Mark the output of the generator.\n\nCites: EU AI Act Art. 50(2); EU AI Act Recital 133",
            "markdown": "Mark the output of the generator.\n\n**Cites:** EU AI Act Art. 50(2); EU AI Act Recital 133"
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {
            "tags": ["transparency", "eu-ai-act"],
            "precision": "high",
            "security-severity": "7.0"
        }
    })json"));
    // Without a description, the title; without remediation or citations, no help.
    CHECK(rules[2]["fullDescription"]["text"] == "Title of AIA-CLEAN");
    CHECK_FALSE(rules[2].contains("help"));
    // A rule outside any pack has only its own tags.
    CHECK(rules[6]["properties"]["tags"] == Json::array());
}

TEST_CASE("SARIF: each severity has its level and security severity") {
    Report report;
    for (const auto severity :
         {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info}) {
        report.rules.push_back(
            rule_run(std::string(lexflow::base::to_string(severity)), "p", severity));
    }
    const auto document = sarif(report);
    const auto& rules = run_of(document)["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 5);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"error", "9.0"}, {"error", "7.0"}, {"warning", "5.0"}, {"note", "3.0"}, {"note", "0.0"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(rules[i]["id"]);
        CHECK(rules[i]["defaultConfiguration"]["level"] == expected[i].first);
        CHECK(rules[i]["properties"]["security-severity"] == expected[i].second);
    }
}

TEST_CASE("SARIF: a finding is a result with its rule, level, location and fingerprint") {
    const auto document = sarif(sample_report());
    const auto& results = run_of(document)["results"];
    // Four findings, and the one undecided check that has a rule: not the pack's.
    REQUIRE(results.size() == 5);
    CHECK(results[1] == Json::parse(R"json({
        "ruleId": "AIA-50-2",
        "ruleIndex": 0,
        "level": "error",
        "message": {"text": "AI system 'drafter' declares no \"marking\""},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": "estate/surfaces.yaml"},
                "region": {"startLine": 4, "startColumn": 5}
            },
            "logicalLocations": [{"name": "drafter", "kind": "node"}]
        }],
        "partialFingerprints": {"lexflow/v1": "fp-AIA-50-2-drafter"},
        "baselineState": "new",
        "properties": {
            "severity": "high",
            "pack": "eu-ai-act",
            "citations": ["EU AI Act Art. 50(2)", "EU AI Act Recital 133"],
            "upcoming": false,
            "effective": null
        }
    })json"));
    // The index points at the result's own rule.
    CHECK(results[3]["ruleId"] == "FREE-1");
    CHECK(results[3]["ruleIndex"] == 6);
    CHECK(results[3]["level"] == "note");
    CHECK(results[3]["properties"]["pack"] == "");
}

TEST_CASE("SARIF: a subject without a line points at the start of its file") {
    auto at = result_of(one_finding({"model", "acme", "estate.yaml", 0, 0}));
    CHECK(at["locations"][0]["physicalLocation"]["region"] ==
          Json({{"startLine", 1}, {"startColumn", 1}}));
    at = result_of(one_finding({"model", "acme", "estate.yaml", 7, 0}));
    CHECK(at["locations"][0]["physicalLocation"]["region"] ==
          Json({{"startLine", 7}, {"startColumn", 1}}));
    // Without a file there is no physical location, but still the logical one.
    at = result_of(one_finding({"model", "acme", "", 0, 0}));
    CHECK_FALSE(at["locations"][0].contains("physicalLocation"));
    CHECK(at["locations"][0]["logicalLocations"][0]["name"] == "acme");
}

TEST_CASE("SARIF: a file name becomes a URI, percent-encoded where a URI needs it") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"estate/surfaces.yaml", "estate/surfaces.yaml"},
        {"./estate/a.yaml", "estate/a.yaml"},
        {"my estate/a b#1?.yaml", "my%20estate/a%20b%231%3F.yaml"},
        {"C:\\estate\\a.yaml", "C%3A%5Cestate%5Ca.yaml"},
        {"z\xc3\xbcrich/100%.yaml", "z%C3%BCrich/100%25.yaml"},
        {"/srv/estate/a.yaml", "file:///srv/estate/a.yaml"},
    };
    for (const auto& [file, uri] : cases) {
        CAPTURE(file);
        const auto result = result_of(one_finding({"node", "n", file, 1, 1}));
        CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri);
    }
}

TEST_CASE("SARIF: a witness is a code flow of its steps, each located and named") {
    auto report = sample_report();
    report.findings[3].witness_omitted = {2, 7};
    const auto result = result_of(report, 3);
    REQUIRE(result["codeFlows"].size() == 1);
    const auto& flow = result["codeFlows"][0];
    CHECK(flow["message"]["text"] ==
          "path from node 'a' to node 'b'; 7 flows in the middle are not shown");
    REQUIRE(flow["threadFlows"].size() == 1);
    const auto& locations = flow["threadFlows"][0]["locations"];
    REQUIRE(locations.size() == 3);
    CHECK(locations[1]["location"] == Json::parse(R"json({
        "physicalLocation": {
            "artifactLocation": {"uri": "estate/flows.yaml"},
            "region": {"startLine": 2, "startColumn": 5}
        },
        "logicalLocations": [{"name": "a->b", "kind": "flow"}],
        "message": {"text": "flow 'a->b'"}
    })json"));
    CHECK(locations[0]["location"]["message"]["text"] == "node 'a'");
    CHECK(locations[2]["location"]["message"]["text"] == "node 'b', after 7 flows not shown");
    // A finding without a witness has no code flow.
    CHECK_FALSE(result_of(report, 1).contains("codeFlows"));
}

TEST_CASE("SARIF: a thread flow holds at most 10,000 locations, and says it was cut") {
    auto report = one_finding({"node", "n0", "m.yaml", 1, 1});
    for (std::size_t i = 0; i < 10'005; ++i) {
        report.findings[0].witness.push_back({i % 2 == 0 ? "node" : "flow", "s" + std::to_string(i),
                                              "m.yaml", static_cast<std::uint32_t>(i + 1), 1});
    }
    const auto result = result_of(report);
    const auto& flow = result["codeFlows"][0];
    const auto& locations = flow["threadFlows"][0]["locations"];
    REQUIRE(locations.size() == 10'000);
    CHECK(locations[9'998]["location"]["message"]["text"] == "node 's9998'");
    // The last step is the witness's end, after the ones left out.
    CHECK(locations[9'999]["location"]["logicalLocations"][0]["name"] == "s10004");
    CHECK(locations[9'999]["location"]["message"]["text"] ==
          "node 's10004', after 5 steps not shown");
    CHECK(flow["message"]["text"] ==
          "path from node 's0' to node 's10004'; cut to 10000 of its 10005 steps, the first "
          "9999 and the last");

    // At the cap exactly, nothing is cut.
    report.findings[0].witness.resize(10'000);
    const auto whole = result_of(report);
    CHECK(whole["codeFlows"][0]["threadFlows"][0]["locations"].size() == 10'000);
    CHECK(whole["codeFlows"][0]["message"]["text"] == "path from node 's0' to flow 's9999'");
}

TEST_CASE("SARIF: a run holds at most 25,000 results and a rule 20 tags, as GitHub accepts") {
    auto report = one_finding({"node", "n", "m.yaml", 1, 1});
    report.findings.resize(24'999, report.findings[0]);
    lexflow::report::NotEvaluated undecided;
    undecided.rule_id = "R-1";
    undecided.subject = Subject{"node", "u", "m.yaml", 1, 1};
    report.not_evaluated.assign(3, undecided);
    for (int i = 0; i < 30; ++i) {
        report.rules[0].rule.tags.push_back("tag-" + std::to_string(i));
    }
    const auto text = written(*lexflow::report::make_sarif_writer(), report);
    std::size_t results = 0;
    for (auto at = text.find("\"ruleId\": "); at != std::string::npos;
         at = text.find("\"ruleId\": ", at + 1)) {
        ++results;
    }
    CHECK(results == 25'000);
    CHECK(text.find("\"text\": \"2 results are not written: code scanning accepts at most 25000 "
                    "in a run. The JSON report lists them all.\"") != std::string::npos);
    // The first undecided check is the last result; the other two are left out.
    CHECK(text.find("for node 'u'") != std::string::npos);

    const auto document = Json::parse(text);
    const auto& tags = run_of(document)["tool"]["driver"]["rules"][0]["properties"]["tags"];
    REQUIRE(tags.size() == 20);
    CHECK(tags[0] == "tag-0");
    CHECK(tags[18] == "tag-18");
    CHECK(tags[19] == "p");  // the pack is kept
}

TEST_CASE("SARIF: a waived finding is suppressed, accepted, with who waived it and until when") {
    const auto document = sarif(sample_report());
    const auto& results = run_of(document)["results"];
    CHECK(results[2]["suppressions"] == Json::parse(R"json([{
        "kind": "external",
        "status": "accepted",
        "justification": "Waived by privacy-team until 2027-01-31 (approval CHG-42): The vendor marks it",
        "location": {
            "physicalLocation": {
                "artifactLocation": {"uri": "waivers.yaml"},
                "region": {"startLine": 3, "startColumn": 5}
            }
        },
        "properties": {"owner": "privacy-team", "approval": "CHG-42", "expires": "2027-01-31"}
    }])json"));
    CHECK(results[2]["level"] == "error");  // still the gap it is
    for (const auto index : {0, 1, 3, 4}) {
        CAPTURE(index);
        CHECK_FALSE(results[index].contains("suppressions"));
    }
}

TEST_CASE("SARIF: a baseline's marks are baseline states, and without a baseline there are none") {
    const auto document = sarif(sample_report());
    const auto& results = run_of(document)["results"];
    CHECK(results[1]["baselineState"] == "new");
    CHECK(results[2]["baselineState"] == "unchanged");
    CHECK(results[3]["baselineState"] == "unchanged");
    CHECK(results[4]["baselineState"] == "new");

    auto report = sample_report();
    report.baseline.reset();
    for (auto& finding : report.findings) {
        finding.baseline = BaselineState::none;
    }
    for (auto& entry : report.not_evaluated) {
        entry.baseline = BaselineState::none;
    }
    const auto plain = sarif(report);
    for (const auto& result : run_of(plain)["results"]) {
        CHECK_FALSE(result.contains("baselineState"));
    }
    CHECK_FALSE(run_of(plain)["properties"].contains("baseline"));
}

TEST_CASE("SARIF: a gap not yet in force is a note, and says from when it applies") {
    const auto result = result_of(sample_report(), 0);
    CHECK(result["ruleId"] == "AIA-UP");
    CHECK(result["level"] == "note");
    CHECK(result["message"]["text"] ==
          "AI system 'drafter' keeps no log (not yet in force: from 2027-08-02)");
    CHECK(result["properties"]["upcoming"] == true);
    CHECK(result["properties"]["effective"] == "2027-08-02");
    CHECK(result["properties"]["severity"] == "critical");
}

TEST_CASE("SARIF: an undecided check is an open result that names what the model lacks") {
    const auto result = result_of(sample_report(), 4);
    CHECK(result["ruleId"] == "AIA-ROLE");
    CHECK(result["ruleIndex"] == 1);
    CHECK(result["kind"] == "open");
    // SARIF 2.1.0 §3.27.10: a result whose kind is not "fail" has level "none".
    CHECK(result["level"] == "none");
    CHECK(result["message"]["text"] ==
          "AIA-ROLE could not be decided for node 'summariser': the model does not give "
          "summariser.ai_role, summariser.modality");
    CHECK(result["locations"][0]["logicalLocations"][0] ==
          Json({{"name", "summariser"}, {"kind", "node"}}));
    CHECK(result["partialFingerprints"]["lexflow/v1"] == "fp-AIA-ROLE-summariser");
    CHECK(result["properties"]["missing"] ==
          Json::array({"summariser.ai_role", "summariser.modality"}));
}

TEST_CASE("SARIF: a result of a rule the run does not describe has no rule index") {
    auto report = sample_report();
    report.rules.clear();
    const auto result = result_of(report, 1);
    CHECK(result["ruleId"] == "AIA-50-2");
    CHECK_FALSE(result.contains("ruleIndex"));
}

TEST_CASE("SARIF: warnings about the inputs are notifications of the invocation") {
    auto report = sample_report();
    report.diagnostics = {{lexflow::base::DiagnosticLevel::warning, "LF3001", "estate.yaml", 12, 3,
                           4, "unknown key 'ownr'", "did you mean 'owner'?"}};
    const auto document = sarif(report);
    CHECK(run_of(document)["invocations"][0]["toolExecutionNotifications"] == Json::parse(R"json([{
        "level": "warning",
        "message": {"text": "unknown key 'ownr' (did you mean 'owner'?)"},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": "estate.yaml"},
                "region": {"startLine": 12, "startColumn": 3}
            }
        }],
        "descriptor": {"id": "LF3001"}
    }])json"));
}

TEST_CASE("SARIF: hostile text is escaped, and bytes that are not UTF-8 become U+FFFD") {
    const auto text = written(*lexflow::report::make_sarif_writer(), hostile_report());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        REQUIRE_MESSAGE((byte >= 0x20 || c == '\n'), "a raw control byte " << int(byte));
    }
    CHECK(text.find("\\u001b[2J") != std::string::npos);
    CHECK(text.find("\\u202e") != std::string::npos);
    const auto document = Json::parse(text);
    const std::string decoded =
        "q\"uote\\ new\nline \x01\x1b[2J bad\xef\xbf\xbd\xef\xbf\xbd utf8 \xe2\x80\xae";
    const auto& run = run_of(document);
    CHECK(run["properties"]["modelName"] == decoded);
    CHECK(run["tool"]["driver"]["rules"][0]["id"] == decoded);
    // Repeated tags are given once: SARIF's tags are a set.
    CHECK(run["tool"]["driver"]["rules"][0]["properties"]["tags"] ==
          Json::array({decoded, "eu-ai-act"}));
    CHECK(run["results"][1]["ruleId"] == decoded);
    CHECK(run["results"][1]["message"]["text"] == decoded);
    CHECK(run["results"][1]["locations"][0]["logicalLocations"][0]["name"] == decoded);
    // The help's Markdown escapes what would be markup, and keeps the text on its line.
    const std::string markdown = run["tool"]["driver"]["rules"][0]["help"]["markdown"];
    CHECK(markdown.find('\n') == markdown.find("\n\n**Cites:**"));
    CHECK(markdown.find("q\"uote\\\\ new\\\\nline \\\\x01\\\\x1b\\[2J") != std::string::npos);
}

TEST_CASE("SARIF: the same report gives the same bytes, through make_writer too") {
    const auto report = sample_report();
    const auto once = written(*lexflow::report::make_sarif_writer(), report);
    CHECK(once == written(*lexflow::report::make_sarif_writer(), report));
    CHECK(once == written(*lexflow::report::make_writer(lexflow::report::Format::sarif, true, true),
                          report));
    CHECK(once.ends_with("}\n"));
}

TEST_CASE("SARIF: the documents written are valid under the official SARIF 2.1.0 schema") {
    const lexflow::testing::ScratchDir scratch;
    auto long_witness = sample_report();
    for (std::size_t i = 0; i < 10'002; ++i) {
        long_witness.findings[3].witness.push_back(
            {"node", "s" + std::to_string(i), "estate/surfaces.yaml", 0, 0});
    }
    long_witness.diagnostics = {{lexflow::base::DiagnosticLevel::warning, "LF3001", "estate.yaml",
                                 0, 0, 1, "unknown key", ""}};
    const std::vector<std::pair<std::string, Report>> documents = {
        {"sample.sarif", sample_report()},
        {"hostile.sarif", hostile_report()},
        {"long-witness.sarif", long_witness},
        {"empty.sarif", Report{}},
    };
    std::string files;
    for (const auto& [name, report] : documents) {
        files += " '" +
                 scratch.write(name, written(*lexflow::report::make_sarif_writer(), report)) + "'";
    }
    const auto result = validate(files);
    CHECK_MESSAGE(result.exit_code == 0, result.out << result.err);
    CHECK(result.out.empty());

    // The validator does reject what the schema forbids.
    auto broken = sarif(sample_report());
    broken["runs"][0]["results"][0]["level"] = "fatal";
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
    const auto rejected = validate("'" + scratch.write("broken.sarif", broken.dump(2)) + "'");
    CHECK(rejected.exit_code == 1);
    CHECK(rejected.out.find("runs/0/results/0/level: 'fatal' is not one of") != std::string::npos);
    CHECK(rejected.out.find("startLine: 0 is less than the minimum of 1") != std::string::npos);
}
