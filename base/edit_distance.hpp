#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lexflow::base {

/// Edit distance between two strings (bytes), counting a swap of two
/// neighbouring characters as one edit; used for "did you mean".
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if one is close enough to be a plausible
/// typo (distance at most a third of the word's length, and at least 1).
/// Ties go to the candidate that comes first, so callers pass sorted input
/// when they need determinism.
[[nodiscard]] std::optional<std::string> closest_match(
    std::string_view word, const std::vector<std::string_view>& candidates);

/// "did you mean 'x'?" for the closest candidate, or empty if none is close.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string_view>& candidates);

}  // namespace lexflow::base
