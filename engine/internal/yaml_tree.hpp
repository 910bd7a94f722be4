#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <map>
#include <string>
#include <vector>

#include "dsl/source.hpp"

namespace lexflow::engine::internal {

/// A small YAML tree with source positions: one surface, one flow, or one
/// top-level value. The loader never holds a whole model file as a tree.
struct YamlNode {
    enum class Type { null, scalar, sequence, map };
    Type type = Type::null;
    bool plain = true;  ///< an untagged, unquoted scalar, whose type is inferred
    std::string text;   ///< a scalar's text
    dsl::SourceRange range;
    /// A sequence's items, or a map's keys and values alternating (key, value, ...).
    std::vector<YamlNode> children;
};

/// Where completed pieces of a model document go.
class YamlSink {
  public:
    virtual ~YamlSink() = default;
    /// The document's root is not a map.
    virtual void root_not_a_map(const YamlNode& root) = 0;
    /// A top-level `key: value` other than an item list (see streamed_key).
    virtual void top_level(const YamlNode& key, const YamlNode& value) = 0;
    /// One item of a streamed top-level list (e.g. one surface of `surfaces`).
    virtual void list_item(const std::string& list_key, const YamlNode& item) = 0;
    /// True for the top-level keys whose list items are streamed one by one.
    [[nodiscard]] virtual bool streamed_key(const std::string& key) const = 0;
};

/// Receives yaml-cpp parser events and builds YamlNodes, handing each item of
/// a streamed list to the sink as soon as it is complete, so that memory
/// stays proportional to one item, not to the file.
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(dsl::FileId file, YamlSink& sink) : file_(file), sink_(sink) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override;
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override;
    void OnSequenceEnd() override;
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override;
    void OnMapEnd() override;

  private:
    struct Open {
        YamlNode node;
        YAML::anchor_t anchor = 0;
    };
    [[nodiscard]] dsl::SourceRange range_at(const YAML::Mark& mark, std::size_t length) const;
    void open(YamlNode::Type type, const YAML::Mark& mark, YAML::anchor_t anchor);
    void close();
    void complete(YamlNode node, YAML::anchor_t anchor);
    [[nodiscard]] bool in_streamed_list() const;

    dsl::FileId file_;
    YamlSink& sink_;
    std::vector<Open> stack_;
    std::map<YAML::anchor_t, YamlNode> anchors_;
};

}  // namespace lexflow::engine::internal
