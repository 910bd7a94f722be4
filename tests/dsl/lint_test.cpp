#include "dsl/lint.hpp"

#include <doctest/doctest.h>

#include "tests/dsl/dsl_test_support.hpp"

namespace {

/// "line:column [check]" for each lint warning of the rule file `text`.
std::vector<std::string> lint(const std::string& text, std::set<std::string> model_keys = {}) {
    auto checked = lexflow::testing::check_text(text);
    REQUIRE_MESSAGE(checked.rules, checked.rendered);
    lexflow::dsl::LintScope scope;
    scope.files = {0};
    scope.has_models = !model_keys.empty();
    scope.model_keys = std::move(model_keys);
    lexflow::base::Diagnostics diagnostics;
    lexflow::dsl::lint_rules(*checked.rules, scope, diagnostics);
    std::vector<std::string> found;
    for (const auto& diagnostic : diagnostics.all()) {
        CHECK(diagnostic.level == lexflow::base::DiagnosticLevel::warning);
        found.push_back(std::to_string(diagnostic.range.line) + ":" +
                        std::to_string(diagnostic.range.column) + " [" + diagnostic.code + "]");
    }
    return found;
}

const std::string kClean = R"lf(
rule CLEAN {
  title "t" severity low message "m" cite "GDPR Art. 5(2)" remediation "r"
  for every node x where x.kind == "audit_log" require x has controls
}
)lf";

}  // namespace

TEST_CASE("a complete rule has no lint warning (near miss for every check)") {
    CHECK(lint(kClean).empty());
}

TEST_CASE("a rule without a citation or a remediation is flagged") {
    CHECK(lint("rule R { title \"t\" severity low message \"m\"\n"
               "  for every node x require x has a }\n") ==
          std::vector<std::string>{"1:6 [missing-citation]", "1:6 [missing-remediation]"});
}

TEST_CASE("an attribute one typo away from one other rules use more is flagged") {
    const auto warnings = lint(kClean + R"lf(
rule ALSO-CLEAN {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where x.kind == "crm_object" require x has controls
}
rule TYPO {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where x.kind == "audit_log" require x has contrls
}
)lf");
    CHECK(warnings == std::vector<std::string>{"13:56 [unknown-attribute]"});
}

TEST_CASE("with models in scope, an attribute none of them has is flagged") {
    const auto text = R"lf(
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where x.kind == "audit_log" require x has retention_days
}
)lf";
    CHECK(lint(text, {"id", "kind", "retention_days"}).empty());
    CHECK(lint(text, {"id", "kind", "controls"}) ==
          std::vector<std::string>{"4:56 [unknown-attribute]"});
}

TEST_CASE("comparisons that never depend on the model are flagged") {
    CHECK(lint(R"lf(
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where x.kind == "a" require x.level < true or "a" == "b"
}
)lf") == std::vector<std::string>{"4:48 [constant-comparison]", "4:66 [constant-comparison]"});
}

TEST_CASE("a variable that is never read is flagged") {
    CHECK(lint(R"lf(
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where x.kind == "a" require exists flow f where x.b == 1
}
)lf") == std::vector<std::string>{"4:60 [unused-variable]"});
    CHECK(lint(R"lf(
rule S {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x require exists node n where n.kind == "audit_log"
}
)lf") == std::vector<std::string>{"4:18 [unused-variable]"});
}

TEST_CASE("a where clause that can never hold is flagged") {
    CHECK(lint(R"lf(
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where x.kind == "a" and x.kind == "b" require x has c
}
)lf") == std::vector<std::string>{"4:44 [unreachable-where]"});
}

TEST_CASE("a predicate no rule calls, or a parameter it never reads, is flagged") {
    const auto warnings = lint(R"lf(
predicate used(node x) = x.kind == "audit_log"
predicate unused(node x) = x.kind == "crm_object"
predicate ignores(node x, flow f) = f.encrypted == true
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x where used(x) require exists flow f to x where ignores(x, f)
}
)lf");
    CHECK(warnings ==
          std::vector<std::string>{"3:11 [unused-predicate]", "4:24 [unused-variable]"});
}

TEST_CASE("a predicate called only by another predicate a rule calls is used") {
    CHECK(lint(R"lf(
predicate inner(node x) = x.kind == "audit_log"
predicate outer(node x) = inner(x) and x has controls
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for every node x require outer(x)
}
)lf")
              .empty());
}

TEST_CASE("a count whose condition never reads its variable is flagged, like an exists") {
    const auto warnings = lint(R"lf(
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for the model require count(node n where model.size > 1) >= 1
}
)lf");
    CHECK(warnings == std::vector<std::string>{"4:36 [unused-variable]"});
    // Near miss: the variable passed to a predicate, or counted by distinct value, is read.
    CHECK(lint(R"lf(
predicate audit(node x) = x.kind == "audit_log"
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  for the model require count(node n where audit(n)) >= 1
    and count(distinct g.vendor for node g where model.size > 1) <= 1
}
)lf")
              .empty());
}

TEST_CASE("a predicate called only by a conditional date is used") {
    CHECK(lint(R"lf(
predicate legacy(node x) = x.placed_on_market < "2026-08-02"
rule R {
  title "t" severity low message "m" cite "c" remediation "r"
  effective "2026-08-02"
  effective "2026-12-02" when legacy(x)
  for every node x require x has marking
}
)lf")
              .empty());
}
