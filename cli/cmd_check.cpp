#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/check_options.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "pipeline/baseline_stage.hpp"
#include "pipeline/check.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow check` was asked to do.
struct CheckCommand {
    std::vector<std::string> models;
    std::string baseline;
    CheckOptions options;
};

ExitStatus run_check(const CheckCommand& command) {
    const auto configured = with_config(command.options);
    if (!configured) {
        return ExitStatus::invalid_input;
    }
    const auto& options = *configured;
    auto setup = check_setup(options);
    if (!setup) {
        return ExitStatus::invalid_input;
    }
    pipeline::CheckRequest request;
    request.rules = std::move(setup->rules);
    request.settings = std::move(setup->settings);
    request.selection = options.selection;
    request.model_paths = command.models;
    request.standard_input = &std::cin;
    if (!command.baseline.empty()) {
        request.settings.report_stages.push_back(
            std::make_shared<pipeline::BaselineStage>(command.baseline));
    }

    base::SourceSet sources;
    base::Diagnostics diagnostics;
    const auto outcome = pipeline::run_check(request, sources, diagnostics);
    if (!outcome.completed) {
        print_diagnostics(sources, diagnostics, parse_color_mode(options.color),
                          request.settings.limits);
        return ExitStatus::invalid_input;
    }
    return finish_check(options, sources, outcome.warnings, outcome.report, outcome.decision);
}

}  // namespace

void attach_check(CLI::App& command, ExitStatus& status) {
    auto check = std::make_shared<CheckCommand>();
    command.footer(
        "Exit status: 0 no gap at or above --fail-on; 1 gaps found; 2 invalid rules, model or "
        "arguments, or with --strict a warning (nothing was checked).\nExample: lexflow check "
        "estate.yaml --rules my-rules/ "
        "--format json --output gaps.json");
    command
        .add_option(
            "model", check->models,
            "Model: YAML or JSON file(s), a folder of them, or - (standard input, YAML); several are merged")
        ->required()
        ->type_name("MODEL");
    add_check_options(command, check->options);
    command
        .add_option("--baseline", check->baseline,
                    "A JSON report of an earlier check: gaps it has already do not fail this one")
        ->type_name("REPORT");
    command.callback([check, &status] { status = run_check(*check); });
}

}  // namespace lexflow::cli
