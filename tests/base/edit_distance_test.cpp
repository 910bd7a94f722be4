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

TEST_CASE("a name index suggests what closest_match suggests, ties to the earlier name") {
    const std::vector<std::string> names = {"high",     "medium",  "low",  "EU",
                                            "US",       "sigh",    "hi",   "ai_generator",
                                            "controls", "control", "dpia", "to"};
    const lexflow::base::NameIndex index(names);
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    for (const auto* word : {"hgih", "hihg", "US", "UK", "id", "data", "controsl", "ai_genrator",
                             "x", "", "medum", "lo", "low"}) {
        CAPTURE(word);
        CHECK(index.closest(word) == closest_match(word, candidates));
    }
    CHECK(index.closest("hgih") == "high");
    CHECK_FALSE(index.closest("US"));  // itself is no suggestion; "EU" is two edits away
}

TEST_CASE("a word longer than any name could be a typo of gets no suggestion") {
    const std::string long_word(lexflow::base::kMaxSuggestedLength + 1, 'a');
    std::string near = long_word;
    near.back() = 'b';
    CHECK_FALSE(closest_match(long_word, {near}));
    CHECK_FALSE(lexflow::base::NameIndex({near}).closest(long_word));
}
