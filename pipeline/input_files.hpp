#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"

namespace lexflow::pipeline {

/// What an input file is and where it must stay.
struct InputRule {
    std::string_view what;                    ///< "model file", "rule file"
    std::uint64_t base::Limits::*size_limit;  ///< its size limit
    std::optional<std::string> tree;          ///< the folder it must stay inside, if any
    std::string_view help;  ///< what to pass instead of a missing path or a folder
    /// Where an input names the path (a test's `model` line): errors point
    /// there and quote the path. None: errors point at the path itself.
    std::optional<base::SourceRange> named_at = std::nullopt;
};

/// The checks every input file passes before it is read, so that an input
/// can neither hang lexflow nor make it show a file from elsewhere:
/// - it exists and is a regular file (a device or a FIFO is refused: reading
///   one may never end);
/// - it is within its size limit;
/// - once links are resolved, it stays inside `rule.tree` (a link in a pull
///   request cannot point lexflow at /etc/passwd).
/// Reports an error located at the path and returns false if a check fails.
bool admit_input(const std::string& path, const InputRule& rule, const base::Limits& limits,
                 base::SourceSet& sources, base::Diagnostics& diagnostics);

/// The tree a path named on the command line must stay inside: the current
/// folder, when the path is written inside it; none when it is written
/// outside (the user pointed there on purpose).
[[nodiscard]] std::optional<std::string> tree_of_named_path(const std::string& path);

/// Whether `path` stays inside the folder `tree` once links are resolved.
[[nodiscard]] bool stays_inside(const base::FileReader& reader, const std::string& path,
                                const std::string& tree);

}  // namespace lexflow::pipeline
