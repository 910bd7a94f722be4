#pragma once

#include "engine/internal/finding_builder.hpp"
#include "engine/internal/graph.hpp"
#include "engine/internal/step_budget.hpp"
#include "model/value_space.hpp"
#include "report/report.hpp"

namespace lexflow::engine::internal {

/// What every rule of one evaluation shares: the model's values (and the
/// rules' literals), its flow graph, the step budget, how findings are
/// made, and the report they go to.
struct EvaluationContext {
    model::ValueSpace& values;
    const FlowGraph& graph;
    StepBudget& budget;
    const FindingBuilder& builder;
    report::Report& report;
};

}  // namespace lexflow::engine::internal
