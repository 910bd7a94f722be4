#include "cli/check_options.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <memory>

#include "base/iso_date.hpp"
#include "cli/config_file.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "cli/terminal.hpp"
#include "pipeline/waiver_stage.hpp"
#include "report/writer.hpp"

namespace lexflow::cli {

namespace {

constexpr std::array<std::string_view, 5> kFormats = {"text", "json", "sarif", "junit", "markdown"};

report::Format format_named(std::string_view name) {
    static_assert(kFormats.size() == 5);
    return name == "json"       ? report::Format::json
           : name == "sarif"    ? report::Format::sarif
           : name == "junit"    ? report::Format::junit
           : name == "markdown" ? report::Format::markdown
                                : report::Format::text;
}

/// The date of a moment, in UTC, "YYYY-MM-DD".
std::string date_of(std::chrono::system_clock::time_point moment) {
    const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(moment)};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

/// Today in UTC, or the day of SOURCE_DATE_EPOCH when it is set, so that a
/// rebuilt report is byte for byte the same (reproducible-builds.org). None,
/// with an error printed, when SOURCE_DATE_EPOCH is not a number of seconds.
std::optional<std::string> today() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (epoch == nullptr || *epoch == '\0') {
        return date_of(std::chrono::system_clock::now());
    }
    const std::string_view text(epoch);
    std::int64_t seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    constexpr std::int64_t kYear9999 = 253'402'300'799;
    if (error != std::errc() || end != text.data() + text.size() || seconds < 0 ||
        seconds > kYear9999) {
        print_error(
            fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds since 1970", text));
        return std::nullopt;
    }
    return date_of(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

/// The report stages the options ask for, in the order they apply.
std::vector<std::shared_ptr<const pipeline::ReportStage>> report_stages(
    const CheckOptions& options) {
    std::vector<std::shared_ptr<const pipeline::ReportStage>> stages;
    if (!options.waivers.empty()) {
        stages.push_back(std::make_shared<pipeline::WaiverStage>(
            options.waivers, options.waiver_max_days > 0
                                 ? std::optional<std::int64_t>(options.waiver_max_days)
                                 : std::nullopt));
    }
    return stages;
}

/// Writes the report in `format` to `path` (stdout for "" or "-").
bool write_report(const report::Report& report, std::string_view format, const std::string& path,
                  const CheckOptions& options) {
    const auto color = is_stdout(path) && use_color(parse_color_mode(options.color), stdout);
    const auto per_rule =
        options.all_findings ? std::nullopt : std::optional<std::size_t>(options.max_findings);
    const auto writer = report::make_writer(format_named(format), color, options.verbose, per_rule);
    if (write_output(path, [&](std::ostream& out) { writer->write(report, out); })) {
        return true;
    }
    print_error(fmt::format("cannot write the report to '{}'", path));
    return false;
}

}  // namespace

void add_check_options(CLI::App& command, CheckOptions& options) {
    add_rule_options(command, options.rules);
    command
        .add_option("--pack", options.selection.packs,
                    "Check only the rules of this pack (repeatable; with --rule, both)")
        ->type_name("PACK");
    command.add_option("--rule", options.selection.rules, "Check only this rule (repeatable)")
        ->type_name("ID");
    command
        .add_option("--skip-rule", options.selection.skipped, "Do not check this rule (repeatable)")
        ->type_name("ID");
    command
        .add_option("--waivers", options.waivers,
                    "Waiver file (YAML): accepted gaps, each with owner, approval and expiry; "
                    "see docs/waivers.md")
        ->type_name("FILE");
    command
        .add_option("--waiver-max-days", options.waiver_max_days,
                    "Longest a waiver may run past the check's date (0: no limit)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command
        .add_option("--format", options.format,
                    "Report format: text, json, sarif (code scanning), junit (CI test reports) "
                    "or markdown (a pull-request comment)")
        ->check(CLI::IsMember(std::vector<std::string>(kFormats.begin(), kFormats.end())))
        ->capture_default_str();
    command.add_option("-o,--output", options.output, "Write the report to FILE instead of stdout")
        ->type_name("FILE");
    for (const auto format : kFormats) {
        if (format == "text") {
            continue;
        }
        const auto name = std::string(format);
        command
            .add_option_function<std::string>(
                "--output-" + name,
                [&options, name](const std::string& path) { options.extra_outputs[name] = path; },
                "Also write the report as " + name + " to FILE (same evaluation)")
            ->type_name("FILE");
    }
    command
        .add_option("--fail-on", options.fail_on,
                    "Lowest severity that makes the exit status 1 ('none': never)")
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none"}))
        ->capture_default_str();
    command
        .add_option("--as-of", options.as_of,
                    "Check as of this date (YYYY-MM-DD; default: today, or the day of "
                    "SOURCE_DATE_EPOCH): gaps under rules not yet in force are reported as "
                    "upcoming and do not fail the check")
        ->type_name("DATE");
    command.add_flag("--strict", options.strict,
                     "Treat warnings (names no pack declares, expired or stale waivers) as "
                     "errors: exit 2");
    auto* max_findings =
        command
            .add_option("--max-findings", options.max_findings,
                        "In the text report, list at most N findings of each rule (the other "
                        "formats list every one)")
            ->check(CLI::PositiveNumber)
            ->capture_default_str();
    command.add_flag("--all", options.all_findings, "In the text report, list every finding")
        ->excludes(max_findings);
    command.add_flag("-v,--verbose", options.verbose,
                     "Also list each undecided check, and what findings and passes assumed from "
                     "a default");
    add_color_option(command, options.color);
    command
        .add_option("--config", options.config,
                    "Config file of options a team sets once (default: the nearest "
                    ".lexflow.yaml, up to the repository's root)")
        ->type_name("FILE");
    command.add_flag("--no-config", options.no_config, "Read no config file");
    options.command = &command;
}

std::optional<CheckOptions> with_config(const CheckOptions& options) {
    if (options.no_config) {
        return options;
    }
    const auto path = options.config.empty() ? find_config_file() : options.config;
    if (!path) {
        return options;
    }
    const auto limits = options.rules.limits.limits();
    if (!limits) {
        return std::nullopt;
    }
    const auto config = read_config_file(*path, *limits, options.config.empty());
    if (!config) {
        return std::nullopt;
    }
    const auto given = [&](const char* name) {
        return options.command != nullptr && options.command->count(name) > 0;
    };
    auto merged = options;
    const auto fill = [&](const char* name, auto& field, const auto& value) {
        if (value && !given(name)) {
            field = *value;
        }
    };
    fill("--rules", merged.rules.paths, config->rules);
    fill("--no-default-rules", merged.rules.no_default_rules, config->no_default_rules);
    fill("--pack", merged.selection.packs, config->packs);
    fill("--skip-rule", merged.selection.skipped, config->skip_rules);
    fill("--waivers", merged.waivers, config->waivers);
    fill("--waiver-max-days", merged.waiver_max_days, config->waiver_max_days);
    fill("--fail-on", merged.fail_on, config->fail_on);
    fill("--as-of", merged.as_of, config->as_of);
    fill("--strict", merged.strict, config->strict);
    return merged;
}

std::optional<CheckSetup> check_setup(const CheckOptions& options) {
    const auto date = options.as_of.empty() ? today() : options.as_of;
    if (!date) {
        return std::nullopt;
    }
    if (!base::is_iso_date(*date)) {
        print_error(fmt::format("--as-of '{}' is not a date; write it as YYYY-MM-DD", *date));
        return std::nullopt;
    }
    if (options.rules.no_default_rules && options.rules.paths.empty()) {
        print_error("--no-default-rules leaves no rules to check; add --rules PATH");
        return std::nullopt;
    }
    const auto limits = options.rules.limits.limits();
    if (!limits) {
        return std::nullopt;
    }
    CheckSetup setup;
    setup.rules = options.rules.sources();
    setup.settings.limits = *limits;
    setup.settings.as_of = *date;
    setup.settings.fail_on = base::parse_severity(options.fail_on);
    setup.settings.report_stages = report_stages(options);
    return setup;
}

ExitStatus finish_check(const CheckOptions& options, const base::SourceSet& sources,
                        const base::Diagnostics& warnings, const report::Report& report,
                        const pipeline::Decision& decision) {
    const auto color_mode = parse_color_mode(options.color);
    const auto limits = options.rules.limits.limits().value_or(base::Limits{});
    print_diagnostics(sources, warnings, color_mode, limits);
    if (options.strict && warnings.warning_count() > 0) {
        const auto count = warnings.warning_count();
        print_error(fmt::format("{} treated as {} (--strict); nothing was reported",
                                count == 1 ? "1 warning" : fmt::format("{} warnings", count),
                                count == 1 ? "an error" : "errors"));
        return ExitStatus::invalid_input;
    }
    if (!write_report(report, options.format, options.output, options)) {
        return ExitStatus::invalid_input;
    }
    for (const auto& [format, path] : options.extra_outputs) {
        if (!write_report(report, format, path, options)) {
            return ExitStatus::invalid_input;
        }
    }
    if (!decision.fails) {
        return ExitStatus::clean;
    }
    print_status(fmt::format("{} at or above '{}'", decision.summary(), options.fail_on));
    return ExitStatus::gaps_found;
}

}  // namespace lexflow::cli
