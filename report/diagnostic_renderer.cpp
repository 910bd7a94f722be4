#include "report/diagnostic_renderer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/printable.hpp"

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

/// How many characters a terminal shows for `text` (UTF-8 code points).
std::size_t display_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char byte) { return !is_utf8_continuation(byte); }));
}

/// Whitespace as wide as `shown`: tabs are kept so that a caret lines up
/// however wide the terminal draws them.
std::string indent_under(std::string_view shown) {
    std::string indent;
    for (const char byte : shown) {
        if (byte == '\t') {
            indent += '\t';
        } else if (!is_utf8_continuation(byte)) {
            indent += ' ';
        }
    }
    return indent;
}

/// Moves `offset` back to the start of the UTF-8 character it is in.
std::size_t character_start(std::string_view text, std::size_t offset) {
    while (offset > 0 && offset < text.size() && is_utf8_continuation(text[offset])) {
        --offset;
    }
    return offset;
}

/// What an input put in a message, quoted names included: printable, and
/// never longer than a few lines.
std::string shown(std::string_view text) {
    constexpr std::size_t kMaxMessageBytes = 1000;
    return base::printable(base::shortened(text, kMaxMessageBytes));
}

}  // namespace

std::string DiagnosticRenderer::paint(const char* ansi, const std::string& text) const {
    return color_ ? fmt::format("{}{}\x1b[0m", ansi, text) : text;
}

std::string DiagnosticRenderer::location(const base::SourceRange& range) const {
    const auto file = base::printable(sources_.name(range.file));
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
    // Only a window of the line is read (it may be megabytes long), then cut
    // to snippet_width_ around the caret and shown printable: the snippet is
    // as safe and as short as the rest.
    const auto window = sources_.window_of(range, snippet_width_);
    if (!window) {
        return {};
    }
    const std::string_view raw = window->text;
    const auto caret = std::min<std::size_t>(
        range.column >= window->first_column ? range.column - window->first_column : 0, raw.size());
    std::size_t begin = 0;
    std::size_t end = raw.size();
    if (raw.size() > snippet_width_) {
        begin = character_start(raw, caret > snippet_width_ / 3 ? caret - snippet_width_ / 3 : 0);
        end = character_start(raw, std::min(raw.size(), begin + snippet_width_));
    }
    const auto marked_end = std::min(end, caret + std::max<std::size_t>(1, range.length));
    const auto before = (begin > 0 || window->cut_before ? "…" : "") +
                        base::printable(raw.substr(begin, caret - begin));
    const auto marked = base::printable(raw.substr(caret, marked_end - caret));
    const auto after = base::printable(raw.substr(marked_end, end - marked_end)) +
                       (end < raw.size() || window->cut_after ? "…" : "");
    const auto number = std::to_string(range.line);
    const std::string gutter(number.size(), ' ');
    const auto underline = std::max<std::size_t>(1, display_length(marked));
    const auto marker = "^" + std::string(underline - 1, '~');
    return fmt::format("  {} | {}{}{}\n  {} | {}{}\n", number, before, marked, after, gutter,
                       indent_under(before), paint(kGreen, marker));
}

std::string DiagnosticRenderer::render(const base::Diagnostic& diagnostic) const {
    std::string out = fmt::format(
        "{}: {} {}\n", paint(kBold, location(diagnostic.range)),
        paint(level_color(diagnostic.level), std::string(level_name(diagnostic.level)) + ":"),
        paint(kBold, diagnostic.code.empty() ? shown(diagnostic.message)
                                             : fmt::format("{} [{}]", shown(diagnostic.message),
                                                           shown(diagnostic.code))));
    out += snippet(diagnostic.range);
    if (!diagnostic.help.empty()) {
        out += fmt::format("  {} {}\n", paint(kGreen, "help:"), shown(diagnostic.help));
    }
    for (const auto& note : diagnostic.notes) {
        if (note.range) {
            out += fmt::format("{}: {} {}\n", paint(kBold, location(*note.range)),
                               paint(kCyan, "note:"), shown(note.message));
            out += snippet(*note.range);
        } else {
            out += fmt::format("  {} {}\n", paint(kCyan, "note:"), shown(note.message));
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
