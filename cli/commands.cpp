#include "cli/commands.hpp"

namespace lexflow::cli {

namespace {

constexpr Command kCommands[] = {
    {"check", "Check a model against the rule packs and report control gaps", attach_check},
    {"diff", "Check a change: the gaps it opens and closes, and what it changed in the model",
     attach_diff},
    {"rules", "List the rules, or the coverage matrix of the packs", attach_rules},
    {"fmt", "Lay rule files out canonically, keeping every comment and every meaning", attach_fmt},
    {"lint", "Find mistakes in rule files: everything the checker knows, plus warnings",
     attach_lint},
    {"test", "Run rule tests: models where a rule must fire, and near misses where it must not",
     attach_test},
    {"explain", "Explain a rule: its provisions, severity, text and a model that trips it",
     attach_explain},
    {"schema", "Write the JSON Schema of model files, for editors", attach_schema},
};

}  // namespace

std::span<const Command> commands() {
    return kCommands;
}

}  // namespace lexflow::cli
