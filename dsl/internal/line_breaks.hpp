#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace lexflow::dsl::internal {

/// Where the canonical layout of a rule file starts lines, found from its
/// parse: every rule field, clause, test item and closing brace begins a line
/// of its own. Inline models are kept as written.
struct LineBreaks {
    std::vector<std::size_t> before;  ///< byte offsets of tokens that start a line, sorted
    std::vector<std::pair<std::size_t, std::size_t>> verbatim;  ///< [begin, end) byte ranges
};

/// The line breaks of `text`; none if it does not parse (the caller reports
/// the syntax error; the layout then only normalises white space).
[[nodiscard]] LineBreaks find_line_breaks(std::string_view text);

}  // namespace lexflow::dsl::internal
