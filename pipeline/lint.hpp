#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "pipeline/rule_loading.hpp"

namespace lexflow::pipeline {

/// What `lexflow lint` is asked to do.
struct LintRequest {
    RuleSources rules;
    /// Lint the shipped packs (the embedded files) rather than the files of
    /// `rules.paths`; the others only inform the checks.
    bool lint_shipped = false;
    /// Models whose attributes the rules may read.
    std::vector<std::string> model_paths;
    base::Limits limits;
};

/// Loads the rules and the models and lints the rules in scope: every error
/// and warning goes to `diagnostics`. Returns false when an input error
/// stopped it before linting.
[[nodiscard]] bool run_lint(const LintRequest& request, base::SourceSet& sources,
                            base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
