#pragma once

#include <string_view>

namespace lexflow::cli {

/// lexflow's own messages go to stderr in one shape, like ninja's and
/// clang-tidy's: "lexflow: error: MESSAGE", then any follow-up lines as given
/// (a hint such as "Run 'lexflow --help' for usage."). MESSAGE may quote
/// inputs, so it is made printable; follow-ups are lexflow's own text.
/// Diagnostics about input files have their own, located shape
/// (report/diagnostic_renderer.hpp).
void print_error(std::string_view message, std::string_view follow_up = {});

/// "lexflow: MESSAGE": the closing line of a run, such as what made it fail.
void print_status(std::string_view message);

/// "lexflow: internal error: MESSAGE" and a request to report the bug.
void print_internal_error(std::string_view message);

}  // namespace lexflow::cli
