#pragma once

#include <CLI/CLI.hpp>
#include <span>
#include <string_view>

#include "cli/exit_status.hpp"

namespace lexflow::cli {

/// One subcommand: its name, a one-line summary for `lexflow --help`, and the
/// function that declares its options on the subcommand (made from the name
/// and summary) and sets `status` when it runs.
struct Command {
    std::string_view name;
    std::string_view summary;
    void (*attach)(CLI::App& command, ExitStatus& status);
};

/// The table of every subcommand, in the order `--help` lists them.
[[nodiscard]] std::span<const Command> commands();

void attach_check(CLI::App& command, ExitStatus& status);
void attach_diff(CLI::App& command, ExitStatus& status);
void attach_rules(CLI::App& command, ExitStatus& status);
void attach_explain(CLI::App& command, ExitStatus& status);
void attach_lint(CLI::App& command, ExitStatus& status);
void attach_test(CLI::App& command, ExitStatus& status);
void attach_fmt(CLI::App& command, ExitStatus& status);
void attach_schema(CLI::App& command, ExitStatus& status);

}  // namespace lexflow::cli
