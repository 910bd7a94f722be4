// Golden diagnostics: each tests/dsl/diagnostics/NAME.lf holds one mistake and
// NAME.stderr the exact text lexflow prints for it.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "tests/dsl/dsl_test_support.hpp"
#include "tests/support/golden.hpp"

namespace fs = std::filesystem;

TEST_CASE("every mistake in tests/dsl/diagnostics gets its exact located diagnostic") {
    const auto folder = fs::path(lexflow::testing::source_path("tests/dsl/diagnostics"));
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".lf") {
            inputs.push_back(entry.path());
        }
    }
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 30);
    for (const auto& input : inputs) {
        const auto name = input.stem().string();
        CAPTURE(name);
        const auto checked =
            lexflow::testing::check_texts({{"tests/dsl/diagnostics/" + name + ".lf",
                                            lexflow::testing::read_text(input.string())}});
        CHECK_FALSE(checked.rules.has_value());
        CHECK(checked.diagnostics.has_errors());
        lexflow::testing::check_golden("tests/dsl/diagnostics/" + name + ".stderr",
                                       checked.rendered);
    }
}
