#include "pipeline/lint.hpp"

#include "dsl/lint.hpp"
#include "model/model_reader.hpp"
#include "pipeline/input_files.hpp"
#include "rules/embedded_rules.hpp"

namespace lexflow::pipeline {

namespace {

/// The attribute keys used anywhere in the model.
std::set<std::string> attribute_keys(const model::Model& model) {
    std::set<std::string> keys;
    const auto add = [&](model::Span attributes) {
        for (const auto& attribute : model.entries(attributes)) {
            keys.emplace(model.strings().text(attribute.key));
        }
    };
    for (const auto& surface : model.surfaces()) {
        add(surface.attributes);
    }
    for (const auto& flow : model.flows()) {
        add(flow.attributes);
    }
    for (const auto& role : model.roles()) {
        add(role.attributes);
    }
    return keys;
}

}  // namespace

bool run_lint(const LintRequest& request, base::SourceSet& sources,
              base::Diagnostics& diagnostics) {
    const auto rules = load_rules(request.rules, sources, diagnostics, request.limits);
    dsl::LintScope scope;
    std::vector<base::FileId> model_files;
    for (const auto& path : request.model_paths) {
        const InputRule rule{"model file", &base::Limits::model_file_size, tree_of_named_path(path),
                             "pass the YAML file(s) of the model"};
        if (admit_input(path, rule, request.limits, sources, diagnostics)) {
            model_files.push_back(sources.add_on_disk(path));
        }
    }
    if (rules && !model_files.empty() && !diagnostics.has_errors()) {
        if (const auto model = model::read_model(model_files, sources, diagnostics, request.limits,
                                                 rules->vocabulary)) {
            scope.model_keys = attribute_keys(*model);
            scope.has_models = true;
        }
    }
    if (!rules || diagnostics.has_errors()) {
        return false;
    }
    for (base::FileId file = 0; file < sources.size(); ++file) {
        const bool builtin = sources.name(file).starts_with(rules::kBuiltinPrefix);
        if (request.lint_shipped == builtin) {
            scope.files.insert(file);
        }
    }
    dsl::lint_rules(*rules, scope, diagnostics);
    return true;
}

}  // namespace lexflow::pipeline
