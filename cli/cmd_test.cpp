#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/rule_fixtures.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_renderer.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow test` was asked to do.
struct TestOptions {
    std::vector<std::string> paths;
    RuleOptions rules;
};

ExitStatus run_test(const TestOptions& options) {
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics;
    const auto rules = load_rules(options.rules.sources(), sources, diagnostics);
    if (!rules) {
        print_diagnostics(sources, diagnostics);
        return ExitStatus::invalid_input;
    }
    for (const auto& path : options.paths) {
        std::error_code error;
        if (!std::filesystem::is_directory(path, error)) {
            std::fputs(
                fmt::format("{}: error: not a folder of rule tests [LF4001]\n", path).c_str(),
                stderr);
            return ExitStatus::invalid_input;
        }
    }
    const auto folders = find_fixture_folders(options.paths);
    if (folders.empty()) {
        std::fputs(
            "lexflow: error: no rule tests found (folders named after a rule, holding "
            "fires.yaml or near-miss.yaml)\n",
            stderr);
        return ExitStatus::invalid_input;
    }
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (const auto& outcome : run_fixtures(folders, *rules, sources)) {
        if (outcome.passed() && (outcome.near_miss || !outcome.expected.empty())) {
            ++passed;
            continue;
        }
        ++failed;
        std::fputs(describe_failure(outcome).c_str(), stdout);
    }
    std::fputs(fmt::format("{} passed, {} failed\n", passed, failed).c_str(), stdout);
    return failed == 0 ? ExitStatus::clean : ExitStatus::gaps_found;
}

}  // namespace

void attach_test(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<TestOptions>();
    auto* test = &command;
    test->footer(
        "A rule test is a folder named after the rule, holding fires.yaml (with one\n"
        "'# expect: node 'id'' line per subject the rule must report) and near-miss.yaml.\n"
        "Exit status: 0 all passed; 1 a test failed; 2 bad input.\n"
        "Example: lexflow test tests/rules --rules my-rules/");
    test->add_option("paths", options->paths, "Folders of rule tests")
        ->required()
        ->type_name("PATHS");
    add_rule_options(*test, options->rules);
    test->callback([options, &status] { status = run_test(*options); });
}

}  // namespace lexflow::cli
