#include "dsl/internal/token_spacing.hpp"

#include <vector>

namespace lexflow::dsl::internal {

namespace {

struct Token {
    enum class Kind { space, string, comment, opening, closing, comma, brace, comparison, other };
    Kind kind = Kind::other;
    std::string_view text;
};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

/// The end of the string literal that starts at `begin` (its closing quote
/// included), or the end of the line if it is not closed there.
std::size_t string_end(std::string_view line, std::size_t begin) {
    for (auto i = begin + 1; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '"') {
            return i + 1;
        }
    }
    return line.size();
}

std::size_t comparison_length(std::string_view line, std::size_t at) {
    const auto two = line.substr(at, 2);
    if (two == "==" || two == "!=" || two == "<=" || two == ">=") {
        return 2;
    }
    // A lone `=` joins a predicate's parameters to its condition; `+` moves
    // a date (`-` cannot be told from the one in ids such as AIA-50-2).
    const char c = line[at];
    return c == '<' || c == '>' || c == '=' || c == '+' ? 1 : 0;
}

bool ends_word(char c) {
    return is_space(c) || c == '"' || c == '#' || c == '(' || c == ')' || c == '[' || c == ']' ||
           c == ',' || c == '{' || c == '=' || c == '!' || c == '<' || c == '>' || c == '+';
}

std::vector<Token> tokenise(std::string_view line) {
    using Kind = Token::Kind;
    std::vector<Token> tokens;
    std::size_t at = 0;
    while (at < line.size()) {
        const char c = line[at];
        std::size_t end = at + 1;
        Kind kind = Kind::other;
        if (is_space(c)) {
            kind = Kind::space;
            while (end < line.size() && is_space(line[end])) {
                ++end;
            }
        } else if (c == '"') {
            kind = Kind::string;
            end = string_end(line, at);
        } else if (c == '#') {
            kind = Kind::comment;
            end = line.size();
        } else if (c == '(' || c == '[') {
            kind = Kind::opening;
        } else if (c == ')' || c == ']') {
            kind = Kind::closing;
        } else if (c == ',') {
            kind = Kind::comma;
        } else if (c == '{') {
            kind = Kind::brace;
        } else if (const auto length = comparison_length(line, at); length > 0) {
            kind = Kind::comparison;
            end = at + length;
        } else {
            while (end < line.size() && !ends_word(line[end])) {
                ++end;
            }
        }
        tokens.push_back({kind, line.substr(at, end - at)});
        at = end;
    }
    return tokens;
}

/// What goes between two tokens, given whether white space separated them.
std::string_view separator(const Token& before, const Token& after, bool had_space) {
    using Kind = Token::Kind;
    if (after.kind == Kind::comment) {
        return "  ";
    }
    if (before.kind == Kind::opening || after.kind == Kind::closing || after.kind == Kind::comma) {
        return "";
    }
    if (before.kind == Kind::comma || before.kind == Kind::comparison ||
        after.kind == Kind::comparison || after.kind == Kind::brace) {
        return " ";
    }
    return had_space ? " " : "";
}

}  // namespace

std::string normalise_spacing(std::string_view line) {
    std::string out;
    const Token* previous = nullptr;
    bool had_space = false;
    for (const auto& token : tokenise(line)) {
        if (token.kind == Token::Kind::space) {
            had_space = true;
            continue;
        }
        if (previous != nullptr) {
            out += separator(*previous, token, had_space);
        }
        out += token.text;
        previous = &token;
        had_space = false;
    }
    return out;
}

}  // namespace lexflow::dsl::internal
