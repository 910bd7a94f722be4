// Every shipped rule has its tests in tests/rules/<pack>/<RULE-ID>/tests.lf,
// written in the test form authors use: at least one test where the rule
// must report gaps (fires.yaml, which `lexflow explain` also shows), and one
// near miss, the most tempting wrong reading, where it must report nothing.
// They run here through the same code as `lexflow test tests/rules`.

#include "pipeline/rule_tests.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "pipeline/rule_loading.hpp"
#include "report/diagnostic_renderer.hpp"
#include "tests/support/golden.hpp"

namespace fs = std::filesystem;

namespace {

using lexflow::testing::source_path;

/// The shipped packs together with their tests.
struct ShippedRules {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    std::optional<lexflow::dsl::RuleSet> rules;

    ShippedRules() {
        rules = lexflow::pipeline::load_rules({false,
                                               {source_path("rules"), source_path("tests/rules")},
                                               lexflow::dsl::RuleTests::check},
                                              sources, diagnostics);
    }
};

bool tests_rule(const lexflow::dsl::TestCase& test, const std::string& rule_id) {
    return std::find(test.rule_ids.begin(), test.rule_ids.end(), rule_id) != test.rule_ids.end();
}

}  // namespace

TEST_CASE("every shipped rule has a test where it fires and a near miss") {
    ShippedRules shipped;
    REQUIRE_MESSAGE(shipped.rules, lexflow::report::DiagnosticRenderer(shipped.sources, false)
                                       .render_all(shipped.diagnostics));
    for (const auto& rule : shipped.rules->rules) {
        CAPTURE(rule.id);
        const auto folder = fs::path(source_path("tests/rules")) / rule.pack / rule.id;
        CHECK_MESSAGE(fs::exists(folder / "fires.yaml"),
                      "missing tests/rules/" << rule.pack << "/" << rule.id << "/fires.yaml");
        bool fires = false;
        bool near_miss = false;
        for (const auto& test : shipped.rules->tests) {
            if (tests_rule(test, rule.id)) {
                fires = fires || !test.expectations.empty();
                near_miss = near_miss || test.expects_nothing;
            }
        }
        CHECK_MESSAGE(fires, "no test expects " << rule.id << " to report a gap");
        CHECK_MESSAGE(near_miss, "no near-miss test ('expect none') for " << rule.id);
    }
}

TEST_CASE("every test of the shipped rules passes") {
    ShippedRules shipped;
    REQUIRE(shipped.rules);
    REQUIRE(!shipped.rules->tests.empty());
    for (const auto& test : shipped.rules->tests) {
        const auto outcome =
            lexflow::pipeline::run_rule_test(test, *shipped.rules, shipped.sources);
        CAPTURE(shipped.sources.name(test.name_range.file));
        CAPTURE(test.name);
        std::string differences;
        for (const auto& difference : outcome.differences) {
            differences += difference.text + "\n";
        }
        CHECK_MESSAGE(outcome.passed(),
                      differences << lexflow::report::DiagnosticRenderer(shipped.sources, false)
                                         .render_all(outcome.model_errors));
    }
}
