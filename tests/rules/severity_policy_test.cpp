// Every shipped rule's severity follows docs/severity.md: the legal force of
// what it cites, what its gap does to people (its `impact:` tag), and the
// modifiers that lower it one step (`supporting`, `staff-only`,
// `no-penalty`).

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "base/severity.hpp"
#include "pipeline/rule_loading.hpp"
#include "report/diagnostic_renderer.hpp"
#include "tests/support/golden.hpp"

namespace {

using lexflow::base::Severity;

enum class Force { prohibition, binding, voluntary };

/// The strongest force among the rule's citations: a prohibition of the AI
/// Act (Art. 5), another provision of EU law, or voluntary NIST guidance.
Force force_of(const lexflow::dsl::Rule& rule) {
    Force force = Force::voluntary;
    for (const auto& citation : rule.citations) {
        if (citation.text.starts_with("EU AI Act Art. 5(")) {
            return Force::prohibition;
        }
        if (citation.text.starts_with("EU AI Act") || citation.text.starts_with("GDPR")) {
            force = Force::binding;
        }
    }
    return force;
}

bool tagged(const lexflow::dsl::Rule& rule, std::string_view tag) {
    return std::find(rule.tags.begin(), rule.tags.end(), tag) != rule.tags.end();
}

/// The severity docs/severity.md gives the rule, or nullopt without one
/// impact tag.
std::optional<Severity> policy_severity(const lexflow::dsl::Rule& rule) {
    const auto impacts = std::count_if(rule.tags.begin(), rule.tags.end(),
                                       [](const auto& tag) { return tag.starts_with("impact:"); });
    if (impacts != 1) {
        return std::nullopt;
    }
    const auto force = force_of(rule);
    if (force == Force::prohibition) {
        return Severity::critical;
    }
    const bool binding = force == Force::binding;
    int level = tagged(rule, "impact:governance") ? (binding ? 2 : 1) : (binding ? 3 : 2);
    for (const auto* modifier : {"supporting", "staff-only", "no-penalty"}) {
        level -= tagged(rule, modifier) ? 1 : 0;
    }
    return static_cast<Severity>(std::max(level, 1));
}

}  // namespace

TEST_CASE("every shipped rule's severity follows the written severity policy") {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto rules = lexflow::pipeline::load_rules(
        {false, {lexflow::testing::source_path("rules")}, lexflow::dsl::RuleTests::ignore}, sources,
        diagnostics);
    REQUIRE_MESSAGE(rules,
                    lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics));
    REQUIRE(!rules->rules.empty());
    for (const auto& rule : rules->rules) {
        CAPTURE(rule.id);
        const auto expected = policy_severity(rule);
        REQUIRE_MESSAGE(expected, "give the rule exactly one impact: tag (docs/severity.md)");
        REQUIRE(rule.severity);
        CHECK(to_string(*rule.severity) == to_string(*expected));
    }
}

TEST_CASE("the severity policy tells binding law from guidance, and lowers for its modifiers") {
    lexflow::dsl::Rule rule;
    rule.citations = {{"GDPR Art. 22(1)", {}}};
    rule.tags = {"impact:harm"};
    CHECK(policy_severity(rule) == Severity::high);
    rule.citations = {{"NIST AI 600-1 MP-5.1-003", {}}};
    CHECK(policy_severity(rule) == Severity::medium);
    rule.tags.push_back("staff-only");
    CHECK(policy_severity(rule) == Severity::low);
    rule.citations = {{"EU AI Act Art. 50(1)", {}}};
    rule.tags = {"impact:governance", "no-penalty"};
    CHECK(policy_severity(rule) == Severity::low);
    rule.citations = {{"EU AI Act Art. 5(1)(f)", {}}};
    CHECK(policy_severity(rule) == Severity::critical);
    rule.tags = {"impact:harm", "impact:evidence"};
    CHECK_FALSE(policy_severity(rule));
}
