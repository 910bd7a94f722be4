#include "model/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "base/diagnostic_ids.hpp"

namespace lexflow::model {

namespace {

namespace ids = base::diagnostic_ids;

std::optional<bool> core_boolean(std::string_view text) {
    if (text == "true" || text == "True" || text == "TRUE") {
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        return false;
    }
    return std::nullopt;
}

bool is_core_null(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

/// YAML 1.2 core-schema decimal numbers: 3, -1.5, 2e3. "2026-08-02" is not one.
std::optional<double> core_number(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const char first = text.front();
    if (!(std::isdigit(static_cast<unsigned char>(first)) || first == '-' || first == '+' ||
          first == '.')) {
        return std::nullopt;
    }
    // from_chars also reads "inf" and "nan", which YAML 1.2 spells ".inf"/".nan".
    const bool decimal_only = text.find_first_not_of("0123456789+-.eE") == std::string_view::npos;
    if (!decimal_only || text.find_first_of("0123456789") == std::string_view::npos) {
        return std::nullopt;
    }
    double value = 0;
    const auto* begin = text.data() + (first == '+' ? 1 : 0);
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || stop != end) {
        return std::nullopt;
    }
    return value;
}

/// A plain (untagged, unquoted) scalar resolved by the core schema.
void resolve_plain(Node& node) {
    if (is_core_null(node.text)) {
        node.type = Node::Type::null;
    } else if (const auto boolean = core_boolean(node.text)) {
        node.type = Node::Type::boolean;
        node.boolean = *boolean;
    } else if (const auto number = core_number(node.text)) {
        node.type = Node::Type::number;
        node.number = *number;
    }
}

bool is_merge_key(const Node& key, bool plain) {
    return plain && key.type == Node::Type::string && key.text == "<<";
}

/// Receives yaml-cpp's parser events and builds Nodes, handing each item of
/// an item list (surfaces, flows, roles) to the builder as soon as it is
/// complete, so that memory stays proportional to one item, not to the file.
class EventReader final : public YAML::EventHandler {
  public:
    EventReader(base::FileId file, ModelBuilder& builder, base::Diagnostics& diagnostics)
        : file_(file), builder_(builder), diagnostics_(diagnostics) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node node;
        node.range = range_at(mark, 1);
        complete(std::move(node), anchor, true);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override;
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(Node::Type::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(Node::Type::map, mark, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Open {
        Node node;
        YAML::anchor_t anchor = 0;
        /// For maps: the values of `<<` keys, merged when the map closes.
        std::vector<Node> merges;
        /// For maps: the last key completed was a plain `<<`.
        bool merge_key_pending = false;
    };

    [[nodiscard]] base::SourceRange range_at(const YAML::Mark& mark, std::size_t length) const;
    void open(Node::Type type, const YAML::Mark& mark, YAML::anchor_t anchor);
    void close();
    void merge(Node& map, const Node& source);
    void complete(Node node, YAML::anchor_t anchor, bool plain);
    [[nodiscard]] bool in_item_list() const;

    base::FileId file_;
    ModelBuilder& builder_;
    base::Diagnostics& diagnostics_;
    std::vector<Open> stack_;
    std::map<YAML::anchor_t, Node> anchors_;
};

base::SourceRange EventReader::range_at(const YAML::Mark& mark, std::size_t length) const {
    // yaml-cpp marks are 0-based; lexflow's ranges are 1-based.
    return {file_, static_cast<std::uint32_t>(mark.line + 1),
            static_cast<std::uint32_t>(mark.column + 1),
            static_cast<std::uint32_t>(std::max<std::size_t>(1, length)),
            static_cast<std::uint64_t>(std::max(mark.pos, 0))};
}

void EventReader::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto found = anchors_.find(anchor);
    Node node = found == anchors_.end() ? Node{} : found->second;
    node.range = range_at(mark, 1);
    complete(std::move(node), 0, false);
}

void EventReader::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
    Node node;
    node.type = Node::Type::string;
    const bool plain = tag == "?";
    node.text = value;
    node.range = range_at(mark, plain ? value.size() : value.size() + 2);
    if (plain) {
        resolve_plain(node);
    }
    complete(std::move(node), anchor, plain);
}

void EventReader::open(Node::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Open entry;
    entry.node.type = type;
    entry.node.range = range_at(mark, 1);
    entry.anchor = anchor;
    stack_.push_back(std::move(entry));
}

void EventReader::close() {
    auto entry = std::move(stack_.back());
    stack_.pop_back();
    for (const auto& source : entry.merges) {
        merge(entry.node, source);
    }
    complete(std::move(entry.node), entry.anchor, false);
}

/// `<<: *base` adds the keys of an anchored map (or of each map of a list)
/// that the map does not give itself.
void EventReader::merge(Node& map, const Node& source) {
    if (source.type == Node::Type::sequence) {
        for (const auto& item : source.children) {
            merge(map, item);
        }
        return;
    }
    if (source.type != Node::Type::map) {
        diagnostics_.report({base::DiagnosticLevel::error,
                             std::string(ids::wrong_type),
                             source.range,
                             "'<<' must merge a map (or a list of maps)",
                             {},
                             {}});
        return;
    }
    const auto own_keys = map.children.size();
    for (std::size_t i = 0; i + 1 < source.children.size(); i += 2) {
        const auto& key = source.children[i];
        bool present = false;
        for (std::size_t j = 0; j < own_keys && !present; j += 2) {
            present = map.children[j].is_scalar() && map.children[j].text == key.text;
        }
        if (!present) {
            map.children.push_back(key);
            map.children.push_back(source.children[i + 1]);
        }
    }
}

bool EventReader::in_item_list() const {
    // stack_[0] is the root map holding [key]; stack_[1] is the list.
    return stack_.size() == 2 && stack_[0].node.type == Node::Type::map &&
           stack_[1].node.type == Node::Type::sequence && stack_[0].node.children.size() % 2 == 1 &&
           builder_.is_item_list(stack_[0].node.children.back().text);
}

void EventReader::complete(Node node, YAML::anchor_t anchor, bool plain) {
    if (anchor != 0) {
        anchors_[anchor] = node;
    }
    const bool is_map_value = !stack_.empty() && stack_.back().node.type == Node::Type::map &&
                              stack_.back().node.children.size() % 2 == 1;
    if (node.type == Node::Type::null && is_map_value) {
        // yaml-cpp marks an empty value at the next token, often on the next
        // line; its key is where the reader should look.
        node.range = stack_.back().node.children.back().range;
    }
    if (stack_.empty()) {
        if (node.type != Node::Type::map && node.type != Node::Type::null) {
            builder_.root_not_a_map(node);
        }
        return;
    }
    if (in_item_list()) {
        builder_.list_item(stack_[0].node.children.back().text, node);
        return;
    }
    auto& parent = stack_.back();
    const bool parent_is_root = stack_.size() == 1 && parent.node.type == Node::Type::map;
    if (parent_is_root && parent.node.children.size() % 2 == 1) {
        // A top-level value: hand it over with its key and keep neither.
        builder_.top_level(parent.node.children.back(), node);
        parent.node.children.pop_back();
        return;
    }
    if (parent.node.type == Node::Type::map && !parent_is_root) {
        if (parent.node.children.size() % 2 == 0 && is_merge_key(node, plain)) {
            parent.merge_key_pending = true;
            return;
        }
        if (parent.merge_key_pending) {
            parent.merge_key_pending = false;
            parent.merges.push_back(std::move(node));
            return;
        }
    }
    parent.node.children.push_back(std::move(node));
}

}  // namespace

void read_yaml(base::FileId file, std::istream& in, ModelBuilder& builder,
               base::Diagnostics& diagnostics) {
    builder.begin_file(file);
    EventReader reader(file, builder, diagnostics);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(reader)) {
        }
    } catch (const YAML::Exception& failure) {
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::malformed_yaml),
                            {file, static_cast<std::uint32_t>(failure.mark.line + 1),
                             static_cast<std::uint32_t>(failure.mark.column + 1), 1,
                             static_cast<std::uint64_t>(std::max(failure.mark.pos, 0))},
                            "invalid YAML: " + failure.msg,
                            {},
                            "fix the YAML syntax; nothing of this model was checked"});
    }
}

}  // namespace lexflow::model
