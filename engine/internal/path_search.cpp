#include "engine/internal/path_search.hpp"

#include <algorithm>

namespace lexflow::engine::internal {

LayeredSearch::LayeredSearch(const FlowGraph& graph, Direction direction,
                             std::vector<NodeEffect> nodes, std::vector<FlowEffect> flows,
                             const std::vector<model::Flow>& flow_ends)
    : graph_(graph),
      direction_(direction),
      nodes_(std::move(nodes)),
      flows_(std::move(flows)),
      flow_ends_(flow_ends) {}

void LayeredSearch::run(const std::vector<std::uint32_t>& seeds, const std::vector<bool>& uncertain,
                        bool violating) {
    const auto states = static_cast<std::size_t>(graph_.surface_count()) * kLayers;
    expanded_.assign(states, false);
    seed_.assign(states, false);
    arrival_.assign(states, kNone);
    previous_.assign(states, kNone);
    depth_.assign(states, 0);
    anchor_.assign(states, kNone);
    std::vector<std::uint32_t> queue;
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        const auto surface = seeds[i];
        if (nodes_[surface] == NodeEffect::blocked) {
            continue;  // a control at the start covers every path from it
        }
        const bool doubt = uncertain[i] || nodes_[surface] == NodeEffect::uncertain;
        const auto start = state(surface, layer_of(violating, doubt));
        if (!expanded_[start]) {
            expanded_[start] = true;
            seed_[start] = true;
            queue.push_back(start);
        }
    }
    // The queue is a vector read front to back: every state enters it once.
    for (std::size_t head = 0; head < queue.size(); ++head) {
        expand(queue[head], queue);
    }
}

void LayeredSearch::expand(std::uint32_t from_state, std::vector<std::uint32_t>& queue) {
    const auto surface = from_state / kLayers;
    const auto layer = from_state % kLayers;
    const auto visit = [&](std::uint32_t flow) {
        const auto& ends = flow_ends_[flow];
        const auto next = direction_ == Direction::forward ? ends.to : ends.from;
        const auto effect = flows_[flow];
        if ((effect & kBlocked) != 0 || nodes_[next] == NodeEffect::blocked) {
            return;
        }
        const bool violating = (layer & 1U) != 0 || (effect & kViolating) != 0;
        const bool doubt =
            (layer & 2U) != 0 || (effect & kDoubtful) != 0 || nodes_[next] == NodeEffect::uncertain;
        const auto to_state = state(next, layer_of(violating, doubt));
        if (arrival_[to_state] == kNone) {
            arrival_[to_state] = flow;
            previous_[to_state] = from_state;
            // A seed entered again keeps depth 0: paths through it start there.
            if (!seed_[to_state]) {
                depth_[to_state] = depth_[from_state] + 1;
                anchor_[to_state] =
                    depth_[to_state] == kWitnessEnds ? to_state : anchor_[from_state];
            }
        }
        if (!expanded_[to_state]) {
            expanded_[to_state] = true;
            queue.push_back(to_state);
        }
    };
    if (direction_ == Direction::forward) {
        graph_.for_each_outgoing(surface, visit);
    } else {
        graph_.for_each_incoming(surface, visit);
    }
}

bool LayeredSearch::reached(std::uint32_t surface, bool violating, bool uncertain) const {
    return arrival_[state(surface, layer_of(violating, uncertain))] != kNone;
}

std::uint32_t LayeredSearch::path_length(std::uint32_t end) const {
    // A seed reached through a flow ends a path that goes on from where that
    // flow came from.
    return seed_[end] ? depth_[previous_[end]] + 1 : depth_[end];
}

std::uint32_t LayeredSearch::walk_back(std::uint32_t state, std::uint32_t steps,
                                       std::vector<std::uint32_t>& flows) const {
    for (std::uint32_t i = 0; i < steps; ++i) {
        flows.push_back(arrival_[state]);
        state = previous_[state];
    }
    return state;
}

std::vector<std::uint32_t> LayeredSearch::full_witness(std::uint32_t surface, bool violating,
                                                       bool uncertain) const {
    const auto end = state(surface, layer_of(violating, uncertain));
    std::vector<std::uint32_t> flows;
    walk_back(end, path_length(end), flows);
    if (direction_ == Direction::forward) {
        std::reverse(flows.begin(), flows.end());
    }
    return flows;
}

std::vector<std::uint32_t> LayeredSearch::witness(std::uint32_t surface, bool violating,
                                                  bool uncertain, std::size_t& length) const {
    // A state's path ends with its arrival flow; the states before it are
    // followed by their arrival until a seed (depth 0), which starts it.
    const auto end = state(surface, layer_of(violating, uncertain));
    length = path_length(end);
    std::vector<std::uint32_t> flows;
    if (length <= 2 * kWitnessEnds) {
        walk_back(end, static_cast<std::uint32_t>(length), flows);
    } else {
        walk_back(end, kWitnessEnds, flows);
        walk_back(anchor_[seed_[end] ? previous_[end] : end], kWitnessEnds, flows);
    }
    // Collected from the far end: forward, that end is the target, so the
    // order is reversed; backward, it is the source, and the order is right.
    if (direction_ == Direction::forward) {
        std::reverse(flows.begin(), flows.end());
    }
    return flows;
}

}  // namespace lexflow::engine::internal
