#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// Who calls whom among named predicates, for the checks that keep them
/// evaluable: no predicate may reach itself, and no condition may grow past a
/// bound once every call is replaced by the predicate's body.
class PredicateGraph {
  public:
    /// A call of a predicate to unknown names is left out of the graph.
    explicit PredicateGraph(const std::vector<Predicate>& predicates);

    /// Calls that close a cycle (each cycle is reported by one of its calls),
    /// with the index of the predicate that makes them; in declaration order.
    struct CycleCall {
        std::size_t caller = 0;
        const Expr* call = nullptr;
    };
    [[nodiscard]] std::vector<CycleCall> cycles() const;

    /// How large and how deep `expr` grows once every call is replaced by its
    /// predicate's body (in nodes, saturating at `bound`). Only meaningful when
    /// there is no cycle.
    struct Expansion {
        std::size_t size = 0;
        std::size_t depth = 0;
    };
    [[nodiscard]] Expansion expanded(const Expr& expr, std::size_t bound) const;

    /// The index of the predicate named `name`, or none.
    [[nodiscard]] std::optional<std::size_t> index_of(const std::string& name) const;

  private:
    struct Call {
        std::size_t callee = 0;
        const Expr* call = nullptr;
        std::size_t depth = 0;  ///< of the call within the condition, from 1
    };
    /// A condition itself, calls aside.
    struct Survey {
        std::size_t nodes = 0;
        std::size_t depth = 0;
        std::vector<Call> calls;  ///< in the order met
    };

    [[nodiscard]] Survey survey(const Expr& expr) const;
    /// Adds what the calls of `survey` bring to its size and depth.
    [[nodiscard]] Expansion expand(const Survey& survey, std::size_t bound) const;
    /// Depth first over every predicate, without recursion (chains of
    /// predicates may be long): `back_edge(caller, call)` for each call to a
    /// predicate still being visited, `finish(index)` once all it calls are.
    template <typename BackEdge, typename Finish>
    void depth_first(BackEdge&& back_edge, Finish&& finish) const;

    std::map<std::string, std::size_t, std::less<>> index_;
    std::vector<Survey> bodies_;       ///< per predicate
    std::vector<Expansion> expanded_;  ///< per predicate, saturating at kSaturation
    static constexpr std::size_t kSaturation = std::size_t{1} << 40;
};

}  // namespace lexflow::dsl
