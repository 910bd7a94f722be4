#pragma once

#include <string>
#include <string_view>

/// Putting text that comes from an input (ids, messages, file names) into
/// GitHub Markdown so that it renders as the same plain text and nothing
/// else: no link, image, HTML, heading, list, table break, mention or math.
/// Used by the Markdown report and by SARIF's `help.markdown`.
namespace lexflow::report::internal {

/// `text` as inline Markdown that renders as itself. Control characters,
/// line breaks and characters that hide or reorder text become visible
/// escapes (base::printable), so the text stays on its line. Markdown and
/// HTML punctuation is backslash-escaped; a ':' too, and the '.' of "www.",
/// which stops autolinks; '@' goes in a code span, which stops mentions and
/// e-mail links. Safe in a table cell.
[[nodiscard]] std::string markdown_text(std::string_view text);

/// `text` as a code span, with a fence of backticks longer than any run of
/// backticks in it, made printable first. Not for table cells: there a '|'
/// would end the cell even inside the span.
[[nodiscard]] std::string markdown_code(std::string_view text);

}  // namespace lexflow::report::internal
