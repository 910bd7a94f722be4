#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lexflow::base {

/// Edit distance between two strings (bytes), counting a swap of two
/// neighbouring characters as one edit; used for "did you mean".
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// Words longer than this get no suggestion: they are not typos of a name.
inline constexpr std::size_t kMaxSuggestedLength = 100;

/// The candidate closest to `word`, if one is close enough to be a plausible
/// typo (distance at most a third of the word's length, and at least 1).
/// Ties go to the candidate that comes first, so callers pass sorted input
/// when they need determinism. For many words against the same candidates,
/// use a NameIndex.
[[nodiscard]] std::optional<std::string> closest_match(
    std::string_view word, const std::vector<std::string_view>& candidates);

/// Names to suggest from, indexed by length: a suggestion compares the word
/// only with names whose length is within the distance it allows, so it
/// costs a few comparisons, not one per name. Answers as closest_match does
/// on the names in the order given.
class NameIndex {
  public:
    NameIndex() = default;
    explicit NameIndex(std::vector<std::string> names);

    [[nodiscard]] std::optional<std::string> closest(std::string_view word) const;
    /// The same, allowing at most `max_distance` edits: warnings about names
    /// that may be custom suggest only what one or two edits make of them.
    [[nodiscard]] std::optional<std::string> closest(std::string_view word,
                                                     std::size_t max_distance) const;
    [[nodiscard]] bool empty() const { return names_.empty(); }

  private:
    std::vector<std::string> names_;
    std::map<std::size_t, std::vector<std::size_t>> by_length_;  ///< indices, in order
};

/// "did you mean 'x'?" for the closest candidate, or empty if none is close.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string_view>& candidates);

}  // namespace lexflow::base
