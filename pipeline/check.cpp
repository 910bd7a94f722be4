#include "pipeline/check.hpp"

#include <chrono>

#include "base/diagnostic_ids.hpp"
#include "engine/evaluator.hpp"
#include "model/model_reader.hpp"
#include "pipeline/input_files.hpp"
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

/// Registers each model file; one that is missing, is not a regular file, is
/// too large or links outside the tree is an error located at its name.
std::vector<base::FileId> model_files(const std::vector<std::string>& paths,
                                      const base::Limits& limits, base::SourceSet& sources,
                                      base::Diagnostics& diagnostics) {
    std::vector<base::FileId> files;
    for (const auto& path : paths) {
        const InputRule rule{"model file", &base::Limits::model_file_size, tree_of_named_path(path),
                             "pass the YAML file(s) of the model"};
        if (admit_input(path, rule, limits, sources, diagnostics)) {
            files.push_back(sources.add_on_disk(path));
        }
    }
    return files;
}

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
        outcome.model = model::read_model(model_files, sources, diagnostics, settings.limits,
                                          rules.vocabulary, &outcome.warnings);
    }
    if (!outcome.model) {
        return outcome;
    }
    {
        const StageTimer timer(settings.observer, Stage::evaluate);
        outcome.report = engine::evaluate(rules, *outcome.model, sources,
                                          evaluation_options(settings), diagnostics);
    }
    if (diagnostics.has_errors()) {
        return {};
    }
    outcome.report.diagnostics = report::locate(outcome.warnings, sources);
    {
        const StageTimer timer(settings.observer, Stage::post_process);
        for (const auto& stage : settings.report_stages) {
            stage->apply(outcome.report, diagnostics);
        }
    }
    if (diagnostics.has_errors()) {
        return {};
    }
    const StageTimer timer(settings.observer, Stage::decide);
    outcome.decision = decide(outcome.report, settings.fail_on);
    outcome.completed = true;
    return outcome;
}

CheckOutcome run_check(const CheckRequest& request, base::SourceSet& sources,
                       base::Diagnostics& diagnostics) {
    std::optional<dsl::RuleSet> rules;
    {
        const StageTimer timer(request.settings.observer, Stage::load_rules);
        rules = load_rules(request.rules, sources, diagnostics, request.settings.limits);
    }
    const auto files =
        model_files(request.model_paths, request.settings.limits, sources, diagnostics);
    if (!rules || diagnostics.has_errors()) {
        return {};
    }
    return check_model(*rules, files, sources, diagnostics, request.settings);
}

}  // namespace lexflow::pipeline
