#pragma once

#include <cstdint>
#include <vector>

#include "engine/internal/graph.hpp"
#include "engine/internal/step_budget.hpp"
#include "engine/internal/truth.hpp"
#include "model/model.hpp"

namespace lexflow::engine::internal {

/// The searches behind `exists path from x to node s where C` (and `exists
/// path to x from node s`): is there a path of one flow or more, over flows
/// that may be followed, from x to a node that satisfies C? Both searches are
/// linear in nodes plus flows, and three-valued: a path over a flow whose
/// condition is unknown, or to a node whose condition is unknown, makes the
/// answer unknown unless a certain path settles it.
class Reachability {
  public:
    /// Which way paths run from the anchor: along flows (`from x`) or
    /// against them (`to x`).
    enum class Direction { downstream, upstream };

    Reachability(const FlowGraph& graph, const std::vector<model::Flow>& flows, StepBudget& budget)
        : graph_(graph), flows_(flows), budget_(budget) {}

    /// The answer for every anchor at once, when the end's condition does not
    /// depend on the anchor: `ends[v]` says whether node v satisfies it,
    /// `passable[f]` whether flow f may be followed (empty: every flow). Two
    /// searches back from the ends.
    [[nodiscard]] std::vector<Truth> from_every_node(Direction direction,
                                                     const std::vector<Truth>& ends,
                                                     const std::vector<Truth>& passable);

    /// The answer for one anchor, deciding each node reached with `is_end`
    /// (called at most twice per node); stops at the first certain path.
    template <typename IsEnd>
    [[nodiscard]] Truth from_node(std::uint32_t anchor, Direction direction,
                                  const std::vector<Truth>& passable, IsEnd&& is_end);

  private:
    /// How surely a node is reached: not, over an unknown step, or surely.
    enum Level : std::uint8_t { kUnreached = 0, kPossibly = 1, kSurely = 2 };

    /// Truth of a flow being followed.
    [[nodiscard]] static Truth pass(const std::vector<Truth>& passable, std::uint32_t flow) {
        return passable.empty() ? Truth::yes : passable[flow];
    }
    /// The node a flow leads to, going `direction`, and the one it leaves.
    [[nodiscard]] std::uint32_t ahead(std::uint32_t flow, Direction direction) const {
        return direction == Direction::downstream ? flows_[flow].to : flows_[flow].from;
    }
    [[nodiscard]] std::uint32_t behind(std::uint32_t flow, Direction direction) const {
        return direction == Direction::downstream ? flows_[flow].from : flows_[flow].to;
    }
    template <typename Visit>
    void for_each_step(std::uint32_t node, Direction direction, Visit&& visit) const {
        if (direction == Direction::downstream) {
            graph_.for_each_outgoing(node, visit);
        } else {
            graph_.for_each_incoming(node, visit);
        }
    }
    /// The nodes with a path to an end (for `downstream`), counting only
    /// flows and ends that are surely so (`surely`) or at least possibly so.
    [[nodiscard]] std::vector<bool> reaching_ends(Direction direction,
                                                  const std::vector<Truth>& ends,
                                                  const std::vector<Truth>& passable, bool surely);

    const FlowGraph& graph_;
    const std::vector<model::Flow>& flows_;
    StepBudget& budget_;
    /// Reused by from_node, so that a search costs what it visits, not the
    /// size of the model: a node's level counts only if stamped this search.
    std::vector<std::uint32_t> stamp_;
    std::vector<std::uint8_t> level_;
    std::vector<std::uint8_t> end_;  ///< per node: 1 + its Truth as an end, 0 not yet decided
    std::uint32_t search_ = 0;
};

template <typename IsEnd>
Truth Reachability::from_node(std::uint32_t anchor, Direction direction,
                              const std::vector<Truth>& passable, IsEnd&& is_end) {
    const auto nodes = graph_.surface_count();
    if (stamp_.size() != nodes) {
        stamp_.assign(nodes, 0);
        level_.assign(nodes, kUnreached);
        end_.assign(nodes, 0);
    }
    ++search_;
    std::vector<std::pair<std::uint32_t, Level>> queue;
    const auto level_of = [&](std::uint32_t node) {
        return stamp_[node] == search_ ? static_cast<Level>(level_[node]) : kUnreached;
    };
    const auto arrive = [&](std::uint32_t node, Level level) {
        if (level_of(node) >= level) {
            return;
        }
        if (stamp_[node] != search_) {
            stamp_[node] = search_;
            end_[node] = 0;
        }
        level_[node] = level;
        queue.emplace_back(node, level);
    };
    const auto step_from = [&](std::uint32_t node, Level level) {
        for_each_step(node, direction, [&](std::uint32_t flow) {
            budget_.spend();
            const auto truth = pass(passable, flow);
            if (truth != Truth::no) {
                arrive(ahead(flow, direction), truth == Truth::yes ? level : kPossibly);
            }
        });
    };
    step_from(anchor, kSurely);
    bool unknown = false;
    for (std::size_t next = 0; next < queue.size(); ++next) {
        const auto [node, level] = queue[next];
        if (level < level_[node]) {
            continue;  // reached surely since: that visit decides
        }
        if (end_[node] == 0) {
            end_[node] = static_cast<std::uint8_t>(1 + static_cast<int>(is_end(node)));
        }
        const auto end = static_cast<Truth>(end_[node] - 1);
        if (end == Truth::yes && level == kSurely) {
            return Truth::yes;
        }
        unknown = unknown || end == Truth::unknown || (end == Truth::yes && level == kPossibly);
        step_from(node, level);
    }
    return unknown ? Truth::unknown : Truth::no;
}

}  // namespace lexflow::engine::internal
