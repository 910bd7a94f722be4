#include "engine/internal/yaml_tree.hpp"

namespace lexflow::engine::internal {

dsl::SourceRange TreeBuilder::range_at(const YAML::Mark& mark, std::size_t length) const {
    // yaml-cpp marks are 0-based; lexflow's ranges are 1-based.
    return {file_, static_cast<std::uint32_t>(mark.line + 1),
            static_cast<std::uint32_t>(mark.column + 1),
            static_cast<std::uint32_t>(std::max<std::size_t>(1, length))};
}

void TreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
    YamlNode node;
    node.range = range_at(mark, 1);
    complete(std::move(node), anchor);
}

void TreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto found = anchors_.find(anchor);
    YamlNode node = found == anchors_.end() ? YamlNode{} : found->second;
    node.range = range_at(mark, 1);
    complete(std::move(node), 0);
}

void TreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
    YamlNode node;
    node.type = YamlNode::Type::scalar;
    node.plain = tag == "?";
    node.text = value;
    node.range = range_at(mark, node.plain ? value.size() : value.size() + 2);
    complete(std::move(node), anchor);
}

void TreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value) {
    open(YamlNode::Type::sequence, mark, anchor);
}

void TreeBuilder::OnSequenceEnd() {
    close();
}

void TreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value) {
    open(YamlNode::Type::map, mark, anchor);
}

void TreeBuilder::OnMapEnd() {
    close();
}

void TreeBuilder::open(YamlNode::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Open entry;
    entry.node.type = type;
    entry.node.range = range_at(mark, 1);
    entry.anchor = anchor;
    stack_.push_back(std::move(entry));
}

void TreeBuilder::close() {
    auto entry = std::move(stack_.back());
    stack_.pop_back();
    complete(std::move(entry.node), entry.anchor);
}

bool TreeBuilder::in_streamed_list() const {
    // stack_[0] is the root map holding [key]; stack_[1] is the list.
    return stack_.size() == 2 && stack_[0].node.type == YamlNode::Type::map &&
           stack_[1].node.type == YamlNode::Type::sequence &&
           stack_[0].node.children.size() % 2 == 1 &&
           sink_.streamed_key(stack_[0].node.children.back().text);
}

void TreeBuilder::complete(YamlNode node, YAML::anchor_t anchor) {
    if (anchor != 0) {
        anchors_[anchor] = node;
    }
    const bool is_map_value = !stack_.empty() && stack_.back().node.type == YamlNode::Type::map &&
                              stack_.back().node.children.size() % 2 == 1;
    if (node.type == YamlNode::Type::null && is_map_value) {
        // yaml-cpp marks an empty value at the next token, often on the next
        // line; its key is where the reader should look.
        node.range = stack_.back().node.children.back().range;
    }
    if (stack_.empty()) {
        if (node.type != YamlNode::Type::map && node.type != YamlNode::Type::null) {
            sink_.root_not_a_map(node);
        }
        return;
    }
    if (in_streamed_list()) {
        sink_.list_item(stack_[0].node.children.back().text, node);
        return;
    }
    auto& parent = stack_.back().node;
    const bool parent_is_root = stack_.size() == 1 && parent.type == YamlNode::Type::map;
    if (parent_is_root && parent.children.size() % 2 == 1) {
        // A top-level value: hand it over with its key and keep neither.
        sink_.top_level(parent.children.back(), node);
        parent.children.pop_back();
        return;
    }
    parent.children.push_back(std::move(node));
}

}  // namespace lexflow::engine::internal
