#pragma once

// Helpers for the engine tests: load models and rules from in-memory text,
// run the evaluator, and describe what a user would see in short strings.

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dsl/diagnostic_renderer.hpp"
#include "engine/evaluator.hpp"
#include "engine/model_loader.hpp"
#include "engine/report/reporter.hpp"
#include "engine/value_ops.hpp"
#include "tests/dsl/dsl_test_support.hpp"

namespace lexflow::testing {

using NamedText = std::pair<std::string, std::string>;

/// A model loaded from YAML texts, with its diagnostics rendered without colour.
struct LoadedModel {
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics;
    std::optional<engine::Model> model;
    std::string rendered;
};

inline LoadedModel load_yaml_files(const std::vector<NamedText>& files) {
    LoadedModel result;
    std::vector<dsl::FileId> ids;
    for (const auto& [name, text] : files) {
        ids.push_back(result.sources.add(name, text));
    }
    result.model = engine::load_model(ids, result.sources, result.diagnostics);
    result.rendered = dsl::DiagnosticRenderer(result.sources, false).render_all(result.diagnostics);
    return result;
}

inline LoadedModel load_yaml(const std::string& text) {
    return load_yaml_files({{"model.yaml", text}});
}

/// The value of attribute `key` of `element`; missing if the model lacks it.
inline engine::Value attribute(const engine::Model& model, engine::ElementRef element,
                               std::string_view key) {
    const auto symbol = model.strings().find(key);
    return symbol ? model.find(model.attributes_of(element), *symbol) : engine::Value();
}

/// The value of `key` in a nested map value.
inline engine::Value entry(const engine::Model& model, engine::Value map, std::string_view key) {
    const auto symbol = model.strings().find(key);
    REQUIRE(map.kind() == engine::ValueKind::map);
    return symbol ? model.find(map.as_span(), *symbol) : engine::Value();
}

inline engine::ElementRef surface(std::uint32_t index) {
    return {engine::ElementKind::surface, index};
}
inline engine::ElementRef flow(std::uint32_t index) {
    return {engine::ElementKind::flow, index};
}
inline engine::ElementRef role(std::uint32_t index) {
    return {engine::ElementKind::role, index};
}

/// Rules and a model read from texts, and the report of evaluating them.
struct Evaluation {
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics;
    std::optional<dsl::RuleSet> rules;
    std::optional<engine::Model> model;
    engine::Report report;
    std::string rendered;  ///< diagnostics, if the inputs had any
};

/// Parses and checks the rule files, loads the model files, and evaluates.
/// Fails the test case if the inputs themselves have errors.
inline Evaluation evaluate_files(const std::vector<NamedText>& rule_files,
                                 const std::vector<NamedText>& model_files,
                                 const engine::EvaluationOptions& options = {}) {
    auto checked = check_texts(rule_files);
    Evaluation result;
    result.sources = std::move(checked.sources);
    result.diagnostics = std::move(checked.diagnostics);
    result.rules = std::move(checked.rules);
    std::vector<dsl::FileId> ids;
    for (const auto& [name, text] : model_files) {
        ids.push_back(result.sources.add(name, text));
    }
    if (result.rules) {
        result.model = engine::load_model(ids, result.sources, result.diagnostics);
    }
    result.rendered = dsl::DiagnosticRenderer(result.sources, false).render_all(result.diagnostics);
    REQUIRE_MESSAGE(result.model.has_value(), result.rendered);
    result.report = engine::evaluate(*result.rules, *result.model, result.sources, options);
    return result;
}

inline Evaluation evaluate_text(const std::string& rules, const std::string& yaml,
                                const engine::EvaluationOptions& options = {}) {
    return evaluate_files({{"rules.lf", rules}}, {{"model.yaml", yaml}}, options);
}

/// Each finding as "RULE kind 'id'", in report order.
inline std::vector<std::string> findings_of(const engine::Report& report) {
    std::vector<std::string> out;
    for (const auto& finding : report.findings) {
        out.push_back(finding.rule_id + " " + finding.subject.kind + " '" + finding.subject.id +
                      "'");
    }
    return out;
}

/// Each "not evaluated" entry as "RULE kind 'id' [path, path]", in report order;
/// a pack entry as "pack ID [path]".
inline std::vector<std::string> not_evaluated_of(const engine::Report& report) {
    std::vector<std::string> out;
    for (const auto& entry : report.not_evaluated) {
        std::string missing;
        for (const auto& path : entry.missing) {
            missing += (missing.empty() ? "" : ", ") + path;
        }
        const auto who = entry.subject ? entry.rule_id + " " + entry.subject->kind + " '" +
                                             entry.subject->id + "'"
                                       : "pack " + entry.pack;
        out.push_back(who + " [" + missing + "]");
    }
    return out;
}

}  // namespace lexflow::testing
