#include "engine/internal/finding_builder.hpp"

#include "model/value_ops.hpp"

namespace lexflow::engine::internal {

using model::ElementKind;
using model::ElementRef;
using report::Finding;
using report::NotEvaluated;
using report::Subject;
using report::WitnessStep;

namespace {

const char* subject_kind(ElementKind kind) {
    switch (kind) {
        case ElementKind::flow:
            return "flow";
        case ElementKind::role:
            return "role";
        case ElementKind::surface:
            break;
    }
    return "node";
}

}  // namespace

Subject FindingBuilder::subject(ElementRef element) const {
    const auto& range = model_.range_of(element);
    return {subject_kind(element.kind), model_.display_id(element), sources_.name(range.file),
            range.line, range.column};
}

std::string FindingBuilder::render(const CompiledTemplate& text,
                                   const ConditionEvaluator& conditions) const {
    std::string out;
    for (const auto& segment : text.segments) {
        out += segment.path ? value_text(values_, conditions.value(*segment.path)) : segment.text;
    }
    return out;
}

std::vector<WitnessStep> FindingBuilder::witness(const std::vector<std::uint32_t>& flows) const {
    std::vector<WitnessStep> steps;
    if (flows.empty()) {
        return steps;
    }
    steps.push_back(subject({ElementKind::surface, model_.flows()[flows.front()].from}));
    for (const auto flow : flows) {
        steps.push_back(subject({ElementKind::flow, flow}));
        steps.push_back(subject({ElementKind::surface, model_.flows()[flow].to}));
    }
    return steps;
}

Finding FindingBuilder::finding(const dsl::Rule& rule, ElementRef element,
                                const CompiledTemplate& message,
                                const CompiledTemplate& remediation,
                                const ConditionEvaluator& conditions) const {
    Finding result;
    result.rule_id = rule.id;
    result.title = *rule.title;
    result.severity = *rule.severity;
    result.pack = rule.pack;
    for (const auto& citation : rule.citations) {
        result.citations.push_back(citation.text);
    }
    result.subject = subject(element);
    result.message = render(message, conditions);
    result.remediation = render(remediation, conditions);
    result.effective = rule.effective;
    result.upcoming = upcoming(rule);
    return result;
}

NotEvaluated FindingBuilder::not_evaluated(const dsl::Rule& rule, ElementRef element,
                                           std::vector<std::string> missing) const {
    return {rule.id,   *rule.title,      *rule.severity,
            rule.pack, subject(element), std::move(missing),
            {},        rule.effective,   upcoming(rule)};
}

}  // namespace lexflow::engine::internal
