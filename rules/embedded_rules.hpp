#pragma once

#include <span>

namespace lexflow::rules {

/// One shipped rule file, compiled into the binary.
struct EmbeddedRuleFile {
    const char* path;  ///< relative to rules/, e.g. "eu-ai-act/transparency.lf"
    const char* text;
};

/// Every `.lf` file under rules/, sorted by path.
[[nodiscard]] std::span<const EmbeddedRuleFile> embedded_rule_files();

}  // namespace lexflow::rules
