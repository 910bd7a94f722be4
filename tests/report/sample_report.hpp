#pragma once

// A hand-built check report for the tests of the SARIF, JUnit and Markdown
// writers: every rule outcome, a pass, findings in force, waived, upcoming
// and with a witness, undecided checks of a subject and of a pack, and a
// baseline's marks.

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "report/report.hpp"
#include "report/writer.hpp"

namespace lexflow::testing {

/// What `writer` writes for `report`.
inline std::string written(const report::ReportWriter& writer, const report::Report& report) {
    std::ostringstream out;
    writer.write(report, out);
    return out.str();
}

inline report::RuleRun rule_run(
    std::string id, std::string pack, base::Severity severity,
    report::RuleRun::Outcome outcome = report::RuleRun::Outcome::evaluated) {
    report::RuleRun run;
    run.rule.id = std::move(id);
    run.rule.pack = std::move(pack);
    run.rule.title = "Title of " + run.rule.id;
    run.rule.severity = severity;
    run.rule.form = "node";
    run.outcome = outcome;
    return run;
}

inline report::Finding gap(std::string rule_id, std::string pack, base::Severity severity,
                           report::Subject subject, std::string message) {
    report::Finding finding;
    finding.rule_id = std::move(rule_id);
    finding.title = "Title of " + finding.rule_id;
    finding.pack = std::move(pack);
    finding.severity = severity;
    finding.subject = std::move(subject);
    finding.message = std::move(message);
    finding.fingerprint = "fp-" + finding.rule_id + "-" + finding.subject.id;
    return finding;
}

/// Rules (in this order): AIA-50-2 (two findings, one waived), AIA-ROLE
/// (undecided on one subject), AIA-CLEAN (passes), AIA-UP (a gap not yet in
/// force), GDPR-16 (its pack does not apply), NIST-1 (its pack is
/// undecided), FREE-1 (outside any pack, a gap with a witness).
inline report::Report sample_report() {
    using base::Severity;
    using report::RuleRun;
    report::Report report;
    report.as_of = "2026-12-02";
    report.model_name = "acme";
    report.model_files = {"estate/surfaces.yaml", "estate/flows.yaml"};
    report.surfaces = 3;
    report.flows = 2;
    report.rules_evaluated = 5;
    report.packs = {{"eu-ai-act", "EU AI Act", report::PackStatus::State::applied, 4},
                    {"gdpr", "GDPR", report::PackStatus::State::not_applicable, 1},
                    {"nist", "NIST AI RMF", report::PackStatus::State::not_evaluated, 1}};

    auto marking = rule_run("AIA-50-2", "eu-ai-act", Severity::high);
    marking.rule.title = "Generators mark their output";
    marking.rule.description = "Unmarked output misleads the people who read it.";
    marking.rule.citations = {"EU AI Act Art. 50(2)", "EU AI Act Recital 133"};
    marking.rule.tags = {"transparency", "eu-ai-act"};
    marking.rule.remediation = "Mark the output of the generator.";
    report.rules = {
        marking,
        rule_run("AIA-ROLE", "eu-ai-act", Severity::medium),
        rule_run("AIA-CLEAN", "eu-ai-act", Severity::low),
        rule_run("AIA-UP", "eu-ai-act", Severity::critical),
        rule_run("GDPR-16", "gdpr", Severity::critical, RuleRun::Outcome::not_applied),
        rule_run("NIST-1", "nist", Severity::info, RuleRun::Outcome::undecided),
        rule_run("FREE-1", "", Severity::low),
    };

    auto drafter = gap("AIA-50-2", "eu-ai-act", Severity::high,
                       {"node", "drafter", "estate/surfaces.yaml", 4, 5},
                       "AI system 'drafter' declares no \"marking\"");
    drafter.citations = marking.rule.citations;
    drafter.remediation = marking.rule.remediation;
    drafter.baseline = report::BaselineState::added;

    auto summariser = gap("AIA-50-2", "eu-ai-act", Severity::high,
                          {"node", "summariser", "estate/surfaces.yaml", 9, 5},
                          "AI system 'summariser' declares no \"marking\"");
    summariser.waiver = std::make_shared<const report::WaiverRef>(report::WaiverRef{
        "privacy-team", "The vendor marks it", "CHG-42", "2027-01-31", "waivers.yaml", 3, 5});
    summariser.baseline = report::BaselineState::known;

    auto upcoming =
        gap("AIA-UP", "eu-ai-act", Severity::critical,
            {"node", "drafter", "estate/surfaces.yaml", 4, 5}, "AI system 'drafter' keeps no log");
    upcoming.upcoming = true;
    upcoming.effective = "2027-08-02";
    upcoming.baseline = report::BaselineState::added;

    auto flow = gap("FREE-1", "", Severity::low, {"flow", "a->b", "estate/flows.yaml", 2, 5},
                    "Flow 'a->b' has no class");
    flow.witness = {{"node", "a", "estate/surfaces.yaml", 2, 5},
                    {"flow", "a->b", "estate/flows.yaml", 2, 5},
                    {"node", "b", "estate/surfaces.yaml", 6, 5}};
    flow.baseline = report::BaselineState::known;

    report.findings = {upcoming, drafter, summariser, flow};

    report::NotEvaluated role;
    role.rule_id = "AIA-ROLE";
    role.title = "Title of AIA-ROLE";
    role.severity = Severity::medium;
    role.pack = "eu-ai-act";
    role.subject = report::Subject{"node", "summariser", "estate/surfaces.yaml", 9, 5};
    role.missing = {"summariser.ai_role", "summariser.modality"};
    role.fingerprint = "fp-AIA-ROLE-summariser";
    role.baseline = report::BaselineState::added;

    report::NotEvaluated pack;
    pack.title = "pack 'nist' could not decide whether it applies";
    pack.severity = Severity::info;
    pack.pack = "nist";
    pack.missing = {"model.jurisdictions"};

    report.not_evaluated = {role, pack};
    report.baseline = report::BaselineSummary{
        "baseline.json", 2, 3, {{"fp-closed", "AIA-OLD", "node", "retired"}}};
    return report;
}

}  // namespace lexflow::testing
