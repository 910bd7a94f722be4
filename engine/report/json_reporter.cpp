#include <nlohmann/json.hpp>

#include "engine/report/reporter.hpp"

namespace lexflow::engine {

namespace {

/// Bump only for changes that break readers; adding keys is not one.
constexpr int kFormatVersion = 1;

nlohmann::ordered_json subject_json(const Subject& subject) {
    return {{"kind", subject.kind},
            {"id", subject.id},
            {"file", subject.file},
            {"line", subject.line},
            {"column", subject.column}};
}

nlohmann::ordered_json date_json(const std::string& date) {
    return date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(date);
}

nlohmann::ordered_json witness_json(const std::vector<WitnessStep>& witness) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const auto& step : witness) {
        steps.push_back(subject_json(step));
    }
    return steps;
}

nlohmann::ordered_json finding_json(const Finding& finding) {
    return {{"rule_id", finding.rule_id},
            {"title", finding.title},
            {"severity", dsl::to_string(finding.severity)},
            {"pack", finding.pack},
            {"citations", finding.citations},
            {"subject", subject_json(finding.subject)},
            {"message", finding.message},
            {"remediation", finding.remediation},
            {"witness", witness_json(finding.witness)},
            {"effective", date_json(finding.effective)},
            {"upcoming", finding.upcoming}};
}

nlohmann::ordered_json not_evaluated_json(const NotEvaluated& entry) {
    const auto rule_id =
        entry.rule_id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(entry.rule_id);
    return {{"rule_id", rule_id},
            {"title", entry.title},
            {"severity", dsl::to_string(entry.severity)},
            {"pack", entry.pack},
            {"subject", entry.subject ? subject_json(*entry.subject) : nlohmann::ordered_json()},
            {"missing", entry.missing},
            {"witness", witness_json(entry.witness)},
            {"effective", date_json(entry.effective)},
            {"upcoming", entry.upcoming}};
}

nlohmann::ordered_json summary_json(const Report& report) {
    nlohmann::ordered_json by_severity;
    for (int level = 4; level >= 0; --level) {
        const auto severity = static_cast<dsl::Severity>(level);
        by_severity[std::string(dsl::to_string(severity))] =
            std::count_if(report.findings.begin(), report.findings.end(),
                          [&](const Finding& f) { return f.severity == severity && !f.upcoming; });
    }
    const auto upcoming = std::count_if(report.findings.begin(), report.findings.end(),
                                        [](const Finding& f) { return f.upcoming; });
    return {{"findings", report.findings.size() - static_cast<std::size_t>(upcoming)},
            {"by_severity", by_severity},
            {"upcoming", upcoming},
            {"not_evaluated", report.not_evaluated.size()}};
}

class JsonReporter final : public Reporter {
  public:
    [[nodiscard]] std::string render(const Report& report) const override {
        nlohmann::ordered_json packs = nlohmann::ordered_json::array();
        for (const auto& pack : report.packs) {
            packs.push_back({{"id", pack.id},
                             {"title", pack.title},
                             {"status", to_string(pack.state)},
                             {"rules", pack.rules}});
        }
        nlohmann::ordered_json findings = nlohmann::ordered_json::array();
        for (const auto& finding : report.findings) {
            findings.push_back(finding_json(finding));
        }
        nlohmann::ordered_json not_evaluated = nlohmann::ordered_json::array();
        for (const auto& entry : report.not_evaluated) {
            not_evaluated.push_back(not_evaluated_json(entry));
        }
        const nlohmann::ordered_json document = {{"format_version", kFormatVersion},
                                                 {"as_of", date_json(report.as_of)},
                                                 {"model",
                                                  {{"name", report.model_name},
                                                   {"files", report.model_files},
                                                   {"surfaces", report.surfaces},
                                                   {"flows", report.flows},
                                                   {"roles", report.roles}}},
                                                 {"rules_evaluated", report.rules_evaluated},
                                                 {"packs", packs},
                                                 {"findings", findings},
                                                 {"not_evaluated", not_evaluated},
                                                 {"summary", summary_json(report)}};
        return document.dump(2) + "\n";
    }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() {
    return std::make_unique<JsonReporter>();
}

}  // namespace lexflow::engine
