// End-to-end tests of the config file: the options a team sets once, found
// from the current folder upwards; the command line wins.

#include <doctest/doctest.h>

#include <string>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_in_project;
using lexflow::testing::run_lexflow;

namespace {

/// Runs lexflow from tests/cli/fixtures/pr/includes, below the fixtures'
/// .lexflow.yaml.
lexflow::testing::RunResult run_below_config(const std::string& arguments) {
    return run_in_project("sh -c \"cd tests/cli/fixtures/pr/includes && '" +
                          std::string(LEXFLOW_BINARY) + "' " + arguments + "\"");
}

}  // namespace

TEST_CASE("the nearest .lexflow.yaml sets rules, waivers and the threshold") {
    const auto result = run_below_config("check estate.yaml --as-of 2026-12-02");
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("packs: house") != std::string::npos);  // no-default-rules, rules
    CHECK(result.out.find("WAIVED (1)") != std::string::npos);    // waivers
    CHECK(result.err.find("1 gap at or above 'high'") != std::string::npos);  // fail-on
}

TEST_CASE("the command line wins over the config file, and --no-config ignores it") {
    CHECK(run_below_config("check estate.yaml --as-of 2026-12-02 --fail-on critical").exit_code ==
          0);
    const auto ignored = run_below_config("check estate.yaml --as-of 2026-12-02 --no-config");
    CHECK(ignored.out.find("packs: house") == std::string::npos);
    CHECK(ignored.out.find("WAIVED") == std::string::npos);
}

TEST_CASE("a config file with mistakes is an error naming each, located") {
    const auto result = run_lexflow(
        "check tests/cli/fixtures/pr/before.yaml --config "
        "tests/cli/fixtures/pr/configs/broken.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    const auto& err = result.err;
    CHECK(err.find("broken.yaml:1:10: error: 'severe' is not a severity [LF6006]") !=
          std::string::npos);
    CHECK(err.find("broken.yaml:2:1: error: unknown option 'rulez' in a config file [LF6006]") !=
          std::string::npos);
    CHECK(err.find("did you mean 'rules'?") != std::string::npos);
    CHECK(err.find("'../../../../../etc/passwd' leaves the folder of the config file") !=
          std::string::npos);
    CHECK(err.find("broken.yaml:4:9: error: expected true or false here") != std::string::npos);
    CHECK(run_lexflow("check tests/cli/fixtures/pr/before.yaml --config no-such.yaml").exit_code ==
          2);
}
