#include "pipeline/baseline_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "base/diagnostic_ids.hpp"
#include "report/fingerprint.hpp"

namespace lexflow::pipeline {

namespace {

namespace ids = base::diagnostic_ids;
using Json = nlohmann::json;

/// Keys of a report that do not identify a gap: dropped while parsing.
constexpr std::array<std::string_view, 16> kDropped = {"title",
                                                       "citations",
                                                       "message",
                                                       "remediation",
                                                       "effective",
                                                       "upcoming",
                                                       "assumed",
                                                       "waiver",
                                                       "baseline",
                                                       "failed_requirements",
                                                       "missing",
                                                       "packs",
                                                       "decided_on_defaults",
                                                       "summary",
                                                       "file",
                                                       "witness_omitted"};

bool dropped(const std::string& key) {
    return std::find(kDropped.begin(), kDropped.end(), key) != kDropped.end();
}

std::string text_at(const Json& object, std::string_view key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

/// A gap of the report, with its fingerprint as the report gives it, or as
/// lexflow computes it from the rule, the subject and the witness's ends.
std::optional<report::ClosedGap> gap_of(const Json& entry) {
    if (!entry.is_object()) {
        return std::nullopt;
    }
    report::ClosedGap gap;
    gap.rule_id = text_at(entry, "rule_id");
    const auto pack = text_at(entry, "pack");
    if (gap.rule_id.empty() && pack.empty()) {
        return std::nullopt;  // neither a rule's gap nor a pack's
    }
    const auto subject = entry.find("subject");
    if (subject != entry.end() && subject->is_object()) {
        gap.subject_kind = text_at(*subject, "kind");
        gap.subject_id = text_at(*subject, "id");
    }
    if (gap.rule_id.empty()) {  // a pack that could not decide whether it applies
        gap.subject_kind = "pack";
        gap.subject_id = pack;
    }
    gap.fingerprint = text_at(entry, "fingerprint");
    if (!gap.fingerprint.empty()) {
        return gap;
    }
    if (gap.rule_id.empty()) {
        report::NotEvaluated pack_entry;
        pack_entry.pack = pack;
        gap.fingerprint = report::fingerprint(pack_entry);
        return gap;
    }
    report::Finding finding;
    finding.rule_id = gap.rule_id;
    finding.subject.kind = gap.subject_kind;
    finding.subject.id = gap.subject_id;
    const auto witness = entry.find("witness");
    if (witness != entry.end() && witness->is_array() && !witness->empty()) {
        finding.witness.push_back({"node", text_at(witness->front(), "id"), {}, 0, 0});
        finding.witness.push_back({"node", text_at(witness->back(), "id"), {}, 0, 0});
    }
    gap.fingerprint = report::fingerprint(finding);
    return gap;
}

/// Adds the gaps of the report's list `key`; an error message if it is
/// missing or holds something that is not a gap.
std::optional<std::string> add_gaps(const Json& report, std::string_view key, BaselineGaps& gaps) {
    const auto list = report.find(key);
    if (list == report.end() || !list->is_array()) {
        return fmt::format("the baseline has no '{}' list", key);
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto gap = gap_of((*list)[i]);
        if (!gap) {
            return fmt::format("the baseline's {}[{}] is not a finding of lexflow", key, i);
        }
        gaps.emplace(gap->fingerprint, std::move(*gap));
    }
    return std::nullopt;
}

}  // namespace

std::optional<BaselineGaps> read_baseline_file(base::FileId file, const base::SourceSet& sources,
                                               base::Diagnostics& diagnostics) {
    const auto fail = [&](std::string message) {
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::invalid_baseline),
                            {file, 0, 0, 1},
                            std::move(message),
                            {},
                            "pass a report written by 'lexflow check --format json'"});
        return std::nullopt;
    };
    std::string reason;
    const auto in = sources.open(file, reason);
    if (!in) {
        return fail(fmt::format("cannot open baseline '{}': {}", sources.name(file), reason));
    }
    Json report;
    try {
        report = Json::parse(
            *in,
            [](int, Json::parse_event_t event, Json& parsed) {
                return event != Json::parse_event_t::key || !dropped(parsed.get<std::string>());
            },
            true, true);
    } catch (const Json::exception& error) {
        return fail(fmt::format("the baseline is not valid JSON: {}", error.what()));
    }
    const auto version = report.is_object() ? report.find("format_version") : report.end();
    if (!report.is_object() || version == report.end() || *version != 1) {
        return fail("the baseline is not a lexflow JSON report (format_version 1)");
    }
    BaselineGaps gaps;
    for (const auto key : {"findings", "not_evaluated"}) {
        if (auto problem = add_gaps(report, key, gaps)) {
            return fail(std::move(*problem));
        }
    }
    return gaps;
}

}  // namespace lexflow::pipeline
