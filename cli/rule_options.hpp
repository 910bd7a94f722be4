#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/limit_options.hpp"
#include "dsl/checker.hpp"
#include "pipeline/rule_loading.hpp"

namespace lexflow::cli {

/// The `--rules PATH` (repeatable), `--no-default-rules` and `--limit`
/// options that every command taking rules shares.
struct RuleOptions {
    std::vector<std::string> paths;
    bool no_default_rules = false;
    LimitOptions limits;

    [[nodiscard]] pipeline::RuleSources sources(
        dsl::RuleTests tests = dsl::RuleTests::ignore) const {
        return {!no_default_rules, paths, tests};
    }
};

/// Declares the RuleOptions on `command`.
void add_rule_options(CLI::App& command, RuleOptions& options);

/// Loads the rules the options name, without their tests; prints what is
/// wrong with them or with the options to stderr and returns none.
[[nodiscard]] std::optional<dsl::RuleSet> load_rules_or_report(const RuleOptions& options);

}  // namespace lexflow::cli
