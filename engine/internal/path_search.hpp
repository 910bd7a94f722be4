#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/internal/graph.hpp"

namespace lexflow::engine::internal {

/// The reachability question every path rule compiles to, answered by one
/// breadth-first search over a layered copy of the flow graph. Paths are
/// never enumerated: the search visits each (surface, layer) state once, so
/// it is linear in surfaces plus flows, and it keeps the shortest path (fewest
/// flows) to each state as a witness.
///
/// A state is a surface and two bits:
/// - `violating`: the path so far breaks the rule (it crossed a bad flow, or,
///   for "passes a control" rules, any path is violating until a control,
///   which cannot be entered, is met);
/// - `uncertain`: the path relies on an element whose condition was unknown
///   (a missing attribute), so a violation on it is not certain.
/// An end reached in a violating, certain state is a finding; one reached only
/// in a violating, uncertain state is "not evaluated".
class LayeredSearch {
  public:
    /// Which way flows are followed: from sources to targets, or backwards
    /// from targets to sources (to report per source).
    enum class Direction { forward, backward };

    /// What entering a surface does to a path.
    enum class NodeEffect : std::uint8_t { open, blocked, uncertain };
    /// What crossing a flow does to a path: a set of these bits.
    using FlowEffect = std::uint8_t;
    static constexpr FlowEffect kNeutral = 0;
    static constexpr FlowEffect kBlocked = 1;    ///< paths cannot use the flow
    static constexpr FlowEffect kViolating = 2;  ///< crossing it breaks the rule
    static constexpr FlowEffect kDoubtful = 4;   ///< its condition was unknown

    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    LayeredSearch(const FlowGraph& graph, Direction direction, std::vector<NodeEffect> nodes,
                  std::vector<FlowEffect> flows, const std::vector<model::Flow>& flow_ends);

    /// Searches from `seeds` (in priority order: ties between equally short
    /// witnesses go to the earlier seed). `uncertain[i]` marks seeds whose own
    /// condition was unknown; `violating` is the starting value of that bit.
    void run(const std::vector<std::uint32_t>& seeds, const std::vector<bool>& uncertain,
             bool violating);

    /// Whether `surface` was entered through at least one flow in a state
    /// with the given bits.
    [[nodiscard]] bool reached(std::uint32_t surface, bool violating, bool uncertain) const;
    /// The flows of the shortest path that reaches `surface` in that state,
    /// ordered from source to target (whatever the direction). A path longer
    /// than 2 × kWitnessEnds flows is given as its first and last
    /// kWitnessEnds flows, found in as many steps: thousands of long paths
    /// cost no more than short ones. `length` is the whole path's.
    [[nodiscard]] std::vector<std::uint32_t> witness(std::uint32_t surface, bool violating,
                                                     bool uncertain, std::size_t& length) const;

    /// Every flow of that path, however long.
    [[nodiscard]] std::vector<std::uint32_t> full_witness(std::uint32_t surface, bool violating,
                                                          bool uncertain) const;

    /// Flows kept at each end of a long witness.
    static constexpr std::uint32_t kWitnessEnds = 32;

  private:
    static constexpr std::uint32_t kLayers = 4;
    [[nodiscard]] static std::uint32_t layer_of(bool violating, bool uncertain) {
        return (violating ? 1U : 0U) | (uncertain ? 2U : 0U);
    }
    [[nodiscard]] std::uint32_t state(std::uint32_t surface, std::uint32_t layer) const {
        return surface * kLayers + layer;
    }
    void expand(std::uint32_t from_state, std::vector<std::uint32_t>& queue);

    const FlowGraph& graph_;
    Direction direction_;
    std::vector<NodeEffect> nodes_;
    std::vector<FlowEffect> flows_;
    const std::vector<model::Flow>& flow_ends_;
    std::vector<bool> expanded_;           ///< per state: in the queue already
    std::vector<bool> seed_;               ///< per state: a starting state
    std::vector<std::uint32_t> arrival_;   ///< per state: the flow it was first entered by
    std::vector<std::uint32_t> previous_;  ///< per state: the state that flow came from
    std::vector<std::uint32_t> depth_;     ///< per state: flows from its seed (0 for seeds)
    /// Per state: the state kWitnessEnds flows from the seed on its path
    /// (itself at that depth), or kNone when the path is shorter.
    std::vector<std::uint32_t> anchor_;
    /// Flows on the witness path of an end state.
    [[nodiscard]] std::uint32_t path_length(std::uint32_t end) const;
    /// Walks back from `state` over `steps` flows, appending them (target first).
    std::uint32_t walk_back(std::uint32_t state, std::uint32_t steps,
                            std::vector<std::uint32_t>& flows) const;
};

}  // namespace lexflow::engine::internal
