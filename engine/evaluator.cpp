#include "engine/evaluator.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/condition_evaluator.hpp"
#include "engine/graph.hpp"
#include "engine/query.hpp"
#include "engine/value_ops.hpp"

namespace lexflow::engine {

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

ElementKind element_kind(dsl::Domain domain) {
    switch (domain) {
        case dsl::Domain::flow:
            return ElementKind::flow;
        case dsl::Domain::role:
            return ElementKind::role;
        case dsl::Domain::node:
            break;
    }
    return ElementKind::surface;
}

std::size_t domain_size(const Model& model, ElementKind kind) {
    switch (kind) {
        case ElementKind::flow:
            return model.flows().size();
        case ElementKind::role:
            return model.roles().size();
        case ElementKind::surface:
            break;
    }
    return model.surfaces().size();
}

/// Sort key shared by findings and "not evaluated" entries: most severe first,
/// then rule id, then where the subject is defined. Holds references into `s`.
auto order_key(const dsl::Severity severity, const std::string& rule, const Subject& s) {
    return std::make_tuple(-static_cast<int>(severity), std::cref(rule), std::cref(s.file), s.line,
                           s.column, std::cref(s.id));
}

const Subject& subject_or_none(const std::optional<Subject>& subject) {
    static const Subject kNone;
    return subject ? *subject : kNone;
}

class RuleRunner {
  public:
    RuleRunner(Model& model, const FlowGraph& graph, const dsl::SourceSet& sources, Report& report)
        : model_(model), graph_(graph), sources_(sources), report_(report) {}

    void run(const dsl::Rule& rule) {
        const auto query = compile_rule(rule, model_);
        ConditionEvaluator conditions(model_, graph_, query.slot_count);
        const auto kind = element_kind(query.domain);
        const auto count = static_cast<std::uint32_t>(domain_size(model_, kind));
        for (std::uint32_t i = 0; i < count; ++i) {
            check_subject(query, conditions, {kind, i});
        }
        ++report_.rules_evaluated;
    }

    Subject subject_of(ElementRef element) const {
        const auto& range = model_.range_of(element);
        return {subject_kind(element.kind), model_.display_id(element), sources_.name(range.file),
                range.line, range.column};
    }

  private:
    void check_subject(const Query& query, ConditionEvaluator& conditions, ElementRef element) {
        conditions.clear_missing();
        conditions.bind(kSubjectSlot, element);
        if (query.condition) {
            const auto applies = conditions.evaluate(*query.condition);
            if (applies == Truth::no) {
                return;
            }
            if (applies == Truth::unknown) {
                not_evaluated(query, conditions, element);
                return;
            }
        }
        switch (conditions.evaluate(query.requirement)) {
            case Truth::yes:
                return;
            case Truth::unknown:
                not_evaluated(query, conditions, element);
                return;
            case Truth::no:
                finding(query, conditions, element);
                return;
        }
    }

    std::string render(const CompiledTemplate& text, const ConditionEvaluator& conditions) const {
        std::string out;
        for (const auto& segment : text.segments) {
            out +=
                segment.path ? value_text(model_, conditions.value(*segment.path)) : segment.text;
        }
        return out;
    }

    void finding(const Query& query, const ConditionEvaluator& conditions, ElementRef element) {
        const auto& rule = *query.rule;
        Finding result;
        result.rule_id = rule.id;
        result.title = *rule.title;
        result.severity = *rule.severity;
        result.pack = rule.pack;
        for (const auto& citation : rule.citations) {
            result.citations.push_back(citation.text);
        }
        result.subject = subject_of(element);
        result.message = render(query.message, conditions);
        result.remediation = render(query.remediation, conditions);
        report_.findings.push_back(std::move(result));
    }

    void not_evaluated(const Query& query, const ConditionEvaluator& conditions,
                       ElementRef element) {
        const auto& rule = *query.rule;
        report_.not_evaluated.push_back({rule.id, *rule.title, *rule.severity, rule.pack,
                                         subject_of(element), conditions.missing()});
    }

    Model& model_;
    const FlowGraph& graph_;
    const dsl::SourceSet& sources_;
    Report& report_;
};

/// Decides whether a pack applies to the model; records its status.
PackStatus::State pack_state(const dsl::Pack& pack, Model& model, const FlowGraph& graph,
                             Report& report) {
    if (!pack.applies_when) {
        return PackStatus::State::applied;
    }
    const auto condition = compile_condition(*pack.applies_when, model);
    ConditionEvaluator conditions(model, graph, 1);
    switch (conditions.evaluate(condition)) {
        case Truth::yes:
            return PackStatus::State::applied;
        case Truth::no:
            return PackStatus::State::not_applicable;
        case Truth::unknown:
            break;
    }
    report.not_evaluated.push_back({"", "pack '" + pack.id + "' applicability", dsl::Severity::info,
                                    pack.id, std::nullopt, conditions.missing()});
    return PackStatus::State::not_evaluated;
}

void sort_report(Report& report) {
    std::sort(report.findings.begin(), report.findings.end(),
              [](const Finding& a, const Finding& b) {
                  const auto left = order_key(a.severity, a.rule_id, a.subject);
                  const auto right = order_key(b.severity, b.rule_id, b.subject);
                  return left < right || (left == right && a.message < b.message);
              });
    std::stable_sort(report.not_evaluated.begin(), report.not_evaluated.end(),
                     [](const NotEvaluated& a, const NotEvaluated& b) {
                         return order_key(a.severity, a.rule_id, subject_or_none(a.subject)) <
                                order_key(b.severity, b.rule_id, subject_or_none(b.subject));
                     });
}

}  // namespace

std::string_view to_string(PackStatus::State state) {
    switch (state) {
        case PackStatus::State::applied:
            return "applied";
        case PackStatus::State::not_applicable:
            return "not_applicable";
        case PackStatus::State::not_evaluated:
            return "not_evaluated";
    }
    return "applied";
}

Report evaluate(const dsl::RuleSet& rules, Model& model, const dsl::SourceSet& sources) {
    Report report;
    report.model_name = model.name();
    for (const auto file : model.files()) {
        report.model_files.push_back(sources.name(file));
    }
    report.surfaces = model.surfaces().size();
    report.flows = model.flows().size();
    report.roles = model.roles().size();

    const FlowGraph graph(model);
    std::map<std::string, PackStatus::State> states;
    for (const auto& pack : rules.packs) {
        const auto state = pack_state(pack, model, graph, report);
        states[pack.id] = state;
        const auto members = std::count_if(rules.rules.begin(), rules.rules.end(),
                                           [&](const dsl::Rule& r) { return r.pack == pack.id; });
        report.packs.push_back({pack.id, pack.title, state, static_cast<std::size_t>(members)});
    }
    RuleRunner runner(model, graph, sources, report);
    for (const auto& rule : rules.rules) {
        if (rule.pack.empty() || states[rule.pack] == PackStatus::State::applied) {
            runner.run(rule);
        }
    }
    std::sort(report.packs.begin(), report.packs.end(),
              [](const PackStatus& a, const PackStatus& b) { return a.id < b.id; });
    sort_report(report);
    return report;
}

}  // namespace lexflow::engine
