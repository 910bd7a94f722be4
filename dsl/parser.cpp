#include "dsl/parser.hpp"

#include <algorithm>

#include "base/diagnostic_ids.hpp"
#include "dsl/grammar_errors.hpp"
#include "dsl/internal/ast_builder.hpp"

namespace lexflow::dsl {

namespace {

namespace p = tao::pegtl;

constexpr std::string_view kDepthExceeded = "maximum parser rule nesting depth exceeded";

/// How many bytes the caret should underline: the word at `offset`, if any.
std::uint32_t token_length(std::string_view text, std::size_t offset) {
    const auto is_word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    };
    std::size_t end = offset;
    while (end < text.size() && is_word(text[end])) {
        ++end;
    }
    return static_cast<std::uint32_t>(std::max<std::size_t>(1, end - offset));
}

/// Where a syntax error is best shown. When the parser stops at a closing
/// bracket or the end of the file on a later line, the mistake is that
/// something is missing at the end of the previous token ("expected ')'"),
/// so the caret goes right after that token, as compilers do.
p::position error_position(std::string_view text, const p::position& stopped) {
    const auto at = std::min<std::size_t>(stopped.byte, text.size());
    const bool closing = at == text.size() || text[at] == '}' || text[at] == ')' || text[at] == ']';
    const auto previous = text.find_last_not_of(" \t\r\n", at == 0 ? 0 : at - 1);
    if (!closing || at == 0 || previous == std::string_view::npos ||
        text.substr(previous, at - previous).find('\n') == std::string_view::npos) {
        return stopped;
    }
    const auto after = previous + 1;
    const auto line_start = text.rfind('\n', previous);
    const auto line = 1 + static_cast<std::size_t>(std::count(
                              text.begin(), text.begin() + static_cast<long>(after), '\n'));
    const auto column = after - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return p::position(after, line, column, stopped.source);
}

base::Diagnostic syntax_error(base::FileId file, std::string_view text,
                              const p::parse_error& error) {
    const auto position = error_position(text, error.positions().front());
    std::string message(error.message());
    std::string help;
    if (message == kDepthExceeded) {
        message = "the rule nests too deeply to be read";
        help = "split the condition, or remove redundant parentheses and 'not's";
    }
    const base::SourceRange range{file, static_cast<std::uint32_t>(position.line),
                                  static_cast<std::uint32_t>(position.column),
                                  token_length(text, position.byte)};
    return {base::DiagnosticLevel::error,
            std::string(base::diagnostic_ids::syntax_error),
            range,
            std::move(message),
            {},
            std::move(help)};
}

/// `text` with each lone CR (not followed by LF) replaced by LF: PEGTL counts
/// lines at LF, and the replacement keeps every byte offset.
std::string with_lone_cr_as_lf(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) {
            out[i] = '\n';
        }
    }
    return out;
}

bool looks_binary(std::string_view text) {
    return text.find('\0') != std::string_view::npos;
}

}  // namespace

std::optional<RuleFile> parse_rule_file(const base::SourceSet& sources, base::FileId file,
                                        base::Diagnostics& diagnostics) {
    const auto text = sources.text(file);
    if (looks_binary(text)) {
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(base::diagnostic_ids::syntax_error),
                            base::SourceRange{file, 0, 0, 1},
                            "this is not a text file (it contains NUL bytes)",
                            {},
                            "rule files are UTF-8 text ending in .lf"});
        return std::nullopt;
    }
    // A UTF-8 byte order mark is skipped (columns count from after it, as an
    // editor shows them; byte offsets stay the file's) and a lone CR is read
    // as a line break.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    const std::size_t skipped = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    const auto parsed = with_lone_cr_as_lf(text);
    p::memory_input input(parsed.data() + skipped, parsed.data() + parsed.size(),
                          sources.name(file), skipped, 1, 1);
    try {
        auto root = p::parse_tree::parse<grammar::file, internal::Selector, internal::DepthLimit,
                                         grammar::control>(input);
        if (!root) {
            return std::nullopt;  // unreachable: the grammar ends in must<eof>
        }
        const auto errors_before = diagnostics.error_count();
        auto result = internal::AstBuilder(file, diagnostics).build(*root);
        if (diagnostics.error_count() != errors_before) {
            return std::nullopt;
        }
        return result;
    } catch (const p::parse_error& error) {
        diagnostics.report(syntax_error(file, text, error));
        return std::nullopt;
    }
}

}  // namespace lexflow::dsl
