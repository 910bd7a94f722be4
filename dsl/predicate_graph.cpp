#include "dsl/predicate_graph.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace lexflow::dsl {

namespace {

std::size_t saturating_add(std::size_t a, std::size_t b, std::size_t bound) {
    return a >= bound || b >= bound - a ? bound : a + b;
}

}  // namespace

PredicateGraph::PredicateGraph(const std::vector<Predicate>& predicates)
    : expanded_(predicates.size()) {
    for (std::size_t i = 0; i < predicates.size(); ++i) {
        index_.emplace(predicates[i].name, i);
    }
    for (const auto& predicate : predicates) {
        bodies_.push_back(survey(predicate.body));
    }
    // A predicate on a cycle counts only the calls that leave it: its
    // expansion is never used, because a cycle is an error.
    depth_first(
        [](std::size_t, const Expr&) {},
        [this](std::size_t index) { expanded_[index] = expand(bodies_[index], kSaturation); });
}

std::optional<std::size_t> PredicateGraph::index_of(const std::string& name) const {
    const auto found = index_.find(name);
    return found == index_.end() ? std::nullopt : std::optional<std::size_t>(found->second);
}

PredicateGraph::Survey PredicateGraph::survey(const Expr& expr) const {
    // Iterative: conditions nest up to the parser's depth limit, but the
    // walk need not rely on it.
    Survey result;
    std::vector<std::pair<const Expr*, std::size_t>> pending{{&expr, 1}};
    while (!pending.empty()) {
        const auto [current, depth] = pending.back();
        pending.pop_back();
        ++result.nodes;
        result.depth = std::max(result.depth, depth);
        if (current->kind == Expr::Kind::call) {
            if (const auto callee = index_of(current->callee)) {
                result.calls.push_back({*callee, current, depth});
            }
        }
        for (auto it = current->operands.rbegin(); it != current->operands.rend(); ++it) {
            pending.emplace_back(&*it, depth + 1);
        }
    }
    return result;
}

PredicateGraph::Expansion PredicateGraph::expand(const Survey& survey, std::size_t bound) const {
    Expansion result{std::min(survey.nodes, bound), std::min(survey.depth, bound)};
    for (const auto& call : survey.calls) {
        const auto& callee = expanded_[call.callee];
        result.size = saturating_add(result.size, callee.size, bound);
        result.depth = std::max(result.depth, saturating_add(call.depth, callee.depth, bound));
    }
    return result;
}

template <typename BackEdge, typename Finish>
void PredicateGraph::depth_first(BackEdge&& back_edge, Finish&& finish) const {
    enum class State : std::uint8_t { unvisited, open, done };
    std::vector<State> state(bodies_.size(), State::unvisited);
    // Each frame: a predicate and the next of its calls to follow.
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (std::size_t root = 0; root < bodies_.size(); ++root) {
        if (state[root] != State::unvisited) {
            continue;
        }
        state[root] = State::open;
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            auto& [index, next] = stack.back();
            const auto& calls = bodies_[index].calls;
            if (next == calls.size()) {
                state[index] = State::done;
                finish(index);
                stack.pop_back();
                continue;
            }
            const auto& call = calls[next++];
            if (state[call.callee] == State::open) {
                back_edge(index, *call.call);
            } else if (state[call.callee] == State::unvisited) {
                state[call.callee] = State::open;
                stack.emplace_back(call.callee, 0);
            }
        }
    }
}

std::vector<PredicateGraph::CycleCall> PredicateGraph::cycles() const {
    std::vector<CycleCall> found;
    depth_first(
        [&found](std::size_t caller, const Expr& call) {
            found.push_back({caller, &call});
        },
        [](std::size_t) {});
    std::sort(found.begin(), found.end(),
              [](const CycleCall& a, const CycleCall& b) { return a.caller < b.caller; });
    return found;
}

PredicateGraph::Expansion PredicateGraph::expanded(const Expr& expr, std::size_t bound) const {
    return expand(survey(expr), bound);
}

}  // namespace lexflow::dsl
