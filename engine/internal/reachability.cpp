#include "engine/internal/reachability.hpp"

namespace lexflow::engine::internal {

std::vector<bool> Reachability::reaching_ends(Direction direction, const std::vector<Truth>& ends,
                                              const std::vector<Truth>& passable, bool surely) {
    const auto counts = [surely](Truth truth) {
        return surely ? truth == Truth::yes : truth != Truth::no;
    };
    // Walk back from the ends: a node reaches one if a flow it may follow
    // leads to an end or to a node that reaches one.
    const auto back =
        direction == Direction::downstream ? Direction::upstream : Direction::downstream;
    std::vector<bool> reaching(graph_.surface_count(), false);
    std::vector<std::uint32_t> queue;
    const auto mark = [&](std::uint32_t node) {
        if (!reaching[node]) {
            reaching[node] = true;
            queue.push_back(node);
        }
    };
    const auto step_back = [&](std::uint32_t node) {
        for_each_step(node, back, [&](std::uint32_t flow) {
            budget_.spend();
            if (counts(pass(passable, flow))) {
                mark(behind(flow, direction));
            }
        });
    };
    for (std::uint32_t node = 0; node < ends.size(); ++node) {
        if (counts(ends[node])) {
            step_back(node);
        }
    }
    for (std::size_t next = 0; next < queue.size(); ++next) {
        step_back(queue[next]);
    }
    return reaching;
}

std::vector<Truth> Reachability::from_every_node(Direction direction,
                                                 const std::vector<Truth>& ends,
                                                 const std::vector<Truth>& passable) {
    const auto surely = reaching_ends(direction, ends, passable, true);
    const auto possibly = reaching_ends(direction, ends, passable, false);
    std::vector<Truth> answers(ends.size(), Truth::no);
    for (std::size_t node = 0; node < answers.size(); ++node) {
        answers[node] = surely[node] ? Truth::yes : possibly[node] ? Truth::unknown : Truth::no;
    }
    return answers;
}

}  // namespace lexflow::engine::internal
