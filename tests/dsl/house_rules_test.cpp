// The forms house rules need: rules about the whole model, counting, and
// named predicates. How they parse, and the mistakes the checker reports.

#include <doctest/doctest.h>

#include "tests/dsl/dsl_test_support.hpp"

using lexflow::dsl::Domain;
using lexflow::dsl::Expr;
using lexflow::dsl::PathQuantifier;
using lexflow::testing::check_text;

namespace {

/// A rule with the given quantifier and nothing else to get wrong.
std::string rule(const std::string& quantifier, const std::string& id = "R") {
    return "rule " + id + " {\n  title \"t\"\n  severity low\n  message \"m\"\n  " + quantifier +
           "\n}\n";
}

/// The first line of the rendered diagnostics: "file:line:col: error: ... [ID]".
std::string first_error(const lexflow::testing::Checked& checked) {
    return checked.rendered.substr(0, checked.rendered.find('\n'));
}

}  // namespace

TEST_CASE("a rule about the whole model has no subject") {
    const auto checked =
        check_text(rule("for the model where model has name require exists node a where "
                        "a.kind == \"audit_log\""));
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& parsed = checked.rules->rules.at(0);
    CHECK(parsed.about_model);
    CHECK_FALSE(parsed.subject);
    CHECK_FALSE(parsed.path);
    REQUIRE(parsed.condition);
    REQUIRE(parsed.requirements.size() == 1);
    CHECK(parsed.requirements[0].condition.kind == Expr::Kind::exists);
}

TEST_CASE("'for the' must name the model, and a rule has one quantifier") {
    const auto misspelt = check_text(rule("for the estate require true"));
    CHECK(first_error(misspelt) ==
          "test.lf:5:11: error: expected 'model' after 'for the' (a rule about the whole "
          "model) [LF1001]");
    const auto twice =
        check_text(rule("for the model require true\n  for every node x require x has a"));
    CHECK(first_error(twice) ==
          "test.lf:6:3: error: 'for' is given more than once in rule 'R' "
          "[LF2006]");
}

TEST_CASE("count(...) reads its binding, an optional adjacency, and distinct values") {
    const auto checked = check_text(
        rule("for every node s require count(flow f to s where f.encrypted == true) <= 1 and "
             "count(distinct n.vendor for node n where n.kind == \"ai_generator\") == 1"));
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& both = checked.rules->rules.at(0).requirements.at(0).condition;
    REQUIRE(both.operands.size() == 2);
    const auto& plain = both.operands[0].operands[0];
    CHECK(plain.kind == Expr::Kind::count);
    CHECK_FALSE(plain.distinct);
    CHECK(plain.binding.domain == Domain::flow);
    CHECK(plain.binding.anchor == "s");
    CHECK(plain.operands.size() == 1);
    const auto& distinct = both.operands[1].operands[0];
    CHECK(distinct.kind == Expr::Kind::count);
    CHECK(distinct.distinct);
    CHECK(distinct.path.spelling() == "n.vendor");
    CHECK(distinct.binding.variable == "n");
}

TEST_CASE("a count is compared with a number, never used as a condition or with 'in'") {
    const auto bare = check_text(rule("for the model require count(node n)"));
    CHECK(first_error(bare) ==
          "test.lf:5:25: error: count(...) is a number, not a condition [LF2028]");
    const auto text = check_text(rule("for the model require count(node n) == \"one\""));
    CHECK(first_error(text) ==
          "test.lf:5:42: error: a count is compared with a number, not with this value "
          "[LF2028]");
    const auto in = check_text(rule("for the model require count(node n) in [1, 2]"));
    CHECK(first_error(in) == "test.lf:5:25: error: a count cannot be looked up with 'in' [LF2028]");
    // Near miss: a number, an attribute and another count are all fine.
    const auto fine = check_text(
        rule("for the model require count(node n) >= model.minimum and count(node a where "
             "a.kind == \"audit_log\") < count(flow f) and count(role r) != 2"));
    CHECK_MESSAGE(fine.rules, fine.rendered);
}

TEST_CASE("count(...) needs a domain and its closing parenthesis") {
    CHECK(first_error(check_text(rule("for the model require count(n) > 1"))) ==
          "test.lf:5:31: error: expected what to count: 'node', 'flow' or 'role' and a "
          "variable, or 'distinct' and an attribute path [LF1001]");
    CHECK(first_error(check_text(rule("for the model require count(node n > 1"))) ==
          "test.lf:5:38: error: expected ')' to close count(...) [LF1001]");
    CHECK(first_error(check_text(rule("for the model require count(distinct n.vendor node n) > "
                                      "1"))) ==
          "test.lf:5:49: error: expected 'for' after the attribute path, as in count(distinct "
          "n.vendor for node n) [LF1001]");
}

TEST_CASE("a predicate is declared with typed parameters and called with variables") {
    const auto checked = check_text(
        "predicate feeds(node a, node b) = exists flow f from a "
        "where f.to == b\n" +
        rule("for every node x require not feeds(x, x)"));
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    REQUIRE(checked.rules->predicates.size() == 1);
    const auto& feeds = checked.rules->predicates[0];
    CHECK(feeds.name == "feeds");
    REQUIRE(feeds.parameters.size() == 2);
    CHECK(feeds.parameters[1].name == "b");
    CHECK(feeds.body.kind == Expr::Kind::exists);
    const auto& call = checked.rules->rules.at(0).requirements.at(0).condition.operands.at(0);
    CHECK(call.kind == Expr::Kind::call);
    CHECK(call.callee == "feeds");
    REQUIRE(call.arguments.size() == 2);
    CHECK(call.arguments[0].variable == "x");
}

TEST_CASE("a call to an unknown predicate suggests the one meant") {
    const auto checked = check_text("predicate encrypted_flow(flow f) = f.encrypted == true\n" +
                                    rule("for every flow f require encrypted_flwo(f)"));
    CHECK(first_error(checked) ==
          "test.lf:6:28: error: unknown predicate 'encrypted_flwo' "
          "[LF2025]");
    CHECK(checked.rendered.find("help: did you mean 'encrypted_flow'?") != std::string::npos);
}

TEST_CASE("a call gives one variable of the right domain per parameter") {
    const std::string predicate = "predicate encrypted_flow(flow f) = f.encrypted == true\n";
    const auto too_many = check_text(predicate + rule("for every flow f require "
                                                      "encrypted_flow(f, f)"));
    CHECK(first_error(too_many) ==
          "test.lf:6:28: error: 2 arguments given to 'encrypted_flow', "
          "which takes 1 argument [LF2026]");
    const auto node = check_text(predicate + rule("for every node n require encrypted_flow(n)"));
    CHECK(first_error(node) ==
          "test.lf:6:43: error: 'n' is a node, but parameter 'f' of "
          "'encrypted_flow' is a flow [LF2026]");
    const auto unbound = check_text(predicate + rule("for every flow f require encrypted_flow(g)"));
    CHECK(first_error(unbound) == "test.lf:6:43: error: unknown variable 'g' [LF2003]");
}

TEST_CASE("a predicate reads only its parameters and the model") {
    const auto checked =
        check_text("predicate same_tenant(node a) = a.tenant == x.tenant\n" +
                   rule("for every node x require exists node y where same_tenant(y)"));
    CHECK(first_error(checked) == "test.lf:1:45: error: unknown variable 'x' [LF2003]");
}

TEST_CASE("a predicate may not call itself, directly or through others") {
    const auto direct = check_text("predicate p(node x) = x.a == 1 or p(x)\n");
    CHECK(first_error(direct) ==
          "test.lf:1:35: error: predicate 'p' calls 'p', which leads back to it [LF2027]");
    const auto mutual = check_text(
        "predicate p(node x) = q(x)\npredicate q(node x) = "
        "r(x)\npredicate r(node x) = p(x)\n");
    CHECK(first_error(mutual) ==
          "test.lf:3:23: error: predicate 'r' calls 'p', which leads back to it [LF2027]");
    // Near miss: two calls of one predicate are no cycle.
    const auto diamond = check_text(
        "predicate p(node x) = q(x) and q(x)\npredicate q(node x) "
        "= x.a == 1\n");
    CHECK_MESSAGE(diamond.rules, diamond.rendered);
}

TEST_CASE("two predicates of one name are an error pointing at both") {
    const auto checked =
        check_text("predicate p(node x) = x.a == 1\npredicate p(flow f) = f.b == 2\n");
    CHECK(first_error(checked) ==
          "test.lf:2:11: error: predicate 'p' is declared more than once [LF2021]");
    CHECK(checked.rendered.find("test.lf:1:11: note: first declared here") != std::string::npos);
}

TEST_CASE("predicates that multiply a rule past the bound are refused, quickly") {
    // p0 is one comparison; each next predicate calls the one before twice:
    // p40 would expand to 2^40 comparisons.
    std::string text = "predicate p0(node x) = x.a == 1\n";
    for (int i = 1; i <= 40; ++i) {
        text += "predicate p" + std::to_string(i) + "(node x) = p" + std::to_string(i - 1) +
                "(x) and p" + std::to_string(i - 1) + "(x)\n";
    }
    const auto checked = check_text(text + rule("for every node x require p40(x)", "BIG"));
    CHECK(checked.rendered.find("error: rule 'BIG' grows past 100000 conditions once its "
                                "predicates are expanded [LF5001]") != std::string::npos);
    // Near miss: p10 expands to about 3,000 nodes.
    const auto small = check_text(text + rule("for every node x require p10(x)", "SMALL"));
    CHECK_MESSAGE(small.rules, small.rendered);
}

TEST_CASE("a predicate's name and its parameters are checked like a rule's variables") {
    CHECK(first_error(check_text("predicate p(node model) = model.a == 1\n")) ==
          "test.lf:1:18: error: 'model' is reserved for the model's top-level attributes "
          "[LF2009]");
    CHECK(first_error(check_text("predicate p(node x, flow x) = x.a == 1\n")) ==
          "test.lf:1:26: error: variable 'x' is already bound by an enclosing quantifier "
          "[LF2009]");
    CHECK(first_error(check_text("predicate p(node x) x.a == 1\n")) ==
          "test.lf:1:21: error: expected '=' and the predicate's condition after its "
          "parameters [LF1001]");
    CHECK(first_error(check_text("predicate exists(node x) = x.a == 1\n")) ==
          "test.lf:1:11: error: expected the predicate's name after 'predicate', such as "
          "machine_made [LF1001]");
}

TEST_CASE("exists path reads its start, its end and the flows it may follow") {
    const auto checked = check_text(
        rule("for every node g require exists path from g to node s where s.kind == \"log\" "
             "through flow t where t.encrypted == true"));
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& reaches = checked.rules->rules.at(0).requirements.at(0).condition;
    CHECK(reaches.kind == Expr::Kind::reaches);
    CHECK(reaches.binding.anchor == "g");
    CHECK(reaches.binding.variable == "s");
    CHECK(reaches.binding.adjacency == lexflow::dsl::Adjacency::outgoing);
    REQUIRE(reaches.through);
    CHECK(reaches.through->variable == "t");
    REQUIRE(reaches.operands.size() == 2);
    CHECK(reaches.operands[0].kind == Expr::Kind::compare);
    // Upstream, and with no condition at all: any node at the other end.
    const auto upstream = check_text(rule("for every node s require exists path to s from node g"));
    REQUIRE_MESSAGE(upstream.rules, upstream.rendered);
    const auto& any = upstream.rules->rules.at(0).requirements.at(0).condition;
    CHECK(any.binding.adjacency == lexflow::dsl::Adjacency::incoming);
    CHECK(any.operands.at(0).kind == Expr::Kind::literal);
    CHECK_FALSE(any.through);
}

TEST_CASE("exists path starts at a node variable, and its flows' condition reads only them") {
    CHECK(first_error(check_text(rule("for every flow f require exists path from f to node s"))) ==
          "test.lf:5:45: error: 'f' is not a node variable [LF2010]");
    CHECK(first_error(check_text(rule("for every node g require exists path from g to node s "
                                      "through flow t where t.tenant == g.tenant"))) ==
          "test.lf:5:90: error: the condition on 't' cannot read 'g' [LF2013]");
    CHECK(first_error(check_text(rule("for every node g require exists path from g node s"))) ==
          "test.lf:5:47: error: expected 'to node' after the start of the path, as in exists "
          "path from x to node s [LF1001]");
    CHECK(first_error(check_text(rule("for every node g require exists path g"))) ==
          "test.lf:5:40: error: expected 'from' or 'to' and a node variable after 'exists path' "
          "[LF1001]");
    // The end's condition may read every variable in scope.
    const auto fine = check_text(
        rule("for every node g require exists path from g to node s where s.tenant == g.tenant"));
    CHECK_MESSAGE(fine.rules, fine.rendered);
}

TEST_CASE("the end of a flow cannot anchor 'from' or 'to', and the error says what to do") {
    CHECK(first_error(check_text(rule("for every flow f require exists flow g from f.to"))) ==
          "test.lf:5:48: error: 'from' and 'to' take a node variable, not an attribute path; "
          "bind the node first: exists node n where n == f.to and (...) [LF1001]");
}

TEST_CASE("today and a date moved in time are values to compare") {
    const auto checked = check_text(
        rule("for every role r require r.reviewed_on >= today - 12 months and r.signed_on + "
             "2 years > today"));
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& both = checked.rules->rules.at(0).requirements.at(0).condition;
    const auto& review = both.operands.at(0).operands.at(1);
    CHECK(review.kind == Expr::Kind::shifted);
    CHECK(review.shift.amount == -12);
    CHECK(review.shift.unit == lexflow::base::DateUnit::months);
    CHECK(review.operands.at(0).kind == Expr::Kind::today);
    const auto& signed_on = both.operands.at(1).operands.at(0);
    CHECK(signed_on.shift.amount == 2);
    CHECK(signed_on.shift.unit == lexflow::base::DateUnit::years);
    CHECK(signed_on.operands.at(0).path.spelling() == "r.signed_on");
}

TEST_CASE("dates are compared, moved by a bounded duration, and only dates move") {
    CHECK(first_error(check_text(rule("for every role r require today"))) ==
          "test.lf:5:28: error: a date is a value, not a condition [LF2029]");
    CHECK(first_error(check_text(rule("for every role r require today in [\"2026-01-01\"]"))) ==
          "test.lf:5:28: error: a date cannot be looked up with 'in' [LF2029]");
    CHECK(first_error(check_text(rule("for every role r require r.a > 3 + 2 days"))) ==
          "test.lf:5:34: error: only a date moves by days, months or years [LF2029]");
    CHECK(first_error(check_text(rule("for every role r require r.a > today - 20000 years"))) ==
          "test.lf:5:34: error: a date moves by at most 10000 days, months or years [LF2029]");
    CHECK(first_error(check_text(rule("for every role r require r.a > today - 12 weeks"))) ==
          "test.lf:5:45: error: expected 'days', 'months' or 'years' after the number [LF1001]");
    CHECK(first_error(check_text(rule("for every role r require today = r.a"))) ==
          "test.lf:5:34: error: '=' is not an operator; use '==' to compare values [LF1001]");
    // Near miss: a date literal may move too.
    const auto fine = check_text(rule("for every role r require r.a < \"2026-08-02\" + 4 months"));
    CHECK_MESSAGE(fine.rules, fine.rendered);
}

TEST_CASE("an effective date may depend on the subject, in rules that have one") {
    const auto checked = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n  effective \"2026-08-02\"\n"
        "  effective \"2026-12-02\" when g.placed_on_market < \"2026-08-02\"\n"
        "  for every node g require g has marking\n}\n");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& parsed = checked.rules->rules.at(0);
    CHECK(parsed.effective == "2026-08-02");
    REQUIRE(parsed.effective_when.size() == 1);
    CHECK(parsed.effective_when[0].date == "2026-12-02");
    CHECK(parsed.effective_when[0].condition.kind == Expr::Kind::compare);
    const auto unbound = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  effective \"2026-12-02\" when x.placed_on_market < \"2026-08-02\"\n"
        "  for every node g require g has marking\n}\n");
    CHECK(first_error(unbound) == "test.lf:5:31: error: unknown variable 'x' [LF2003]");
    const auto path_rule = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  effective \"2026-12-02\" when model.x == 1\n"
        "  for every path from node g to node s require no path\n}\n");
    CHECK(first_error(path_rule) ==
          "test.lf:5:13: error: a path rule has one effective date for all its findings [LF2030]");
    const auto not_a_date = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  effective \"soon\" when g.x == 1\n  for every node g require g has marking\n}\n");
    CHECK(first_error(not_a_date) == "test.lf:5:13: error: 'soon' is not a date [LF2014]");
}

TEST_CASE("a rule may have several requirements, each kept as written") {
    const auto checked = check_text(
        rule("for the model\n    require count(node n) >= 1\n    require   exists node a where\n"
             "      a.kind == \"audit_log\""));
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    const auto& requirements = checked.rules->rules.at(0).requirements;
    REQUIRE(requirements.size() == 2);
    CHECK(requirements[0].text == "count(node n) >= 1");
    CHECK(requirements[1].text == "exists node a where a.kind == \"audit_log\"");
    CHECK(requirements[1].condition.kind == Expr::Kind::exists);
}

TEST_CASE("a predicate knows the lines it spans, and a conditional date its condition's text") {
    const auto checked = check_text(
        "predicate personal(node n) =\n  n.kind == \"crm_object\"\n  and n.personal_data == "
        "true\n\nrule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  effective \"2026-12-02\" when n.placed_on_market   <\n    \"2026-08-02\"\n"
        "  for every node n require personal(n)\n}\n");
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    CHECK(checked.rules->predicates.at(0).range.line == 1);
    CHECK(checked.rules->predicates.at(0).last_line == 3);
    CHECK(checked.rules->rules.at(0).effective_when.at(0).text ==
          "n.placed_on_market < \"2026-08-02\"");
}

TEST_CASE("predicates called by a conditional date are bounded like any other") {
    std::string text = "predicate p0(node x) = x.a == 1\n";
    for (int i = 1; i <= 40; ++i) {
        text += "predicate p" + std::to_string(i) + "(node x) = p" + std::to_string(i - 1) +
                "(x) and p" + std::to_string(i - 1) + "(x)\n";
    }
    const auto checked = check_text(
        text +
        "rule DATED {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  effective \"2026-12-02\" when p40(x)\n  for every node x require x.a == 2\n}\n");
    CHECK(checked.rendered.find("error: rule 'DATED' grows past 100000 conditions once its "
                                "predicates are expanded [LF5001]") != std::string::npos);
}

TEST_CASE("report per flow belongs to rules that check flows") {
    const auto every_flow = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  for every path from node g to node s\n"
        "    require every flow f satisfies f has carries\n  report per flow\n}\n");
    REQUIRE_MESSAGE(every_flow.rules, every_flow.rendered);
    CHECK(every_flow.rules->rules.at(0).path->per == PathQuantifier::ReportPer::flow);
    const auto passes = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  for every path from node g to node s\n"
        "    require passes node d where d has controls\n  report per flow\n}\n");
    CHECK(first_error(passes) ==
          "test.lf:7:14: error: 'report per flow' needs a rule that checks flows ('require every "
          "flow f satisfies ...'): only such a rule has a flow that breaks it [LF2031]");
    const auto misspelt = check_text(
        "rule R {\n  title \"t\"\n  severity low\n  message \"m\"\n"
        "  for every path from node g to node s require no path\n  report per hop\n}\n");
    CHECK(first_error(misspelt).find("expected 'source', 'target' or 'flow' after 'report per'") !=
          std::string::npos);
}
