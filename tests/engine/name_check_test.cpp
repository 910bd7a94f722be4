// Names one typo away from what the rules read are warned about; custom
// names pass silently.

#include "engine/name_check.hpp"

#include <doctest/doctest.h>

#include "tests/engine/engine_test_support.hpp"

namespace {

const std::string kRules = R"lf(
rule R1 {
  title "t" severity low message "m"
  for every node x where x.kind == "ai_generator" and x.placed_on_market < "2026-08-02"
    require x has marking and "disclosure_label" in x.controls
}
)lf";

std::vector<std::string> warnings_for(const std::string& yaml) {
    auto evaluation = lexflow::testing::evaluate_text(kRules, yaml);
    lexflow::base::Diagnostics diagnostics;
    lexflow::engine::check_model_names(*evaluation.model,
                                       lexflow::dsl::names_read_by(*evaluation.rules), diagnostics);
    std::vector<std::string> lines;
    for (const auto& diagnostic : diagnostics.all()) {
        CHECK(diagnostic.level == lexflow::base::DiagnosticLevel::warning);
        lines.push_back(std::to_string(diagnostic.range.line) + ": " + diagnostic.message + " (" +
                        diagnostic.help + ")");
    }
    return lines;
}

}  // namespace

TEST_CASE("the names is what the rules read and compare") {
    auto evaluation = lexflow::testing::evaluate_text(kRules, "surfaces:\n  - {id: a, kind: k}\n");
    const auto names = lexflow::dsl::names_read_by(*evaluation.rules);
    CHECK(names.keys == std::set<std::string>{"controls", "kind", "marking", "placed_on_market"});
    CHECK(names.values.at("kind") == std::set<std::string>{"ai_generator"});
    CHECK(names.values.at("controls") == std::set<std::string>{"disclosure_label"});
    CHECK(names.values.count("placed_on_market") == 0);  // ordered, not a name
}

TEST_CASE("a kind, a key or a list item one typo away is a warning with a suggestion") {
    const auto warnings = warnings_for(R"(surfaces:
  - id: drafter
    kind: ai_genrator
    markng: [watermark]
    controls: [disclosure_lable]
  - id: second
    kind: ai_genrator
)");
    CHECK(warnings == std::vector<std::string>{
                          "2: 'drafter': kind 'ai_genrator' is not a name the rules know (did you "
                          "mean 'ai_generator'?)",
                          "2: 'drafter' has an attribute 'markng' that no rule reads (did you mean "
                          "'marking'?)",
                          "2: 'drafter': controls 'disclosure_lable' is not a name the rules know "
                          "(did you mean 'disclosure_label'?)",
                      });
}

TEST_CASE("custom names far from every known one pass silently (near miss)") {
    CHECK(warnings_for(R"(surfaces:
  - id: drafter
    kind: marketing_widget
    owner_team: growth
    controls: [sso, disclosure_label]
    placed_on_market: "2026-03-02"
)")
              .empty());
}
