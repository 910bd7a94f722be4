#pragma once

#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/source.hpp"
#include "engine/condition_evaluator.hpp"
#include "engine/finding.hpp"
#include "engine/model.hpp"
#include "engine/query.hpp"

namespace lexflow::engine {

/// Turns what the evaluator decided into Findings and NotEvaluated entries:
/// names and locates subjects, renders messages, lays out witnesses.
class FindingBuilder {
  public:
    /// `as_of` ("YYYY-MM-DD", or empty for "every rule in force") decides
    /// which findings are upcoming.
    FindingBuilder(const Model& model, const dsl::SourceSet& sources, std::string as_of)
        : model_(model), sources_(sources), as_of_(std::move(as_of)) {}

    [[nodiscard]] Subject subject(ElementRef element) const;
    [[nodiscard]] std::string render(const CompiledTemplate& text,
                                     const ConditionEvaluator& conditions) const;
    /// The surfaces and flows of a path given as its flows, source first.
    [[nodiscard]] std::vector<WitnessStep> witness(const std::vector<std::uint32_t>& flows) const;
    [[nodiscard]] Finding finding(const dsl::Rule& rule, ElementRef element,
                                  const CompiledTemplate& message,
                                  const CompiledTemplate& remediation,
                                  const ConditionEvaluator& conditions) const;
    [[nodiscard]] NotEvaluated not_evaluated(const dsl::Rule& rule, ElementRef element,
                                             std::vector<std::string> missing) const;

  private:
    [[nodiscard]] bool upcoming(const dsl::Rule& rule) const {
        return !as_of_.empty() && !rule.effective.empty() && rule.effective > as_of_;
    }

    const Model& model_;
    const dsl::SourceSet& sources_;
    std::string as_of_;
};

}  // namespace lexflow::engine
