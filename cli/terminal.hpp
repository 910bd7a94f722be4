#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"

namespace lexflow::cli {

/// `--color auto|always|never`.
enum class ColorMode { automatic, always, never };

/// Whether to colour what goes to `stream`: never when NO_COLOR is set (see
/// no-color.org) or when the stream is not a terminal, unless forced.
[[nodiscard]] bool use_color(ColorMode mode, std::FILE* stream);

/// Prints diagnostics to stderr, coloured as `mode` and the terminal allow.
void print_diagnostics(const base::SourceSet& sources, const base::Diagnostics& diagnostics,
                       ColorMode mode = ColorMode::automatic, const base::Limits& limits = {});

/// Declares `--color auto|always|never` on `command`, stored in `color`.
void add_color_option(CLI::App& command, std::string& color);

/// Parses "auto", "always" or "never".
[[nodiscard]] ColorMode parse_color_mode(const std::string& text);

}  // namespace lexflow::cli
