#pragma once

// Helpers for the engine tests: run the check pipeline on rules and models
// given as in-memory text, and describe what a user would see in short strings.

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/check.hpp"
#include "report/diagnostic_renderer.hpp"
#include "tests/dsl/dsl_test_support.hpp"
#include "tests/model/model_test_support.hpp"

namespace lexflow::testing {

/// Rules and a model read from texts, and the report of evaluating them.
struct Evaluation {
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    std::optional<dsl::RuleSet> rules;
    std::optional<lexflow::model::Model> model;
    lexflow::report::Report report;
    std::string rendered;  ///< diagnostics, if the inputs had any
};

/// Parses and checks the rule files, loads the model files, and evaluates.
/// Fails the test case if the inputs themselves have errors.
inline Evaluation evaluate_files(const std::vector<NamedText>& rule_files,
                                 const std::vector<NamedText>& model_files,
                                 const std::string& as_of = {}) {
    auto checked = check_texts(rule_files);
    Evaluation result;
    result.sources = std::move(checked.sources);
    result.diagnostics = std::move(checked.diagnostics);
    result.rules = std::move(checked.rules);
    std::vector<base::FileId> ids;
    for (const auto& [name, text] : model_files) {
        ids.push_back(result.sources.add(name, text));
    }
    if (result.rules) {
        pipeline::CheckSettings settings;
        settings.as_of = as_of;
        auto outcome =
            pipeline::check_model(*result.rules, ids, result.sources, result.diagnostics, settings);
        result.model = std::move(outcome.model);
        result.report = std::move(outcome.report);
    }
    result.rendered =
        report::DiagnosticRenderer(result.sources, false).render_all(result.diagnostics);
    REQUIRE_MESSAGE(result.model.has_value(), result.rendered);
    return result;
}

inline Evaluation evaluate_text(const std::string& rules, const std::string& yaml,
                                const std::string& as_of = {}) {
    return evaluate_files({{"rules.lf", rules}}, {{"model.yaml", yaml}}, as_of);
}

/// Each finding as "RULE kind 'id'", in report order.
inline std::vector<std::string> findings_of(const lexflow::report::Report& report) {
    std::vector<std::string> out;
    for (const auto& finding : report.findings) {
        out.push_back(finding.rule_id + " " + finding.subject.kind + " '" + finding.subject.id +
                      "'");
    }
    return out;
}

/// Each "not evaluated" entry as "RULE kind 'id' [path, path]", in report order;
/// a pack entry as "pack ID [path]".
inline std::vector<std::string> not_evaluated_of(const lexflow::report::Report& report) {
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
