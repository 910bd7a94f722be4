#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lexflow::base {

/// `text` as it may safely reach a terminal or a CI log, whatever an input
/// put in it. Control characters (C0 except tab, DEL, C1), invisible
/// characters and those that reorder text (zero-width characters,
/// bidirectional overrides and isolates, line separators, the byte order
/// mark) and bytes that are not UTF-8 are shown as visible escapes: `\n`,
/// `\r`, `\x1b`, `\u{202e}`.
/// So input can neither move the cursor, clear the screen, retitle the
/// window, plant a hyperlink nor forge a line of lexflow's own output. Every
/// text writer passes what comes from an input through this.
[[nodiscard]] std::string printable(std::string_view text);

/// Whether printable() shows the code point as an escape: a control
/// character (C0, DEL, C1) or one that hides or reorders text.
[[nodiscard]] bool is_unsafe_to_show(std::uint32_t code_point);

/// Each line of `text` made printable, its line breaks ("\n") kept: for
/// multi-line output that quotes inputs, such as `lexflow explain`.
[[nodiscard]] std::string printable_lines(std::string_view text);

/// `text` cut to about `max_bytes` (at a character boundary) with "…" and the
/// number of bytes left out, so that one huge value cannot flood a terminal.
[[nodiscard]] std::string shortened(std::string_view text, std::size_t max_bytes);

}  // namespace lexflow::base
