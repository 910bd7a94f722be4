#pragma once

#include "engine/internal/evaluation_context.hpp"
#include "engine/internal/finding_builder.hpp"
#include "engine/internal/graph.hpp"
#include "engine/internal/query.hpp"
#include "model/model.hpp"
#include "report/report.hpp"

namespace lexflow::engine::internal {

/// Runs one path rule (`for every path from node g ... to node s ... require
/// ...`) and appends its findings, each with a shortest witness path, and the
/// subjects it could not decide.
///
/// Cost: the conditions are evaluated once per surface (and per flow); then one
/// layered breadth-first search per group of sources, where sources that the
/// target condition cannot tell apart (they agree on every attribute of the
/// source it reads) share a group. Without a two-end condition there is one
/// group, so the rule is linear in surfaces plus flows.
void run_path_rule(const PathQuery& query, EvaluationContext& context);

}  // namespace lexflow::engine::internal
