#include <doctest/doctest.h>

#include "tests/dsl/dsl_test_support.hpp"

using lexflow::testing::check_text;
using lexflow::testing::check_texts;

namespace {

const std::string kDeclaration = "pack eu \"EU\" { applies when \"EU\" in model.jurisdictions }\n";
const std::string kRule =
    "rule R1 { title \"t\" severity low message \"m\" for every node x require x has a }\n";

}  // namespace

TEST_CASE("rules in a file that names a pack declared elsewhere belong to that pack") {
    const auto checked =
        check_texts({{"eu/pack.lf", kDeclaration}, {"eu/topic.lf", "pack eu\n" + kRule}});
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    REQUIRE(checked.rules->rules.size() == 1);
    CHECK(checked.rules->rules[0].pack == "eu");
    REQUIRE(checked.rules->find_pack("eu") != nullptr);
    CHECK(checked.rules->find_pack("gdpr") == nullptr);
}

TEST_CASE("a rule file without a pack clause holds rules of no pack") {
    const auto checked = check_text(kRule);
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    CHECK(checked.rules->rules[0].pack.empty());
    CHECK(checked.rules->packs.empty());
}

TEST_CASE("a pack declared in two files is an error pointing at both") {
    const auto checked = check_texts({{"a.lf", kDeclaration}, {"b.lf", kDeclaration}});
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered ==
          "b.lf:1:6: error: pack 'eu' is declared more than once [LF2008]\n"
          "  1 | pack eu \"EU\" { applies when \"EU\" in model.jurisdictions }\n"
          "    |      ^~\n"
          "  help: declare it in one file and start the others with 'pack eu'\n"
          "a.lf:1:6: note: first declared here\n"
          "  1 | pack eu \"EU\" { applies when \"EU\" in model.jurisdictions }\n"
          "    |      ^~\n"
          "1 error generated.\n");
}

TEST_CASE("rule ids are unique across files") {
    const auto checked = check_texts({{"a.lf", kRule}, {"b.lf", kRule}});
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered.rfind("b.lf:1:6: error: rule id 'R1' is already used [LF2001]", 0) == 0);
    CHECK(checked.rendered.find("a.lf:1:6: note: first used here") != std::string::npos);
}

TEST_CASE("every semantic error of a file is reported, not only the first") {
    const auto checked = check_text(
        "rule R1 { title \"t\" severity hgih message \"{y}\" for every node x require z has a }\n");
    CHECK(checked.diagnostics.error_count() == 3);
    CHECK(checked.rendered.find("unknown severity 'hgih'") != std::string::npos);
    CHECK(checked.rendered.find("unknown variable 'z'") != std::string::npos);
    CHECK(checked.rendered.find("unknown variable 'y'") != std::string::npos);
}

TEST_CASE("errors beyond the cap are counted, not shown") {
    std::string text;
    for (int i = 0; i < 25; ++i) {
        text += "rule R" + std::to_string(i) +
                " { title \"t\" severity bad message \"m\" for every node x require x has a }\n";
    }
    const auto checked = check_text(text);
    CHECK(checked.diagnostics.error_count() == 25);
    CHECK(checked.diagnostics.all().size() == 20);
    CHECK(checked.rendered.find("25 errors (5 not shown) generated.") != std::string::npos);
}

TEST_CASE("a binary file is rejected with a clear message") {
    const auto checked = check_text(std::string("rule \0\x01\x02", 8));
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered ==
          "test.lf: error: this is not a text file (it contains NUL bytes) [LF1001]\n"
          "  help: rule files are UTF-8 text ending in .lf\n"
          "1 error generated.\n");
}

TEST_CASE("a syntax error on the last line of a large file is found") {
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        text += "rule R" + std::to_string(i) +
                " { title \"t\" severity low message \"m\" for every node x require x has a }\n";
    }
    text += "rule broken {";
    const auto checked = check_text(text);
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered.rfind("test.lf:5001:14: error: expected a rule field", 0) == 0);
}
