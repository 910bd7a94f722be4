#include "report/internal/markdown.hpp"

#include <algorithm>

#include "base/printable.hpp"

namespace lexflow::report::internal {

namespace {

/// Punctuation that means something to GitHub Markdown, HTML, tables or
/// math anywhere in a line: '&' starts an entity, ':' an autolink, '$' math.
/// No '(' or '"': with '[' and ']' escaped, no link can open. CommonMark
/// renders any escaped ASCII punctuation as itself.
constexpr std::string_view kEscaped = "\\`*_[]<>#|!~&:$";

/// Punctuation that starts a block (a list, a heading underline, a rule)
/// when it opens a line: escaped at the start of the text, since a caller
/// may begin a line with it.
constexpr std::string_view kEscapedFirst = "-+=.";

bool after_www(const std::string& printable, std::size_t at) {
    if (at < 3) {
        return false;
    }
    auto www = printable.substr(at - 3, 3);
    std::transform(www.begin(), www.end(), www.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return www == "www";
}

}  // namespace

std::string markdown_text(std::string_view text) {
    const auto printable = base::printable(text);
    std::string out;
    out.reserve(printable.size() + printable.size() / 4);
    bool digits_only = true;  // so far: "1." opens an ordered list
    for (std::size_t i = 0; i < printable.size(); ++i) {
        const char c = printable[i];
        const bool opens_block = (i == 0 && kEscapedFirst.find(c) != std::string_view::npos) ||
                                 (digits_only && i > 0 && (c == '.' || c == ')'));
        if (c == '@') {
            out += "`@`";  // a mention or an e-mail link needs '@' in the text
        } else if (kEscaped.find(c) != std::string_view::npos || opens_block ||
                   (c == '.' && after_www(printable, i))) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
        digits_only = digits_only && c >= '0' && c <= '9';
    }
    return out;
}

std::string markdown_code(std::string_view text) {
    const auto printable = base::printable(text);
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : printable) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    // A space on each side keeps a backtick at either end out of the fence;
    // CommonMark strips one such space from each side.
    const bool pad = printable.empty() || printable.front() == '`' || printable.back() == '`' ||
                     printable.front() == ' ';
    const std::string space = pad ? " " : "";
    return fence + space + printable + space + fence;
}

}  // namespace lexflow::report::internal
