// Every command that reads rule files, on every kind of broken input: a clear
// message naming the input, exit status 2, nothing on stdout, never a crash
// or a hang.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::run_lexflow;

namespace {

/// Each command with `{}` where the rule path goes.
const std::vector<std::string> kCommands = {
    "check examples/acme-crm/estate.yaml --rules {}",
    "rules --rules {}",
    "explain AIA-50-2-MARKING --rules {}",
    "lint {}",
    "fmt {}",
    "fmt --check {}",
    "test {}",
};

std::string with_path(std::string command, const std::string& path) {
    command.replace(command.find("{}"), 2, "'" + path + "'");
    return command;
}

/// 6 MB of valid rules (within the 'rules-size' limit), then a rule cut off on
/// the last line.
std::string large_file_broken_at_the_end() {
    std::string text;
    for (int i = 0; text.size() < 6'000'000; ++i) {
        text += "rule R" + std::to_string(i) +
                " { title \"t\" severity low message \"m\" cite \"c\" remediation \"r\" "
                "for every node x require x has a }\n";
    }
    return text + "rule broken {";
}

/// Runs every command on `path`; each must fail with `message` on stderr.
void check_every_command(const std::string& path, const std::string& message) {
    for (const auto& command : kCommands) {
        const auto full = with_path(command, path);
        CAPTURE(full);
        const auto result = run_lexflow(full);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK_MESSAGE(result.err.find(message) != std::string::npos, result.err);
    }
}

}  // namespace

TEST_CASE("every command on a path that does not exist") {
    check_every_command("no/such/rules.lf",
                        "no/such/rules.lf: error: no such file or folder [LF4001]");
}

TEST_CASE("every command on a folder without rule files") {
    const lexflow::testing::ScratchDir scratch;
    scratch.write("notes.txt", "rules go in .lf files\n");
    check_every_command(scratch.path().string(),
                        ": error: the folder contains no rule files (*.lf) [LF4002]");
}

TEST_CASE("every command on an empty rule file") {
    const lexflow::testing::ScratchDir scratch;
    const auto path = scratch.write("empty.lf", "");
    check_every_command(path, path + ": error: this rule file holds no rules [LF4003]");
}

TEST_CASE("every command on a binary file") {
    const lexflow::testing::ScratchDir scratch;
    const auto path = scratch.write("binary.lf", std::string("\x7f"
                                                             "ELF\0\0\x01\x02",
                                                             8));
    check_every_command(path, path + ": error: this is not a text file (it contains NUL bytes)");
}

TEST_CASE("every command on a 6 MB rule file with a syntax error on its last line") {
    const lexflow::testing::ScratchDir scratch;
    const auto text = large_file_broken_at_the_end();
    const auto last_line = 1 + std::count(text.begin(), text.end(), '\n');
    const auto path = scratch.write("large.lf", text);
    check_every_command(
        path, path + ":" + std::to_string(last_line) + ":14: error: expected a rule field");
}
