#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "cli/exit_status.hpp"
#include "cli/rule_options.hpp"
#include "pipeline/check.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace lexflow::cli {

/// The options `lexflow check` and `lexflow diff` share: which rules, how to
/// decide, which waivers, and which reports to write where.
struct CheckOptions {
    RuleOptions rules;
    pipeline::RuleSelection selection;
    std::string waivers;
    std::int64_t waiver_max_days = 365;
    std::string format = "text";
    std::string output;
    /// Reports written beside the main one, by format: one evaluation, several files.
    std::map<std::string, std::string> extra_outputs;
    std::string fail_on = "low";
    std::string color = "auto";
    std::string as_of;  ///< empty: today
    bool strict = false;
    bool verbose = false;
    std::size_t max_findings = report::kFindingsPerRule;  ///< per rule, in text
    bool all_findings = false;
    std::string config;  ///< --config; empty: look for .lexflow.yaml
    bool no_config = false;
    /// The command the options were parsed for: which of them were given.
    const CLI::App* command = nullptr;
};

/// Declares the shared options on `command`.
void add_check_options(CLI::App& command, CheckOptions& options);

/// The options with those of the config file filled in where the command
/// line gives none (the command line wins). None, with the errors printed,
/// when the config file is invalid or `--config` names none.
[[nodiscard]] std::optional<CheckOptions> with_config(const CheckOptions& options);

/// The check settings and rule sources the options ask for (the report
/// stages included, but not a baseline); none, with an error printed, when an
/// option is invalid (a date, SOURCE_DATE_EPOCH, a limit).
struct CheckSetup {
    pipeline::RuleSources rules;
    pipeline::CheckSettings settings;
};
[[nodiscard]] std::optional<CheckSetup> check_setup(const CheckOptions& options);

/// Prints the warnings, applies --strict, writes every report the options
/// ask for and turns the decision into the exit status.
[[nodiscard]] ExitStatus finish_check(const CheckOptions& options, const base::SourceSet& sources,
                                      const base::Diagnostics& warnings,
                                      const report::Report& report,
                                      const pipeline::Decision& decision);

}  // namespace lexflow::cli
