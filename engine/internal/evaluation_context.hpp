#pragma once

#include "dsl/rule_set.hpp"
#include "engine/internal/finding_builder.hpp"
#include "engine/internal/graph.hpp"
#include "engine/internal/kind_index.hpp"
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
    const KindIndex& kinds;
    const dsl::RuleSet& rules;  ///< the vocabulary and predicates the rules use
    const FindingBuilder& builder;
    report::Report& report;
    std::uint64_t max_findings = 0;  ///< findings and undecided checks, together
    std::string as_of;               ///< `today`; empty: every rule in force, `today` unknown

    void add(report::Finding finding) {
        make_room();
        report.findings.push_back(std::move(finding));
    }
    void add(report::NotEvaluated entry) {
        make_room();
        report.not_evaluated.push_back(std::move(entry));
    }
    void add(report::DecidedOnDefaults entry) {
        make_room();
        report.decided_on_defaults.push_back(std::move(entry));
    }

  private:
    void make_room() const {
        if (report.findings.size() + report.not_evaluated.size() >= max_findings) {
            throw FindingLimitExceeded{};
        }
    }
};

}  // namespace lexflow::engine::internal
