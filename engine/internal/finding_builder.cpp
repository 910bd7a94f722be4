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

Subject FindingBuilder::model_subject() const {
    const auto& files = model_.files();
    const auto file = files.empty() ? std::string() : sources_.name(files.front());
    return {"model", model_.name().empty() ? file : model_.name(), file, 1, 1};
}

std::string FindingBuilder::render(const CompiledTemplate& text,
                                   const ConditionEvaluator& conditions) const {
    std::string out;
    for (const auto& segment : text.segments) {
        out += segment.path ? value_text(values_, conditions.value(*segment.path)) : segment.text;
    }
    return out;
}

void FindingBuilder::add_witness(const Witness& witness, std::vector<WitnessStep>& steps,
                                 report::OmittedSteps& omitted) const {
    const auto& flows = witness.flows;
    const auto& ends = model_.flows();
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (witness.omitted() > 0 && i == Witness::kEnds) {
            omitted = {steps.size(), witness.omitted()};
        }
        // Each flow starts where the one before ended, except after the gap.
        if (i == 0 || ends[flows[i - 1]].to != ends[flows[i]].from) {
            steps.push_back(subject({ElementKind::surface, ends[flows[i]].from}));
        }
        steps.push_back(subject({ElementKind::flow, flows[i]}));
        steps.push_back(subject({ElementKind::surface, ends[flows[i]].to}));
    }
}

Finding FindingBuilder::finding(const dsl::Rule& rule, std::optional<ElementRef> element,
                                const CompiledTemplate& message,
                                const CompiledTemplate& remediation,
                                const ConditionEvaluator& conditions,
                                const std::string& effective) const {
    Finding result;
    result.rule_id = rule.id;
    result.title = *rule.title;
    result.severity = *rule.severity;
    result.pack = rule.pack;
    for (const auto& citation : rule.citations) {
        result.citations.push_back(citation.text);
    }
    result.subject = subject_or_model(element);
    result.message = render(message, conditions);
    result.remediation = render(remediation, conditions);
    result.effective = effective;
    result.upcoming = upcoming(effective);
    result.assumed = conditions.assumed();
    return result;
}

NotEvaluated FindingBuilder::not_evaluated(const dsl::Rule& rule, std::optional<ElementRef> element,
                                           std::vector<std::string> missing,
                                           const std::string& effective) const {
    NotEvaluated entry;
    entry.rule_id = rule.id;
    entry.title = *rule.title;
    entry.severity = *rule.severity;
    entry.pack = rule.pack;
    entry.subject = subject_or_model(element);
    entry.missing = std::move(missing);
    entry.effective = effective;
    entry.upcoming = upcoming(effective);
    return entry;
}

}  // namespace lexflow::engine::internal
