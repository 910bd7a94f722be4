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
    FindingBuilder(const Model& model, const dsl::SourceSet& sources)
        : model_(model), sources_(sources) {}

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
    const Model& model_;
    const dsl::SourceSet& sources_;
};

}  // namespace lexflow::engine
