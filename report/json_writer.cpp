#include <algorithm>

#include "report/json_stream.hpp"
#include "report/writer.hpp"

namespace lexflow::report {

namespace {

/// Bump only for changes that break readers; adding keys is not one.
constexpr int kFormatVersion = 1;

void write_subject(JsonStream& json, const Subject& subject) {
    json.begin_object()
        .key("kind")
        .value(subject.kind)
        .key("id")
        .value(subject.id)
        .key("file")
        .value(subject.file)
        .key("line")
        .value(subject.line)
        .key("column")
        .value(subject.column)
        .end_object();
}

void write_witness(JsonStream& json, const std::vector<WitnessStep>& witness) {
    json.begin_array();
    for (const auto& step : witness) {
        write_subject(json, step);
    }
    json.end_array();
}

/// A long witness says what it leaves out, right after the witness; the key
/// is there only then.
void write_omitted(JsonStream& json, const OmittedSteps& omitted) {
    if (omitted.flows == 0) {
        return;
    }
    json.key("witness_omitted")
        .begin_object()
        .key("at")
        .value(omitted.at)
        .key("flows")
        .value(omitted.flows)
        .end_object();
}

void write_waiver(JsonStream& json, const std::shared_ptr<const WaiverRef>& waiver) {
    json.key("waiver");
    if (!waiver) {
        json.null();
        return;
    }
    json.begin_object()
        .key("owner")
        .value(waiver->owner)
        .key("justification")
        .value(waiver->justification)
        .key("approval")
        .value(waiver->approval)
        .key("expires")
        .value(waiver->expires)
        .key("file")
        .value(waiver->file)
        .key("line")
        .value(waiver->line)
        .end_object();
}

/// "waiver" and "baseline", the marks the report stages set.
void write_marks(JsonStream& json, const std::shared_ptr<const WaiverRef>& waiver,
                 BaselineState state) {
    write_waiver(json, waiver);
    json.key("baseline");
    if (state == BaselineState::none) {
        json.null();
    } else {
        json.value(to_string(state));
    }
}

void write_finding(JsonStream& json, const Finding& finding) {
    json.begin_object()
        .key("fingerprint")
        .value(finding.fingerprint)
        .key("rule_id")
        .value(finding.rule_id)
        .key("title")
        .value(finding.title)
        .key("severity")
        .value(base::to_string(finding.severity))
        .key("pack")
        .value(finding.pack)
        .key("citations")
        .strings(finding.citations)
        .key("subject");
    write_subject(json, finding.subject);
    json.key("message")
        .value(finding.message)
        .key("remediation")
        .value(finding.remediation)
        .key("witness");
    write_witness(json, finding.witness);
    write_omitted(json, finding.witness_omitted);
    json.key("effective")
        .string_or_null(finding.effective)
        .key("upcoming")
        .value(finding.upcoming)
        .key("assumed")
        .strings(finding.assumed)
        .key("failed_requirements")
        .strings(finding.failed_requirements);
    write_marks(json, finding.waiver, finding.baseline);
    json.end_object();
}

void write_not_evaluated(JsonStream& json, const NotEvaluated& entry) {
    json.begin_object()
        .key("fingerprint")
        .value(entry.fingerprint)
        .key("rule_id")
        .string_or_null(entry.rule_id)
        .key("title")
        .value(entry.title)
        .key("severity")
        .value(base::to_string(entry.severity))
        .key("pack")
        .value(entry.pack)
        .key("subject");
    if (entry.subject) {
        write_subject(json, *entry.subject);
    } else {
        json.null();
    }
    json.key("missing").strings(entry.missing).key("witness");
    write_witness(json, entry.witness);
    write_omitted(json, entry.witness_omitted);
    json.key("effective").string_or_null(entry.effective).key("upcoming").value(entry.upcoming);
    write_marks(json, entry.waiver, entry.baseline);
    json.end_object();
}

void write_summary(JsonStream& json, const Report& report) {
    const auto count = [&](auto predicate) {
        return static_cast<std::uint64_t>(
            std::count_if(report.findings.begin(), report.findings.end(), predicate));
    };
    const auto open = [](const Finding& f) { return !f.upcoming && !f.waiver; };
    const auto in_force = [&](base::Severity severity) {
        return count([&](const Finding& f) { return open(f) && f.severity == severity; });
    };
    json.begin_object().key("findings").value(count(open)).key("by_severity").begin_object();
    for (int level = 4; level >= 0; --level) {
        const auto severity = static_cast<base::Severity>(level);
        json.key(base::to_string(severity)).value(in_force(severity));
    }
    json.end_object()
        .key("upcoming")
        .value(count([](const Finding& f) { return f.upcoming; }))
        .key("waived")
        .value(count([](const Finding& f) { return !f.upcoming && f.waiver; }))
        .key("not_evaluated")
        .value(report.not_evaluated.size())
        .end_object();
}

void write_baseline(JsonStream& json, const std::optional<BaselineSummary>& baseline) {
    json.key("baseline");
    if (!baseline) {
        json.null();
        return;
    }
    json.begin_object()
        .key("file")
        .value(baseline->file)
        .key("known")
        .value(baseline->known)
        .key("new")
        .value(baseline->added)
        .key("closed")
        .begin_array();
    for (const auto& gap : baseline->closed) {
        json.begin_object()
            .key("fingerprint")
            .value(gap.fingerprint)
            .key("rule_id")
            .value(gap.rule_id)
            .key("subject")
            .begin_object()
            .key("kind")
            .value(gap.subject_kind)
            .key("id")
            .value(gap.subject_id)
            .end_object()
            .end_object();
    }
    json.end_array().end_object();
}

void write_model_changes(JsonStream& json, const std::optional<std::vector<ModelChange>>& changes) {
    json.key("model_changes");
    if (!changes) {
        json.null();
        return;
    }
    json.begin_array();
    for (const auto& change : *changes) {
        json.begin_object()
            .key("kind")
            .value(change.kind)
            .key("id")
            .value(change.id)
            .key("change")
            .value(change.change)
            .key("attributes")
            .begin_array();
        for (const auto& attribute : change.attributes) {
            json.begin_object().key("key").value(attribute.key).key("before");
            attribute.before ? json.value(*attribute.before) : json.null();
            json.key("after");
            attribute.after ? json.value(*attribute.after) : json.null();
            json.end_object();
        }
        json.end_array().end_object();
    }
    json.end_array();
}

class JsonWriter final : public ReportWriter {
  public:
    void write(const Report& report, std::ostream& out) const override {
        JsonStream json(out);
        json.begin_object()
            .key("format_version")
            .value(kFormatVersion)
            .key("as_of")
            .string_or_null(report.as_of)
            .key("model")
            .begin_object()
            .key("name")
            .value(report.model_name)
            .key("files")
            .strings(report.model_files)
            .key("surfaces")
            .value(report.surfaces)
            .key("flows")
            .value(report.flows)
            .key("roles")
            .value(report.roles)
            .end_object()
            .key("rules_evaluated")
            .value(report.rules_evaluated)
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
                .key("rules")
                .value(pack.rules)
                .end_object();
        }
        json.end_array().key("findings").begin_array();
        for (const auto& finding : report.findings) {
            write_finding(json, finding);
        }
        json.end_array().key("not_evaluated").begin_array();
        for (const auto& entry : report.not_evaluated) {
            write_not_evaluated(json, entry);
        }
        json.end_array().key("decided_on_defaults").begin_array();
        for (const auto& entry : report.decided_on_defaults) {
            json.begin_object().key("rule_id").value(entry.rule_id).key("subject");
            write_subject(json, entry.subject);
            json.key("assumed").strings(entry.assumed).end_object();
        }
        json.end_array();
        write_baseline(json, report.baseline);
        write_model_changes(json, report.model_changes);
        json.key("summary");
        write_summary(json, report);
        json.end_object();
        out << '\n';
    }
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer() {
    return std::make_unique<JsonWriter>();
}

}  // namespace lexflow::report
