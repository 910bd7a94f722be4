#pragma once

namespace lexflow::cli {

/// lexflow's exit codes. CI pipelines branch on these, so they never change
/// meaning; docs/cli.md lists them.
enum class ExitStatus : int {
    clean = 0,           ///< no gap at or above --fail-on
    gaps_found = 1,      ///< a gap (or an undecidable check) at or above --fail-on
    invalid_input = 2,   ///< bad rules, bad model, bad arguments: nothing was checked
    internal_error = 3,  ///< a bug in lexflow; please report it
    interrupted = 130,   ///< stopped by a signal
};

[[nodiscard]] constexpr int to_int(ExitStatus status) {
    return static_cast<int>(status);
}

}  // namespace lexflow::cli
