#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "base/edit_distance.hpp"
#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/messages.hpp"

#ifndef LEXFLOW_VERSION
#define LEXFLOW_VERSION "unknown"
#endif

namespace {

using lexflow::cli::ExitStatus;

/// `lexflow chek` gets a did-you-mean instead of CLI11's generic complaint.
bool reject_unknown_command(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') {
        return false;
    }
    const std::string word = argv[1];
    std::vector<std::string_view> names;
    for (const auto& command : lexflow::cli::commands()) {
        if (command.name == word) {
            return false;
        }
        names.push_back(command.name);
    }
    const auto match = lexflow::base::closest_match(word, names);
    lexflow::cli::print_error(fmt::format("unknown command '{}'{}", word,
                                          match ? "; did you mean '" + *match + "'?" : ""),
                              "Run 'lexflow --help' for the list of commands.");
    return true;
}

int run(int argc, char** argv) {
    if (reject_unknown_command(argc, argv)) {
        return to_int(ExitStatus::invalid_input);
    }
    CLI::App app{"lexflow: compliance gap checks for CRM estates that handle AI-generated data"};
    app.name("lexflow");
    app.set_version_flag("--version", std::string("lexflow ") + LEXFLOW_VERSION);
    app.require_subcommand(1);
    app.footer("Run 'lexflow COMMAND --help' for a command's options.");
    auto status = ExitStatus::clean;
    for (const auto& command : lexflow::cli::commands()) {
        command.attach(*app.add_subcommand(std::string(command.name), std::string(command.summary)),
                       status);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::fputs(app.help().c_str(), stdout);
        return to_int(ExitStatus::clean);
    } catch (const CLI::CallForVersion& version) {
        std::puts(version.what());
        return to_int(ExitStatus::clean);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {
            return app.exit(error);
        }
        lexflow::cli::print_error(error.what(), "Run 'lexflow --help' for usage.");
        return to_int(ExitStatus::invalid_input);
    }
    return to_int(status);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& failure) {
        lexflow::cli::print_internal_error(failure.what());
        return to_int(ExitStatus::internal_error);
    }
}
