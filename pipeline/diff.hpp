#pragma once

#include <string>
#include <vector>

#include "pipeline/check.hpp"

/// `lexflow diff`: the check of a change. Both models are checked with the
/// same rules; the report is the check of the model after, each gap marked
/// new or known against the check of the model before, with the gaps the
/// change closed and what it changed in the model.
namespace lexflow::pipeline {

struct DiffRequest {
    RuleSources rules;
    RuleSelection selection;
    std::vector<std::string> before;  ///< the model's files before the change
    std::vector<std::string> after;   ///< and after it
    /// How to check. The report stages (waivers) apply to the model after
    /// only: what matters is what the change leaves.
    CheckSettings settings;
    std::istream* standard_input = nullptr;  ///< for a model path `-` on either side
};

/// Like a CheckOutcome: when an input error stopped it, `completed` is false
/// and nothing else is set.
struct DiffOutcome {
    bool completed = false;
    base::Diagnostics warnings;  ///< about either model, and the stages
    report::Report report;       ///< the model after, marked against the model before
    Decision decision;           ///< fails only on the gaps the change opens
};

[[nodiscard]] DiffOutcome run_diff(const DiffRequest& request, base::SourceSet& sources,
                                   base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
