#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "base/iso_date.hpp"
#include "engine/internal/graph.hpp"
#include "engine/internal/kind_index.hpp"
#include "engine/internal/query.hpp"
#include "engine/internal/reachability.hpp"
#include "engine/internal/step_budget.hpp"
#include "engine/internal/truth.hpp"
#include "model/value_space.hpp"

namespace lexflow::engine::internal {

/// Evaluates compiled conditions for the elements bound in its slots, using
/// three-valued logic, and remembers which attribute paths were missing when
/// the outcome is unknown (for "not evaluated" reports).
class ConditionEvaluator {
  public:
    /// `kinds` may be null: then a kind is only what the model says it is.
    /// `as_of` ("YYYY-MM-DD") is `today`; empty, `today` is unknown.
    ConditionEvaluator(const model::ValueSpace& values, const FlowGraph& graph, StepBudget& budget,
                       const KindIndex* kinds, Slot slot_count, std::string_view as_of)
        : values_(values),
          model_(values.model()),
          graph_(graph),
          budget_(budget),
          kinds_(kinds),
          slots_(std::max<Slot>(slot_count, 1)),
          today_(base::day_number(as_of)) {}

    void bind(Slot slot, model::ElementRef element) {
        if (slot >= slots_.size()) {
            slots_.resize(slot + 1U);
        }
        slots_[slot] = element;
    }
    [[nodiscard]] Truth evaluate(const CompiledExpr& expr);
    /// The value at the end of a path, or its declared default when the model
    /// does not give it; missing if neither.
    [[nodiscard]] model::Value value(const CompiledPath& path) const;
    /// The paths that were missing in the last unknown outcome, deduplicated,
    /// in the order met. Cleared by clear_missing().
    [[nodiscard]] std::vector<std::string> missing() const;
    /// The paths read through their default since clear_missing(), in the
    /// order met: what a finding or a pass assumed.
    [[nodiscard]] std::vector<std::string> assumed() const;
    /// How many paths are noted missing, and forgetting those noted since.
    [[nodiscard]] std::size_t missing_count() const { return missing_.size(); }
    void forget_missing(std::size_t mark) { missing_.resize(mark); }
    void clear_missing() {
        missing_.clear();
        assumed_.clear();
    }

  private:
    /// What the model gives at the end of a path, defaults aside.
    [[nodiscard]] model::Value given(const CompiledPath& path) const;
    /// The value after the first `steps` keys of a path.
    [[nodiscard]] model::Value walk(const CompiledPath& path, std::size_t steps) const;
    [[nodiscard]] model::Value operand(const CompiledExpr& expr);
    /// The value at the end of `path` (or its default), noting it as missing
    /// or assumed.
    [[nodiscard]] model::Value read(const CompiledPath& path);

    /// What a count may be when some elements are undecided: at least `low`,
    /// at most `high`. A number is a range of one value.
    struct Range {
        double low = 0;
        double high = 0;
    };
    /// A comparison's side as a number: none if it is missing (`unknown`
    /// set) or not a number.
    [[nodiscard]] std::optional<Range> number(const CompiledExpr& expr, bool& unknown);
    [[nodiscard]] Range count(const CompiledExpr& expr);
    [[nodiscard]] Truth compare_counts(const CompiledExpr& expr);
    /// A comparison's side as a day number: none if it is missing (`unknown`
    /// set) or not a date.
    [[nodiscard]] std::optional<std::int64_t> date(const CompiledExpr& expr, bool& unknown);
    [[nodiscard]] Truth compare_dates(const CompiledExpr& expr);
    /// `exists path`: through the table of its expression, built on first use.
    [[nodiscard]] Truth reaches(const CompiledExpr& expr);
    /// What one `exists path` expression decides once for the whole model:
    /// which flows may be followed, and, when the far end's condition reads
    /// nothing outside it, the answer for every anchor. `missing` holds the
    /// paths left unknown on the way, reported with any unknown answer.
    /// Each expression searches with its own Reachability, so that an
    /// `exists path` inside the end condition of another never disturbs it.
    struct ReachTable {
        Reachability search;
        std::vector<Truth> passable;  ///< per flow; empty: every flow
        std::vector<Truth> answers;   ///< per node; empty: search per anchor
        std::vector<const CompiledPath*> missing;
    };
    ReachTable& reach_table(const CompiledExpr& expr);
    /// Evaluates `condition` on every element of a kind bound to `slot`,
    /// keeping what was missing apart from the evaluation under way.
    std::vector<Truth> decide_each(const CompiledExpr& condition, Slot slot,
                                   model::ElementKind kind, std::size_t count,
                                   std::vector<const CompiledPath*>& missing);
    /// Calls `visit(element)` for each element an `exists` or `count` ranges over.
    template <typename Visit>
    void for_each_candidate(const CompiledExpr& expr, Visit&& visit);
    /// `x.kind` compared with a kind, when x counts as other kinds too.
    [[nodiscard]] std::optional<Truth> compare_kind(const CompiledExpr& expr, model::Value left,
                                                    model::Value right);
    [[nodiscard]] Truth compare(const CompiledExpr& expr);
    [[nodiscard]] Truth member(model::Value item, model::Value collection) const;
    [[nodiscard]] Truth all_of(const CompiledExpr& expr);
    [[nodiscard]] Truth any_of(const CompiledExpr& expr);
    [[nodiscard]] Truth exists(const CompiledExpr& expr);
    [[nodiscard]] Truth exists_in(const CompiledExpr& expr, model::ElementKind kind,
                                  std::uint32_t size);
    [[nodiscard]] Truth exists_adjacent(const CompiledExpr& expr);
    [[nodiscard]] Truth exists_step(const CompiledExpr& expr, model::ElementRef element,
                                    bool& unknown);
    /// Forgets paths recorded since `mark` unless the outcome is unknown.
    Truth settle(Truth outcome, std::size_t mark);

    const model::ValueSpace& values_;
    const model::Model& model_;
    const FlowGraph& graph_;
    StepBudget& budget_;
    const KindIndex* kinds_;
    std::vector<model::ElementRef> slots_;
    std::vector<const CompiledPath*> missing_;
    std::vector<const CompiledPath*> assumed_;
    std::map<const CompiledExpr*, ReachTable> reach_tables_;
    std::optional<std::int64_t> today_;
    /// Reported as missing when a rule reads `today` with no date to check for.
    CompiledPath today_path_{kModelSlot, {}, "today", std::nullopt, false};
};

}  // namespace lexflow::engine::internal
