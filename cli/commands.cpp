#include "cli/commands.hpp"

namespace lexflow::cli {

namespace {

constexpr Command kCommands[] = {
    {"check", "Check a model against the rule packs and report control gaps", attach_check},
    {"rules", "List the rules, or the coverage matrix of the packs", attach_rules},
};

}  // namespace

std::span<const Command> commands() {
    return kCommands;
}

}  // namespace lexflow::cli
