#include "report/json_stream.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <string>

#include "base/printable.hpp"
#include "base/utf8.hpp"

namespace lexflow::report {

void write_json_string(std::ostream& out, std::string_view text) {
    static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string escaped = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const auto length = base::utf8_sequence_length(text.substr(i));
            if (length == 0) {
                escaped += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
                ++i;
                continue;
            }
            const auto code_point = base::utf8_code_point(text.substr(i), length);
            if (base::is_unsafe_to_show(code_point)) {
                // C1 controls and characters that hide or reorder text are
                // escaped, so that a consumer printing the string stays safe.
                escaped += fmt::format("\\u{:04x}", code_point);
            } else {
                escaped.append(text.substr(i, length));
            }
            i += length;
            continue;
        }
        switch (c) {
            case '"':
                escaped += "\\\"";
                break;
            case '\\':
                escaped += "\\\\";
                break;
            case '\b':
                escaped += "\\b";
                break;
            case '\f':
                escaped += "\\f";
                break;
            case '\n':
                escaped += "\\n";
                break;
            case '\r':
                escaped += "\\r";
                break;
            case '\t':
                escaped += "\\t";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    escaped += "\\u00";
                    escaped += kHex[c >> 4U];
                    escaped += kHex[c & 0xFU];
                } else {
                    escaped += static_cast<char>(c);
                }
        }
        ++i;
    }
    escaped += '"';
    out << escaped;
}

void JsonStream::newline_and_indent() {
    out_ << '\n' << std::string(levels_.size() * 2, ' ');
}

void JsonStream::before_value() {
    if (after_key_ || levels_.empty()) {
        after_key_ = false;
        return;
    }
    auto& level = levels_.back();
    if (level.members++ > 0) {
        out_ << ',';
    }
    newline_and_indent();
}

void JsonStream::open(char bracket, bool is_object) {
    before_value();
    out_ << bracket;
    levels_.push_back({is_object, 0});
}

void JsonStream::close(char bracket) {
    const bool empty = levels_.back().members == 0;
    levels_.pop_back();
    if (!empty) {
        newline_and_indent();
    }
    out_ << bracket;
}

JsonStream& JsonStream::begin_object() {
    open('{', true);
    return *this;
}

JsonStream& JsonStream::end_object() {
    close('}');
    return *this;
}

JsonStream& JsonStream::begin_array() {
    open('[', false);
    return *this;
}

JsonStream& JsonStream::end_array() {
    close(']');
    return *this;
}

JsonStream& JsonStream::key(std::string_view name) {
    auto& level = levels_.back();
    if (level.members++ > 0) {
        out_ << ',';
    }
    newline_and_indent();
    write_json_string(out_, name);
    out_ << ": ";
    after_key_ = true;
    return *this;
}

JsonStream& JsonStream::value(std::string_view text) {
    before_value();
    write_json_string(out_, text);
    return *this;
}

JsonStream& JsonStream::value(bool flag) {
    before_value();
    out_ << (flag ? "true" : "false");
    return *this;
}

JsonStream& JsonStream::value(std::uint64_t number) {
    before_value();
    out_ << number;
    return *this;
}

JsonStream& JsonStream::value(std::int64_t number) {
    before_value();
    out_ << number;
    return *this;
}

JsonStream& JsonStream::value(double number) {
    if (!std::isfinite(number)) {
        return null();
    }
    before_value();
    out_ << fmt::format("{}", number);
    return *this;
}

JsonStream& JsonStream::null() {
    before_value();
    out_ << "null";
    return *this;
}

JsonStream& JsonStream::strings(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items) {
        value(item);
    }
    return end_array();
}

JsonStream& JsonStream::string_or_null(std::string_view text) {
    return text.empty() ? null() : value(text);
}

}  // namespace lexflow::report
