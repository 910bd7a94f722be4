#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "cli/rule_options.hpp"
#include "cli/terminal.hpp"
#include "report/model_schema.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow schema` was asked to do.
struct SchemaOptions {
    RuleOptions rules;
    std::string output;
};

ExitStatus run_schema(const SchemaOptions& options) {
    const auto rules = load_rules_or_report(options.rules);
    if (!rules) {
        return ExitStatus::invalid_input;
    }
    const bool written = write_output(options.output, [&](std::ostream& out) {
        report::write_model_schema(rules->vocabulary, out);
    });
    if (!written) {
        print_error(fmt::format("cannot write '{}'", options.output));
        return ExitStatus::invalid_input;
    }
    return ExitStatus::clean;
}

}  // namespace

void attach_schema(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<SchemaOptions>();
    auto* schema = &command;
    schema->footer(
        "The schema covers the vocabulary of the loaded packs, house packs given with --rules "
        "included. For VS Code with the YAML extension, point yaml.schemas at the file, or put "
        "'# yaml-language-server: $schema=lexflow-model.schema.json' on a model's first line.\n"
        "Example: lexflow schema --output lexflow-model.schema.json");
    add_rule_options(*schema, options->rules);
    schema->add_option("-o,--output", options->output, "Write to FILE instead of stdout")
        ->type_name("FILE");
    schema->callback([options, &status] { status = run_schema(*options); });
}

}  // namespace lexflow::cli
