#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/limits.hpp"

namespace lexflow::cli {

/// `--limit NAME=N` (repeatable): raises or lowers one of the bounds on what
/// lexflow reads and computes (base/limits.hpp, docs/limits.md).
struct LimitOptions {
    std::vector<std::string> assignments;

    /// The limits with every assignment applied; nothing (and an error on
    /// stderr) if one names no limit or gives no positive number.
    [[nodiscard]] std::optional<base::Limits> limits() const;
};

/// Declares `--limit` on `command`.
void add_limit_option(CLI::App& command, LimitOptions& options);

}  // namespace lexflow::cli
