#include "dsl/formatter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace lexflow::dsl {

namespace {

constexpr std::array<std::string_view, 9> kFields = {"title",       "description", "cite",
                                                     "severity",    "tags",        "message",
                                                     "remediation", "effective",   "covers"};
constexpr std::array<std::string_view, 5> kClauses = {"where", "require", "to", "through", "from"};
/// Words that start a line at the rule's own indentation.
constexpr std::array<std::string_view, 5> kStatements = {"for", "applies", "rule", "pack",
                                                         "report"};
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
std::string align_field(std::string_view line, std::string_view field) {
    const auto rest = trim(line.substr(field.size()));
    if (rest.empty()) {
        return std::string(line);
    }
    std::string out(field);
    out.append(field.size() < kFieldWidth ? kFieldWidth - field.size() : 1, ' ');
    out.append(rest);
    return out;
}

}  // namespace

std::string format_rule_file(std::string_view text) {
    std::vector<std::string> lines;
    int depth = 0;
    int parens = 0;  ///< open parentheses and brackets carried from earlier lines
    bool blank_pending = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        const auto raw = text.substr(start, end == std::string_view::npos ? end : end - start);
        start = end == std::string_view::npos ? text.size() + 1 : end + 1;
        const auto line = trim(raw);
        if (line.empty()) {
            blank_pending = !lines.empty();
            continue;
        }
        int leading_closes = 0;
        const int open_parens = parens;
        const int change = brace_change(line, leading_closes, parens);
        const int own_depth = std::max(0, depth - leading_closes);
        const auto word = first_word(line);
        std::size_t indent = 2 * static_cast<std::size_t>(own_depth + open_parens);
        std::string body(line);
        if (own_depth > 0 && line.front() != '}' && line.front() != '#') {
            if (one_of(word, kFields)) {
                body = align_field(line, word);
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

}  // namespace lexflow::dsl
