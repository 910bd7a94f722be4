#pragma once

#include <vector>

#include "engine/graph.hpp"
#include "engine/model.hpp"
#include "engine/query.hpp"

namespace lexflow::engine {

/// Kleene's three truth values: a condition on a missing attribute is unknown.
enum class Truth : std::uint8_t { no, yes, unknown };

/// Evaluates compiled conditions for the elements bound in its slots, using
/// three-valued logic, and remembers which attribute paths were missing when
/// the outcome is unknown (for "not evaluated" reports).
class ConditionEvaluator {
  public:
    ConditionEvaluator(const Model& model, const FlowGraph& graph, Slot slot_count)
        : model_(model), graph_(graph), slots_(std::max<Slot>(slot_count, 1)) {}

    void bind(Slot slot, ElementRef element) {
        if (slot >= slots_.size()) {
            slots_.resize(slot + 1U);
        }
        slots_[slot] = element;
    }
    [[nodiscard]] Truth evaluate(const CompiledExpr& expr);
    /// The value at the end of a path; missing if any step is absent.
    [[nodiscard]] Value value(const CompiledPath& path) const;
    /// The paths that were missing in the last unknown outcome, deduplicated,
    /// in the order met. Cleared by clear_missing().
    [[nodiscard]] std::vector<std::string> missing() const;
    void clear_missing() { missing_.clear(); }

  private:
    [[nodiscard]] Value operand(const CompiledExpr& expr);
    [[nodiscard]] Truth compare(const CompiledExpr& expr);
    [[nodiscard]] Truth member(Value item, Value collection) const;
    [[nodiscard]] Truth all_of(const CompiledExpr& expr);
    [[nodiscard]] Truth any_of(const CompiledExpr& expr);
    [[nodiscard]] Truth exists(const CompiledExpr& expr);
    [[nodiscard]] Truth exists_in(const CompiledExpr& expr, ElementKind kind, std::uint32_t count);
    [[nodiscard]] Truth exists_adjacent(const CompiledExpr& expr);
    [[nodiscard]] Truth exists_step(const CompiledExpr& expr, ElementRef element, bool& unknown);
    /// Forgets paths recorded since `mark` unless the outcome is unknown.
    Truth settle(Truth outcome, std::size_t mark);

    const Model& model_;
    const FlowGraph& graph_;
    std::vector<ElementRef> slots_;
    std::vector<const CompiledPath*> missing_;
};

}  // namespace lexflow::engine
