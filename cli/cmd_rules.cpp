#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/rule_catalogue.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_renderer.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow rules` was asked to do.
struct RulesOptions {
    RuleOptions rules;
    std::string pack;
    std::string format = "text";
    bool matrix = false;
    std::string output;
};

ExitStatus run_rules(const RulesOptions& options) {
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics;
    if (options.rules.no_default_rules && options.rules.paths.empty()) {
        std::fputs("lexflow: error: --no-default-rules leaves no rules to list; add --rules PATH\n",
                   stderr);
        return ExitStatus::invalid_input;
    }
    auto rules = load_rules(options.rules.sources(), sources, diagnostics);
    if (!rules) {
        print_diagnostics(sources, diagnostics);
        return ExitStatus::invalid_input;
    }
    if (!options.pack.empty()) {
        if (!rules->find_pack(options.pack)) {
            std::fputs(
                fmt::format("lexflow: error: no pack '{}' is loaded\n", options.pack).c_str(),
                stderr);
            return ExitStatus::invalid_input;
        }
        std::erase_if(rules->rules, [&](const dsl::Rule& r) { return r.pack != options.pack; });
    }
    const auto text = options.matrix ? render_matrix(*rules, options.format)
                                     : render_catalogue(*rules, options.format);
    if (options.output.empty() || options.output == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return ExitStatus::clean;
    }
    std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::fputs(fmt::format("lexflow: error: cannot write '{}'\n", options.output).c_str(),
                   stderr);
        return ExitStatus::invalid_input;
    }
    return ExitStatus::clean;
}

}  // namespace

void attach_rules(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<RulesOptions>();
    auto* rules = &command;
    rules->footer("Example: lexflow rules --matrix --format markdown --output docs/coverage.md");
    add_rule_options(*rules, options->rules);
    rules->add_option("--pack", options->pack, "Only the rules of this pack")->type_name("PACK");
    rules->add_option("--format", options->format, "Output format")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    rules->add_flag("--matrix", options->matrix,
                    "Print the coverage matrix: failure patterns and provisions to rules");
    rules->add_option("-o,--output", options->output, "Write to FILE instead of stdout")
        ->type_name("FILE");
    rules->callback([options, &status] { status = run_rules(*options); });
}

}  // namespace lexflow::cli
