#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "cli/rule_options.hpp"
#include "cli/terminal.hpp"
#include "pipeline/catalogue.hpp"
#include "report/vocabulary_writer.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow rules` was asked to do.
struct RulesOptions {
    RuleOptions rules;
    std::string pack;
    std::string format = "text";
    bool matrix = false;
    bool vocabulary = false;
    std::string output;
};

report::CatalogueFormat catalogue_format(const std::string& name) {
    return name == "json"       ? report::CatalogueFormat::json
           : name == "markdown" ? report::CatalogueFormat::markdown
                                : report::CatalogueFormat::text;
}

ExitStatus run_rules(const RulesOptions& options) {
    if (options.rules.no_default_rules && options.rules.paths.empty() && !options.vocabulary) {
        print_error("--no-default-rules leaves no rules to list; add --rules PATH");
        return ExitStatus::invalid_input;
    }
    const auto rules = load_rules_or_report(options.rules);
    if (!rules) {
        return ExitStatus::invalid_input;
    }
    if (!options.pack.empty() && rules->find_pack(options.pack) == nullptr) {
        print_error(fmt::format("no pack '{}' is loaded", options.pack));
        return ExitStatus::invalid_input;
    }
    const auto catalogue = pipeline::catalogue_of(*rules, options.pack);
    const auto format = catalogue_format(options.format);
    const bool written = write_output(options.output, [&](std::ostream& out) {
        if (options.vocabulary) {
            report::write_vocabulary(rules->vocabulary, format, out);
        } else if (options.matrix) {
            report::write_matrix(catalogue, format, out);
        } else {
            report::write_catalogue(catalogue, format, out);
        }
    });
    if (!written) {
        print_error(fmt::format("cannot write '{}'", options.output));
        return ExitStatus::invalid_input;
    }
    return ExitStatus::clean;
}

}  // namespace

void attach_rules(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<RulesOptions>();
    auto* rules = &command;
    rules->footer(
        "Examples: lexflow rules --matrix --format markdown --output docs/coverage.md\n"
        "          lexflow rules --vocabulary --format markdown --output docs/vocabulary.md");
    add_rule_options(*rules, options->rules);
    rules->add_option("--pack", options->pack, "Only the rules of this pack")->type_name("PACK");
    rules->add_option("--format", options->format, "Output format")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    rules->add_flag("--matrix", options->matrix,
                    "Print the coverage matrix: failure patterns and provisions to rules");
    rules
        ->add_flag("--vocabulary", options->vocabulary,
                   "Print the model vocabulary: kinds, and attributes with their types, "
                   "defaults and values")
        ->excludes("--matrix");
    rules->add_option("-o,--output", options->output, "Write to FILE instead of stdout")
        ->type_name("FILE");
    rules->callback([options, &status] { status = run_rules(*options); });
}

}  // namespace lexflow::cli
