#include "dsl/formatter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "dsl/internal/line_breaks.hpp"
#include "dsl/internal/token_spacing.hpp"

namespace lexflow::dsl {

namespace {

/// Fields of rules, tests and attribute declarations: their values line up
/// in one column.
constexpr std::array<std::string_view, 18> kFields = {
    "title",       "description", "cite",   "severity", "tags",  "message",
    "remediation", "effective",   "covers", "rules",    "model", "expect",
    "on",          "type",        "value",  "default",  "open",  "meaning"};
/// `as of` is the one field of two words.
constexpr std::string_view kAsOf = "as of";
/// Lines that continue a field's value start in the value column.
constexpr std::array<std::string_view, 1> kValueContinuations = {"witness"};
constexpr std::array<std::string_view, 5> kClauses = {"where", "require", "to", "through", "from"};
/// Words that start a line at the rule's own indentation.
constexpr std::array<std::string_view, 5> kStatements = {"for", "applies", "rule", "pack",
                                                         "report"};
/// Words that start a declaration at the top level of a file.
constexpr std::array<std::string_view, 6> kDeclarations = {"pack", "rule",      "test",
                                                           "kind", "attribute", "predicate"};
/// Field names are padded to this width, so that values line up.
constexpr std::size_t kFieldWidth = 12;

std::string_view trim(std::string_view line) {
    const auto begin = line.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) {
        return {};
    }
    const auto end = line.find_last_not_of(" \t\r");
    return line.substr(begin, end - begin + 1);
}

std::string_view first_word(std::string_view line) {
    std::size_t end = 0;
    while (end < line.size() &&
           (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_')) {
        ++end;
    }
    return line.substr(0, end);
}

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
    for (const auto candidate : words) {
        if (word == candidate) {
            return true;
        }
    }
    return false;
}

/// How the line changes the brace depth (and, in `parens`, the parenthesis
/// depth), ignoring strings and comments.
int brace_change(std::string_view line, int& leading_closes, int& parens) {
    int change = 0;
    bool in_string = false;
    bool seen_other = false;
    leading_closes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '#') {
            break;
        }
        if (c == '"') {
            in_string = true;
            seen_other = true;
        } else if (c == '{') {
            ++change;
            seen_other = true;
        } else if (c == '}') {
            --change;
            if (!seen_other) {
                ++leading_closes;
            }
        } else if (c == '(' || c == '[') {
            ++parens;
            seen_other = true;
        } else if (c == ')' || c == ']') {
            parens = std::max(0, parens - 1);
            seen_other = true;
        } else if (c != ' ' && c != '\t') {
            seen_other = true;
        }
    }
    return change;
}

/// `title "x"` with any spacing becomes `title` padded to the value column.
std::string align_field(std::string_view field, std::string_view rest) {
    std::string out(field);
    if (rest.empty()) {
        return out;  // a field of one word, such as `open`
    }
    out.append(field.size() < kFieldWidth ? kFieldWidth - field.size() : 1, ' ');
    out.append(trim(rest));
    return out;
}

/// The field a line starts with, if any, and the rest of the line: a field
/// name followed by white space or a value (`model.x` is a path, not a field).
std::optional<std::pair<std::string_view, std::string_view>> split_field(std::string_view line,
                                                                         std::string_view word) {
    const auto rest = line.substr(word.size());
    if (rest.empty() && one_of(word, kFields)) {
        return std::pair{word, rest};  // the value follows on the next line
    }
    const bool separated = !rest.empty() && (rest.front() == ' ' || rest.front() == '\t' ||
                                             rest.front() == '"' || rest.front() == '[');
    if (!separated) {
        return std::nullopt;
    }
    if (one_of(word, kFields)) {
        return std::pair{word, rest};
    }
    const auto after_as = trim(rest);
    if (word == "as" && after_as.starts_with("of") && after_as.size() > 2 &&
        (after_as[2] == ' ' || after_as[2] == '\t' || after_as[2] == '"')) {
        return std::pair{kAsOf, after_as.substr(2)};
    }
    return std::nullopt;
}

/// One line of the file before layout: its text, and whether it is part of
/// an inline model, which is kept byte for byte.
struct SourceLine {
    std::string_view text;
    bool verbatim = false;
};

bool is_verbatim(std::size_t offset, const internal::LineBreaks& breaks) {
    return std::any_of(breaks.verbatim.begin(), breaks.verbatim.end(), [offset](const auto& range) {
        return range.first <= offset && offset <= range.second;
    });
}

/// The file's lines, split further before every token that starts a line.
std::vector<SourceLine> split_lines(std::string_view text, const internal::LineBreaks& breaks) {
    std::vector<SourceLine> lines;
    auto next_break = breaks.before.begin();
    std::size_t start = 0;
    while (true) {
        const auto newline = text.find('\n', start);
        const auto end = newline == std::string_view::npos ? text.size() : newline;
        auto piece = start;
        for (; next_break != breaks.before.end() && *next_break < end; ++next_break) {
            if (*next_break > piece && !trim(text.substr(piece, *next_break - piece)).empty()) {
                lines.push_back(
                    {text.substr(piece, *next_break - piece), is_verbatim(piece, breaks)});
                piece = *next_break;
            }
        }
        lines.push_back({text.substr(piece, end - piece), is_verbatim(piece, breaks)});
        if (newline == std::string_view::npos) {
            return lines;
        }
        start = newline + 1;
    }
}

/// `text` with every line break (CRLF or a lone CR) written as LF.
std::string with_lf_line_breaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else if (i + 1 == text.size() || text[i + 1] != '\n') {
            out += '\n';
        }
    }
    return out;
}

std::string format_lines(std::string_view text) {
    std::vector<std::string> lines;
    int depth = 0;
    int parens = 0;  ///< open parentheses and brackets carried from earlier lines
    bool blank_pending = false;
    bool in_predicate = false;  ///< lines after `predicate NAME(...) =` continue its condition
    for (const auto& source_line : split_lines(text, internal::find_line_breaks(text))) {
        if (source_line.verbatim) {
            lines.emplace_back(source_line.text);
            blank_pending = false;
            continue;
        }
        const auto spaced = internal::normalise_spacing(trim(source_line.text));
        const std::string_view line = spaced;
        if (line.empty()) {
            blank_pending = !lines.empty();
            in_predicate = false;
            continue;
        }
        int leading_closes = 0;
        const int open_parens = parens;
        const int change = brace_change(line, leading_closes, parens);
        const int own_depth = std::max(0, depth - leading_closes);
        const auto word = first_word(line);
        std::size_t indent = 2 * static_cast<std::size_t>(own_depth + open_parens);
        std::string body(line);
        if (own_depth == 0 && line.front() != '#') {
            const bool declaration = one_of(word, kDeclarations);
            indent += in_predicate && !declaration ? 2 : 0;
            in_predicate = word == "predicate" || (in_predicate && !declaration);
        }
        if (own_depth > 0 && line.front() != '}' && line.front() != '#') {
            if (const auto field = split_field(line, word)) {
                body = align_field(field->first, field->second);
            } else if (one_of(word, kValueContinuations)) {
                indent += kFieldWidth;
            } else if (one_of(word, kClauses)) {
                indent += 2;
            } else if (!one_of(word, kStatements)) {
                indent += 4;
            }
        }
        // No blank line just inside an opening brace or just before a closing one.
        const bool after_open = !lines.empty() && lines.back().ends_with("{");
        if (blank_pending && !after_open && line.front() != '}') {
            lines.emplace_back();
        }
        blank_pending = false;
        lines.push_back(std::string(indent, ' ') + body);
        depth = std::max(0, depth + change);
    }
    std::string out;
    for (const auto& line : lines) {
        out += line;
        out += '\n';
    }
    return out;
}

}  // namespace

std::string format_rule_file(std::string_view text) {
    // A byte order mark is kept; line breaks become LF, the canonical layout.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    const bool marked = text.starts_with(kByteOrderMark);
    const auto body = with_lf_line_breaks(marked ? text.substr(kByteOrderMark.size()) : text);
    return (marked ? std::string(kByteOrderMark) : std::string()) + format_lines(body);
}

}  // namespace lexflow::dsl
