#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace lexflow::report {

/// Writes JSON to a stream as it is produced, indented by two spaces per
/// level, so a report of any size costs no memory beyond the stream's buffer.
/// Strings are escaped as RFC 8259 requires; bytes that are not valid UTF-8
/// become U+FFFD, so any input gives valid JSON.
///
///     JsonStream json(out);
///     json.begin_object().key("rules").begin_array().value("A").end_array().end_object();
class JsonStream {
  public:
    explicit JsonStream(std::ostream& out) : out_(out) {}

    JsonStream& begin_object();
    JsonStream& end_object();
    JsonStream& begin_array();
    JsonStream& end_array();
    /// The key of the next member of the innermost object.
    JsonStream& key(std::string_view name);

    JsonStream& value(std::string_view text);
    JsonStream& value(const char* text) { return value(std::string_view(text)); }
    JsonStream& value(bool flag);
    JsonStream& value(std::uint64_t number);
    JsonStream& value(std::uint32_t number) { return value(std::uint64_t{number}); }
    JsonStream& value(std::int64_t number);
    JsonStream& value(int number) { return value(std::int64_t{number}); }
    /// The shortest text that reads back as `number`; null if not finite.
    JsonStream& value(double number);
    JsonStream& null();
    /// A list of strings, as an array.
    JsonStream& strings(const std::vector<std::string>& items);
    /// A string, or null when it is empty.
    JsonStream& string_or_null(std::string_view text);

  private:
    struct Level {
        bool is_object = false;
        std::size_t members = 0;
    };
    void before_value();
    void open(char bracket, bool is_object);
    void close(char bracket);
    void newline_and_indent();

    std::ostream& out_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

/// Writes `text` as a JSON string, quotes included.
void write_json_string(std::ostream& out, std::string_view text);

}  // namespace lexflow::report
