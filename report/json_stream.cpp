#include "report/json_stream.hpp"

#include <array>
#include <string>

namespace lexflow::report {

namespace {

/// The length of the valid UTF-8 sequence at the start of `text`, or 0.
std::size_t utf8_sequence_length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const auto lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF;  // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

}  // namespace

void write_json_string(std::ostream& out, std::string_view text) {
    static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string escaped = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const auto length = utf8_sequence_length(text.substr(i));
            if (length == 0) {
                escaped += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                escaped.append(text.substr(i, length));
                i += length;
            }
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
                if (c < 0x20) {
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
