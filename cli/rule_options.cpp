#include "cli/rule_options.hpp"

#include "cli/terminal.hpp"

namespace lexflow::cli {

void add_rule_options(CLI::App& command, RuleOptions& options) {
    command
        .add_option("--rules", options.paths,
                    "Rule file or folder of *.lf files to add (repeatable)")
        ->type_name("PATH")
        ->take_all()
        ->expected(1)
        ->allow_extra_args(false);
    command.add_flag("--no-default-rules", options.no_default_rules,
                     "Do not use the rule packs built into lexflow (their model vocabulary stays)");
    add_limit_option(command, options.limits);
}

std::optional<dsl::RuleSet> load_rules_or_report(const RuleOptions& options) {
    const auto limits = options.limits.limits();
    if (!limits) {
        return std::nullopt;
    }
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    auto rules = pipeline::load_rules(options.sources(), sources, diagnostics, *limits);
    if (!rules) {
        print_diagnostics(sources, diagnostics, ColorMode::automatic, *limits);
    }
    return rules;
}

}  // namespace lexflow::cli
