#include "engine/internal/graph.hpp"

#include <vector>

namespace lexflow::engine::internal {

namespace {

using Edge = std::pair<std::uint32_t, std::uint32_t>;

std::vector<Edge> edges_of(const model::Model& model) {
    std::vector<Edge> edges;
    edges.reserve(model.flows().size());
    for (const auto& flow : model.flows()) {
        edges.emplace_back(flow.from, flow.to);
    }
    return edges;
}

template <typename Data>
std::vector<Data> edge_data_of(const model::Model& model) {
    std::vector<Data> data(model.flows().size());
    for (std::uint32_t i = 0; i < data.size(); ++i) {
        data[i].flow = i;
    }
    return data;
}

}  // namespace

FlowGraph::FlowGraph(const model::Model& model) {
    const auto edges = edges_of(model);
    const auto data = edge_data_of<EdgeData>(model);
    graph_ = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), data.begin(),
                   static_cast<std::uint32_t>(model.surfaces().size()));
}

}  // namespace lexflow::engine::internal
