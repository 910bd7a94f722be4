#pragma once

#include <functional>
#include <string>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/rule_set.hpp"
#include "model/model.hpp"
#include "report/report.hpp"

namespace lexflow::engine {

/// How to evaluate.
struct EvaluationOptions {
    /// The date to check for ("YYYY-MM-DD"): gaps under rules whose
    /// `effective` date is later are upcoming. Empty: every rule is in force.
    std::string as_of;
    /// The evaluation's step budget (evaluation-steps, step-ratio).
    base::Limits limits;
    /// Called after each rule with the time it took and what it added to the
    /// report (for the benchmark); may be empty.
    std::function<void(const dsl::Rule& rule, double seconds, std::size_t findings,
                       std::size_t not_evaluated)>
        rule_done;
};

/// Runs every rule of every applicable pack against the model and returns the
/// findings, the subjects that could not be evaluated, each pack's status and
/// what became of each rule, sorted so that the same inputs always give the
/// same report. Each rule costs one pass over its domain; `exists flow ...
/// from/to x` follows the graph's adjacency instead of scanning all flows.
/// The model is only read: rule literals are kept apart (model::ValueSpace).
/// A rule that spends the step budget (nested quantifiers on a large model)
/// is an error located at the rule, and the report is then empty.
[[nodiscard]] report::Report evaluate(const dsl::RuleSet& rules, const model::Model& model,
                                      const base::SourceSet& sources,
                                      const EvaluationOptions& options,
                                      base::Diagnostics& diagnostics);

}  // namespace lexflow::engine
