// SARIF 2.1.0 (OASIS), shaped for GitHub code scanning: one run whose
// driver describes every loaded rule, and a result for every finding and
// every check a rule could not decide.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "report/internal/markdown.hpp"
#include "report/internal/text.hpp"
#include "report/json_stream.hpp"
#include "report/writer.hpp"

#ifndef LEXFLOW_VERSION
#error "report/CMakeLists.txt defines LEXFLOW_VERSION, the driver's semanticVersion"
#endif

namespace lexflow::report {

namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
/// Names lexflow's fingerprint among the partial fingerprints a consumer
/// may compute itself; the version changes if the fingerprint's recipe does.
constexpr std::string_view kFingerprintKey = "lexflow/v1";
/// GitHub code scanning rejects a whole upload past these limits: a result's
/// thread flow locations, a run's results, a rule's tags.
constexpr std::size_t kMaxThreadFlowLocations = 10'000;
constexpr std::size_t kMaxResults = 25'000;
constexpr std::size_t kMaxTags = 20;

/// SARIF's level for a gap of `severity`: a failing check is an error.
std::string_view level_of(base::Severity severity) {
    switch (severity) {
        case base::Severity::critical:
        case base::Severity::high:
            return "error";
        case base::Severity::medium:
            return "warning";
        case base::Severity::low:
        case base::Severity::info:
            break;
    }
    return "note";
}

/// GitHub's `security-severity`, a CVSS-like score as a string: it ranks
/// alerts critical (9.0 and over), high (7.0), medium (4.0), low (0.1).
std::string_view security_severity(base::Severity severity) {
    switch (severity) {
        case base::Severity::critical:
            return "9.0";
        case base::Severity::high:
            return "7.0";
        case base::Severity::medium:
            return "5.0";
        case base::Severity::low:
            return "3.0";
        case base::Severity::info:
            break;
    }
    return "0.0";
}

/// A model file's path as a URI reference: relative paths stay relative (to
/// the folder the check ran in, which code scanning takes as the repository
/// root), absolute ones become file URIs. Every byte but the unreserved
/// characters and '/' is percent-encoded, so a space, a '#', a '?' or a ':'
/// in a file name cannot change what the URI means.
std::string file_uri(std::string_view file) {
    while (file.starts_with("./")) {
        file.remove_prefix(2);
    }
    std::string out = file.starts_with('/') ? "file://" : "";
    for (const char c : file) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved || c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        }
    }
    return out;
}

/// "node 'drafter'".
std::string named(const Subject& subject) {
    return fmt::format("{} '{}'", subject.kind, subject.id);
}

/// A region of a file. A position without a line (0) is the start of the
/// file, since SARIF's lines and columns start at 1.
void write_physical_location(JsonStream& json, const std::string& file, std::uint32_t line,
                             std::uint32_t column) {
    const bool has_line = line > 0;
    json.key("physicalLocation")
        .begin_object()
        .key("artifactLocation")
        .begin_object()
        .key("uri")
        .value(file_uri(file))
        .end_object()
        .key("region")
        .begin_object()
        .key("startLine")
        .value(has_line ? line : 1U)
        .key("startColumn")
        .value(has_line && column > 0 ? column : 1U)
        .end_object()
        .end_object();
}

/// A location that is a place in a file and nothing more: a waiver's, a
/// warning's.
void write_file_location(JsonStream& json, const std::string& file, std::uint32_t line,
                         std::uint32_t column) {
    json.begin_object();
    write_physical_location(json, file, line, column);
    json.end_object();
}

/// Where a subject is defined, and what it is. One without a file has no
/// physical location, only its logical one.
void write_location(JsonStream& json, const Subject& subject, std::string_view message = {}) {
    json.begin_object();
    if (!subject.file.empty()) {
        write_physical_location(json, subject.file, subject.line, subject.column);
    }
    json.key("logicalLocations")
        .begin_array()
        .begin_object()
        .key("name")
        .value(subject.id)
        .key("kind")
        .value(subject.kind)
        .end_object()
        .end_array();
    if (!message.empty()) {
        json.key("message").begin_object().key("text").value(message).end_object();
    }
    json.end_object();
}

/// The message of one step of a witness, which may follow `hidden` steps
/// (or flows, as `noun` says) that are not shown.
std::string step_message(const Subject& step, std::size_t hidden, std::string_view noun) {
    return hidden == 0 ? named(step)
                       : fmt::format("{}, after {} {}{} not shown", named(step), hidden, noun,
                                     hidden == 1 ? "" : "s");
}

/// A witness as a code flow: its steps in order, from source to target. A
/// witness the report already shortened says where; one still longer than a
/// thread flow may be keeps its first steps and its last.
void write_code_flow(JsonStream& json, const std::vector<WitnessStep>& witness,
                     const OmittedSteps& omitted) {
    const bool cut = witness.size() > kMaxThreadFlowLocations;
    const auto kept_head = cut ? kMaxThreadFlowLocations - 1 : witness.size();
    auto message = fmt::format("path from {} to {}", named(witness.front()), named(witness.back()));
    if (omitted.flows > 0) {
        message += fmt::format("; {} flows in the middle are not shown", omitted.flows);
    }
    if (cut) {
        message += fmt::format("; cut to {} of its {} steps, the first {} and the last",
                               kMaxThreadFlowLocations, witness.size(), kept_head);
    }
    json.key("codeFlows")
        .begin_array()
        .begin_object()
        .key("message")
        .begin_object()
        .key("text")
        .value(message)
        .end_object()
        .key("threadFlows")
        .begin_array()
        .begin_object()
        .key("locations")
        .begin_array();
    const auto write_step = [&](std::size_t index, std::size_t hidden, std::string_view noun) {
        json.begin_object().key("location");
        write_location(json, witness[index], step_message(witness[index], hidden, noun));
        json.end_object();
    };
    for (std::size_t i = 0; i < kept_head; ++i) {
        write_step(i, omitted.flows > 0 && i == omitted.at ? omitted.flows : 0, "flow");
    }
    if (cut) {
        write_step(witness.size() - 1, witness.size() - 1 - kept_head, "step");
    }
    json.end_array().end_object().end_array().end_object().end_array();
}

/// A waiver in force, as an accepted external suppression: the finding is
/// reported, and code scanning shows it as dismissed.
void write_suppression(JsonStream& json, const std::shared_ptr<const WaiverRef>& waiver) {
    if (!waiver) {
        return;
    }
    auto justification = fmt::format("Waived by {} until {}", waiver->owner, waiver->expires);
    if (!waiver->approval.empty()) {
        justification += fmt::format(" (approval {})", waiver->approval);
    }
    if (!waiver->justification.empty()) {
        justification += ": " + waiver->justification;
    }
    json.key("suppressions")
        .begin_array()
        .begin_object()
        .key("kind")
        .value("external")
        .key("status")
        .value("accepted")
        .key("justification")
        .value(justification);
    if (!waiver->file.empty()) {
        json.key("location");
        write_file_location(json, waiver->file, waiver->line, waiver->column);
    }
    json.key("properties")
        .begin_object()
        .key("owner")
        .value(waiver->owner)
        .key("approval")
        .value(waiver->approval)
        .key("expires")
        .value(waiver->expires)
        .end_object()
        .end_object()
        .end_array();
}

void write_baseline_state(JsonStream& json, BaselineState state) {
    if (state != BaselineState::none) {
        json.key("baselineState").value(state == BaselineState::known ? "unchanged" : "new");
    }
}

/// The rule ids of the run's driver, to their index in `tool.driver.rules`.
class RuleIndex {
  public:
    explicit RuleIndex(const std::vector<RuleRun>& rules) {
        for (std::size_t i = 0; i < rules.size(); ++i) {
            index_.emplace(rules[i].rule.id, i);  // a repeated id keeps its first index
        }
    }

    /// `ruleId`, and `ruleIndex` when the driver describes the rule.
    void write(JsonStream& json, const std::string& rule_id) const {
        json.key("ruleId").value(rule_id);
        if (const auto found = index_.find(rule_id); found != index_.end()) {
            json.key("ruleIndex").value(std::uint64_t{found->second});
        }
    }

  private:
    std::unordered_map<std::string, std::size_t> index_;
};

/// The fields every result has after its level: message, location,
/// fingerprint, witness and the marks of the report stages.
struct ResultBody {
    std::string message;
    const Subject& subject;
    const std::string& fingerprint;
    const std::vector<WitnessStep>& witness;
    const OmittedSteps& omitted;
    const std::shared_ptr<const WaiverRef>& waiver;
    BaselineState baseline;
};

void write_result_body(JsonStream& json, const ResultBody& body) {
    json.key("message").begin_object().key("text").value(body.message).end_object();
    json.key("locations").begin_array();
    write_location(json, body.subject);
    json.end_array();
    if (!body.fingerprint.empty()) {
        json.key("partialFingerprints")
            .begin_object()
            .key(kFingerprintKey)
            .value(body.fingerprint)
            .end_object();
    }
    if (!body.witness.empty()) {
        write_code_flow(json, body.witness, body.omitted);
    }
    write_suppression(json, body.waiver);
    write_baseline_state(json, body.baseline);
}

void write_finding(JsonStream& json, const Finding& finding, const RuleIndex& rules) {
    json.begin_object();
    rules.write(json, finding.rule_id);
    // A gap not yet in force does not fail the check: a note, whatever its rule.
    json.key("level").value(finding.upcoming ? "note" : level_of(finding.severity));
    auto message = finding.message;
    if (finding.upcoming) {
        message += fmt::format(" (not yet in force: from {})", finding.effective);
    }
    write_result_body(json, {message, finding.subject, finding.fingerprint, finding.witness,
                             finding.witness_omitted, finding.waiver, finding.baseline});
    json.key("properties")
        .begin_object()
        .key("severity")
        .value(base::to_string(finding.severity))
        .key("pack")
        .value(finding.pack)
        .key("citations")
        .strings(finding.citations)
        .key("upcoming")
        .value(finding.upcoming)
        .key("effective")
        .string_or_null(finding.effective);
    if (!finding.failed_requirements.empty()) {
        json.key("failedRequirements").strings(finding.failed_requirements);
    }
    json.end_object().end_object();
}

/// A check a rule could not decide. Its kind is "open" (the tool could not
/// tell whether there is a problem), and SARIF requires the level of any
/// result that is not a "fail" to be "none" (§3.27.10).
void write_undecided(JsonStream& json, const NotEvaluated& entry, const RuleIndex& rules) {
    const auto missing = entry.missing.empty() ? std::string("attributes the rule reads")
                                               : internal::join(entry.missing, ", ");
    auto message = fmt::format("{} could not be decided for {}: the model does not give {}",
                               entry.rule_id, named(*entry.subject), missing);
    if (entry.upcoming) {
        message += fmt::format(" (not yet in force: from {})", entry.effective);
    }
    json.begin_object();
    rules.write(json, entry.rule_id);
    json.key("kind").value("open").key("level").value("none");
    write_result_body(json, {message, *entry.subject, entry.fingerprint, entry.witness,
                             entry.witness_omitted, entry.waiver, entry.baseline});
    json.key("properties")
        .begin_object()
        .key("severity")
        .value(base::to_string(entry.severity))
        .key("pack")
        .value(entry.pack)
        .key("missing")
        .strings(entry.missing)
        .key("upcoming")
        .value(entry.upcoming)
        .key("effective")
        .string_or_null(entry.effective)
        .end_object()
        .end_object();
}

/// The rule's remediation and citations, as `help`; nothing if it has neither.
void write_help(JsonStream& json, const RuleInfo& rule) {
    if (rule.remediation.empty() && rule.citations.empty()) {
        return;
    }
    std::string text = rule.remediation;
    std::string markdown = internal::markdown_text(rule.remediation);
    if (!rule.citations.empty()) {
        std::vector<std::string> cited;
        for (const auto& citation : rule.citations) {
            cited.push_back(internal::markdown_text(citation));
        }
        const auto separator = rule.remediation.empty() ? "" : "\n\n";
        text += fmt::format("{}Cites: {}", separator, internal::join(rule.citations, "; "));
        markdown += fmt::format("{}**Cites:** {}", separator, internal::join(cited, "; "));
    }
    json.key("help")
        .begin_object()
        .key("text")
        .value(text)
        .key("markdown")
        .value(markdown)
        .end_object();
}

/// The rule's tags and its pack, each once (SARIF's tags are a set).
std::vector<std::string> tags_of(const RuleInfo& rule) {
    std::vector<std::string> tags;
    const auto has = [&](const std::string& tag) {
        return std::find(tags.begin(), tags.end(), tag) != tags.end();
    };
    // Room is kept for the pack, which says which regulation the rule serves.
    const auto room = rule.pack.empty() || std::find(rule.tags.begin(), rule.tags.end(),
                                                     rule.pack) != rule.tags.end()
                          ? kMaxTags
                          : kMaxTags - 1;
    for (const auto& tag : rule.tags) {
        if (tags.size() < room && !has(tag)) {
            tags.push_back(tag);
        }
    }
    if (!rule.pack.empty() && !has(rule.pack)) {
        tags.push_back(rule.pack);
    }
    return tags;
}

void write_rule(JsonStream& json, const RuleInfo& rule) {
    json.begin_object()
        .key("id")
        .value(rule.id)
        .key("name")
        .value(rule.id)
        .key("shortDescription")
        .begin_object()
        .key("text")
        .value(rule.title)
        .end_object()
        .key("fullDescription")
        .begin_object()
        .key("text")
        .value(rule.description && !rule.description->empty() ? *rule.description : rule.title)
        .end_object();
    write_help(json, rule);
    json.key("defaultConfiguration")
        .begin_object()
        .key("level")
        .value(level_of(rule.severity))
        .end_object()
        .key("properties")
        .begin_object()
        .key("tags")
        .strings(tags_of(rule))
        .key("precision")
        .value("high")
        .key("security-severity")
        .value(security_severity(rule.severity))
        .end_object()
        .end_object();
}

std::string_view notification_level(base::DiagnosticLevel level) {
    switch (level) {
        case base::DiagnosticLevel::error:
            return "error";
        case base::DiagnosticLevel::warning:
            return "warning";
        case base::DiagnosticLevel::note:
            break;
    }
    return "note";
}

/// The check ran to its end; the warnings about its inputs go with it, and
/// a word on the results left out, if any were.
void write_invocation(JsonStream& json, const std::vector<LocatedDiagnostic>& diagnostics,
                      std::size_t results_left_out) {
    json.key("invocations")
        .begin_array()
        .begin_object()
        .key("executionSuccessful")
        .value(true)
        .key("toolExecutionNotifications")
        .begin_array();
    if (results_left_out > 0) {
        json.begin_object()
            .key("level")
            .value("warning")
            .key("message")
            .begin_object()
            .key("text")
            .value(fmt::format("{} results are not written: code scanning accepts at most {} "
                               "in a run. The JSON report lists them all.",
                               results_left_out, kMaxResults))
            .end_object()
            .end_object();
    }
    for (const auto& diagnostic : diagnostics) {
        json.begin_object()
            .key("level")
            .value(notification_level(diagnostic.level))
            .key("message")
            .begin_object()
            .key("text")
            .value(diagnostic.help.empty()
                       ? diagnostic.message
                       : fmt::format("{} ({})", diagnostic.message, diagnostic.help))
            .end_object();
        if (!diagnostic.file.empty()) {
            json.key("locations").begin_array();
            write_file_location(json, diagnostic.file, diagnostic.line, diagnostic.column);
            json.end_array();
        }
        if (!diagnostic.code.empty()) {
            json.key("descriptor").begin_object().key("id").value(diagnostic.code).end_object();
        }
        json.end_object();
    }
    json.end_array().end_object().end_array();
}

/// What the check was about, which SARIF has no place of its own for.
void write_run_properties(JsonStream& json, const Report& report) {
    json.key("properties")
        .begin_object()
        .key("asOf")
        .string_or_null(report.as_of)
        .key("modelName")
        .value(report.model_name)
        .key("modelFiles")
        .strings(report.model_files)
        .key("packs")
        .begin_array();
    for (const auto& pack : report.packs) {
        json.begin_object()
            .key("id")
            .value(pack.id)
            .key("title")
            .value(pack.title)
            .key("status")
            .value(to_string(pack.state))
            .end_object();
    }
    json.end_array();
    if (report.baseline) {
        json.key("baseline")
            .begin_object()
            .key("file")
            .value(report.baseline->file)
            .key("known")
            .value(report.baseline->known)
            .key("new")
            .value(report.baseline->added)
            .key("closed")
            .value(report.baseline->closed.size())
            .end_object();
    }
    json.end_object();
}

class SarifWriter final : public ReportWriter {
  public:
    void write(const Report& report, std::ostream& out) const override {
        JsonStream json(out);
        json.begin_object()
            .key("$schema")
            .value(kSchema)
            .key("version")
            .value("2.1.0")
            .key("runs")
            .begin_array()
            .begin_object()
            .key("tool")
            .begin_object()
            .key("driver")
            .begin_object()
            .key("name")
            .value("lexflow")
            .key("semanticVersion")
            .value(LEXFLOW_VERSION)
            .key("rules")
            .begin_array();
        for (const auto& run : report.rules) {
            write_rule(json, run.rule);
        }
        json.end_array().end_object().end_object();
        // An undecided pack has no rule and no subject to put a result on.
        const auto has_result = [](const NotEvaluated& entry) {
            return !entry.rule_id.empty() && entry.subject.has_value();
        };
        const auto results = report.findings.size() + static_cast<std::size_t>(std::count_if(
                                                          report.not_evaluated.begin(),
                                                          report.not_evaluated.end(), has_result));
        write_invocation(json, report.diagnostics, results - std::min(results, kMaxResults));
        json.key("results").begin_array();
        // Findings come most severe first, so a cut keeps what matters most.
        std::size_t written = 0;
        const RuleIndex rules(report.rules);
        for (const auto& finding : report.findings) {
            if (written++ < kMaxResults) {
                write_finding(json, finding, rules);
            }
        }
        for (const auto& entry : report.not_evaluated) {
            if (has_result(entry) && written++ < kMaxResults) {
                write_undecided(json, entry, rules);
            }
        }
        json.end_array();
        write_run_properties(json, report);
        json.end_object().end_array().end_object();
        out << '\n';
    }
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer() {
    return std::make_unique<SarifWriter>();
}

}  // namespace lexflow::report
