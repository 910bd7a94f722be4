#include "model/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>

#include "base/diagnostic_ids.hpp"
#include "model/internal/lone_cr_filter.hpp"

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

/// How many values a node holds, itself included.
std::uint64_t values_in(const Node& node) {
    std::uint64_t count = 1;
    for (const auto& child : node.children) {
        count += values_in(child);
    }
    return count;
}

/// Why reading stopped before the end of the file, and where.
struct ReadingStopped {
    YAML::Mark mark;
    std::string code;
    std::string message;
    std::string help;
};

/// Receives yaml-cpp's parser events and builds Nodes, handing each item of
/// an item list (surfaces, flows, roles) to the builder as soon as it is
/// complete, so that memory stays proportional to one item, not to the file.
class EventReader final : public YAML::EventHandler {
  public:
    /// `offset_shift`: bytes before what yaml-cpp counts from (a byte order mark).
    EventReader(base::FileId file, DocumentSink& builder, base::Diagnostics& diagnostics,
                const base::Limits& limits, std::uint64_t offset_shift)
        : file_(file),
          builder_(builder),
          diagnostics_(diagnostics),
          limits_(limits),
          offset_shift_(offset_shift) {}

    void OnDocumentStart(const YAML::Mark& mark) override;
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
    struct Anchored {
        Node node;
        std::uint64_t values = 0;  ///< values_in(node), counted once
    };
    struct Open {
        Node node;
        YAML::Mark mark;
        YAML::anchor_t anchor = 0;
        /// For maps: the values of `<<` keys, merged when the map closes.
        std::vector<Node> merges;
        /// For maps: the last key completed was a plain `<<`.
        bool merge_key_pending = false;
    };

    [[nodiscard]] base::SourceRange range_at(const YAML::Mark& mark, std::size_t length) const;
    void limit_exceeded(const YAML::Mark& mark, std::string message,
                        std::uint64_t base::Limits::*limit) const;
    void expand(const YAML::Mark& mark, std::uint64_t values);
    void open(Node::Type type, const YAML::Mark& mark, YAML::anchor_t anchor);
    void close();
    void merge(Node& map, const Node& source);
    void complete(Node node, YAML::anchor_t anchor, bool plain);
    [[nodiscard]] bool in_item_list() const;

    base::FileId file_;
    DocumentSink& builder_;
    base::Diagnostics& diagnostics_;
    base::Limits limits_;
    std::uint64_t offset_shift_;
    std::vector<Open> stack_;
    std::map<YAML::anchor_t, Anchored> anchors_;
    std::uint64_t written_ = 0;   ///< values the file writes out
    std::uint64_t expanded_ = 0;  ///< values that aliases and merge keys copied
    std::optional<std::int64_t> last_document_start_;
};

base::SourceRange EventReader::range_at(const YAML::Mark& mark, std::size_t length) const {
    // yaml-cpp marks are 0-based; lexflow's ranges are 1-based.
    return {file_, static_cast<std::uint32_t>(mark.line + 1),
            static_cast<std::uint32_t>(mark.column + 1),
            static_cast<std::uint32_t>(std::max<std::size_t>(1, length)),
            static_cast<std::uint64_t>(std::max(mark.pos, 0)) + offset_shift_};
}

void EventReader::limit_exceeded(const YAML::Mark& mark, std::string message,
                                 std::uint64_t base::Limits::*limit) const {
    throw ReadingStopped{mark, std::string(ids::limit_exceeded), std::move(message),
                         base::limit_help(limits_, limit)};
}

void EventReader::OnDocumentStart(const YAML::Mark& mark) {
    // yaml-cpp 0.7 can start a document again and again at the same place
    // without consuming input (a lone ',' does it; fixed upstream after 0.8):
    // a document that starts where the last one did is a syntax error.
    if (last_document_start_ == mark.pos) {
        throw ReadingStopped{mark,
                             std::string(ids::malformed_yaml),
                             "invalid YAML: nothing here starts a value",
                             {}};
    }
    last_document_start_ = mark.pos;
}

/// Aliases and merge keys copy values; their copies are counted, so that a
/// few lines of nested aliases ("billion laughs") stop at a limit instead of
/// filling the memory.
void EventReader::expand(const YAML::Mark& mark, std::uint64_t values) {
    expanded_ += values;
    if (expanded_ > limits_.alias_expansion + limits_.alias_ratio * written_) {
        limit_exceeded(
            mark,
            "aliases and merge keys would copy more than " +
                std::to_string(limits_.alias_expansion + limits_.alias_ratio * written_) +
                " values in this file",
            &base::Limits::alias_expansion);
    }
}

void EventReader::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
        complete(Node{{}, {}, false, 0, range_at(mark, 1), {}}, 0, false);
        return;
    }
    expand(mark, found->second.values);
    Node node = found->second.node;
    node.range = range_at(mark, 1);
    complete(std::move(node), 0, false);
}

void EventReader::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
    ++written_;
    if (value.size() > limits_.value_size) {
        limit_exceeded(mark, "this value has " + std::to_string(value.size()) + " bytes",
                       &base::Limits::value_size);
    }
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
    ++written_;
    if (stack_.size() >= limits_.yaml_depth) {
        limit_exceeded(
            mark,
            "lists and maps nest more than " + std::to_string(limits_.yaml_depth) + " deep here",
            &base::Limits::yaml_depth);
    }
    Open entry;
    entry.node.type = type;
    entry.node.range = range_at(mark, 1);
    entry.anchor = anchor;
    entry.mark = mark;
    stack_.push_back(std::move(entry));
}

void EventReader::close() {
    auto entry = std::move(stack_.back());
    stack_.pop_back();
    for (const auto& source : entry.merges) {
        expand(entry.mark, values_in(source));
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
        const auto values = values_in(node);
        anchors_[anchor] = {node, values};
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

void read_yaml(base::FileId file, std::istream& in, DocumentSink& builder,
               base::Diagnostics& diagnostics, const base::Limits& limits) {
    builder.begin_file(file);
    // yaml-cpp counts positions after a byte order mark; lexflow's offsets
    // are the file's.
    std::array<char, 3> head{};
    in.read(head.data(), head.size());
    const std::uint64_t shift =
        in.gcount() == 3 && head == std::array<char, 3>{'\xEF', '\xBB', '\xBF'} ? 3 : 0;
    in.clear();
    in.seekg(0);
    EventReader reader(file, builder, diagnostics, limits, shift);
    internal::LoneCrFilter filter(*in.rdbuf(), limits.line_size);
    std::istream lines(&filter);
    lines.exceptions(std::ios::badbit);  // so that LineTooLong reaches the catch below
    try {
        YAML::Parser parser(lines);
        while (parser.HandleNextDocument(reader)) {
        }
    } catch (const ReadingStopped& stopped) {
        diagnostics.report({base::DiagnosticLevel::error,
                            stopped.code,
                            {file, static_cast<std::uint32_t>(stopped.mark.line + 1),
                             static_cast<std::uint32_t>(stopped.mark.column + 1), 1,
                             static_cast<std::uint64_t>(std::max(stopped.mark.pos, 0)) + shift},
                            stopped.message,
                            {},
                            stopped.help.empty()
                                ? "fix the YAML syntax; nothing of this model was checked"
                                : stopped.help});
    } catch (const internal::LineTooLong& line) {
        diagnostics.report(
            {base::DiagnosticLevel::error,
             std::string(ids::limit_exceeded),
             {file, static_cast<std::uint32_t>(line.line), 1, 1, line.offset},
             "this line is longer than " + std::to_string(limits.line_size) + " bytes",
             {},
             base::limit_help(limits, &base::Limits::line_size)});
    } catch (const std::ios_base::failure&) {
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::unreadable_path),
                            {file, 0, 0, 1},
                            "the model file could not be read to its end",
                            {},
                            "check the file and the disk it is on"});
    } catch (const YAML::DeepRecursion& failure) {
        // yaml-cpp's own guard ("bad file"), met only when yaml-depth is raised past it.
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::limit_exceeded),
                            {file, static_cast<std::uint32_t>(failure.mark.line + 1),
                             static_cast<std::uint32_t>(failure.mark.column + 1), 1,
                             static_cast<std::uint64_t>(std::max(failure.mark.pos, 0)) + shift},
                            "lists and maps nest deeper here than the YAML parser can follow",
                            {},
                            "nest less; no model needs this depth"});
    } catch (const YAML::Exception& failure) {
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::malformed_yaml),
                            {file, static_cast<std::uint32_t>(failure.mark.line + 1),
                             static_cast<std::uint32_t>(failure.mark.column + 1), 1,
                             static_cast<std::uint64_t>(std::max(failure.mark.pos, 0)) + shift},
                            "invalid YAML: " + failure.msg,
                            {},
                            "fix the YAML syntax; nothing of this model was checked"});
    }
}

}  // namespace lexflow::model
