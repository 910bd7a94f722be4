#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/limits.hpp"

namespace lexflow::cli {

/// The name of the config file lexflow looks for.
inline constexpr std::string_view kConfigName = ".lexflow.yaml";

/// What a config file sets: the options of `check` and `diff` that a team
/// sets once (docs/cli.md#the-config-file). Paths are resolved against the
/// config file's folder.
struct ConfigFile {
    std::string path;
    std::optional<std::vector<std::string>> rules;
    std::optional<bool> no_default_rules;
    std::optional<std::vector<std::string>> packs;
    std::optional<std::vector<std::string>> skip_rules;
    std::optional<std::string> waivers;
    std::optional<std::int64_t> waiver_max_days;
    std::optional<std::string> fail_on;
    std::optional<std::string> as_of;
    std::optional<bool> strict;
};

/// The config file to use: the first `.lexflow.yaml` in the current folder
/// or a folder above it, up to the root of the repository (the folder that
/// holds `.git`) or of the file system; none if there is none.
[[nodiscard]] std::optional<std::string> find_config_file();

/// Reads a config file; prints every problem, located, and returns none if
/// there was any (an unknown key, a wrong type, a bad date or severity, a
/// path that leaves the config file's folder). `found`: it was found by
/// lookup, not named, so it may not be a link out of its folder.
[[nodiscard]] std::optional<ConfigFile> read_config_file(const std::string& path,
                                                         const base::Limits& limits, bool found);

}  // namespace lexflow::cli
