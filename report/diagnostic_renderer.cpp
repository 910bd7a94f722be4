#include "report/diagnostic_renderer.hpp"

#include <fmt/format.h>

namespace lexflow::report {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kRed = "\x1b[1;31m";
constexpr const char* kMagenta = "\x1b[1;35m";
constexpr const char* kCyan = "\x1b[1;36m";
constexpr const char* kGreen = "\x1b[1;32m";

const char* level_name(base::DiagnosticLevel level) {
    switch (level) {
        case base::DiagnosticLevel::error:
            return "error";
        case base::DiagnosticLevel::warning:
            return "warning";
        case base::DiagnosticLevel::note:
            return "note";
    }
    return "error";
}

const char* level_color(base::DiagnosticLevel level) {
    switch (level) {
        case base::DiagnosticLevel::error:
            return kRed;
        case base::DiagnosticLevel::warning:
            return kMagenta;
        case base::DiagnosticLevel::note:
            return kCyan;
    }
    return kRed;
}

bool is_utf8_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

/// Whitespace that puts a caret under byte `column` of `line`: tabs are kept so
/// that the caret lines up however wide the terminal draws them.
std::string caret_indent(const std::string& line, std::uint32_t column) {
    std::string indent;
    for (std::size_t i = 0; i + 1 < column && i < line.size(); ++i) {
        if (line[i] == '\t') {
            indent += '\t';
        } else if (!is_utf8_continuation(line[i])) {
            indent += ' ';
        }
    }
    return indent;
}

}  // namespace

std::string DiagnosticRenderer::paint(const char* ansi, const std::string& text) const {
    return color_ ? fmt::format("{}{}\x1b[0m", ansi, text) : text;
}

std::string DiagnosticRenderer::location(const base::SourceRange& range) const {
    const auto& file = sources_.name(range.file);
    if (range.line == 0) {
        return file;
    }
    if (range.column == 0) {
        return fmt::format("{}:{}", file, range.line);
    }
    return fmt::format("{}:{}:{}", file, range.line, range.column);
}

std::string DiagnosticRenderer::snippet(const base::SourceRange& range) const {
    if (range.line == 0 || range.column == 0) {
        return {};
    }
    const auto line = sources_.line_of(range);
    if (!line) {
        return {};
    }
    const auto number = std::to_string(range.line);
    const std::string gutter(number.size(), ' ');
    const auto available = line->size() >= range.column ? line->size() - range.column + 1 : 1;
    const auto underline = std::max<std::size_t>(1, std::min<std::size_t>(range.length, available));
    const auto marker = "^" + std::string(underline - 1, '~');
    return fmt::format("  {} | {}\n  {} | {}{}\n", number, *line, gutter,
                       caret_indent(*line, range.column), paint(kGreen, marker));
}

std::string DiagnosticRenderer::render(const base::Diagnostic& diagnostic) const {
    std::string out = fmt::format(
        "{}: {} {}\n", paint(kBold, location(diagnostic.range)),
        paint(level_color(diagnostic.level), std::string(level_name(diagnostic.level)) + ":"),
        paint(kBold, diagnostic.code.empty()
                         ? diagnostic.message
                         : fmt::format("{} [{}]", diagnostic.message, diagnostic.code)));
    out += snippet(diagnostic.range);
    if (!diagnostic.help.empty()) {
        out += fmt::format("  {} {}\n", paint(kGreen, "help:"), diagnostic.help);
    }
    for (const auto& note : diagnostic.notes) {
        if (note.range) {
            out += fmt::format("{}: {} {}\n", paint(kBold, location(*note.range)),
                               paint(kCyan, "note:"), note.message);
            out += snippet(*note.range);
        } else {
            out += fmt::format("  {} {}\n", paint(kCyan, "note:"), note.message);
        }
    }
    return out;
}

std::string DiagnosticRenderer::render_all(const base::Diagnostics& diagnostics) const {
    std::string out;
    for (const auto& diagnostic : diagnostics.all()) {
        out += render(diagnostic);
    }
    const auto errors = diagnostics.error_count();
    const auto warnings = diagnostics.warning_count();
    std::vector<std::string> counts;
    if (warnings > 0) {
        counts.push_back(fmt::format("{} warning{}", warnings, warnings == 1 ? "" : "s"));
    }
    if (errors > 0) {
        counts.push_back(fmt::format("{} error{}", errors, errors == 1 ? "" : "s"));
    }
    if (!counts.empty()) {
        out += counts.size() == 2 ? counts[0] + " and " + counts[1] : counts[0];
        if (diagnostics.dropped() > 0) {
            out += fmt::format(" ({} not shown)", diagnostics.dropped());
        }
        out += " generated.\n";
    }
    return out;
}

}  // namespace lexflow::report
