// Inputs a fuzzer found, kept in tests/hostile/fuzz/ so that what once broke
// lexflow stays fixed: each model (*.yaml) goes through `lexflow check`, each
// rule file (*.lf) through `lexflow lint`. Whatever the input, the run must end
// in exit 0, 1 or 2, within seconds and bounded memory, with no raw control
// character in its output (see hostile_run.hpp).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/hostile/hostile_run.hpp"
#include "tests/support/golden.hpp"

using lexflow::testing::check_hostile;
using lexflow::testing::kAnyOutcome;
using lexflow::testing::quoted;
using lexflow::testing::source_path;

namespace {

namespace fs = std::filesystem;

const std::string kFuzz = "tests/hostile/fuzz/";

/// The fuzzer's inputs, as paths from the project root, sorted.
std::vector<std::string> fuzz_inputs() {
    std::vector<std::string> inputs;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(source_path(kFuzz), error)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && (name.ends_with(".yaml") || name.ends_with(".lf"))) {
            inputs.push_back(kFuzz + name);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

}  // namespace

TEST_CASE("every input a fuzzer found ends cleanly") {
    const auto inputs = fuzz_inputs();
    if (inputs.empty()) {
        MESSAGE("no fuzzer inputs in " << kFuzz);
    }
    for (const auto& input : inputs) {
        CAPTURE(input);
        const auto command = input.ends_with(".yaml")
                                 ? "check " + quoted(input) + " --as-of 2026-12-01"
                                 : "lint " + quoted(input);
        check_hostile(command, {.exit_codes = kAnyOutcome});
    }
}
