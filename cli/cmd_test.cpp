#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_ids.hpp"
#include "dsl/diagnostic_renderer.hpp"
#include "engine/rule_test_runner.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow test` was asked to do.
struct TestOptions {
    std::vector<std::string> paths;
    RuleOptions rules;
    bool verbose = false;
    std::string color = "auto";
};

std::string location(const engine::TestOutcome& outcome, const dsl::SourceSet& sources) {
    return fmt::format("{}:{}", sources.name(outcome.range.file), outcome.range.line);
}

/// A failed test: its name, then each difference as a diff line.
std::string describe_failure(const engine::TestOutcome& outcome, const dsl::SourceSet& sources,
                             bool color) {
    auto out = fmt::format("FAIL {}: {}\n", location(outcome, sources), outcome.name);
    if (outcome.model_errors.has_errors()) {
        return out + "  the test's model cannot be loaded (see the errors)\n";
    }
    for (const auto& difference : outcome.differences) {
        const bool expected = difference.side == engine::TestDifference::Side::expected;
        const auto* start = !color ? "" : expected ? "\x1b[31m" : "\x1b[32m";
        out += fmt::format("  {}{} {}{}\n", start, expected ? "- expected" : "+ reported",
                           difference.text, color ? "\x1b[0m" : "");
    }
    for (const auto& note : outcome.notes) {
        out += fmt::format("  note: {}\n", note);
    }
    return out;
}

ExitStatus run_test(const TestOptions& options) {
    const auto color_mode = parse_color_mode(options.color);
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics;
    auto from = options.rules.sources(dsl::RuleTests::check);
    from.paths.insert(from.paths.end(), options.paths.begin(), options.paths.end());
    const auto rules = load_rules(from, sources, diagnostics);
    if (!rules) {
        print_diagnostics(sources, diagnostics, color_mode);
        return ExitStatus::invalid_input;
    }
    if (rules->tests.empty()) {
        std::fputs(fmt::format("lexflow: error: no rule tests found in {} [{}]\n  help: a test is "
                               "written as test \"name\" {{ rules ... model ... expect ... }}\n",
                               fmt::join(options.paths, ", "), dsl::diagnostic_ids::no_tests)
                       .c_str(),
                   stderr);
        return ExitStatus::invalid_input;
    }
    const bool color = use_color(color_mode, stdout);
    std::size_t passed = 0;
    std::size_t failed = 0;
    bool bad_model = false;
    for (const auto& test : rules->tests) {
        const auto outcome = engine::run_rule_test(test, *rules, sources);
        if (outcome.model_errors.has_errors()) {
            bad_model = true;
            print_diagnostics(sources, outcome.model_errors, color_mode);
        }
        if (outcome.passed()) {
            ++passed;
            if (options.verbose) {
                std::fputs(
                    fmt::format("PASS {}: {}\n", location(outcome, sources), outcome.name).c_str(),
                    stdout);
            }
            continue;
        }
        ++failed;
        std::fputs(describe_failure(outcome, sources, color).c_str(), stdout);
    }
    std::fputs(fmt::format("{} passed, {} failed\n", passed, failed).c_str(), stdout);
    if (bad_model) {
        return ExitStatus::invalid_input;
    }
    return failed == 0 ? ExitStatus::clean : ExitStatus::gaps_found;
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
        "    rules  AIA-50-2-MARKING\n"
        "    model  \"fires.yaml\"\n"
        "    expect AIA-50-2-MARKING on node \"lead-enrichment-model\"\n"
        "  }\n"
        "\n"
        "Rules and tests may share files; PATHS are loaded like --rules, with the\n"
        "built-in packs. Exit status: 0 all passed; 1 a test failed; 2 bad input\n"
        "(including a test whose model cannot be loaded).\n"
        "Example: lexflow test tests/rules");
    test->add_option("paths", options->paths, "Files or folders of rule tests (*.lf)")
        ->required()
        ->type_name("PATHS");
    add_rule_options(*test, options->rules);
    test->add_flag("-v,--verbose", options->verbose, "Also list the tests that pass");
    add_color_option(*test, options->color);
    test->callback([options, &status] { status = run_test(*options); });
}

}  // namespace lexflow::cli
