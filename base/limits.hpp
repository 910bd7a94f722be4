#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lexflow::base {

/// Bounds on what lexflow reads and computes. Inputs are untrusted (anyone
/// who opens a pull request can change them), so every input, however
/// hostile, ends in seconds with a result or a located error that names the
/// limit it hit (LF5001), never a hang or an exhausted machine. Each limit has
/// a name for `--limit NAME=N` and is documented in docs/limits.md.
struct Limits {
    /// Bytes of one model file.
    std::uint64_t model_file_size = 2ULL << 30U;
    /// Bytes of the rule files given, together (the shipped packs do not count).
    std::uint64_t rules_size = 8ULL << 20U;
    /// Bytes of one scalar of a model (an id, a name, any string).
    std::uint64_t value_size = 1ULL << 20U;
    /// Nesting of lists and maps in a model file.
    std::uint64_t yaml_depth = 64;
    /// Values that aliases and merge keys may add to one model file, beyond
    /// alias_ratio per value written in it.
    std::uint64_t alias_expansion = 1'000'000;
    std::uint64_t alias_ratio = 16;
    /// Surfaces, flows and roles of a model, together.
    std::uint64_t elements = 20'000'000;
    /// Steps an evaluation may take on a model (each condition evaluated and
    /// each element a quantifier visits is one step), beyond step_ratio per
    /// element of the model.
    /// The shipped packs take about 170 steps per element.
    std::uint64_t evaluation_steps = 100'000'000;
    std::uint64_t step_ratio = 1'000;
    /// Findings and undecided checks one evaluation may report.
    std::uint64_t findings = 1'000'000;
    /// Bytes of one line of a model file (a value cannot be longer).
    std::uint64_t line_size = 16ULL << 20U;
    /// Columns of a source line shown under a diagnostic.
    std::uint64_t snippet_width = 160;
};

/// A limit as users name it, with what it bounds and its unit.
struct LimitInfo {
    std::string_view name;
    std::string_view meaning;
    std::uint64_t Limits::*value;
};

/// Every limit, in the order docs/limits.md lists them.
[[nodiscard]] const std::vector<LimitInfo>& limit_table();

/// Applies "NAME=N" (from `--limit`) to `limits`; an error message if NAME is
/// not a limit or N is not a positive whole number.
[[nodiscard]] std::optional<std::string> set_limit(Limits& limits, std::string_view assignment);

/// The user-facing name of a limit, e.g. "yaml-depth".
[[nodiscard]] std::string_view limit_name(std::uint64_t Limits::*value);

/// "... exceeds the limit 'yaml-depth' (64)": the message every limit error
/// ends with, and how to raise it.
[[nodiscard]] std::string limit_help(const Limits& limits, std::uint64_t Limits::*value);

}  // namespace lexflow::base
