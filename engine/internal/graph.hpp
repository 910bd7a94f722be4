#pragma once

// The one place where Boost.Graph is used: every other file sees the
// data-flow graph only through FlowGraph.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <utility>

#include "model/model.hpp"

namespace lexflow::engine::internal {

/// The model's surfaces and flows as an immutable, compact graph: compressed
/// sparse rows in both directions, 32-bit indices, and each edge carrying the
/// index of its flow. About 20 bytes per flow, built in linear time.
class FlowGraph {
  public:
    explicit FlowGraph(const model::Model& model);

    /// Calls visit(flow_index) for every flow leaving `surface`.
    template <typename Visit>
    void for_each_outgoing(std::uint32_t surface, Visit&& visit) const {
        auto [edge, end] = boost::out_edges(surface, graph_);
        for (; edge != end; ++edge) {
            visit(graph_[*edge].flow);
        }
    }

    /// Calls visit(flow_index) for every flow entering `surface`.
    template <typename Visit>
    void for_each_incoming(std::uint32_t surface, Visit&& visit) const {
        auto [edge, end] = boost::in_edges(surface, graph_);
        for (; edge != end; ++edge) {
            visit(graph_[*edge].flow);
        }
    }

    [[nodiscard]] std::uint32_t surface_count() const {
        return static_cast<std::uint32_t>(boost::num_vertices(graph_));
    }

  private:
    struct EdgeData {
        std::uint32_t flow = 0;
    };
    using Graph =
        boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeData,
                                           boost::no_property, std::uint32_t, std::uint32_t>;
    Graph graph_;
};

}  // namespace lexflow::engine::internal
