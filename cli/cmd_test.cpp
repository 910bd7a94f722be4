#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "base/diagnostic_ids.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/rule_options.hpp"
#include "cli/terminal.hpp"
#include "pipeline/rule_tests.hpp"
#include "report/diagnostic_json.hpp"
#include "report/test_results.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow test` was asked to do.
struct TestOptions {
    std::vector<std::string> paths;
    RuleOptions rules;
    std::string run;  ///< only tests whose name or rule ids contain this
    bool verbose = false;
    std::string format = "text";
    std::string color = "auto";
};

bool selected(const dsl::TestCase& test, const std::string& pattern) {
    if (pattern.empty() || test.name.find(pattern) != std::string::npos) {
        return true;
    }
    return std::any_of(test.rule_ids.begin(), test.rule_ids.end(), [&pattern](const auto& id) {
        return id.find(pattern) != std::string::npos;
    });
}

report::TestResult result_of(const dsl::TestCase& test, pipeline::TestOutcome outcome,
                             const base::SourceSet& sources) {
    report::TestResult result;
    result.name = test.name;
    result.file = sources.name(test.name_range.file);
    result.line = test.name_range.line;
    result.rules = test.rule_ids;
    result.model_failed = outcome.model_errors.has_errors();
    result.differences = std::move(outcome.differences);
    result.notes = std::move(outcome.notes);
    result.errors = report::locate(outcome.model_errors, sources);
    return result;
}

void no_tests_error(const TestOptions& options) {
    const auto where = fmt::format("{}", fmt::join(options.paths, ", "));
    if (options.run.empty()) {
        print_error(
            fmt::format("no rule tests found in {} [{}]", where, base::diagnostic_ids::no_tests),
            "  help: a test is written as test \"name\" { rules ... model ... expect ... }");
        return;
    }
    print_error(fmt::format("no test in {} matches '{}' [{}]", where, options.run,
                            base::diagnostic_ids::no_tests),
                "  help: --run selects tests by a part of their name or of a rule id they test");
}

ExitStatus run_test(const TestOptions& options) {
    const auto color_mode = parse_color_mode(options.color);
    const auto limits = options.rules.limits.limits();
    if (!limits) {
        return ExitStatus::invalid_input;
    }
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    auto from = options.rules.sources(dsl::RuleTests::check);
    from.paths.insert(from.paths.end(), options.paths.begin(), options.paths.end());
    const auto rules = pipeline::load_rules(from, sources, diagnostics, *limits);
    if (!rules) {
        print_diagnostics(sources, diagnostics, color_mode, *limits);
        return ExitStatus::invalid_input;
    }
    std::vector<report::TestResult> results;
    bool bad_model = false;
    for (const auto& test : rules->tests) {
        if (!selected(test, options.run)) {
            continue;
        }
        auto outcome = pipeline::run_rule_test(test, *rules, sources, *limits);
        if (outcome.model_errors.has_errors()) {
            bad_model = true;
            print_diagnostics(sources, outcome.model_errors, color_mode, *limits);
        }
        results.push_back(result_of(test, std::move(outcome), sources));
    }
    if (results.empty()) {
        no_tests_error(options);
        return ExitStatus::invalid_input;
    }
    const auto format =
        options.format == "json" ? report::TestFormat::json : report::TestFormat::text;
    report::write_test_results(results, format, options.verbose, use_color(color_mode, stdout),
                               std::cout);
    if (bad_model) {
        return ExitStatus::invalid_input;
    }
    const bool all_passed = std::all_of(results.begin(), results.end(),
                                        [](const report::TestResult& r) { return r.passed(); });
    return all_passed ? ExitStatus::clean : ExitStatus::gaps_found;
}

}  // namespace

void attach_test(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<TestOptions>();
    auto* test = &command;
    test->footer(
        "A rule test names the rules under test, a model (a YAML file next to the test,\n"
        "or YAML between \"\"\" lines) and exactly what the rules must report:\n"
        "\n"
        "  test \"an unmarked generator is a gap\" {\n"
        "    rules       AIA-50-2-MARKING\n"
        "    model       \"fires.yaml\"\n"
        "    expect      AIA-50-2-MARKING on node \"lead-enrichment-model\"\n"
        "  }\n"
        "\n"
        "Rules and tests may share files; PATHS are loaded like --rules, with the\n"
        "built-in packs. Exit status: 0 all passed; 1 a test failed; 2 bad input\n"
        "(including a test whose model cannot be loaded).\n"
        "Example: lexflow test tests/rules --run GDPR-CROSS-TENANT");
    test->add_option("paths", options->paths, "Files or folders of rule tests (*.lf)")
        ->required()
        ->type_name("PATHS");
    add_rule_options(*test, options->rules);
    test->add_option("--run", options->run,
                     "Run only the tests whose name, or the id of a rule they test, contains "
                     "TEXT")
        ->type_name("TEXT");
    test->add_flag("-v,--verbose", options->verbose, "Also list the tests that pass");
    test->add_option("--format", options->format, "Output format (json for CI and editors)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    add_color_option(*test, options->color);
    test->callback([options, &status] { status = run_test(*options); });
}

}  // namespace lexflow::cli
