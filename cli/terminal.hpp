#pragma once

#include <cstdio>
#include <string>

namespace lexflow::cli {

/// `--color auto|always|never`.
enum class ColorMode { automatic, always, never };

/// Whether to colour what goes to `stream`: never when NO_COLOR is set (see
/// no-color.org) or when the stream is not a terminal, unless forced.
[[nodiscard]] bool use_color(ColorMode mode, std::FILE* stream);

/// Parses "auto", "always" or "never".
[[nodiscard]] ColorMode parse_color_mode(const std::string& text);

}  // namespace lexflow::cli
