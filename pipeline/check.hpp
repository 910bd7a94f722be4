#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/severity.hpp"
#include "base/source.hpp"
#include "dsl/rule_set.hpp"
#include "model/model.hpp"
#include "pipeline/decision.hpp"
#include "pipeline/observer.hpp"
#include "pipeline/report_stage.hpp"
#include "pipeline/rule_loading.hpp"
#include "pipeline/rule_selection.hpp"
#include "report/report.hpp"

/// The check pipeline, the one place where its stages are put in sequence:
///
///   rule sources → rules → model files → model → name check → evaluation
///   → report stages → decision
///
/// `lexflow check`, `explain`, `test` and the benchmark all run it; writing
/// the report is left to the caller (report/writer.hpp), which chooses where.
namespace lexflow::pipeline {

/// How to check, once the rules and the model are given.
struct CheckSettings {
    std::string as_of;  ///< "YYYY-MM-DD"; empty: every rule in force
    /// The lowest severity that makes the check fail; none: it never fails.
    std::optional<base::Severity> fail_on = base::Severity::low;
    std::vector<std::shared_ptr<const ReportStage>> report_stages;
    /// Loaded rules that the selection leaves out (run_check sets it): the
    /// report names them, and waivers of theirs are neither unknown nor stale.
    std::vector<std::string> rules_left_out;
    base::Limits limits;
    Observer* observer = nullptr;  ///< may be null
};

/// A whole check: where the rules and the model come from, and how to check.
struct CheckRequest {
    RuleSources rules;
    RuleSelection selection;
    std::vector<std::string> model_paths;  ///< merged into one estate (pipeline/model_files.hpp)
    CheckSettings settings;
    /// Where a model path `-` is read from; none: `-` is an error.
    std::istream* standard_input = nullptr;
};

/// What a check produced. When an input error stopped it, `completed` is
/// false, the errors are in the diagnostics and nothing else is set: a
/// report is whole or absent.
struct CheckOutcome {
    bool completed = false;
    std::optional<lexflow::model::Model> model;
    /// Problems with the inputs that did not stop the check (also located in
    /// the report), kept apart from the errors so callers choose where they go.
    base::Diagnostics warnings;
    report::Report report;
    Decision decision;
};

/// Runs the stages after loading the rules on the model read from
/// `model_files` (registered in `sources`). Errors go to `diagnostics`.
[[nodiscard]] CheckOutcome check_model(const dsl::RuleSet& rules,
                                       const std::vector<base::FileId>& model_files,
                                       base::SourceSet& sources, base::Diagnostics& diagnostics,
                                       const CheckSettings& settings);

/// Loads the rules and keeps those `selection` names; none on an error.
[[nodiscard]] std::optional<SelectedRules> load_selected_rules(const RuleSources& rule_sources,
                                                               const RuleSelection& selection,
                                                               const base::Limits& limits,
                                                               base::SourceSet& sources,
                                                               base::Diagnostics& diagnostics);

/// Runs the whole pipeline: loads the rules and selects among them,
/// registers the model files (each must be a regular file), then
/// check_model().
[[nodiscard]] CheckOutcome run_check(const CheckRequest& request, base::SourceSet& sources,
                                     base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
