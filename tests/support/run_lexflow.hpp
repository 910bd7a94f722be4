#pragma once

// Runs the real lexflow binary, as a user or a CI job would, from the project
// root, and captures what it prints and its exit status.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/golden.hpp"

namespace lexflow::testing {

struct RunResult {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

/// Runs `command` through the shell from the project root, without colour.
inline RunResult run_in_project(const std::string& command) {
    const auto scratch =
        std::filesystem::temp_directory_path() /
        ("lexflow-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    std::filesystem::create_directories(scratch);
    const auto out_path = (scratch / "out").string();
    const auto err_path = (scratch / "err").string();
    const auto shell = "cd '" + std::string(LEXFLOW_SOURCE_DIR) + "' && env NO_COLOR=1 " + command +
                       " >'" + out_path + "' 2>'" + err_path + "' </dev/null";
    const int status = std::system(shell.c_str());
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_text(out_path);
    result.err = read_text(err_path);
    std::filesystem::remove_all(scratch);
    return result;
}

/// `arguments` are passed through the shell, so quote what needs it.
inline RunResult run_lexflow(const std::string& arguments, const std::string& environment = "") {
    return run_in_project(environment + " '" + std::string(LEXFLOW_BINARY) + "' " + arguments);
}

}  // namespace lexflow::testing
