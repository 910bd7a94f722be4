#pragma once

// Reading the documents that tests keep true: the fenced blocks of a
// Markdown file.

#include <doctest/doctest.h>

#include <string>

namespace lexflow::testing {

/// The text of the first fenced block after `marker` in `document`.
inline std::string block_after(const std::string& document, const std::string& marker) {
    const auto at = document.find(marker);
    REQUIRE(at != std::string::npos);
    const auto open = document.find("```\n", at);
    const auto close = document.find("```", open + 4);
    return document.substr(open + 4, close - open - 4);
}

}  // namespace lexflow::testing
