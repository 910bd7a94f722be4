#include "model/json_reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/diagnostic_ids.hpp"
#include "base/utf8.hpp"

namespace lexflow::model {

namespace {

namespace ids = base::diagnostic_ids;
namespace ondemand = simdjson::ondemand;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
/// How deep the reader follows lists and maps even when yaml-depth allows
/// more: each level is a frame of the C++ stack. simdjson's own default.
constexpr std::uint64_t kMaxNesting = simdjson::DEFAULT_MAX_DEPTH;
/// The first buffer for a stream whose size cannot be known in advance.
constexpr std::size_t kFirstChunk = std::size_t{1} << 16U;
constexpr std::string_view kSyntaxHelp = "fix the JSON syntax; nothing of this model was checked";

// ------------------------------------------------------------ the file's bytes

/// A file's bytes, followed by the padding that simdjson reads past them.
struct JsonText {
    simdjson::padded_string buffer;  ///< its size() is the capacity, not the file's
    std::size_t size = 0;

    [[nodiscard]] std::string_view view() const { return {buffer.data(), size}; }
};

enum class ReadOutcome { read, too_large, unreadable, out_of_memory };

/// The stream's size and one byte more (to meet its end without growing the
/// buffer), when it can be known; at most `cap`.
std::size_t first_capacity(std::istream& in, std::uint64_t cap) {
    std::uint64_t wanted = kFirstChunk;
    if (const auto start = in.tellg(); start >= 0) {
        in.seekg(0, std::ios::end);
        if (const auto end = in.tellg(); end >= start) {
            wanted = static_cast<std::uint64_t>(end - start) + 1;
        }
        in.clear();
        in.seekg(start);
    }
    return static_cast<std::size_t>(std::min(wanted, cap));
}

bool grow(JsonText& text, std::size_t capacity) {
    simdjson::padded_string bigger(capacity);
    if (bigger.data() == nullptr) {
        return false;
    }
    std::memcpy(bigger.data(), text.buffer.data(), text.size);
    text.buffer = std::move(bigger);
    return true;
}

/// Reads the whole stream, or up to one byte past `max_size`: the caller
/// checked the file's size, but a stream may be longer than the file was.
ReadOutcome read_stream(std::istream& in, std::uint64_t max_size, JsonText& text) {
    constexpr std::uint64_t kLargest =
        std::numeric_limits<std::size_t>::max() - simdjson::SIMDJSON_PADDING - 1;
    const auto cap = std::min(max_size, kLargest) + 1;
    text.buffer = simdjson::padded_string(first_capacity(in, cap));
    if (text.buffer.data() == nullptr) {
        return ReadOutcome::out_of_memory;
    }
    while (true) {
        if (text.size == text.buffer.size()) {
            if (text.size >= cap) {
                break;
            }
            const auto next = std::min<std::uint64_t>(cap, std::max(kFirstChunk, text.size * 2));
            if (!grow(text, static_cast<std::size_t>(next))) {
                return ReadOutcome::out_of_memory;
            }
        }
        in.read(text.buffer.data() + text.size,
                static_cast<std::streamsize>(text.buffer.size() - text.size));
        text.size += static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0));
        if (!in) {
            if (in.bad()) {
                return ReadOutcome::unreadable;
            }
            break;
        }
    }
    return text.size > max_size ? ReadOutcome::too_large : ReadOutcome::read;
}

// ------------------------------------------------------------ positions

/// Turns byte offsets into lines and columns. On Demand iteration meets
/// values in the order of the file, so the breaks between the last offset
/// asked and the next are counted once: locating every value of a file costs
/// one pass over it.
class Positions {
  public:
    /// `first_line_start`: where line 1's columns start (after a byte order mark).
    Positions(base::FileId file, std::string_view text, std::size_t first_line_start)
        : file_(file),
          text_(text),
          first_line_start_(first_line_start),
          offset_(first_line_start),
          line_start_(first_line_start) {}

    [[nodiscard]] base::SourceRange range(std::size_t offset, std::size_t length) {
        offset = std::clamp(offset, first_line_start_, text_.size());
        move_to(offset);
        constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max();
        return {file_, static_cast<std::uint32_t>(std::min<std::uint64_t>(line_, kMax)),
                static_cast<std::uint32_t>(std::min(offset - line_start_ + 1, kMax)),
                static_cast<std::uint32_t>(std::clamp<std::size_t>(length, 1, kMax)), offset};
    }

  private:
    void move_to(std::size_t offset) {
        if (offset < offset_) {
            // Only an error may point back (at the token before the parser's
            // position); count again from the top, once.
            offset_ = first_line_start_;
            line_ = 1;
            line_start_ = first_line_start_;
        }
        for (; offset_ < offset; ++offset_) {
            // Lines end at LF, CRLF or a lone CR, as SourceSet shows them.
            const char c = text_[offset_];
            if (c == '\n' ||
                (c == '\r' && (offset_ + 1 == text_.size() || text_[offset_ + 1] != '\n'))) {
                ++line_;
                line_start_ = offset_ + 1;
            }
        }
    }

    base::FileId file_;
    std::string_view text_;
    std::size_t first_line_start_;
    std::size_t offset_;
    std::uint64_t line_ = 1;
    std::size_t line_start_;
};

// ------------------------------------------------------------ errors

/// Why reading stopped: the first error of the file, at a byte offset.
struct Stop {
    std::size_t offset = 0;
    std::string code;
    std::string message;
    std::string help;
};

Stop malformed_at(std::size_t offset, simdjson::error_code error) {
    return {offset, std::string(ids::malformed_yaml),
            "malformed JSON: " + std::string(simdjson::error_message(error)),
            std::string(kSyntaxHelp)};
}

/// The first byte that does not start a valid UTF-8 sequence.
std::size_t first_invalid_utf8(std::string_view text, std::size_t from) {
    while (from < text.size()) {
        const auto length = base::utf8_sequence_length(text.substr(from));
        if (length == 0) {
            return from;
        }
        from += length;
    }
    return from;
}

/// Where a string goes wrong: its first unescaped control character, or its
/// opening quote if it never closes.
std::size_t string_error(std::string_view text, std::size_t from) {
    std::optional<std::size_t> open;
    for (auto at = from; at < text.size(); ++at) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (!open) {
            open = c == '"' ? std::optional(at) : std::nullopt;
        } else if (c == '\\') {
            ++at;
        } else if (c == '"') {
            open.reset();
        } else if (c < 0x20) {
            return at;
        }
    }
    return open.value_or(from);
}

/// simdjson finds these errors before any value is read, and tells only
/// what they are: find where.
std::size_t locate_stage1_error(simdjson::error_code error, std::string_view text,
                                std::size_t from) {
    switch (error) {
        case simdjson::UTF8_ERROR:
            return first_invalid_utf8(text, from);
        case simdjson::UNCLOSED_STRING:
        case simdjson::UNESCAPED_CHARS:
            return string_error(text, from);
        default:
            return from;
    }
}

/// A token without the whitespace that simdjson's raw tokens run on with.
std::string_view trimmed(std::string_view token) {
    const auto end = token.find_last_not_of(" \t\n\r");
    return token.substr(0, end == std::string_view::npos ? 0 : end + 1);
}

/// The bytes of a key as written, quotes included; `raw` is just past its
/// opening quote (simdjson checked that it closes).
std::size_t quoted_length(const char* raw) {
    std::size_t length = 0;
    while (raw[length] != '"') {
        length += raw[length] == '\\' ? 2 : 1;
    }
    return length + 2;
}

Node::Type node_type(ondemand::json_type type) {
    switch (type) {
        case ondemand::json_type::object:
            return Node::Type::map;
        case ondemand::json_type::array:
            return Node::Type::sequence;
        case ondemand::json_type::number:
            return Node::Type::number;
        case ondemand::json_type::string:
            return Node::Type::string;
        case ondemand::json_type::boolean:
            return Node::Type::boolean;
        case ondemand::json_type::null:
            return Node::Type::null;
    }
    return Node::Type::null;
}

// ------------------------------------------------------------ the reader

/// Walks a document with simdjson's On Demand API and hands its values to
/// the sink as the YAML reader does. Each function returns false once
/// reading has stopped; `stop_` then says why and where.
class JsonReader {
  public:
    JsonReader(std::string_view text, Positions& positions, DocumentSink& sink,
               const base::Limits& limits, ondemand::document& document)
        : text_(text), positions_(positions), sink_(sink), limits_(limits), document_(document) {}

    /// Reads the document; the error it stopped at, if any.
    [[nodiscard]] std::optional<Stop> read();

  private:
    bool read_null_root();
    bool read_root_object();
    bool read_field(ondemand::field& field);
    bool read_item_list(const Node& key, ondemand::value list);
    bool read_key(ondemand::field& field, Node& key);
    bool convert(ondemand::value value, std::uint64_t depth, Node& node);
    bool convert_object(ondemand::value value, std::uint64_t depth, Node& node);
    bool convert_array(ondemand::value value, std::uint64_t depth, Node& node);
    bool convert_scalar(ondemand::value value, ondemand::json_type type, std::string_view token,
                        Node& node);
    bool enter(std::uint64_t depth, std::size_t offset);
    bool within_value_size(std::size_t size, std::size_t offset);

    bool malformed(simdjson::error_code error);
    bool limit_exceeded(std::size_t offset, std::string message,
                        std::uint64_t base::Limits::*limit);
    [[nodiscard]] std::size_t offset_of(const char* at) const {
        return static_cast<std::size_t>(at - text_.data());
    }

    std::string_view text_;
    Positions& positions_;
    DocumentSink& sink_;
    const base::Limits& limits_;
    ondemand::document& document_;
    std::optional<Stop> stop_;
};

std::optional<Stop> JsonReader::read() {
    ondemand::json_type type{};
    if (const auto error = document_.type().get(type)) {
        malformed(error);
        return stop_;
    }
    if (type == ondemand::json_type::object) {
        read_root_object();
        return stop_;
    }
    if (type == ondemand::json_type::null) {
        // Like an empty YAML document, a null root is an empty model.
        read_null_root();
        return stop_;
    }
    std::string_view token;
    Node root;
    root.type = node_type(type);
    if (document_.raw_json_token().get(token) == simdjson::SUCCESS) {
        root.range = positions_.range(offset_of(token.data()), 1);
    }
    sink_.root_not_a_map(root);
    return stop_;
}

/// The root's token is checked as written: simdjson 3.0's document::is_null()
/// refuses a root null followed by whitespace.
bool JsonReader::read_null_root() {
    std::string_view token;
    if (const auto error = document_.raw_json_token().get(token)) {
        return malformed(error);
    }
    const auto start = offset_of(token.data());
    if (trimmed(token) != "null") {
        stop_ = malformed_at(start, simdjson::N_ATOM_ERROR);
        return false;
    }
    // The token runs on over whitespace to the next one, if any.
    if (const auto end = start + token.size(); end < text_.size()) {
        stop_ = malformed_at(end, simdjson::TRAILING_CONTENT);
        return false;
    }
    return true;
}

bool JsonReader::read_root_object() {
    ondemand::object root;
    if (const auto error = document_.get_object().get(root)) {
        return malformed(error);
    }
    for (auto result : root) {
        ondemand::field field;
        if (const auto error = std::move(result).get(field)) {
            return malformed(error);
        }
        if (!read_field(field)) {
            return false;
        }
    }
    // The root is complete: anything left after it is not part of it.
    const char* rest = nullptr;
    if (document_.current_location().get(rest) == simdjson::SUCCESS) {
        stop_ = malformed_at(offset_of(rest), simdjson::TRAILING_CONTENT);
        return false;
    }
    return true;
}

bool JsonReader::read_field(ondemand::field& field) {
    Node key;
    if (!read_key(field, key)) {
        return false;
    }
    ondemand::value value = field.value();
    ondemand::json_type type{};
    if (const auto error = value.type().get(type)) {
        return malformed(error);
    }
    if (type == ondemand::json_type::array && sink_.is_item_list(key.text)) {
        return read_item_list(key, value);
    }
    Node node;
    if (!convert(value, 1, node)) {
        return false;
    }
    sink_.top_level(key, node);
    return true;
}

/// Each item is handed over as soon as it is read; then the key, with the
/// list and none of its items, as the YAML reader does.
bool JsonReader::read_item_list(const Node& key, ondemand::value list) {
    const auto offset = offset_of(list.raw_json_token().data());
    if (!enter(1, offset)) {
        return false;
    }
    Node empty;
    empty.type = Node::Type::sequence;
    empty.range = positions_.range(offset, 1);
    ondemand::array items;
    if (const auto error = list.get_array().get(items)) {
        return malformed(error);
    }
    for (auto result : items) {
        ondemand::value item;
        Node node;
        if (const auto error = result.get(item)) {
            return malformed(error);
        }
        if (!convert(item, 2, node)) {
            return false;
        }
        sink_.list_item(key.text, node);
    }
    sink_.top_level(key, empty);
    return true;
}

bool JsonReader::read_key(ondemand::field& field, Node& key) {
    const char* raw = field.key().raw();
    std::string_view text;
    if (const auto error = field.unescaped_key().get(text)) {
        return malformed(error);
    }
    const auto offset = offset_of(raw) - 1;
    if (!within_value_size(text.size(), offset)) {
        return false;
    }
    key.type = Node::Type::string;
    key.text = std::string(text);
    key.range = positions_.range(offset, quoted_length(raw));
    return true;
}

/// `depth`: the lists and maps around the value, the root included.
bool JsonReader::convert(ondemand::value value, std::uint64_t depth, Node& node) {
    ondemand::json_type type{};
    if (const auto error = value.type().get(type)) {
        return malformed(error);
    }
    switch (type) {
        case ondemand::json_type::object:
            return convert_object(value, depth, node);
        case ondemand::json_type::array:
            return convert_array(value, depth, node);
        default:
            return convert_scalar(value, type, value.raw_json_token(), node);
    }
}

bool JsonReader::convert_object(ondemand::value value, std::uint64_t depth, Node& node) {
    const auto offset = offset_of(value.raw_json_token().data());
    if (!enter(depth, offset)) {
        return false;
    }
    node.type = Node::Type::map;
    node.range = positions_.range(offset, 1);
    ondemand::object object;
    if (const auto error = value.get_object().get(object)) {
        return malformed(error);
    }
    // Keys given twice are kept: the ModelBuilder reports them.
    for (auto result : object) {
        ondemand::field field;
        if (const auto error = std::move(result).get(field)) {
            return malformed(error);
        }
        Node key;
        Node child;
        if (!read_key(field, key) || !convert(field.value(), depth + 1, child)) {
            return false;
        }
        node.children.push_back(std::move(key));
        node.children.push_back(std::move(child));
    }
    return true;
}

bool JsonReader::convert_array(ondemand::value value, std::uint64_t depth, Node& node) {
    const auto offset = offset_of(value.raw_json_token().data());
    if (!enter(depth, offset)) {
        return false;
    }
    node.type = Node::Type::sequence;
    node.range = positions_.range(offset, 1);
    ondemand::array array;
    if (const auto error = value.get_array().get(array)) {
        return malformed(error);
    }
    for (auto result : array) {
        ondemand::value item;
        if (const auto error = result.get(item)) {
            return malformed(error);
        }
        if (!convert(item, depth + 1, node.children.emplace_back())) {
            return false;
        }
    }
    return true;
}

bool JsonReader::convert_scalar(ondemand::value value, ondemand::json_type type,
                                std::string_view token, Node& node) {
    const auto written = trimmed(token);
    const auto offset = offset_of(token.data());
    node.type = node_type(type);
    node.range = positions_.range(offset, written.size());
    simdjson::error_code error = simdjson::SUCCESS;
    switch (type) {
        case ondemand::json_type::string: {
            std::string_view text;
            error = value.get_string().get(text);
            if (!error && !within_value_size(text.size(), offset)) {
                return false;
            }
            node.text = std::string(text);
            break;
        }
        case ondemand::json_type::number:
            if (!within_value_size(written.size(), offset)) {
                return false;
            }
            error = value.get_double().get(node.number);
            node.text = std::string(written);
            break;
        case ondemand::json_type::boolean:
            error = value.get_bool().get(node.boolean);
            node.text = node.boolean ? "true" : "false";
            break;
        default: {
            // is_null() says false, not an error, for a misspelled null.
            bool is_null = false;
            error = value.is_null().get(is_null);
            if (!error && !is_null) {
                error = simdjson::N_ATOM_ERROR;
            }
            break;
        }
    }
    return error ? malformed(error) : true;
}

/// A list or map at `depth` may open: both bounds are checked before the
/// reader follows it, so no depth of a hostile file can exhaust the stack.
bool JsonReader::enter(std::uint64_t depth, std::size_t offset) {
    if (depth >= limits_.yaml_depth) {
        return limit_exceeded(
            offset,
            "lists and maps nest more than " + std::to_string(limits_.yaml_depth) + " deep here",
            &base::Limits::yaml_depth);
    }
    if (depth >= kMaxNesting) {
        stop_ = Stop{offset, std::string(ids::limit_exceeded),
                     "lists and maps nest deeper here than the JSON reader can follow",
                     "nest less; no model needs this depth"};
        return false;
    }
    return true;
}

bool JsonReader::within_value_size(std::size_t size, std::size_t offset) {
    return size <= limits_.value_size ||
           limit_exceeded(offset, "this value has " + std::to_string(size) + " bytes",
                          &base::Limits::value_size);
}

/// Stops at the parser's position, or at the start of the file when it has
/// none (the document ended early).
bool JsonReader::malformed(simdjson::error_code error) {
    const char* at = nullptr;
    const auto offset =
        document_.current_location().get(at) == simdjson::SUCCESS ? offset_of(at) : 0;
    stop_ = malformed_at(std::min(offset, text_.size()), error);
    return false;
}

bool JsonReader::limit_exceeded(std::size_t offset, std::string message,
                                std::uint64_t base::Limits::*limit) {
    stop_ = Stop{offset, std::string(ids::limit_exceeded), std::move(message),
                 base::limit_help(limits_, limit)};
    return false;
}

// ------------------------------------------------------------ reporting

void report(base::Diagnostics& diagnostics, Positions& positions, const Stop& stop) {
    diagnostics.report({base::DiagnosticLevel::error,
                        stop.code,
                        positions.range(stop.offset, 1),
                        stop.message,
                        {},
                        stop.help});
}

/// Reports why the file's bytes could not be read; false if they were.
bool unread(ReadOutcome outcome, base::FileId file, base::Diagnostics& diagnostics,
            const base::Limits& limits) {
    if (outcome == ReadOutcome::read) {
        return false;
    }
    const auto too_large = outcome == ReadOutcome::too_large;
    diagnostics.report(
        {base::DiagnosticLevel::error,
         std::string(too_large ? ids::limit_exceeded : ids::unreadable_path),
         {file, 0, 0, 1},
         too_large
             ? "the model file has more than " + std::to_string(limits.model_file_size) + " bytes"
         : outcome == ReadOutcome::unreadable ? "the model file could not be read to its end"
                                              : "the model file does not fit in memory",
         {},
         too_large ? base::limit_help(limits, &base::Limits::model_file_size)
                   : "check the file and the disk it is on"});
    return true;
}

}  // namespace

void read_json(base::FileId file, std::istream& in, DocumentSink& sink,
               base::Diagnostics& diagnostics, const base::Limits& limits) {
    sink.begin_file(file);
    JsonText text;
    if (unread(read_stream(in, limits.model_file_size, text), file, diagnostics, limits)) {
        return;
    }
    // Offsets stay the file's: simdjson starts after a byte order mark, and
    // line 1's columns do too (as SourceSet shows the line).
    const auto start = text.view().starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    Positions positions(file, text.view(), start);
    ondemand::parser parser(std::max<std::size_t>(text.size, 1));
    ondemand::document document;
    const auto error = parser
                           .iterate(text.buffer.data() + start, text.size - start,
                                    text.buffer.size() + simdjson::SIMDJSON_PADDING - start)
                           .get(document);
    if (error == simdjson::EMPTY) {
        return;  // like an empty YAML file: the model may have other files
    }
    if (error) {
        report(diagnostics, positions,
               malformed_at(locate_stage1_error(error, text.view(), start), error));
        return;
    }
    JsonReader reader(text.view(), positions, sink, limits, document);
    if (const auto stop = reader.read()) {
        report(diagnostics, positions, *stop);
    }
}

}  // namespace lexflow::model
