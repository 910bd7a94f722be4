#include "pipeline/diff.hpp"

#include "model/model_diff.hpp"
#include "pipeline/baseline_stage.hpp"
#include "pipeline/model_files.hpp"

namespace lexflow::pipeline {

namespace {

std::vector<report::ModelChange> model_changes(const model::Model& before,
                                               const model::Model& after) {
    std::vector<report::ModelChange> changes;
    for (auto& change : model::diff_models(before, after)) {
        report::ModelChange out{std::move(change.kind),
                                std::move(change.id),
                                std::string(model::to_string(change.change)),
                                {}};
        for (auto& attribute : change.attributes) {
            out.attributes.push_back({std::move(attribute.key), std::move(attribute.before),
                                      std::move(attribute.after)});
        }
        changes.push_back(std::move(out));
    }
    return changes;
}

/// "a.yaml, b.yaml": the model before, as the report names its baseline.
std::string joined(const std::vector<std::string>& paths) {
    std::string text;
    for (const auto& path : paths) {
        text += (text.empty() ? "" : ", ") + path;
    }
    return text;
}

void add_warnings(base::Diagnostics& to, const base::Diagnostics& from) {
    for (const auto& diagnostic : from.all()) {
        to.report(diagnostic);
    }
}

}  // namespace

DiffOutcome run_diff(const DiffRequest& request, base::SourceSet& sources,
                     base::Diagnostics& diagnostics) {
    const auto& limits = request.settings.limits;
    const auto selected =
        load_selected_rules(request.rules, request.selection, limits, sources, diagnostics);
    const auto before_files =
        model_files(request.before, limits, sources, diagnostics, request.standard_input);
    const auto after_files =
        model_files(request.after, limits, sources, diagnostics, request.standard_input);
    if (!selected || diagnostics.has_errors()) {
        return {};
    }
    auto settings = request.settings;
    settings.rules_left_out = selected->left_out;
    auto before_settings = settings;
    before_settings.report_stages.clear();
    before_settings.observer = nullptr;
    const auto before =
        check_model(selected->rules, before_files, sources, diagnostics, before_settings);
    if (!before.completed) {
        return {};
    }
    auto after = check_model(selected->rules, after_files, sources, diagnostics, settings);
    if (!after.completed) {
        return {};
    }
    DiffOutcome outcome;
    outcome.report = std::move(after.report);
    compare_with_baseline(outcome.report, gaps_of(before.report), joined(request.before));
    outcome.report.model_changes = model_changes(*before.model, *after.model);
    outcome.decision = decide(outcome.report, settings.fail_on);
    add_warnings(outcome.warnings, before.warnings);
    add_warnings(outcome.warnings, after.warnings);
    outcome.completed = true;
    return outcome;
}

}  // namespace lexflow::pipeline
