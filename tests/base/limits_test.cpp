#include "base/limits.hpp"

#include <doctest/doctest.h>

using lexflow::base::Limits;
using lexflow::base::set_limit;

TEST_CASE("a limit is set by its name, to a positive whole number") {
    Limits limits;
    CHECK_FALSE(set_limit(limits, "yaml-depth=128"));
    CHECK(limits.yaml_depth == 128);
    CHECK_FALSE(set_limit(limits, "model-file-size=5000000000"));
    CHECK(limits.model_file_size == 5'000'000'000ULL);
}

TEST_CASE("a wrong limit says what is wrong, with a did-you-mean") {
    Limits limits;
    CHECK(set_limit(limits, "yaml-dept=3") ==
          "there is no limit 'yaml-dept'; did you mean 'yaml-depth'?");
    CHECK(set_limit(limits, "nope=1") == "there is no limit 'nope'");
    CHECK(set_limit(limits, "yaml-depth") == "write the limit as yaml-depth=N");
    for (const auto* value : {"0", "-1", "", "12x", "1e3", "99999999999999999999999"}) {
        CAPTURE(value);
        CHECK(set_limit(limits, std::string("yaml-depth=") + value) ==
              "the limit 'yaml-depth' must be a positive whole number, not '" + std::string(value) +
                  "'");
    }
    CHECK(limits.yaml_depth == Limits{}.yaml_depth);
}

TEST_CASE("every limit has a name, and its help names it with its value") {
    Limits limits;
    for (const auto& limit : lexflow::base::limit_table()) {
        CAPTURE(limit.name);
        CHECK(lexflow::base::limit_name(limit.value) == limit.name);
        CHECK(limits.*limit.value > 0);
    }
    CHECK(lexflow::base::limit_help(limits, &Limits::yaml_depth) ==
          "this exceeds the limit 'yaml-depth' (64); if the input is genuine, raise it with "
          "--limit yaml-depth=N");
}
