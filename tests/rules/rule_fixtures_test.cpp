// Every shipped rule has two fixture models under tests/rules/<pack>/<RULE-ID>/:
// fires.yaml, where the rule must report exactly the subjects listed in its
// "# expect:" lines, and near-miss.yaml, the most tempting wrong reading,
// where the rule must report nothing (no gap, nothing "not evaluated").
// They run here through the same code as `lexflow test tests/rules`.

#include "cli/rule_fixtures.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "tests/support/golden.hpp"

namespace fs = std::filesystem;

namespace {

using lexflow::testing::source_path;

struct ShippedRules {
    lexflow::dsl::SourceSet sources;
    lexflow::dsl::Diagnostics diagnostics;
    std::optional<lexflow::dsl::RuleSet> rules;

    ShippedRules() {
        rules = lexflow::cli::load_rules({false, {source_path("rules")}}, sources, diagnostics);
    }
};

}  // namespace

TEST_CASE("every shipped rule has a firing fixture and a near miss") {
    ShippedRules shipped;
    REQUIRE(shipped.rules);
    for (const auto& rule : shipped.rules->rules) {
        CAPTURE(rule.id);
        const auto folder = fs::path(source_path("tests/rules")) / rule.pack / rule.id;
        CHECK_MESSAGE(fs::exists(folder / "fires.yaml"),
                      "missing tests/rules/" << rule.pack << "/" << rule.id << "/fires.yaml");
        CHECK_MESSAGE(fs::exists(folder / "near-miss.yaml"),
                      "missing tests/rules/" << rule.pack << "/" << rule.id << "/near-miss.yaml");
    }
}

TEST_CASE("each rule fires on its fixture and stays silent on its near miss") {
    ShippedRules shipped;
    REQUIRE(shipped.rules);
    const auto folders = lexflow::cli::find_fixture_folders({source_path("tests/rules")});
    REQUIRE(!folders.empty());
    for (const auto& outcome :
         lexflow::cli::run_fixtures(folders, *shipped.rules, shipped.sources)) {
        CAPTURE(outcome.model);
        CHECK_MESSAGE(outcome.passed(), lexflow::cli::describe_failure(outcome));
        if (!outcome.near_miss) {
            CHECK_MESSAGE(!outcome.expected.empty(), outcome.model << " has no '# expect:' line");
        }
    }
}
