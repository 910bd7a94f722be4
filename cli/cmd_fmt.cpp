#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "cli/limit_options.hpp"
#include "cli/messages.hpp"
#include "cli/terminal.hpp"
#include "dsl/ast_printer.hpp"
#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "pipeline/rule_loading.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow fmt` was asked to do.
struct FmtOptions {
    std::vector<std::string> paths;
    bool check = false;
    LimitOptions limits;
};

/// Replaces the file in one step, so that an interrupted run never leaves
/// half a rule file behind.
bool write_atomically(const std::string& path, const std::string& text) {
    const auto temporary = path + ".lexflow-fmt";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    return !error;
}

/// The meaning of `text` as a dump, or nothing (and a diagnostic) if it
/// does not parse or holds nothing.
std::optional<std::string> meaning(base::SourceSet& sources, const std::string& name,
                                   std::string text, base::Diagnostics& diagnostics) {
    const auto file = sources.add(name, std::move(text));
    const auto parsed = dsl::parse_rule_file(sources, file, diagnostics);
    if (!parsed || pipeline::report_if_empty(*parsed, diagnostics)) {
        return std::nullopt;
    }
    return dsl::dump(*parsed);
}

ExitStatus run_fmt(const FmtOptions& options) {
    const auto limits = options.limits.limits();
    if (!limits) {
        return ExitStatus::invalid_input;
    }
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    std::vector<pipeline::RulePath> files;
    for (const auto& path : options.paths) {
        for (auto& file : pipeline::expand_rule_path(path, sources, diagnostics)) {
            files.push_back(std::move(file));
        }
    }
    if (diagnostics.has_errors()) {
        print_diagnostics(sources, diagnostics);
        return ExitStatus::invalid_input;
    }
    std::vector<std::pair<std::string, std::string>> changes;
    for (const auto& [file, tree] : files) {
        auto text = pipeline::read_rule_file({file, tree}, sources, diagnostics, *limits);
        if (!text) {
            continue;  // reported; nothing is rewritten while any file has errors
        }
        const auto before = meaning(sources, file, *text, diagnostics);
        if (!before) {
            continue;  // reported; nothing is rewritten while any file has errors
        }
        auto formatted = dsl::format_rule_file(*text);
        if (formatted == *text) {
            continue;
        }
        const auto after = meaning(sources, file + " (formatted)", formatted, diagnostics);
        if (!after || *after != *before) {
            print_internal_error(fmt::format(
                "formatting {} would change its meaning; the file is left as it is", file));
            return ExitStatus::internal_error;
        }
        changes.emplace_back(file, std::move(formatted));
    }
    if (diagnostics.has_errors()) {
        print_diagnostics(sources, diagnostics);
        return ExitStatus::invalid_input;
    }
    if (options.check) {
        for (const auto& [file, text] : changes) {
            fmt::print("{}: not formatted\n", base::printable(file));
        }
        return changes.empty() ? ExitStatus::clean : ExitStatus::gaps_found;
    }
    for (const auto& [file, text] : changes) {
        if (!write_atomically(file, text)) {
            fmt::print(stderr, "{}: error: cannot write the file [LF4001]\n",
                       base::printable(file));
            return ExitStatus::invalid_input;
        }
        fmt::print("formatted {}\n", base::printable(file));
    }
    return ExitStatus::clean;
}

}  // namespace

void attach_fmt(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<FmtOptions>();
    auto* fmt_command = &command;
    fmt_command->footer(
        "Files with errors are reported and nothing is rewritten. Exit status: 0 done (or, with "
        "--check, nothing to change); 1 --check found files to format; 2 bad input.\n"
        "Example: lexflow fmt --check rules/");
    fmt_command->add_option("rules", options->paths, "Rule files or folders of *.lf files")
        ->required()
        ->type_name("RULES");
    fmt_command->add_flag("--check", options->check,
                          "Change nothing; list the files that are not formatted");
    add_limit_option(*fmt_command, options->limits);
    fmt_command->callback([options, &status] { status = run_fmt(*options); });
}

}  // namespace lexflow::cli
