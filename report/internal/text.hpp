#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/printable.hpp"

namespace lexflow::report::internal {

/// A Markdown table cell: printable, and no '|' that would break the table.
[[nodiscard]] inline std::string markdown_cell(std::string_view text) {
    std::string out;
    for (const char c : base::printable(text)) {
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    }
    return out;
}

/// "a, b, c" for {"a", "b", "c"} and ", ".
[[nodiscard]] inline std::string join(const std::vector<std::string>& items,
                                      std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

}  // namespace lexflow::report::internal
