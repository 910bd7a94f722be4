// docs/limits.md lists every limit with its default: the table users read
// cannot drift from the code.

#include <doctest/doctest.h>

#include "base/limits.hpp"
#include "tests/support/golden.hpp"

TEST_CASE("docs/limits.md lists every limit with its default value") {
    const auto doc = lexflow::testing::read_text(lexflow::testing::source_path("docs/limits.md"));
    const lexflow::base::Limits defaults;
    for (const auto& limit : lexflow::base::limit_table()) {
        CAPTURE(limit.name);
        const auto row =
            "| `" + std::string(limit.name) + "` | " + std::to_string(defaults.*limit.value) + " |";
        CHECK(doc.find(row) != std::string::npos);
    }
}
