#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_ids.hpp"
#include "dsl/diagnostic_renderer.hpp"
#include "dsl/iso_date.hpp"
#include "engine/evaluator.hpp"
#include "engine/model_loader.hpp"
#include "engine/report/reporter.hpp"
#include "engine/vocabulary.hpp"

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
};

/// Today's date in UTC, "YYYY-MM-DD".
std::string today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day date{now};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

/// Registers each model file; a missing one is an error located at its name.
std::vector<dsl::FileId> model_files(const std::vector<std::string>& paths, dsl::SourceSet& sources,
                                     dsl::Diagnostics& diagnostics) {
    std::vector<dsl::FileId> files;
    for (const auto& path : paths) {
        const auto file = sources.add_on_disk(path);
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            const bool exists = std::filesystem::exists(path, error);
            diagnostics.report(
                {dsl::DiagnosticLevel::error,
                 std::string(dsl::diagnostic_ids::unreadable_path),
                 {file, 0, 0, 1},
                 exists ? "not a model file (it is a folder or a device)" : "no such model file",
                 {},
                 "pass the YAML file(s) of the model"});
            continue;
        }
        files.push_back(file);
    }
    return files;
}

/// Whether anything in the report reaches the --fail-on threshold. Subjects
/// that could not be evaluated count too: lexflow fails closed.
bool reaches_threshold(const engine::Report& report, std::optional<dsl::Severity> threshold,
                       std::size_t& gaps, std::size_t& undecided) {
    if (!threshold) {
        return false;
    }
    // Upcoming gaps (rules not yet in force) never fail a check.
    for (const auto& finding : report.findings) {
        gaps += !finding.upcoming && finding.severity >= *threshold ? 1 : 0;
    }
    for (const auto& entry : report.not_evaluated) {
        undecided += !entry.upcoming && entry.severity >= *threshold ? 1 : 0;
    }
    return gaps + undecided > 0;
}

bool write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

ExitStatus run_check(const CheckOptions& options) {
    const auto color_mode = parse_color_mode(options.color);
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics;
    const dsl::DiagnosticRenderer renderer(sources, use_color(color_mode, stderr));
    const auto fail = [&] {
        std::fputs(renderer.render_all(diagnostics).c_str(), stderr);
        return ExitStatus::invalid_input;
    };

    const auto as_of = options.as_of.empty() ? today() : options.as_of;
    if (!dsl::is_iso_date(as_of)) {
        std::fputs(
            fmt::format("lexflow: error: --as-of '{}' is not a date; write it as YYYY-MM-DD\n",
                        as_of)
                .c_str(),
            stderr);
        return ExitStatus::invalid_input;
    }
    if (options.rules.no_default_rules && options.rules.paths.empty()) {
        std::fputs(
            "lexflow: error: --no-default-rules leaves no rules to check; add --rules PATH\n",
            stderr);
        return ExitStatus::invalid_input;
    }
    auto rules = load_rules(options.rules.sources(), sources, diagnostics);
    const auto files = model_files(options.models, sources, diagnostics);
    if (!rules || diagnostics.has_errors()) {
        return fail();
    }
    auto model = engine::load_model(files, sources, diagnostics);
    if (!model) {
        return fail();
    }

    // Near-typos of names the rules read are warnings: the check goes on.
    dsl::Diagnostics warnings;
    engine::check_vocabulary(*model, engine::vocabulary_of(*rules), warnings);
    std::fputs(dsl::DiagnosticRenderer(sources, use_color(color_mode, stderr))
                   .render_all(warnings)
                   .c_str(),
               stderr);

    const auto report = engine::evaluate(*rules, *model, sources, {as_of});
    const bool to_terminal = options.output.empty() || options.output == "-";
    const auto reporter =
        options.format == "json"
            ? engine::make_json_reporter()
            : engine::make_text_reporter(to_terminal && use_color(color_mode, stdout));
    if (!write_output(options.output, reporter->render(report))) {
        std::fputs(fmt::format("lexflow: error: cannot write the report to '{}'\n", options.output)
                       .c_str(),
                   stderr);
        return ExitStatus::invalid_input;
    }

    std::size_t gaps = 0;
    std::size_t undecided = 0;
    const auto threshold = dsl::parse_severity(options.fail_on);
    if (!reaches_threshold(report, threshold, gaps, undecided)) {
        return ExitStatus::clean;
    }
    auto summary = fmt::format("{} gap{}", gaps, gaps == 1 ? "" : "s");
    if (undecided > 0) {
        summary += fmt::format(" and {} undecided check{}", undecided, undecided == 1 ? "" : "s");
    }
    std::fputs(fmt::format("lexflow: {} at or above '{}'\n", summary, options.fail_on).c_str(),
               stderr);
    return ExitStatus::gaps_found;
}

}  // namespace

void attach_check(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<CheckOptions>();
    auto* check = &command;
    check->footer(
        "Exit status: 0 no gap at or above --fail-on; 1 gaps found; 2 invalid rules, model or "
        "arguments (nothing was checked).\nExample: lexflow check estate.yaml --rules my-rules/ "
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
    add_color_option(*check, options->color);
    check->callback([options, &status] { status = run_check(*options); });
}

}  // namespace lexflow::cli
