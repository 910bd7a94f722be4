// The `kind` and `attribute` declarations become the Vocabulary models are
// checked against; mistakes in them are located errors.

#include <doctest/doctest.h>

#include "tests/dsl/dsl_test_support.hpp"

using lexflow::base::Owner;
using lexflow::base::ValueType;
using lexflow::testing::check_text;

TEST_CASE("kinds and attributes are declared with their types, values and defaults") {
    const auto checked = check_text(R"lf(
kind ai_generator "An AI system that generates content"
kind ai_agent is ai_generator "A chatbot"

attribute audience {
  on      node
  type    enum
  meaning "Who sees it"
  value   "customer" "Customers"
  value   "none"     "Nobody"
}

attribute jurisdictions {
  on      model, node
  type    list of enum
  open
  meaning "Where the people are"
  value   "EU" "The EU"
}

attribute disclosure_accessible {
  on      node
  type    boolean
  default false
  meaning "Accessible"
}
)lf");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& vocabulary = checked.rules->vocabulary;
    CHECK(vocabulary.kinds().size() == 2);
    CHECK(vocabulary.counts_as("ai_agent", "ai_generator"));
    CHECK_FALSE(vocabulary.counts_as("ai_generator", "ai_agent"));
    const auto* audience = vocabulary.attribute("audience");
    REQUIRE(audience);
    CHECK(audience->type == ValueType::enumeration);
    CHECK(audience->belongs_to(Owner::node));
    CHECK_FALSE(audience->belongs_to(Owner::flow));
    CHECK(audience->allows("customer"));
    CHECK_FALSE(audience->allows("prospects"));
    const auto* jurisdictions = vocabulary.attribute("jurisdictions");
    REQUIRE(jurisdictions);
    CHECK(jurisdictions->type == ValueType::enumeration_list);
    CHECK(jurisdictions->allows("UK"));  // open
    CHECK(jurisdictions->belongs_to(Owner::model));
    const auto* accessible = vocabulary.attribute("disclosure_accessible");
    REQUIRE(accessible);
    REQUIRE(accessible->default_value);
    CHECK(std::get<bool>(*accessible->default_value) == false);
}

TEST_CASE("a broken vocabulary is reported where it is wrong") {
    const auto checked = check_text(R"lf(
kind a "A"
kind a "A again"
kind b is c "B"
attribute x {
  on   node
  type boolean
}
attribute y {
  on      node
  type    string
  meaning "Y"
  value   "v" "V"
}
attribute z {
  on      flow
  type    enum
  meaning "Z"
  value   "one" "One"
  default "two"
}
)lf");
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered.find("test.lf:3:6: error: kind 'a' is declared more than once "
                                "[LF2021]") != std::string::npos);
    CHECK(checked.rendered.find("test.lf:4:11: error: no kind 'c' is declared [LF2022]") !=
          std::string::npos);
    CHECK(checked.rendered.find("test.lf:5:11: error: attribute 'x' has no 'meaning' [LF2005]") !=
          std::string::npos);
    CHECK(checked.rendered.find("error: attribute 'y' of type string lists values [LF2023]") !=
          std::string::npos);
    CHECK(checked.rendered.find("error: the default of 'z' is not one of its values [LF2023]") !=
          std::string::npos);
}

TEST_CASE("a kind may not count as itself") {
    const auto checked = check_text("kind a is b \"A\"\nkind b is a \"B\"\n");
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered.find("error: kind 'a' counts as itself through 'is' [LF2023]") !=
          std::string::npos);
}
