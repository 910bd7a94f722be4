#include "dsl/grammar.hpp"

#include <doctest/doctest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "tests/dsl/dsl_test_support.hpp"

using lexflow::testing::check_text;

namespace {

const char* const kMinimalRule = R"lf(
rule R1 {
  title "t"
  severity low
  message "m"
  for every node x require x has a
}
)lf";

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
    CHECK(tao::pegtl::analyze<lexflow::dsl::grammar::file>() == 0);
}

TEST_CASE("an empty file and a file of comments are valid and hold no rules") {
    for (const auto* text : {"", "# only a comment\n\n   # another\n"}) {
        const auto checked = check_text(text);
        REQUIRE(checked.rules);
        CHECK(checked.rules->rules.empty());
    }
}

TEST_CASE("a rule with every field is read into the AST") {
    const auto checked = check_text(R"lf(# pack and rule
pack eu-ai-act "EU AI Act" {
  applies when "EU" in model.jurisdictions
}

rule AIA-50-2-MARKING {
  title       "Marking"
  description "Unmarked output causes deception."
  cite        "EU AI Act Art. 50(2)"
  cite        "EU AI Act Recital 133"
  severity    high
  tags        ["transparency", "marking"]
  for every node g
    where g.kind == "ai_generator" and g.ai_role == "provider"
    require g has marking
  message     "'{g}' has no marking of its {g.modality} output"
  remediation "Mark it."
}
)lf");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& rules = *checked.rules;
    REQUIRE(rules.packs.size() == 1);
    CHECK(rules.packs[0].id == "eu-ai-act");
    CHECK(rules.packs[0].title == "EU AI Act");
    CHECK(rules.packs[0].applies_when.has_value());
    REQUIRE(rules.rules.size() == 1);
    const auto& rule = rules.rules[0];
    CHECK(rule.id == "AIA-50-2-MARKING");
    CHECK(rule.pack == "eu-ai-act");
    CHECK(*rule.title == "Marking");
    CHECK(*rule.description == "Unmarked output causes deception.");
    REQUIRE(rule.citations.size() == 2);
    CHECK(rule.citations[1].text == "EU AI Act Recital 133");
    CHECK(*rule.severity == lexflow::base::Severity::high);
    CHECK(rule.tags == std::vector<std::string>{"transparency", "marking"});
    CHECK(rule.subject->domain == lexflow::dsl::Domain::node);
    CHECK(rule.subject->variable == "g");
    CHECK(rule.condition->kind == lexflow::dsl::Expr::Kind::all_of);
    CHECK(rule.requirements.at(0).condition.kind == lexflow::dsl::Expr::Kind::has);
    CHECK(rule.requirements.at(0).condition.path.spelling() == "g.marking");
    REQUIRE(rule.message->segments.size() == 5);
    CHECK(rule.message->segments[1].path->spelling() == "g");
    CHECK(rule.message->segments[3].path->spelling() == "g.modality");
    CHECK(rule.message->segments[4].text == " output");
}

TEST_CASE("precedence: not binds tighter than and, and tighter than or") {
    const auto checked = check_text(R"lf(
rule R1 {
  title "t" severity low message "m"
  for every node x where x.a == 1 or not x.b == 2 and x.c == 3 require x has d
}
)lf");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    using Kind = lexflow::dsl::Expr::Kind;
    const auto& condition = *checked.rules->rules[0].condition;
    REQUIRE(condition.kind == Kind::any_of);
    REQUIRE(condition.operands.size() == 2);
    CHECK(condition.operands[0].kind == Kind::compare);
    const auto& conjunction = condition.operands[1];
    REQUIRE(conjunction.kind == Kind::all_of);
    CHECK(conjunction.operands[0].kind == Kind::negate);
    CHECK(conjunction.operands[1].kind == Kind::compare);
}

TEST_CASE("every comparison operator and literal form parses") {
    using Op = lexflow::dsl::CompareOp;
    const std::vector<std::pair<std::string, Op>> cases = {
        {"x.a == \"s\"", Op::eq},  {"x.a != 1", Op::ne},
        {"x.a < -1.5", Op::lt},    {"x.a <= 2", Op::le},
        {"x.a > 3", Op::gt},       {"x.a >= 4", Op::ge},
        {"\"EU\" in x.j", Op::in}, {"x.a not in [1, 2,]", Op::not_in},
        {"x.a == true", Op::eq},   {"x.a != false", Op::ne},
    };
    for (const auto& [condition, op] : cases) {
        CAPTURE(condition);
        const auto checked = check_text(
            "rule R { title \"t\" severity low message \"m\"\n"
            "  for every node x require " +
            condition + " }");
        REQUIRE_MESSAGE(checked.rules, checked.rendered);
        const auto& requirement = checked.rules->rules[0].requirements.at(0).condition;
        CHECK(requirement.kind == lexflow::dsl::Expr::Kind::compare);
        CHECK(requirement.op == op);
    }
}

TEST_CASE("exists binds a variable, optionally along flows from or to a node") {
    const auto checked = check_text(R"lf(
rule R1 {
  title "t" severity low message "m"
  for every node n
    require exists flow f from n where f.to.kind == "audit_log"
        and not exists flow g to n
        and (exists role r where "admin" in r.permissions)
}
)lf");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& exists = checked.rules->rules[0].requirements.at(0).condition;
    REQUIRE(exists.kind == lexflow::dsl::Expr::Kind::exists);
    CHECK(exists.binding.domain == lexflow::dsl::Domain::flow);
    CHECK(exists.binding.variable == "f");
    CHECK(exists.binding.adjacency == lexflow::dsl::Adjacency::outgoing);
    CHECK(exists.binding.anchor == "n");
    // The where clause extends to the end: it holds the whole conjunction.
    REQUIRE(exists.operands.size() == 1);
    CHECK(exists.operands[0].kind == lexflow::dsl::Expr::Kind::all_of);
}

TEST_CASE("keywords may be attribute keys after a dot, and identifiers may start with one") {
    const auto checked = check_text(R"lf(
rule R1 {
  title "t" severity low message "{f.from} {f.to}"
  for every flow f where f.from.kind == "x" and f.to.role == "y" require node_count has to
}
)lf");
    // `node_count` is an unknown variable, which proves it was read as one identifier.
    CHECK(checked.rendered.find("unknown variable 'node_count'") != std::string::npos);
}

TEST_CASE("string escapes are resolved") {
    const auto checked = check_text(
        "rule R1 { title \"a \\\"quoted\\\" \\\\ title\" severity low message \"m\"\n"
        "  for every node x require x has a }");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    CHECK(*checked.rules->rules[0].title == "a \"quoted\" \\ title");
}

TEST_CASE("a minimal rule is accepted") {
    const auto checked = check_text(kMinimalRule);
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    CHECK(checked.rules->rules.size() == 1);
}

TEST_CASE("deep nesting ends in an error, not a crash") {
    std::string condition;
    for (int i = 0; i < 5000; ++i) {
        condition += "not ";
    }
    const auto checked = check_text(
        "rule R { title \"t\" severity low message \"m\"\n"
        "  for every node x require " +
        condition + "x has a }");
    CHECK_FALSE(checked.rules);
    CHECK(checked.rendered.find("error: the rule nests too deeply to be read [LF1001]") !=
          std::string::npos);
}
