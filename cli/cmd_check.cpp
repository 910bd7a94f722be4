#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "base/iso_date.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "cli/rule_options.hpp"
#include "cli/terminal.hpp"
#include "pipeline/check.hpp"
#include "report/writer.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow check` was asked to do.
struct CheckOptions {
    std::vector<std::string> models;
    RuleOptions rules;
    std::string format = "text";
    std::string output;
    std::string fail_on = "low";
    std::string color = "auto";
    std::string as_of;  ///< empty: today
    bool strict = false;
    bool verbose = false;
};

/// Today's date in UTC, "YYYY-MM-DD".
std::string today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day date{now};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

ExitStatus run_check(const CheckOptions& options) {
    const auto color_mode = parse_color_mode(options.color);
    const auto as_of = options.as_of.empty() ? today() : options.as_of;
    if (!base::is_iso_date(as_of)) {
        print_error(fmt::format("--as-of '{}' is not a date; write it as YYYY-MM-DD", as_of));
        return ExitStatus::invalid_input;
    }
    if (options.rules.no_default_rules && options.rules.paths.empty()) {
        print_error("--no-default-rules leaves no rules to check; add --rules PATH");
        return ExitStatus::invalid_input;
    }
    const auto limits = options.rules.limits.limits();
    if (!limits) {
        return ExitStatus::invalid_input;
    }
    pipeline::CheckRequest request;
    request.rules = options.rules.sources();
    request.settings.limits = *limits;
    request.model_paths = options.models;
    request.settings.as_of = as_of;
    request.settings.fail_on = base::parse_severity(options.fail_on);

    base::SourceSet sources;
    base::Diagnostics diagnostics;
    const auto outcome = pipeline::run_check(request, sources, diagnostics);
    if (!outcome.completed) {
        print_diagnostics(sources, diagnostics, color_mode, *limits);
        return ExitStatus::invalid_input;
    }
    print_diagnostics(sources, outcome.warnings, color_mode, *limits);
    if (options.strict && outcome.warnings.warning_count() > 0) {
        const auto count = outcome.warnings.warning_count();
        print_error(fmt::format("{} treated as {} (--strict); nothing was reported",
                                count == 1 ? "1 warning" : fmt::format("{} warnings", count),
                                count == 1 ? "an error" : "errors"));
        return ExitStatus::invalid_input;
    }

    const auto format = options.format == "json" ? report::Format::json : report::Format::text;
    const auto writer = report::make_writer(
        format, is_stdout(options.output) && use_color(color_mode, stdout), options.verbose);
    if (!write_output(options.output,
                      [&](std::ostream& out) { writer->write(outcome.report, out); })) {
        print_error(fmt::format("cannot write the report to '{}'", options.output));
        return ExitStatus::invalid_input;
    }
    if (!outcome.decision.fails) {
        return ExitStatus::clean;
    }
    print_status(fmt::format("{} at or above '{}'", outcome.decision.summary(), options.fail_on));
    return ExitStatus::gaps_found;
}

}  // namespace

void attach_check(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<CheckOptions>();
    auto* check = &command;
    check->footer(
        "Exit status: 0 no gap at or above --fail-on; 1 gaps found; 2 invalid rules, model or "
        "arguments, or with --strict a warning (nothing was checked).\nExample: lexflow check "
        "estate.yaml --rules my-rules/ "
        "--format json --output gaps.json");
    check->add_option("model", options->models, "Model YAML file(s); several files are merged")
        ->required()
        ->type_name("MODEL");
    add_rule_options(*check, options->rules);
    check->add_option("--format", options->format, "Report format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    check->add_option("-o,--output", options->output, "Write the report to FILE instead of stdout")
        ->type_name("FILE");
    check
        ->add_option("--fail-on", options->fail_on,
                     "Lowest severity that makes the exit status 1 ('none': never)")
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none"}))
        ->capture_default_str();
    check
        ->add_option("--as-of", options->as_of,
                     "Check as of this date (YYYY-MM-DD; default: today): gaps under rules not "
                     "yet in force are reported as upcoming and do not fail the check")
        ->type_name("DATE");
    check->add_flag("--strict", options->strict,
                    "Treat warnings about the model (names no pack declares) as errors: exit 2");
    check->add_flag("-v,--verbose", options->verbose,
                    "Also list each undecided check, and what findings and passes assumed from a "
                    "default");
    add_color_option(*check, options->color);
    check->callback([options, &status] { status = run_check(*options); });
}

}  // namespace lexflow::cli
