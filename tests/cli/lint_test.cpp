// `lexflow lint` on the real binary. Broken input: bad_input_test.cpp.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kFixtures = "tests/cli/fixtures/";

}  // namespace

TEST_CASE("lint of the shipped packs finds nothing") {
    const auto result = run_lexflow("lint --strict");
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
}

TEST_CASE("lint prints located warnings with their check name and exits 0") {
    const auto result = run_lexflow("lint " + kFixtures + "rules/owners.lf");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(kFixtures + "rules/owners.lf:") == 0);
    CHECK(result.out.find("[missing-citation]") != std::string::npos);
}

TEST_CASE("lint --strict makes warnings fail") {
    const auto result = run_lexflow("lint --strict " + kFixtures + "rules/owners.lf");
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("1 warning treated as an error (--strict)") != std::string::npos);
}

TEST_CASE("lint --format json gives editors one object per diagnostic") {
    const auto result = run_lexflow("lint --format json " + kFixtures + "rules/owners.lf");
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(!json["diagnostics"].empty());
    const auto& first = json["diagnostics"][0];
    CHECK(first["file"] == kFixtures + "rules/owners.lf");
    CHECK(first["level"] == "warning");
    CHECK(first["line"].is_number());
    CHECK(first["check"].is_string());
}
