// What rules read is checked against the declared vocabulary: a typo in a
// rule is an error where it is written, not a rule that silently never fires.

#include <doctest/doctest.h>

#include "tests/dsl/dsl_test_support.hpp"

using lexflow::testing::check_text;

namespace {

const std::string kVocabulary = R"lf(
kind ai_generator "An AI system that generates content"
kind crm_object "A CRM record type"

attribute consequential_decisions {
  on      node
  type    boolean
  meaning "Takes decisions"
}

attribute audience {
  on      node
  type    enum
  meaning "Who sees it"
  value   "customer" "Customers"
  value   "none"     "Nobody"
}

attribute controls {
  on      node, flow
  type    list of enum
  open
  meaning "Controls"
  value   "disclosure_label" "A label"
}

attribute jurisdictions {
  on      model
  type    list of enum
  open
  meaning "Where"
  value   "EU" "The EU"
}

attribute classification {
  on      flow
  type    enum
  meaning "Class"
  value   "synthetic" "Generated"
}
)lf";

/// A rule file holding the vocabulary and one rule over nodes with `body`.
std::string rule_reading(const std::string& body, const std::string& message = "m") {
    return kVocabulary + "rule R { title \"t\" severity low message \"" + message +
           "\"\n  for every node s " + body + " }\n";
}

}  // namespace

TEST_CASE("a rule that reads only declared names is accepted") {
    const auto checked = check_text(
        rule_reading("where s.kind == \"ai_generator\" and s.audience in [\"customer\", \"none\"] "
                     "and \"disclosure_label\" in s.controls and s.id != \"x\"\n"
                     "require s has consequential_decisions and s.consequential_decisions == true",
                     "{s.audience} {s.kind}"));
    CHECK_MESSAGE(checked.rules, checked.rendered);
    CHECK(checked.rendered.empty());
}

TEST_CASE("a misspelt attribute in a rule is an error with did-you-mean") {
    const auto checked = check_text(rule_reading("require s has consequential_decisons"));
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered.find("test.lf:42:28: error: 'consequential_decisons' is not a declared "
                                "attribute [LF2024]") != std::string::npos);
    CHECK(checked.rendered.find("help: did you mean 'consequential_decisions'?") !=
          std::string::npos);
}

TEST_CASE("an attribute nobody declared tells how to declare it") {
    const auto checked = check_text(rule_reading("require s has owner"));
    CHECK(checked.rendered.find("'owner' is not a declared attribute [LF2024]") !=
          std::string::npos);
    CHECK(checked.rendered.find("help: declare it in the pack that reads it: attribute owner { "
                                "on node type ... meaning \"...\" }") != std::string::npos);
}

TEST_CASE("an attribute read from an element it is not declared on is an error") {
    const auto checked = check_text(rule_reading("require s has classification"));
    CHECK(checked.rendered.find("error: 'classification' is declared on flow, not on node "
                                "[LF2024]") != std::string::npos);
    const auto model =
        check_text(rule_reading("where \"EU\" in model.jurisdictions require s.kind "
                                "== \"crm_object\""));
    CHECK_MESSAGE(model.rules, model.rendered);
}

TEST_CASE("a value an enumeration does not declare is an error, open or closed") {
    const auto closed = check_text(rule_reading("require s.audience == \"custmer\""));
    CHECK(closed.rendered.find("error: 'custmer' is not a declared value of 'audience' "
                               "[LF2024]") != std::string::npos);
    CHECK(closed.rendered.find("did you mean 'customer'?") != std::string::npos);
    // Open sets let models add values; a rule still reads only declared ones.
    const auto open = check_text(rule_reading("require \"disclosure_lable\" in s.controls"));
    CHECK(open.rendered.find("error: 'disclosure_lable' is not a declared value of 'controls'") !=
          std::string::npos);
    const auto listed = check_text(rule_reading("require s.audience in [\"none\", \"staff\"]"));
    CHECK(listed.rendered.find("error: 'staff' is not a declared value of 'audience'") !=
          std::string::npos);
}

TEST_CASE("a kind nobody declared is an error") {
    const auto checked =
        check_text(rule_reading("where s.kind == \"ai_genrator\" require s has "
                                "consequential_decisions"));
    CHECK(checked.rendered.find("error: 'ai_genrator' is not a declared kind [LF2024]") !=
          std::string::npos);
    CHECK(checked.rendered.find("did you mean 'ai_generator'?") != std::string::npos);
}

TEST_CASE("a comparison with a value of the wrong type is an error") {
    const auto checked = check_text(rule_reading("require s.consequential_decisions == \"yes\""));
    CHECK(checked.rendered.find("error: 'consequential_decisions' is of type boolean: it never "
                                "equals the string \"yes\" [LF2024]") != std::string::npos);
    CHECK(checked.rendered.find("help: compare it with true or false") != std::string::npos);
}

TEST_CASE("a message that reads an undeclared attribute is an error") {
    const auto checked = check_text(rule_reading("require s has audience", "{s.audiense}"));
    CHECK(checked.rendered.find("'audiense' is not a declared attribute [LF2024]") !=
          std::string::npos);
}

TEST_CASE("rules without any declarations are not checked against a vocabulary") {
    const auto checked = check_text(
        "rule R { title \"t\" severity low message \"m\"\n"
        "  for every node s where s.kind == \"anything\" require s has whatever }\n");
    CHECK_MESSAGE(checked.rules, checked.rendered);
}
