#pragma once

#include <vector>

#include "engine/internal/graph.hpp"
#include "engine/internal/query.hpp"
#include "engine/internal/step_budget.hpp"
#include "model/value_space.hpp"

namespace lexflow::engine::internal {

/// Kleene's three truth values: a condition on a missing attribute is unknown.
enum class Truth : std::uint8_t { no, yes, unknown };

/// Evaluates compiled conditions for the elements bound in its slots, using
/// three-valued logic, and remembers which attribute paths were missing when
/// the outcome is unknown (for "not evaluated" reports).
class ConditionEvaluator {
  public:
    ConditionEvaluator(const model::ValueSpace& values, const FlowGraph& graph, StepBudget& budget,
                       Slot slot_count)
        : values_(values),
          model_(values.model()),
          graph_(graph),
          budget_(budget),
          slots_(std::max<Slot>(slot_count, 1)) {}

    void bind(Slot slot, model::ElementRef element) {
        if (slot >= slots_.size()) {
            slots_.resize(slot + 1U);
        }
        slots_[slot] = element;
    }
    [[nodiscard]] Truth evaluate(const CompiledExpr& expr);
    /// The value at the end of a path; missing if any step is absent.
    [[nodiscard]] model::Value value(const CompiledPath& path) const;
    /// The paths that were missing in the last unknown outcome, deduplicated,
    /// in the order met. Cleared by clear_missing().
    [[nodiscard]] std::vector<std::string> missing() const;
    void clear_missing() { missing_.clear(); }

  private:
    [[nodiscard]] model::Value operand(const CompiledExpr& expr);
    [[nodiscard]] Truth compare(const CompiledExpr& expr);
    [[nodiscard]] Truth member(model::Value item, model::Value collection) const;
    [[nodiscard]] Truth all_of(const CompiledExpr& expr);
    [[nodiscard]] Truth any_of(const CompiledExpr& expr);
    [[nodiscard]] Truth exists(const CompiledExpr& expr);
    [[nodiscard]] Truth exists_in(const CompiledExpr& expr, model::ElementKind kind,
                                  std::uint32_t count);
    [[nodiscard]] Truth exists_adjacent(const CompiledExpr& expr);
    [[nodiscard]] Truth exists_step(const CompiledExpr& expr, model::ElementRef element,
                                    bool& unknown);
    /// Forgets paths recorded since `mark` unless the outcome is unknown.
    Truth settle(Truth outcome, std::size_t mark);

    const model::ValueSpace& values_;
    const model::Model& model_;
    const FlowGraph& graph_;
    StepBudget& budget_;
    std::vector<model::ElementRef> slots_;
    std::vector<const CompiledPath*> missing_;
};

}  // namespace lexflow::engine::internal
