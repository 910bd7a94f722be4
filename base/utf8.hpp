#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lexflow::base {

/// The length of the valid UTF-8 sequence at the start of `text` (1 for an
/// ASCII byte), or 0 if it does not start with one: a stray continuation
/// byte, a truncated sequence, an overlong form, a UTF-16 surrogate or a code
/// point past U+10FFFF.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text);

/// The code point of a valid sequence of `length` bytes at the start of `text`.
[[nodiscard]] std::uint32_t utf8_code_point(std::string_view text, std::size_t length);

}  // namespace lexflow::base
