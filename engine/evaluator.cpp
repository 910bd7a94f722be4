#include "engine/evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

#include "base/diagnostic_ids.hpp"
#include "engine/element_kind.hpp"
#include "engine/internal/condition_evaluator.hpp"
#include "engine/internal/evaluation_context.hpp"
#include "engine/internal/finding_builder.hpp"
#include "engine/internal/graph.hpp"
#include "engine/internal/path_rule.hpp"
#include "engine/internal/query.hpp"
#include "engine/rule_info.hpp"
#include "report/fingerprint.hpp"

namespace lexflow::engine {

using internal::compile_condition;
using internal::compile_path_rule;
using internal::compile_rule;
using internal::ConditionEvaluator;
using internal::EvaluationContext;
using internal::FindingBuilder;
using internal::FindingLimitExceeded;
using internal::FlowGraph;
using internal::KindIndex;
using internal::kSubjectSlot;
using internal::Query;
using internal::run_path_rule;
using internal::StepBudget;
using internal::StepBudgetExceeded;
using internal::Truth;
using model::ElementKind;
using model::ElementRef;
using report::Finding;
using report::NotEvaluated;
using report::PackStatus;
using report::Report;
using report::Subject;

namespace {

std::size_t domain_size(const model::Model& model, ElementKind kind) {
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
auto order_key(const base::Severity severity, const std::string& rule, const Subject& s) {
    return std::make_tuple(-static_cast<int>(severity), std::cref(rule), std::cref(s.file), s.line,
                           s.column, std::cref(s.id));
}

const Subject& subject_or_none(const std::optional<Subject>& subject) {
    static const Subject kNone;
    return subject ? *subject : kNone;
}

/// Runs `for every node|flow|role` rules: one pass over the rule's domain.
class ElementRuleRunner {
  public:
    explicit ElementRuleRunner(EvaluationContext& context)
        : context_(context), builder_(context.builder) {}

    void run(const dsl::Rule& rule) {
        const auto query = compile_rule(rule, context_.values, context_.rules);
        ConditionEvaluator conditions(context_.values, context_.graph, context_.budget,
                                      &context_.kinds, query.slot_count, context_.as_of);
        if (query.about_model) {
            check_subject(query, conditions, std::nullopt);
            return;
        }
        const auto kind = element_kind(query.domain);
        const auto count = static_cast<std::uint32_t>(domain_size(context_.values.model(), kind));
        for (std::uint32_t i = 0; i < count; ++i) {
            check_subject(query, conditions, ElementRef{kind, i});
        }
    }

  private:
    /// Decides for one element, or for the model as a whole (no element).
    void check_subject(const Query& query, ConditionEvaluator& conditions,
                       std::optional<ElementRef> element) {
        conditions.clear_missing();
        if (element) {
            conditions.bind(kSubjectSlot, *element);
        }
        if (query.condition) {
            const auto applies = conditions.evaluate(*query.condition);
            if (applies == Truth::no) {
                note_defaults(query, conditions, element);
                return;
            }
            if (applies == Truth::unknown) {
                undecided(query, conditions, element);
                return;
            }
        }
        bool unknown = false;
        auto failed = failed_requirements(query, conditions, unknown);
        if (failed.empty()) {
            if (unknown) {
                undecided(query, conditions, element);
            } else {
                note_defaults(query, conditions, element);
            }
            return;
        }
        // A rule of one requirement names none: its message says what failed.
        if (query.requirements.size() == 1) {
            failed.clear();
        }
        // A gap: in force, or upcoming, from the date the rule gives the subject.
        const auto effective = effective_date(query, conditions);
        if (!effective) {
            undecided(query, conditions, element);
            return;
        }
        auto finding = builder_.finding(*query.rule, element, query.message, query.remediation,
                                        conditions, *effective);
        finding.failed_requirements = std::move(failed);
        context_.add(std::move(finding));
    }

    /// The requirements the bound subject fails, as written. Every one is
    /// decided, so that a finding names each; `unknown` is set when one is
    /// unknown, whose missing paths stay noted.
    static std::vector<std::string> failed_requirements(const Query& query,
                                                        ConditionEvaluator& conditions,
                                                        bool& unknown) {
        std::vector<std::string> failed;
        for (std::size_t i = 0; i < query.requirements.size(); ++i) {
            const auto mark = conditions.missing_count();
            const auto truth = conditions.evaluate(query.requirements[i]);
            if (truth == Truth::no) {
                failed.push_back(query.rule->requirements[i].text);
            }
            unknown = unknown || truth == Truth::unknown;
            if (truth != Truth::unknown) {
                conditions.forget_missing(mark);
            }
        }
        return failed;
    }

    void undecided(const Query& query, const ConditionEvaluator& conditions,
                   std::optional<ElementRef> element) {
        context_.add(builder_.not_evaluated(*query.rule, element, conditions.missing(),
                                            query.rule->effective));
    }

    /// The date the rule applies to the bound subject from: the first
    /// `effective ... when` whose condition holds, else the rule's own. When
    /// a condition is unknown, the subject's gap is still decided if every
    /// date it could have puts the gap on the same side of the check's date
    /// (then the latest date, if in force, or the earliest, if upcoming);
    /// otherwise there is none, and the missing attributes say why.
    std::optional<std::string> effective_date(const Query& query, ConditionEvaluator& conditions) {
        std::vector<std::string> candidates;
        bool decided = false;
        for (const auto& [date, condition] : query.effective_when) {
            const auto holds = conditions.evaluate(condition);
            if (holds != Truth::no) {
                candidates.push_back(date);
            }
            if (holds == Truth::yes) {
                decided = true;
                break;
            }
        }
        if (!decided) {
            candidates.push_back(query.rule->effective);
        }
        const auto upcoming = builder_.upcoming(candidates.front());
        if (std::any_of(candidates.begin(), candidates.end(), [&](const std::string& date) {
                return builder_.upcoming(date) != upcoming;
            })) {
            return std::nullopt;
        }
        const auto [earliest, latest] = std::minmax_element(candidates.begin(), candidates.end());
        return upcoming ? *earliest : *latest;
    }

    /// A subject passed, or was left out, on a default: the report says so.
    void note_defaults(const Query& query, const ConditionEvaluator& conditions,
                       std::optional<ElementRef> element) {
        auto assumed = conditions.assumed();
        if (!assumed.empty()) {
            context_.add(report::DecidedOnDefaults{
                query.rule->id, builder_.subject_or_model(element), std::move(assumed)});
        }
    }

    EvaluationContext& context_;
    const FindingBuilder& builder_;
};

/// Decides whether a pack applies to the model; records its status.
PackStatus::State pack_state(const dsl::Pack& pack, const dsl::RuleSet& rules,
                             EvaluationContext& context) {
    if (!pack.applies_when) {
        return PackStatus::State::applied;
    }
    const auto condition = compile_condition(*pack.applies_when, context.values, rules);
    ConditionEvaluator conditions(context.values, context.graph, context.budget, &context.kinds, 1,
                                  context.as_of);
    switch (conditions.evaluate(condition)) {
        case Truth::yes:
            return PackStatus::State::applied;
        case Truth::no:
            return PackStatus::State::not_applicable;
        case Truth::unknown:
            break;
    }
    // Undecided applicability weighs as much as the pack's most severe rule:
    // with --fail-on, lexflow fails closed rather than skip the pack silently.
    auto severity = base::Severity::info;
    for (const auto& rule : rules.rules) {
        if (rule.pack == pack.id) {
            severity = std::max(severity, *rule.severity);
        }
    }
    NotEvaluated entry;
    entry.title = "pack '" + pack.id + "' could not decide whether it applies";
    entry.severity = severity;
    entry.pack = pack.id;
    entry.missing = conditions.missing();
    context.report.not_evaluated.push_back(std::move(entry));
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
    std::sort(report.decided_on_defaults.begin(), report.decided_on_defaults.end(),
              [](const report::DecidedOnDefaults& a, const report::DecidedOnDefaults& b) {
                  return order_key(base::Severity::info, a.rule_id, a.subject) <
                         order_key(base::Severity::info, b.rule_id, b.subject);
              });
}

/// What became of each rule, in pack and id order.
std::vector<report::RuleRun> rule_runs(const dsl::RuleSet& rules,
                                       const std::map<std::string, PackStatus::State>& states) {
    std::vector<report::RuleRun> runs;
    for (const auto& rule : rules.rules) {
        auto outcome = report::RuleRun::Outcome::evaluated;
        if (const auto state = states.find(rule.pack); state != states.end()) {
            outcome = state->second == PackStatus::State::not_applicable
                          ? report::RuleRun::Outcome::not_applied
                      : state->second == PackStatus::State::not_evaluated
                          ? report::RuleRun::Outcome::undecided
                          : outcome;
        }
        runs.push_back({rule_info(rule), outcome});
    }
    std::sort(runs.begin(), runs.end(), [](const report::RuleRun& a, const report::RuleRun& b) {
        return std::tie(a.rule.pack, a.rule.id) < std::tie(b.rule.pack, b.rule.id);
    });
    return runs;
}

/// The steps the evaluation of `model` may take (base::Limits).
std::uint64_t step_budget(const base::Limits& limits, const model::Model& model) {
    const auto elements = model.surfaces().size() + model.flows().size() + model.roles().size();
    return limits.evaluation_steps + limits.step_ratio * elements;
}

void report_budget_exceeded(const dsl::Rule* rule, const dsl::Pack* pack,
                            const base::Limits& limits, std::uint64_t budget,
                            base::Diagnostics& diagnostics) {
    const auto what =
        rule != nullptr ? fmt::format("rule '{}'", rule->id) : fmt::format("pack '{}'", pack->id);
    diagnostics.report(
        {base::DiagnosticLevel::error,
         std::string(base::diagnostic_ids::limit_exceeded),
         rule != nullptr ? rule->id_range : pack->range,
         fmt::format("the evaluation ran out of its {} steps in {}: its quantifiers probably "
                     "nest too deeply for the size of the model",
                     budget, what),
         {},
         base::limit_help(limits, &base::Limits::evaluation_steps)});
}

void report_too_many_findings(const dsl::Rule& rule, const base::Limits& limits,
                              base::Diagnostics& diagnostics) {
    diagnostics.report({base::DiagnosticLevel::error,
                        std::string(base::diagnostic_ids::limit_exceeded),
                        rule.id_range,
                        fmt::format("the rules report more than {} findings and undecided checks "
                                    "on this model; rule '{}' was adding to them",
                                    limits.findings, rule.id),
                        {},
                        base::limit_help(limits, &base::Limits::findings)});
}

}  // namespace

Report evaluate(const dsl::RuleSet& rules, const model::Model& model,
                const base::SourceSet& sources, const EvaluationOptions& options,
                base::Diagnostics& diagnostics) {
    Report report;
    report.as_of = options.as_of;
    report.model_name = model.name();
    for (const auto file : model.files()) {
        report.model_files.push_back(sources.name(file));
    }
    report.surfaces = model.surfaces().size();
    report.flows = model.flows().size();
    report.roles = model.roles().size();

    model::ValueSpace values(model);
    const FlowGraph graph(model);
    const auto budget_steps = step_budget(options.limits, model);
    StepBudget budget(budget_steps);
    const FindingBuilder builder(values, sources, options.as_of);
    const KindIndex kinds(model, values, rules.vocabulary);
    EvaluationContext context{values,       graph,   budget, kinds,
                              rules,        builder, report, options.limits.findings,
                              options.as_of};
    std::map<std::string, PackStatus::State> states;
    for (const auto& pack : rules.packs) {
        PackStatus::State state{};
        try {
            state = pack_state(pack, rules, context);
        } catch (const StepBudgetExceeded&) {
            report_budget_exceeded(nullptr, &pack, options.limits, budget_steps, diagnostics);
            return {};
        }
        states[pack.id] = state;
        const auto members = std::count_if(rules.rules.begin(), rules.rules.end(),
                                           [&](const dsl::Rule& r) { return r.pack == pack.id; });
        report.packs.push_back({pack.id, pack.title, state, static_cast<std::size_t>(members)});
    }
    ElementRuleRunner element_rules(context);
    for (const auto& rule : rules.rules) {
        if (!rule.pack.empty() && states[rule.pack] != PackStatus::State::applied) {
            continue;
        }
        const auto start = std::chrono::steady_clock::now();
        const auto findings = report.findings.size();
        const auto undecided = report.not_evaluated.size();
        try {
            if (rule.path) {
                run_path_rule(compile_path_rule(rule, values, rules), context);
            } else {
                element_rules.run(rule);
            }
        } catch (const StepBudgetExceeded&) {
            report_budget_exceeded(&rule, nullptr, options.limits, budget_steps, diagnostics);
            return {};
        } catch (const FindingLimitExceeded&) {
            report_too_many_findings(rule, options.limits, diagnostics);
            return {};
        }
        ++report.rules_evaluated;
        if (options.rule_done) {
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            options.rule_done(rule, took.count(), report.findings.size() - findings,
                              report.not_evaluated.size() - undecided);
        }
    }
    std::sort(report.packs.begin(), report.packs.end(),
              [](const PackStatus& a, const PackStatus& b) { return a.id < b.id; });
    report.rules = rule_runs(rules, states);
    report::assign_fingerprints(report);
    sort_report(report);
    return report;
}

}  // namespace lexflow::engine
