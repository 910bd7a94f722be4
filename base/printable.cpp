#include "base/printable.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/utf8.hpp"

namespace lexflow::base {

namespace {

/// Characters a reader cannot see, or that reorder or break the text around
/// them ("Trojan Source"): zero-width characters, bidirectional marks,
/// overrides and isolates, line and paragraph separators, the byte order mark.
bool hides_or_reorders(std::uint32_t code_point) {
    return (code_point >= 0x200B && code_point <= 0x200F) ||
           (code_point >= 0x2028 && code_point <= 0x202E) ||
           (code_point >= 0x2060 && code_point <= 0x2069) || code_point == 0x061C ||
           code_point == 0xFEFF;
}

void append_control(std::string& out, unsigned char byte) {
    switch (byte) {
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        default:
            out += fmt::format("\\x{:02x}", byte);
    }
}

}  // namespace

bool is_unsafe_to_show(std::uint32_t code_point) {
    return code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0) ||
           hides_or_reorders(code_point);
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if ((byte < 0x20 && byte != '\t') || byte == 0x7F) {
                append_control(out, byte);
            } else {
                out += static_cast<char>(byte);
            }
            ++i;
            continue;
        }
        const auto length = utf8_sequence_length(text.substr(i));
        if (length == 0) {
            out += fmt::format("\\x{:02x}", byte);
            ++i;
            continue;
        }
        const auto code_point = utf8_code_point(text.substr(i), length);
        if (code_point < 0xA0 || hides_or_reorders(code_point)) {
            out += fmt::format("\\u{{{:04x}}}", code_point);
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string printable_lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        out += printable(text.substr(start, end - start));
        if (end == text.size()) {
            break;
        }
        out += '\n';
        start = end + 1;
    }
    return out;
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return std::string(text);
    }
    auto cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;  // never split a UTF-8 sequence
    }
    return fmt::format("{}…[{} more bytes]", text.substr(0, cut), text.size() - cut);
}

}  // namespace lexflow::base
