// The check pipeline on files held in memory: its stages, in order, and the
// decision at the end.

#include "pipeline/check.hpp"

#include <doctest/doctest.h>

#include <memory>

#include "base/diagnostic_ids.hpp"
#include "report/diagnostic_renderer.hpp"

using lexflow::pipeline::CheckRequest;
using lexflow::pipeline::Stage;

namespace {

const std::string kRules = R"lf(
rule HOUSE-OWNER {
  title "Every system has an owner"
  severity medium
  message "{s} has no owner"
  for every node s require s has owner
}
rule HOUSE-NOTE {
  title "Systems carry a note"
  severity info
  message "{s} has no note"
  for every node s require s has note
}
attribute owner { on node type string meaning "The team that owns it" }
attribute note { on node type string meaning "A note" }
)lf";

const std::string kModel = R"(model: house
surfaces:
  - {id: owned, kind: crm_object, owner: sales, note: x}
  - {id: orphan, kind: crm_object, note: y}
  - {id: silent, kind: crm_object, owner: ops}
)";

/// A request for the house rules on the house model, from memory.
struct Fixture {
    std::shared_ptr<lexflow::base::MemoryFileReader> files =
        std::make_shared<lexflow::base::MemoryFileReader>();
    lexflow::base::SourceSet sources{files};
    lexflow::base::Diagnostics diagnostics;
    CheckRequest request;

    Fixture() {
        files->add("house/rules.lf", kRules);
        files->add("house/model.yaml", kModel);
        request.rules = {false, {"house"}, lexflow::dsl::RuleTests::ignore};
        request.model_paths = {"house/model.yaml"};
    }

    [[nodiscard]] std::string rendered() const {
        return lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics);
    }
};

/// Drops every finding below medium severity, as a baseline or waiver stage would.
class DropBelowMedium final : public lexflow::pipeline::ReportStage {
  public:
    void apply(lexflow::report::Report& report, lexflow::pipeline::StageContext&) const override {
        std::erase_if(report.findings, [](const lexflow::report::Finding& finding) {
            return finding.severity < lexflow::base::Severity::medium;
        });
    }
};

/// Records the stages in the order they end.
class StageLog final : public lexflow::pipeline::Observer {
  public:
    void stage_done(Stage stage, double seconds) override {
        CHECK(seconds >= 0);
        stages.push_back(stage);
    }
    void rule_done(const lexflow::dsl::Rule& rule, double, std::size_t findings,
                   std::size_t) override {
        rules.push_back(rule.id + ":" + std::to_string(findings));
    }
    std::vector<Stage> stages;
    std::vector<std::string> rules;
};

}  // namespace

TEST_CASE("a check runs every stage in order and decides on what it found") {
    Fixture fixture;
    StageLog log;
    fixture.request.settings.observer = &log;
    const auto outcome =
        lexflow::pipeline::run_check(fixture.request, fixture.sources, fixture.diagnostics);
    REQUIRE_MESSAGE(outcome.completed, fixture.rendered());
    CHECK(log.stages == std::vector<Stage>{Stage::load_rules, Stage::read_model, Stage::evaluate,
                                           Stage::post_process, Stage::decide});
    CHECK(log.rules == std::vector<std::string>{"HOUSE-OWNER:1", "HOUSE-NOTE:1"});
    CHECK(outcome.report.findings.size() == 2);
    CHECK(outcome.report.rules.size() == 2);
    CHECK(outcome.decision.fails);  // the default threshold is 'low'
    CHECK(outcome.decision.gaps == 1);
    CHECK(outcome.decision.summary() == "1 gap");
}

TEST_CASE("the threshold decides which gaps fail the check") {
    Fixture fixture;
    fixture.request.settings.fail_on = lexflow::base::Severity::info;
    auto outcome =
        lexflow::pipeline::run_check(fixture.request, fixture.sources, fixture.diagnostics);
    CHECK(outcome.decision.gaps == 2);
    CHECK(outcome.decision.summary() == "2 gaps");

    Fixture never;
    never.request.settings.fail_on = std::nullopt;
    outcome = lexflow::pipeline::run_check(never.request, never.sources, never.diagnostics);
    CHECK(outcome.completed);
    CHECK_FALSE(outcome.decision.fails);
}

TEST_CASE("report stages run after evaluation and before the decision") {
    Fixture fixture;
    fixture.request.settings.fail_on = lexflow::base::Severity::info;
    fixture.request.settings.report_stages.push_back(std::make_shared<DropBelowMedium>());
    const auto outcome =
        lexflow::pipeline::run_check(fixture.request, fixture.sources, fixture.diagnostics);
    REQUIRE(outcome.report.findings.size() == 1);
    CHECK(outcome.report.findings[0].rule_id == "HOUSE-OWNER");
    CHECK(outcome.decision.gaps == 1);
}

TEST_CASE("an input error stops the check: no model, no report, no decision") {
    Fixture fixture;
    fixture.request.model_paths = {"house/model.yaml", "house/missing.yaml"};
    const auto outcome =
        lexflow::pipeline::run_check(fixture.request, fixture.sources, fixture.diagnostics);
    CHECK_FALSE(outcome.completed);
    CHECK_FALSE(outcome.model);
    CHECK(outcome.report.findings.empty());
    CHECK_FALSE(outcome.decision.fails);
    REQUIRE(fixture.diagnostics.error_count() == 1);
    CHECK(fixture.diagnostics.all()[0].code == lexflow::base::diagnostic_ids::unreadable_path);
    CHECK(fixture.rendered().starts_with("house/missing.yaml: error: no such model file"));
}

TEST_CASE("warnings about model names do not stop the check and are kept in the report") {
    Fixture fixture;
    fixture.files->add("house/model.yaml",
                       kModel + "  - {id: typo, kind: crm_object, ownr: x, note: z}\n");
    const auto outcome =
        lexflow::pipeline::run_check(fixture.request, fixture.sources, fixture.diagnostics);
    REQUIRE(outcome.completed);
    CHECK(fixture.diagnostics.all().empty());
    REQUIRE(outcome.warnings.warning_count() == 1);
    REQUIRE(outcome.report.diagnostics.size() == 1);
    CHECK(outcome.report.diagnostics[0].file == "house/model.yaml");
    CHECK(outcome.report.diagnostics[0].help == "did you mean 'owner'?");
}

TEST_CASE("rule files given together may not hold more than rules-size bytes") {
    Fixture fixture;
    fixture.files->add("house/more.lf", kRules.substr(0, kRules.find("rule HOUSE-NOTE")) + "\n");
    fixture.files->add("house/more.lf",
                       "rule EXTRA { title \"t\" severity low message \"m\" "
                       "for every node s require s has x }\n");
    fixture.request.settings.limits.rules_size = kRules.size() + 10;
    const auto outcome =
        lexflow::pipeline::run_check(fixture.request, fixture.sources, fixture.diagnostics);
    CHECK_FALSE(outcome.completed);
    CHECK(fixture.rendered().starts_with(
        "house/rules.lf: error: the rule files given hold more than " +
        std::to_string(kRules.size() + 10) + " bytes together [LF5001]"));
}
