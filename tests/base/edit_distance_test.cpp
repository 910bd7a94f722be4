#include "base/edit_distance.hpp"

#include <doctest/doctest.h>

using lexflow::base::closest_match;
using lexflow::base::edit_distance;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "abc") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("hgih", "high") == 1);
    CHECK(edit_distance("ai_genrator", "ai_generator") == 1);
}

TEST_CASE("closest match suggests only plausible typos") {
    const std::vector<std::string_view> severities = {"critical", "high", "medium", "low", "info"};
    CHECK(closest_match("hgih", severities) == "high");
    CHECK(closest_match("medum", severities) == "medium");
    CHECK(closest_match("urgent", severities) == std::nullopt);
    CHECK(closest_match("high", severities) == std::nullopt);  // exact: nothing to suggest
}

TEST_CASE("closest match breaks ties by candidate order") {
    const std::vector<std::string_view> candidates = {"crm-a", "crm-b"};
    CHECK(closest_match("crm-c", candidates) == "crm-a");
}
