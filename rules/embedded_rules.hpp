#pragma once

#include <span>
#include <string_view>

namespace lexflow::rules {

/// One shipped file, compiled into the binary.
struct EmbeddedRuleFile {
    const char* path;  ///< relative to its folder, e.g. "eu-ai-act/transparency.lf"
    const char* text;
};

/// What the names of the shipped files start with in diagnostics and reports.
inline constexpr std::string_view kBuiltinPrefix = "<builtin>/";

/// The shipped vocabulary of models: loaded even without the packs, since
/// every model is written in it and house rules read it.
inline constexpr std::string_view kVocabularyFile = "vocabulary.lf";

/// Every `.lf` file under rules/, sorted by path.
[[nodiscard]] std::span<const EmbeddedRuleFile> embedded_rule_files();

/// For each shipped rule, a model that trips it: the firing fixture
/// tests/rules/<pack>/<RULE-ID>/fires.yaml, path relative to tests/rules/.
[[nodiscard]] std::span<const EmbeddedRuleFile> embedded_rule_examples();

}  // namespace lexflow::rules
