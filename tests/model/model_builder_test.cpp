// The ModelBuilder knows the model's schema, ids and flows, not YAML: these
// tests hand it Nodes directly, as a reader of any other format would.

#include "model/model_builder.hpp"

#include <doctest/doctest.h>

#include "base/diagnostic_ids.hpp"
#include "tests/model/model_test_support.hpp"

using lexflow::model::ModelBuilder;
using lexflow::model::Node;
using lexflow::testing::attribute;
using lexflow::testing::flow;
using lexflow::testing::surface;
using lexflow::testing::text_of;

namespace {

Node scalar(std::string text, std::uint32_t line = 1) {
    Node node;
    node.type = Node::Type::string;
    node.text = std::move(text);
    node.range = {0, line, 1, static_cast<std::uint32_t>(node.text.size())};
    return node;
}

Node number(double value) {
    Node node;
    node.type = Node::Type::number;
    node.number = value;
    node.text = std::to_string(value);
    return node;
}

Node map(std::vector<std::pair<std::string, Node>> entries, std::uint32_t line = 1) {
    Node node;
    node.type = Node::Type::map;
    node.range = {0, line, 1, 1};
    for (auto& [key, value] : entries) {
        node.children.push_back(scalar(key, line));
        node.children.push_back(std::move(value));
    }
    return node;
}

}  // namespace

TEST_CASE("a model is built from nodes, whatever format they were read from") {
    lexflow::base::Diagnostics diagnostics;
    const lexflow::base::Vocabulary nothing_declared;
    ModelBuilder builder(diagnostics, diagnostics, {}, nothing_declared);
    builder.begin_file(0);
    builder.top_level(scalar("model"), scalar("from-json"));
    CHECK(builder.is_item_list("surfaces"));
    CHECK_FALSE(builder.is_item_list("model"));
    builder.list_item("surfaces", map({{"id", scalar("db")}, {"kind", scalar("crm_object")}}, 3));
    builder.list_item("surfaces", map({{"id", scalar("gen")},
                                       {"kind", scalar("ai_generator")},
                                       {"retention_days", number(30)}},
                                      4));
    builder.list_item("flows", map({{"from", scalar("gen")}, {"to", scalar("db")}}, 6));
    const auto model = builder.finish();
    REQUIRE(model);
    CHECK(diagnostics.all().empty());
    CHECK(model->name() == "from-json");
    CHECK(model->surfaces().size() == 2);
    CHECK(model->range_of(surface(1)).line == 4);
    CHECK(attribute(*model, surface(1), "retention_days").as_number() == 30);
    CHECK(model->flows()[0].from == 1);
    CHECK(model->flows()[0].to == 0);
    CHECK(text_of(*model, attribute(*model, flow(0), "to")) == "db");
}

TEST_CASE("the builder reports schema errors at the nodes the reader located") {
    lexflow::base::Diagnostics diagnostics;
    const lexflow::base::Vocabulary nothing_declared;
    ModelBuilder builder(diagnostics, diagnostics, {}, nothing_declared);
    builder.begin_file(0);
    builder.list_item("surfaces", map({{"id", scalar("db")}}, 7));
    builder.list_item("flows", map({{"from", scalar("db", 9)}, {"to", scalar("db", 10)}}, 9));
    CHECK_FALSE(builder.finish());
    // A flow to a surface rejected for another error is not an error too.
    REQUIRE(diagnostics.all().size() == 1);
    const auto& error = diagnostics.all()[0];
    CHECK(error.code == lexflow::base::diagnostic_ids::missing_key);
    CHECK(error.message == "this surface has no 'kind'");
    CHECK(error.range.line == 7);
}
