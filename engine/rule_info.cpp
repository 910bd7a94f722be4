#include "engine/rule_info.hpp"

namespace lexflow::engine {

report::RuleInfo rule_info(const dsl::Rule& rule) {
    report::RuleInfo info;
    info.id = rule.id;
    info.pack = rule.pack;
    info.title = rule.title.value_or("");
    info.severity = rule.severity.value_or(base::Severity::info);
    info.form = rule.path          ? "path"
                : rule.about_model ? "model"
                                   : std::string(dsl::to_string(rule.subject->domain));
    for (const auto& citation : rule.citations) {
        info.citations.push_back(citation.text);
    }
    for (const auto& covered : rule.covers) {
        info.covers.push_back(covered.text);
    }
    info.tags = rule.tags;
    info.effective = rule.effective;
    for (const auto& conditional : rule.effective_when) {
        info.effective_when.push_back({conditional.date, conditional.text});
    }
    info.description = rule.description;
    info.remediation = rule.remediation ? rule.remediation->raw : std::string();
    return info;
}

}  // namespace lexflow::engine
