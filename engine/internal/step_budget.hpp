#pragma once

#include <cstdint>

namespace lexflow::engine::internal {

/// Thrown when an evaluation has spent its budget.
struct StepBudgetExceeded {};

/// Thrown when an evaluation would report more findings than allowed.
struct FindingLimitExceeded {};

/// The work one evaluation may do: each condition evaluated and each element
/// a quantifier visits costs one step. Running out throws StepBudgetExceeded,
/// which the evaluator turns into an error located at the rule it was
/// running, so that a rule nesting quantifiers (n^k steps on n elements)
/// ends in seconds instead of hours.
class StepBudget {
  public:
    explicit StepBudget(std::uint64_t steps) : left_(steps) {}

    void spend() {
        if (left_ == 0) {
            throw StepBudgetExceeded{};
        }
        --left_;
    }
    [[nodiscard]] std::uint64_t left() const { return left_; }

  private:
    std::uint64_t left_;
};

}  // namespace lexflow::engine::internal
