#pragma once

#include "dsl/rule_set.hpp"
#include "dsl/source.hpp"
#include "engine/finding.hpp"
#include "engine/model.hpp"

namespace lexflow::engine {

/// How to evaluate.
struct EvaluationOptions {
    /// The date to check for ("YYYY-MM-DD"): gaps under rules whose
    /// `effective` date is later are upcoming. Empty: every rule is in force.
    std::string as_of;
};

/// Runs every rule of every applicable pack against the model and returns the
/// findings, the subjects that could not be evaluated, and each pack's status,
/// sorted so that the same inputs always give the same report. Each rule costs
/// one pass over its domain; `exists flow ... from/to x` follows the graph's
/// adjacency instead of scanning all flows.
[[nodiscard]] Report evaluate(const dsl::RuleSet& rules, Model& model,
                              const dsl::SourceSet& sources, const EvaluationOptions& options = {});

}  // namespace lexflow::engine
