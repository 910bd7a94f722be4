#include "cli/limit_options.hpp"

#include "cli/messages.hpp"

namespace lexflow::cli {

std::optional<base::Limits> LimitOptions::limits() const {
    base::Limits limits;
    for (const auto& assignment : assignments) {
        if (const auto error = base::set_limit(limits, assignment)) {
            print_error("--limit " + *error,
                        "The limits and their defaults are listed in docs/limits.md.");
            return std::nullopt;
        }
    }
    return limits;
}

void add_limit_option(CLI::App& command, LimitOptions& options) {
    command
        .add_option("--limit", options.assignments,
                    "Change a bound on input size or work, e.g. yaml-depth=128 (repeatable; see "
                    "docs/limits.md)")
        ->type_name("NAME=N")
        ->take_all()
        ->expected(1)
        ->allow_extra_args(false);
}

}  // namespace lexflow::cli
