#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "report/writer.hpp"

using lexflow::base::Severity;
using lexflow::report::Finding;
using lexflow::report::NotEvaluated;
using lexflow::report::PackStatus;
using lexflow::report::Report;
using lexflow::report::Subject;
using Json = nlohmann::ordered_json;

namespace {

/// What a writer writes for `report`.
std::string written(const lexflow::report::ReportWriter& writer,
                    const lexflow::report::Report& report) {
    std::ostringstream out;
    writer.write(report, out);
    return out.str();
}

Finding finding(std::string rule_id, std::string title, Severity severity, std::string pack,
                std::vector<std::string> citations, Subject subject, std::string message,
                std::string remediation) {
    Finding out;
    out.rule_id = std::move(rule_id);
    out.title = std::move(title);
    out.severity = severity;
    out.pack = std::move(pack);
    out.citations = std::move(citations);
    out.subject = std::move(subject);
    out.message = std::move(message);
    out.remediation = std::move(remediation);
    return out;
}

NotEvaluated not_evaluated(std::string rule_id, std::string title, Severity severity,
                           std::string pack, std::optional<Subject> subject,
                           std::vector<std::string> missing) {
    NotEvaluated out;
    out.rule_id = std::move(rule_id);
    out.title = std::move(title);
    out.severity = severity;
    out.pack = std::move(pack);
    out.subject = std::move(subject);
    out.missing = std::move(missing);
    return out;
}

/// A report with one pack in each state, findings of two severities (one
/// without citations or remediation), and both kinds of "not evaluated".
Report sample_report() {
    Report report;
    report.model_name = "acme";
    report.model_files = {"estate/surfaces.yaml", "estate/flows.yaml"};
    report.surfaces = 3;
    report.flows = 2;
    report.roles = 4;
    report.rules_evaluated = 5;
    report.packs = {{"eu-ai-act", "EU AI Act", PackStatus::State::applied, 2},
                    {"gdpr", "GDPR", PackStatus::State::not_applicable, 1},
                    {"nist", "NIST AI RMF", PackStatus::State::not_evaluated, 3}};
    report.findings = {
        finding("AIA-50-2", "Generators mark their output", Severity::high, "eu-ai-act",
                {"EU AI Act Art. 50(2)", "EU AI Act Recital 133"},
                {"node", "drafter", "estate/surfaces.yaml", 4, 5},
                "AI system 'drafter' declares no \"marking\"", "Mark the output of 'drafter'."),
        finding("FREE-1", "Flows are classified", Severity::low, "", {},
                {"flow", "a->b", "estate/flows.yaml", 2, 5}, "Flow 'a->b' has no class", ""),
    };
    report.not_evaluated = {
        not_evaluated("AIA-ROLE", "Roles are declared", Severity::medium, "eu-ai-act",
                      Subject{"node", "summariser", "estate/surfaces.yaml", 9, 5},
                      {"a.ai_role", "a.modality"}),
        not_evaluated("", "pack 'nist' could not decide whether it applies", Severity::high, "nist",
                      std::nullopt, {"model.jurisdictions"}),
    };
    return report;
}

std::vector<std::string> keys(const Json& object) {
    std::vector<std::string> out;
    for (const auto& [key, value] : object.items()) {
        out.push_back(key);
    }
    return out;
}

std::string strip_ansi(const std::string& text) {
    return std::regex_replace(text, std::regex("\x1b\\[[0-9;]*m"), "");
}

const std::string kSampleText =
    "lexflow check: acme\n"
    "  model: 3 surfaces, 2 flows, 4 roles from estate/surfaces.yaml, estate/flows.yaml\n"
    "  rules: 5 evaluated; packs: eu-ai-act, gdpr (not_applicable), nist (not_evaluated)\n"
    "\n"
    "HIGH (1)\n"
    "\n"
    "  AIA-50-2  Generators mark their output\n"
    "    estate/surfaces.yaml:4:5: node 'drafter'\n"
    "    AI system 'drafter' declares no \"marking\"\n"
    "    cite: EU AI Act Art. 50(2); EU AI Act Recital 133\n"
    "    fix:  Mark the output of 'drafter'.\n"
    "\n"
    "LOW (1)\n"
    "\n"
    "  FREE-1  Flows are classified\n"
    "    estate/flows.yaml:2:5: flow 'a->b'\n"
    "    Flow 'a->b' has no class\n"
    "\n"
    "NOT EVALUATED (2): what the model must declare to decide\n"
    "\n"
    "  declare ai_role and modality to decide 1 check on 'summariser' (AIA-ROLE)\n"
    "\n"
    "  declare jurisdictions to decide 1 check whether pack 'nist' applies\n"
    "\n"
    "2 gaps (1 high, 1 low); 2 not evaluated\n";

/// --verbose adds each undecided check after the groups.
const std::string kSampleVerboseDetail =
    "  declare jurisdictions to decide 1 check whether pack 'nist' applies\n"
    "\n"
    "  AIA-ROLE  Roles are declared\n"
    "    estate/surfaces.yaml:9:5: node 'summariser'\n"
    "    the model does not give: a.ai_role, a.modality\n"
    "\n"
    "  pack 'nist' could not decide whether it applies\n"
    "    the model does not give: model.jurisdictions\n"
    "\n"
    "2 gaps (1 high, 1 low); 2 not evaluated\n";

}  // namespace

TEST_CASE("the JSON report has the documented keys, in order") {
    const auto text = written(*lexflow::report::make_json_writer(), sample_report());
    CHECK(text.starts_with("{\n  \"format_version\": 1,\n  \"as_of\": null,\n  \"model\": {\n"));
    CHECK(text.ends_with("}\n"));
    const auto json = Json::parse(text);
    CHECK(keys(json) == std::vector<std::string>{"format_version", "as_of", "model",
                                                 "rules_evaluated", "packs", "findings",
                                                 "not_evaluated", "decided_on_defaults", "baseline",
                                                 "model_changes", "summary"});
    CHECK(json["baseline"].is_null());
    CHECK(json["model_changes"].is_null());
    CHECK(json["format_version"] == 1);
    CHECK(keys(json["model"]) ==
          std::vector<std::string>{"name", "files", "surfaces", "flows", "roles"});
    CHECK(json["model"]["name"] == "acme");
    CHECK(json["model"]["files"] == Json::array({"estate/surfaces.yaml", "estate/flows.yaml"}));
    CHECK(json["model"]["surfaces"] == 3);
    CHECK(json["model"]["flows"] == 2);
    CHECK(json["model"]["roles"] == 4);
    CHECK(json["rules_evaluated"] == 5);
}

TEST_CASE("the JSON report lists each pack with its status and rule count") {
    const auto json = Json::parse(written(*lexflow::report::make_json_writer(), sample_report()));
    REQUIRE(json["packs"].size() == 3);
    CHECK(keys(json["packs"][0]) == std::vector<std::string>{"id", "title", "status", "rules"});
    CHECK(json["packs"][0] ==
          Json({{"id", "eu-ai-act"}, {"title", "EU AI Act"}, {"status", "applied"}, {"rules", 2}}));
    CHECK(json["packs"][1]["status"] == "not_applicable");
    CHECK(json["packs"][2]["status"] == "not_evaluated");
}

TEST_CASE("the JSON report gives every field of a finding") {
    const auto json = Json::parse(written(*lexflow::report::make_json_writer(), sample_report()));
    REQUIRE(json["findings"].size() == 2);
    const auto& finding = json["findings"][0];
    CHECK(keys(finding) == std::vector<std::string>{
                               "fingerprint", "rule_id", "title", "severity", "pack", "citations",
                               "subject", "message", "remediation", "witness", "effective",
                               "upcoming", "assumed", "failed_requirements", "waiver", "baseline"});
    CHECK(finding["waiver"].is_null());
    CHECK(finding["baseline"].is_null());
    CHECK(finding["rule_id"] == "AIA-50-2");
    CHECK(finding["title"] == "Generators mark their output");
    CHECK(finding["severity"] == "high");
    CHECK(finding["pack"] == "eu-ai-act");
    CHECK(finding["citations"] == Json::array({"EU AI Act Art. 50(2)", "EU AI Act Recital 133"}));
    CHECK(keys(finding["subject"]) ==
          std::vector<std::string>{"kind", "id", "file", "line", "column"});
    CHECK(finding["subject"] == Json({{"kind", "node"},
                                      {"id", "drafter"},
                                      {"file", "estate/surfaces.yaml"},
                                      {"line", 4},
                                      {"column", 5}}));
    CHECK(finding["message"] == "AI system 'drafter' declares no \"marking\"");
    CHECK(finding["remediation"] == "Mark the output of 'drafter'.");
    CHECK(finding["witness"] == Json::array());

    // Rules outside any pack, without citations or remediation, keep every key.
    const auto& bare = json["findings"][1];
    CHECK(bare["severity"] == "low");
    CHECK(bare["pack"] == "");
    CHECK(bare["citations"] == Json::array());
    CHECK(bare["remediation"] == "");
    CHECK(bare["subject"]["kind"] == "flow");
    CHECK(bare["subject"]["id"] == "a->b");
}

TEST_CASE("the JSON report gives not-evaluated subjects and packs, and a summary") {
    const auto json = Json::parse(written(*lexflow::report::make_json_writer(), sample_report()));
    REQUIRE(json["not_evaluated"].size() == 2);
    const auto& rule_entry = json["not_evaluated"][0];
    CHECK(keys(rule_entry) == std::vector<std::string>{"fingerprint", "rule_id", "title",
                                                       "severity", "pack", "subject", "missing",
                                                       "witness", "effective", "upcoming", "waiver",
                                                       "baseline"});
    CHECK(rule_entry["rule_id"] == "AIA-ROLE");
    CHECK(rule_entry["severity"] == "medium");
    CHECK(rule_entry["subject"]["id"] == "summariser");
    CHECK(rule_entry["subject"]["line"] == 9);
    CHECK(rule_entry["missing"] == Json::array({"a.ai_role", "a.modality"}));
    CHECK(rule_entry["witness"] == Json::array());

    const auto& pack_entry = json["not_evaluated"][1];
    CHECK(pack_entry["rule_id"].is_null());
    CHECK(pack_entry["subject"].is_null());
    CHECK(pack_entry["title"] == "pack 'nist' could not decide whether it applies");
    CHECK(pack_entry["severity"] == "high");
    CHECK(pack_entry["pack"] == "nist");
    CHECK(pack_entry["missing"] == Json::array({"model.jurisdictions"}));

    CHECK(json["summary"] ==
          Json({{"findings", 2},
                {"by_severity",
                 {{"critical", 0}, {"high", 1}, {"medium", 0}, {"low", 1}, {"info", 0}}},
                {"upcoming", 0},
                {"waived", 0},
                {"not_evaluated", 2}}));
    CHECK(keys(json["summary"]["by_severity"]) ==
          std::vector<std::string>{"critical", "high", "medium", "low", "info"});
}

TEST_CASE("the JSON report of an empty report has empty arrays, not nulls") {
    Report report;
    report.model_files = {"m.yaml"};
    report.surfaces = 1;
    const auto json = Json::parse(written(*lexflow::report::make_json_writer(), report));
    CHECK(json["model"]["name"] == "");
    CHECK(json["packs"] == Json::array());
    CHECK(json["findings"] == Json::array());
    CHECK(json["not_evaluated"] == Json::array());
    CHECK(json["summary"]["findings"] == 0);
}

TEST_CASE("the JSON report escapes text and keeps UTF-8 as is") {
    auto report = sample_report();
    report.findings[0].message = "quote \" backslash \\ newline \n tab \t Art. 50 \xc2\xa7 5";
    const auto text = written(*lexflow::report::make_json_writer(), report);
    CHECK(text.find("quote \\\" backslash \\\\ newline \\n tab \\t Art. 50 \xc2\xa7 5") !=
          std::string::npos);
    CHECK(Json::parse(text)["findings"][0]["message"] == report.findings[0].message);
}

TEST_CASE("a finding with a witness path lists its steps in JSON and its surfaces in text") {
    auto report = sample_report();
    report.findings[1].witness = {{"node", "a", "estate/surfaces.yaml", 2, 5},
                                  {"flow", "a->b", "estate/flows.yaml", 2, 5},
                                  {"node", "b", "estate/surfaces.yaml", 6, 5}};
    report.not_evaluated[0].witness = {{"node", "summariser", "estate/surfaces.yaml", 9, 5}};
    const auto json = Json::parse(written(*lexflow::report::make_json_writer(), report));
    const auto& witness = json["findings"][1]["witness"];
    REQUIRE(witness.size() == 3);
    CHECK(keys(witness[1]) == std::vector<std::string>{"kind", "id", "file", "line", "column"});
    CHECK(witness[1]["kind"] == "flow");
    CHECK(witness[1]["id"] == "a->b");
    CHECK(witness[2]["line"] == 6);
    CHECK(json["not_evaluated"][0]["witness"].size() == 1);

    const auto text = written(*lexflow::report::make_text_writer(false, true), report);
    CHECK(text.find("    Flow 'a->b' has no class\n    path: a \u2192 b\n") != std::string::npos);
    CHECK(text.find("node 'summariser'\n    path: summariser\n    the model does not give:") !=
          std::string::npos);
}

TEST_CASE("the text report groups findings by severity, then lists what was not evaluated") {
    CHECK(written(*lexflow::report::make_text_writer(false), sample_report()) == kSampleText);
}

TEST_CASE("the verbose text report lists each undecided check after the groups") {
    const auto verbose = written(*lexflow::report::make_text_writer(false, true), sample_report());
    const auto groups_end = kSampleText.find("  declare jurisdictions");
    CHECK(verbose.starts_with(kSampleText.substr(0, groups_end)));
    CHECK(verbose.ends_with(kSampleVerboseDetail));
}

TEST_CASE("undecided checks that need the same declarations are one group, subjects counted") {
    auto report = sample_report();
    report.not_evaluated.clear();
    for (const auto* id : {"s1", "s2", "s3", "s4", "s5", "s6"}) {
        report.not_evaluated.push_back(not_evaluated("AIA-50-2", "t", Severity::high, "",
                                                     Subject{"node", id, "m.yaml", 2, 5},
                                                     {std::string(id) + ".ai_role"}));
    }
    report.not_evaluated.push_back(not_evaluated("AIA-50-1", "t", Severity::high, "",
                                                 Subject{"node", "s1", "m.yaml", 2, 5},
                                                 {"s1.ai_role"}));
    const auto text = written(*lexflow::report::make_text_writer(false), report);
    CHECK(text.find("\n  declare ai_role to decide 7 checks on 's1', 's2', 's3', 's4' and 2 "
                    "more (AIA-50-1, AIA-50-2)\n") != std::string::npos);
    CHECK(text.find("the model does not give") == std::string::npos);
}

TEST_CASE("the text report of a clean check says so") {
    Report report;
    report.model_files = {"a.yaml", "b.yaml"};
    report.surfaces = 2;
    report.flows = 1;
    report.roles = 0;
    report.rules_evaluated = 3;
    report.packs = {{"nist", "NIST", PackStatus::State::applied, 3}};
    CHECK(written(*lexflow::report::make_text_writer(false), report) ==
          "lexflow check: a.yaml, b.yaml\n"
          "  model: 2 surfaces, 1 flow, 0 roles from a.yaml, b.yaml\n"
          "  rules: 3 evaluated; packs: nist\n"
          "\n"
          "no gaps\n");

    report.packs.clear();
    report.not_evaluated = {
        not_evaluated("R", "t", Severity::low, "", Subject{"node", "x", "a.yaml", 2, 5}, {"x.n"})};
    const auto text = written(*lexflow::report::make_text_writer(false), report);
    CHECK(text.find("  rules: 3 evaluated; packs: none\n") != std::string::npos);
    CHECK(text.ends_with("\nno gaps; 1 not evaluated\n"));
}

TEST_CASE("the text report counts one gap in the singular") {
    auto report = sample_report();
    report.findings.pop_back();
    report.not_evaluated.clear();
    CHECK(
        written(*lexflow::report::make_text_writer(false), report).ends_with("\n1 gap (1 high)\n"));
}

TEST_CASE("the text report header uses the singular for one element") {
    Report report;
    report.model_files = {"m.yaml"};
    report.surfaces = 1;
    report.flows = 1;
    report.roles = 1;
    CHECK(written(*lexflow::report::make_text_writer(false), report)
              .find("  model: 1 surface, 1 flow, 1 role from m.yaml\n") != std::string::npos);
}

TEST_CASE("the coloured text report is the plain one with ANSI codes added") {
    const auto plain = written(*lexflow::report::make_text_writer(false), sample_report());
    const auto coloured = written(*lexflow::report::make_text_writer(true), sample_report());
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(coloured != plain);
    CHECK(strip_ansi(coloured) == plain);
    CHECK(coloured.starts_with("\x1b[1mlexflow check:\x1b[0m acme\n"));
    CHECK(coloured.find("\n\x1b[1;31mHIGH (1)\x1b[0m\n") != std::string::npos);
    CHECK(coloured.find("\n\x1b[1;36mLOW (1)\x1b[0m\n") != std::string::npos);
    CHECK(coloured.find("  \x1b[1mAIA-50-2\x1b[0m  Generators") != std::string::npos);
    CHECK(coloured.find("\x1b[2mcite:\x1b[0m EU AI Act") != std::string::npos);
    CHECK(coloured.find("\x1b[1mNOT EVALUATED (2): what the model must declare to decide\x1b[0m") !=
          std::string::npos);
    CHECK(coloured.ends_with("\x1b[1m2 gaps (1 high, 1 low); 2 not evaluated\x1b[0m\n"));
}

TEST_CASE("each severity has its own colour") {
    Report report;
    report.model_files = {"m.yaml"};
    const std::vector<std::pair<Severity, std::string>> colours = {
        {Severity::critical, "\x1b[1;35mCRITICAL (1)"}, {Severity::high, "\x1b[1;31mHIGH (1)"},
        {Severity::medium, "\x1b[1;33mMEDIUM (1)"},     {Severity::low, "\x1b[1;36mLOW (1)"},
        {Severity::info, "\x1b[1;37mINFO (1)"},
    };
    for (const auto& [severity, heading] : colours) {
        Finding finding;
        finding.rule_id = std::string(lexflow::base::to_string(severity));
        finding.severity = severity;
        report.findings.push_back(finding);
    }
    const auto coloured = written(*lexflow::report::make_text_writer(true), report);
    std::size_t previous = 0;
    for (const auto& [severity, heading] : colours) {
        CAPTURE(heading);
        const auto at = coloured.find(heading);
        REQUIRE(at != std::string::npos);
        CHECK(at > previous);  // most severe first
        previous = at;
    }
}

TEST_CASE("the JSON report says what a finding or a pass assumed from a default") {
    auto report = sample_report();
    report.findings[0].assumed = {"s.disclosure_accessible"};
    report.decided_on_defaults = {
        {"AIA-50-5", {"node", "portal", "estate/surfaces.yaml", 12, 5}, {"s.machine_data"}}};
    const auto json = Json::parse(written(*lexflow::report::make_json_writer(), report));
    CHECK(json["findings"][0]["assumed"] == Json::array({"s.disclosure_accessible"}));
    CHECK(json["findings"][1]["assumed"] == Json::array());
    REQUIRE(json["decided_on_defaults"].size() == 1);
    CHECK(json["decided_on_defaults"][0]["rule_id"] == "AIA-50-5");
    CHECK(json["decided_on_defaults"][0]["subject"]["id"] == "portal");
    CHECK(json["decided_on_defaults"][0]["assumed"] == Json::array({"s.machine_data"}));
}
