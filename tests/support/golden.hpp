#pragma once

// Golden files: expected output committed next to the input that produces
// it. Run the tests with LEXFLOW_UPDATE_GOLDEN=1 to rewrite them after an
// intended change, then review the diff.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace lexflow::testing {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string source_path(const std::string& relative) {
    return std::string(LEXFLOW_SOURCE_DIR) + "/" + relative;
}

/// Compares `actual` with the golden file (path relative to the project root).
inline void check_golden(const std::string& relative, const std::string& actual) {
    const auto path = source_path(relative);
    const char* update = std::getenv("LEXFLOW_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    std::ifstream probe(path);
    REQUIRE_MESSAGE(probe.good(),
                    "missing golden file " << relative << " (run with LEXFLOW_UPDATE_GOLDEN=1)");
    CHECK_MESSAGE(read_text(path) == actual, "output differs from " << relative << ":\n" << actual);
}

}  // namespace lexflow::testing
