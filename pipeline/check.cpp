#include "pipeline/check.hpp"

#include <chrono>

#include "base/diagnostic_ids.hpp"
#include "engine/evaluator.hpp"
#include "model/model_reader.hpp"
#include "pipeline/model_files.hpp"
#include "report/diagnostic_json.hpp"

namespace lexflow::pipeline {

namespace {

/// Times one stage for the observer.
class StageTimer {
  public:
    StageTimer(Observer* observer, Stage stage) : observer_(observer), stage_(stage) {}
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;
    ~StageTimer() {
        if (observer_ != nullptr) {
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start_;
            observer_->stage_done(stage_, took.count());
        }
    }

  private:
    Observer* observer_;
    Stage stage_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

engine::EvaluationOptions evaluation_options(const CheckSettings& settings) {
    engine::EvaluationOptions options{settings.as_of, settings.limits, {}};
    if (auto* observer = settings.observer) {
        options.rule_done = [observer](const dsl::Rule& rule, double seconds, std::size_t findings,
                                       std::size_t not_evaluated) {
            observer->rule_done(rule, seconds, findings, not_evaluated);
        };
    }
    return options;
}

}  // namespace

std::string_view to_string(Stage stage) {
    switch (stage) {
        case Stage::load_rules:
            return "load rules";
        case Stage::read_model:
            return "read model";
        case Stage::evaluate:
            return "evaluate";
        case Stage::post_process:
            return "post-process";
        case Stage::decide:
            return "decide";
    }
    return "stage";
}

CheckOutcome check_model(const dsl::RuleSet& rules, const std::vector<base::FileId>& model_files,
                         base::SourceSet& sources, base::Diagnostics& diagnostics,
                         const CheckSettings& settings) {
    CheckOutcome outcome;
    {
        const StageTimer timer(settings.observer, Stage::read_model);
        outcome.model = model::read_model(
            model_files, sources, diagnostics, settings.limits, rules.vocabulary, &outcome.warnings,
            include_admitter(model_files, settings.limits, sources, diagnostics));
    }
    if (!outcome.model) {
        return outcome;
    }
    {
        const StageTimer timer(settings.observer, Stage::evaluate);
        outcome.report = engine::evaluate(rules, *outcome.model, sources,
                                          evaluation_options(settings), diagnostics);
        outcome.report.rules_left_out = settings.rules_left_out;
    }
    if (diagnostics.has_errors()) {
        return {};
    }
    {
        const StageTimer timer(settings.observer, Stage::post_process);
        StageContext context{sources, diagnostics, outcome.warnings, settings.limits};
        for (const auto& stage : settings.report_stages) {
            stage->apply(outcome.report, context);
        }
    }
    if (diagnostics.has_errors()) {
        return {};
    }
    outcome.report.diagnostics = report::locate(outcome.warnings, sources);
    const StageTimer timer(settings.observer, Stage::decide);
    outcome.decision = decide(outcome.report, settings.fail_on);
    outcome.completed = true;
    return outcome;
}

std::optional<SelectedRules> load_selected_rules(const RuleSources& rule_sources,
                                                 const RuleSelection& selection,
                                                 const base::Limits& limits,
                                                 base::SourceSet& sources,
                                                 base::Diagnostics& diagnostics) {
    const auto rules = load_rules(rule_sources, sources, diagnostics, limits);
    if (!rules) {
        return std::nullopt;
    }
    return select_rules(*rules, selection, sources, diagnostics);
}

CheckOutcome run_check(const CheckRequest& request, base::SourceSet& sources,
                       base::Diagnostics& diagnostics) {
    std::optional<SelectedRules> selected;
    {
        const StageTimer timer(request.settings.observer, Stage::load_rules);
        selected = load_selected_rules(request.rules, request.selection, request.settings.limits,
                                       sources, diagnostics);
    }
    const auto files = model_files(request.model_paths, request.settings.limits, sources,
                                   diagnostics, request.standard_input);
    if (!selected || diagnostics.has_errors()) {
        return {};
    }
    auto settings = request.settings;
    settings.rules_left_out = std::move(selected->left_out);
    return check_model(selected->rules, files, sources, diagnostics, settings);
}

}  // namespace lexflow::pipeline
