#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/limit_options.hpp"
#include "cli/messages.hpp"
#include "cli/terminal.hpp"
#include "pipeline/lint.hpp"
#include "report/diagnostic_json.hpp"
#include "report/diagnostic_renderer.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow lint` was asked to do.
struct LintOptions {
    std::vector<std::string> rule_paths;  ///< empty: lint the shipped packs
    std::vector<std::string> models;
    bool no_default_rules = false;
    bool strict = false;
    std::string format = "text";
    LimitOptions limits;
};

/// The diagnostics as `{"diagnostics": [...]}` on stdout.
void write_json(const base::SourceSet& sources, const base::Diagnostics& diagnostics) {
    report::JsonStream json(std::cout);
    json.begin_object().key("diagnostics");
    report::write_diagnostics_json(json, report::locate(diagnostics, sources));
    json.end_object();
    std::cout << '\n';
    std::cout.flush();
}

ExitStatus run_lint(const LintOptions& options) {
    const bool lint_shipped = options.rule_paths.empty();
    if (lint_shipped && options.no_default_rules) {
        print_error("--no-default-rules leaves no rules to lint; name rule files");
        return ExitStatus::invalid_input;
    }
    const auto limits = options.limits.limits();
    if (!limits) {
        return ExitStatus::invalid_input;
    }
    base::SourceSet sources;
    base::Diagnostics diagnostics(200);
    const pipeline::LintRequest request{
        {!options.no_default_rules, options.rule_paths, dsl::RuleTests::check},
        lint_shipped,
        options.models,
        *limits};
    if (!pipeline::run_lint(request, sources, diagnostics)) {
        if (options.format == "json") {
            write_json(sources, diagnostics);  // editors read errors too
        } else {
            print_diagnostics(sources, diagnostics, ColorMode::automatic, *limits);
        }
        return ExitStatus::invalid_input;
    }
    if (options.format == "json") {
        write_json(sources, diagnostics);
    } else {
        std::cout << report::DiagnosticRenderer(sources, use_color(ColorMode::automatic, stdout),
                                                static_cast<std::size_t>(limits->snippet_width))
                         .render_all(diagnostics);
    }
    std::cout.flush();
    if (options.strict && diagnostics.warning_count() > 0) {
        const auto count = diagnostics.warning_count();
        print_status(fmt::format("{} treated as {} (--strict)",
                                 count == 1 ? "1 warning" : fmt::format("{} warnings", count),
                                 count == 1 ? "an error" : "errors"));
        return ExitStatus::gaps_found;
    }
    return ExitStatus::clean;
}

}  // namespace

void attach_lint(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<LintOptions>();
    auto* lint = &command;
    lint->footer(
        "Without RULES, lints the shipped packs. Exit status: 0 no error (warnings allowed); 1 "
        "warnings with --strict; 2 errors.\nExample: lexflow lint my-rules/ --model estate.yaml");
    lint->add_option("rules", options->rule_paths, "Rule files or folders to lint")
        ->type_name("RULES");
    lint->add_option("--model", options->models,
                     "A model whose attributes the rules may read (repeatable)")
        ->type_name("FILE")
        ->take_all()
        ->expected(1)
        ->allow_extra_args(false);
    lint->add_flag("--no-default-rules", options->no_default_rules,
                   "Do not load the shipped packs as context");
    lint->add_flag("--strict", options->strict, "Make warnings fail (exit status 1)");
    add_limit_option(*lint, options->limits);
    lint->add_option("--format", options->format, "Output format (json for editors)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    lint->callback([options, &status] { status = run_lint(*options); });
}

}  // namespace lexflow::cli
