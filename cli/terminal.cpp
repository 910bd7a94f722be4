#include "cli/terminal.hpp"

#include <unistd.h>

#include <cstdlib>

#include "report/diagnostic_renderer.hpp"

namespace lexflow::cli {

bool use_color(ColorMode mode, std::FILE* stream) {
    switch (mode) {
        case ColorMode::always:
            return true;
        case ColorMode::never:
            return false;
        case ColorMode::automatic:
            break;
    }
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') {
        return false;
    }
    return isatty(fileno(stream)) != 0;
}

void print_diagnostics(const base::SourceSet& sources, const base::Diagnostics& diagnostics,
                       ColorMode mode, const base::Limits& limits) {
    const report::DiagnosticRenderer renderer(sources, use_color(mode, stderr),
                                              static_cast<std::size_t>(limits.snippet_width));
    const auto text = renderer.render_all(diagnostics);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

ColorMode parse_color_mode(const std::string& text) {
    if (text == "always") {
        return ColorMode::always;
    }
    if (text == "never") {
        return ColorMode::never;
    }
    return ColorMode::automatic;
}

void add_color_option(CLI::App& command, std::string& color) {
    command
        .add_option("--color", color,
                    "Colour the output: auto (on terminals, unless NO_COLOR is set), always or "
                    "never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

}  // namespace lexflow::cli
