#pragma once

// Runs the real lexflow binary on hostile input, fenced in so that a bug
// cannot take the machine with it, and checks what every hostile run must
// show, whatever the input: an exit status of 0, 1 or 2 (3 is an internal
// error, 124 a timeout, 128 and above a signal), in seconds, with bounded
// output, no raw control character on stdout or stderr, and no byte of a file
// it had no business reading.

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/golden.hpp"
#include "tests/support/scratch_dir.hpp"

namespace lexflow::testing {

#ifdef LEXFLOW_SANITIZED
/// Under ASan and UBSan lexflow runs several times slower and reserves
/// terabytes of address space: the fence keeps its time and output bounds,
/// scaled, and leaves memory to the sanitizer.
inline constexpr double kSlowdown = 5;
inline constexpr const char* kFence = "ulimit -f 131072; ";
inline constexpr const char* kTimeout = "timeout -k 5 100 ";
#else
/// The fence around every run: 4 GB of address space, 20 seconds (then
/// SIGTERM, and SIGKILL 5 seconds later), 64 MB per output file (a run that
/// writes more is killed by SIGXFSZ rather than filling the disk).
inline constexpr double kSlowdown = 1;
inline constexpr const char* kFence = "ulimit -v 4000000; ulimit -f 131072; ";
inline constexpr const char* kTimeout = "timeout -k 5 20 ";
#endif

/// Exit statuses of the fence itself.
inline constexpr int kTimedOut = 124;
inline constexpr int kSignalled = 128;  ///< 128 + N: killed by signal N
inline constexpr int kInternalError = 3;

/// What one run of lexflow did.
struct HostileRun {
    std::string command;  ///< the arguments, for failure messages
    int exit_code = -1;   ///< lexflow's, or 124 (timeout), or 128 + N (signal N)
    std::string out;      ///< stdout
    std::string err;      ///< stderr
    double seconds = 0;   ///< wall time
};

/// Runs `lexflow ARGUMENTS` from `directory` (the project root unless
/// given) under the fence, with NO_COLOR=1 and stdin from /dev/null.
/// `arguments` go through the shell: quote what needs it (see `quoted`).
inline HostileRun run_hostile(const std::string& arguments, const std::string& directory = "") {
    const ScratchDir capture;
    const auto out_path = capture.file("out");
    const auto err_path = capture.file("err");
    const auto from = directory.empty() ? std::string(LEXFLOW_SOURCE_DIR) : directory;
    const auto command = "cd '" + from + "' && " + kFence + "exec env NO_COLOR=1 " + kTimeout +
                         "'" + std::string(LEXFLOW_BINARY) + "' " + arguments + " >'" + out_path +
                         "' 2>'" + err_path + "' </dev/null";
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    const auto stop = std::chrono::steady_clock::now();
    HostileRun run;
    run.command = "lexflow " + arguments;
    if (WIFEXITED(status)) {
        run.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        run.exit_code = kSignalled + WTERMSIG(status);
    }
    run.out = read_text(out_path);
    run.err = read_text(err_path);
    run.seconds = std::chrono::duration<double>(stop - start).count();
    return run;
}

/// `text` single-quoted for the shell, whatever bytes it holds.
inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

/// What a case expects of a run, beyond what every run must show.
struct Expected {
    /// The exit statuses that are right (a subset of 0, 1, 2).
    std::set<int> exit_codes;
    /// Texts that must each appear on stderr (a diagnostic id such as
    /// "[LF5001]", or a message).
    std::vector<std::string> on_stderr = {};
    /// Wall time allowed, in seconds (never more than 15).
    double max_seconds = 15;
    /// Bytes allowed on stdout and stderr together.
    std::size_t max_output = 4U << 20U;
    /// Stdout is a JSON document (when there is a report, or anything at all).
    bool json = false;
    /// Texts that must appear on neither stream (a marker planted in a file
    /// outside the case's tree).
    std::vector<std::string> never = {};
    /// A text that no line of stdout or stderr may start with (after
    /// indentation): an input that holds a line break before it would forge a
    /// line of lexflow's own output.
    std::string forged = "";
};

/// Why an exit status is what it is, for failure messages.
inline std::string describe_exit(int code) {
    if (code == kTimedOut) {
        return "124: killed by the 20 s timeout";
    }
    if (code == kInternalError) {
        return "3: internal error";
    }
    if (code > kSignalled) {
        return std::to_string(code) + ": killed by signal " + std::to_string(code - kSignalled) +
               (code - kSignalled == 25 ? " (SIGXFSZ: more than 64 MB of output)" : "");
    }
    return std::to_string(code);
}

/// The first byte of `text` that no terminal or CI log should receive raw: a
/// C0 control other than '\n' and '\t', or DEL; "" if there is none.
inline std::string first_control_byte(const std::string& text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F) {
            std::ostringstream found;
            found << "byte 0x" << std::hex << static_cast<int>(byte) << std::dec << " at offset "
                  << at << ", after: " << text.substr(at < 60 ? 0 : at - 60, at < 60 ? at : 60);
            return found.str();
        }
    }
    return "";
}

/// The start of `text`, for failure messages that must not flood the log.
inline std::string excerpt(const std::string& text, std::size_t bytes = 2000) {
    return text.size() <= bytes ? text
                                : text.substr(0, bytes) + "... (" +
                                      std::to_string(text.size() - bytes) + " more bytes)";
}

/// Whether a line of `text` starts with `marker`, after its indentation.
inline bool starts_a_line(const std::string& text, const std::string& marker) {
    std::size_t start = 0;
    while (start < text.size()) {
        const auto first = text.find_first_not_of(' ', start);
        if (first != std::string::npos && text.compare(first, marker.size(), marker) == 0) {
            return true;
        }
        const auto end = text.find('\n', start);
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return false;
}

/// Checks `run` against what every hostile run must show and what `expected`
/// adds.
inline void check_run(const HostileRun& run, const Expected& expected) {
    INFO("command: ", run.command);
    INFO("exit: ", describe_exit(run.exit_code), ", ", run.seconds, " s");
    INFO("stderr: ", excerpt(run.err));
    CHECK_MESSAGE(expected.exit_codes.count(run.exit_code) == 1,
                  "unexpected exit status " << describe_exit(run.exit_code));
    for (const auto& text : expected.on_stderr) {
        CHECK_MESSAGE(run.err.find(text) != std::string::npos, "stderr lacks: " << text);
    }
    CHECK_MESSAGE(run.seconds < std::min(expected.max_seconds, 15.0) * kSlowdown,
                  "took " << run.seconds << " s, allowed " << expected.max_seconds * kSlowdown);
    CHECK_MESSAGE(run.out.size() + run.err.size() <= expected.max_output,
                  "printed " << run.out.size() << " bytes on stdout and " << run.err.size()
                             << " on stderr, allowed " << expected.max_output);
    const auto out_control = first_control_byte(run.out);
    CHECK_MESSAGE(out_control.empty(), "raw control character on stdout: " << out_control);
    const auto err_control = first_control_byte(run.err);
    CHECK_MESSAGE(err_control.empty(), "raw control character on stderr: " << err_control);
    for (const auto& marker : expected.never) {
        CHECK_MESSAGE(run.out.find(marker) == std::string::npos,
                      "stdout shows the content of a file outside the tree: " << marker);
        CHECK_MESSAGE(run.err.find(marker) == std::string::npos,
                      "stderr shows the content of a file outside the tree: " << marker);
    }
    if (!expected.forged.empty()) {
        CHECK_MESSAGE(!starts_a_line(run.out, expected.forged),
                      "an input forged a line of stdout: " << expected.forged);
        CHECK_MESSAGE(!starts_a_line(run.err, expected.forged),
                      "an input forged a line of stderr: " << expected.forged);
    }
    if (expected.json && (run.exit_code <= 1 || !run.out.empty())) {
        CHECK_MESSAGE(nlohmann::json::accept(run.out),
                      "stdout is not JSON: " << excerpt(run.out, 500));
    }
}

/// Runs and checks in one step; returns the run for case-specific checks.
inline HostileRun check_hostile(const std::string& arguments, const Expected& expected,
                                const std::string& directory = "") {
    auto run = run_hostile(arguments, directory);
    check_run(run, expected);
    return run;
}

/// The exit statuses of a run that ends normally, whatever it found.
inline const std::set<int> kAnyOutcome = {0, 1, 2};
inline const std::set<int> kReport = {0, 1};
inline const std::set<int> kGaps = {1};
inline const std::set<int> kInvalid = {2};

}  // namespace lexflow::testing
