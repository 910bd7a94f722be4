#include <iostream>
#include <memory>

#include "cli/check_options.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "pipeline/diff.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow diff` was asked to do.
struct DiffCommand {
    std::vector<std::string> before;
    std::vector<std::string> after;
    CheckOptions options;
};

ExitStatus run_diff(const DiffCommand& command) {
    const auto configured = with_config(command.options);
    if (!configured) {
        return ExitStatus::invalid_input;
    }
    const auto& options = *configured;
    auto setup = check_setup(options);
    if (!setup) {
        return ExitStatus::invalid_input;
    }
    pipeline::DiffRequest request;
    request.rules = std::move(setup->rules);
    request.settings = std::move(setup->settings);
    request.selection = options.selection;
    request.before = command.before;
    request.after = command.after;
    request.standard_input = &std::cin;

    base::SourceSet sources;
    base::Diagnostics diagnostics;
    const auto outcome = pipeline::run_diff(request, sources, diagnostics);
    if (!outcome.completed) {
        print_diagnostics(sources, diagnostics, parse_color_mode(options.color),
                          request.settings.limits);
        return ExitStatus::invalid_input;
    }
    return finish_check(options, sources, outcome.warnings, outcome.report, outcome.decision);
}

}  // namespace

void attach_diff(CLI::App& command, ExitStatus& status) {
    auto diff = std::make_shared<DiffCommand>();
    command.footer(
        "Checks the model before a change and the model after it with the same rules, and "
        "reports the model after: each gap new or known, the gaps the change closed, and the "
        "surfaces, flows and roles it added, removed or changed.\n"
        "Exit status: 0 the change opens no gap at or above --fail-on; 1 it does; 2 invalid "
        "rules, models or arguments.\n"
        "Example: lexflow diff --before main/estate.yaml --after estate.yaml --format markdown");
    command.add_option("--before", diff->before, "Model file(s) before the change (repeatable)")
        ->required()
        ->type_name("MODEL");
    command.add_option("--after", diff->after, "Model file(s) after the change (repeatable)")
        ->required()
        ->type_name("MODEL");
    add_check_options(command, diff->options);
    command.callback([diff, &status] { status = run_diff(*diff); });
}

}  // namespace lexflow::cli
