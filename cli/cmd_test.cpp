#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/diagnostic_json.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_ids.hpp"
#include "engine/rule_test_runner.hpp"

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

/// A test's outcome with the test it came from.
struct TestRun {
    const dsl::TestCase* test = nullptr;
    engine::TestOutcome outcome;
};

bool selected(const dsl::TestCase& test, const std::string& pattern) {
    if (pattern.empty() || test.name.find(pattern) != std::string::npos) {
        return true;
    }
    return std::any_of(test.rule_ids.begin(), test.rule_ids.end(), [&pattern](const auto& id) {
        return id.find(pattern) != std::string::npos;
    });
}

std::string location(const dsl::TestCase& test, const dsl::SourceSet& sources) {
    return fmt::format("{}:{}", sources.name(test.name_range.file), test.name_range.line);
}

/// A failed test: where it is and its name, then each difference as a diff line.
std::string describe_failure(const TestRun& run, const dsl::SourceSet& sources, bool color) {
    const auto& outcome = run.outcome;
    auto out = fmt::format("FAIL {}: {}\n", location(*run.test, sources), run.test->name);
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

std::string text_report(const std::vector<TestRun>& runs, const dsl::SourceSet& sources,
                        bool verbose, bool color) {
    std::string out;
    std::size_t passed = 0;
    for (const auto& run : runs) {
        if (!run.outcome.passed()) {
            out += describe_failure(run, sources, color);
            continue;
        }
        ++passed;
        if (verbose) {
            out += fmt::format("PASS {}: {}\n", location(*run.test, sources), run.test->name);
        }
    }
    return out + fmt::format("{} passed, {} failed\n", passed, runs.size() - passed);
}

std::string json_report(const std::vector<TestRun>& runs, const dsl::SourceSet& sources) {
    auto tests = nlohmann::ordered_json::array();
    std::size_t passed = 0;
    for (const auto& run : runs) {
        const auto& outcome = run.outcome;
        passed += outcome.passed() ? 1 : 0;
        auto differences = nlohmann::ordered_json::array();
        for (const auto& difference : outcome.differences) {
            differences.push_back(
                {{"side", difference.side == engine::TestDifference::Side::expected ? "expected"
                                                                                    : "reported"},
                 {"text", difference.text}});
        }
        tests.push_back({{"name", run.test->name},
                         {"file", sources.name(run.test->name_range.file)},
                         {"line", run.test->name_range.line},
                         {"rules", run.test->rule_ids},
                         {"passed", outcome.passed()},
                         {"differences", differences},
                         {"notes", outcome.notes},
                         {"errors", diagnostics_as_json(outcome.model_errors, sources)}});
    }
    return nlohmann::ordered_json{
               {"tests", tests}, {"passed", passed}, {"failed", runs.size() - passed}}
               .dump(2) +
           "\n";
}

void no_tests_error(const TestOptions& options) {
    const auto where = fmt::format("{}", fmt::join(options.paths, ", "));
    const auto message =
        options.run.empty()
            ? fmt::format(
                  "lexflow: error: no rule tests found in {} [{}]\n  help: a test is "
                  "written as test \"name\" {{ rules ... model ... expect ... }}\n",
                  where, dsl::diagnostic_ids::no_tests)
            : fmt::format(
                  "lexflow: error: no test in {} matches '{}' [{}]\n  help: --run "
                  "selects tests by a part of their name or of a rule id they test\n",
                  where, options.run, dsl::diagnostic_ids::no_tests);
    std::fputs(message.c_str(), stderr);
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
    std::vector<TestRun> runs;
    bool bad_model = false;
    for (const auto& test : rules->tests) {
        if (!selected(test, options.run)) {
            continue;
        }
        auto outcome = engine::run_rule_test(test, *rules, sources);
        if (outcome.model_errors.has_errors()) {
            bad_model = true;
            print_diagnostics(sources, outcome.model_errors, color_mode);
        }
        runs.push_back({&test, std::move(outcome)});
    }
    if (runs.empty()) {
        no_tests_error(options);
        return ExitStatus::invalid_input;
    }
    const auto report = options.format == "json" ? json_report(runs, sources)
                                                 : text_report(runs, sources, options.verbose,
                                                               use_color(color_mode, stdout));
    std::fwrite(report.data(), 1, report.size(), stdout);
    if (bad_model) {
        return ExitStatus::invalid_input;
    }
    const bool all_passed = std::all_of(runs.begin(), runs.end(),
                                        [](const TestRun& run) { return run.outcome.passed(); });
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
