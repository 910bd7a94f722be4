#include "base/edit_distance.hpp"

#include <algorithm>
#include <numeric>

namespace lexflow::base {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: insertions, deletions, substitutions and
    // transpositions of neighbours ("hgih" -> "high") each cost 1.
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> previous(width), current(width), before_previous(width);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before_previous[j - 2] + 1);
            }
        }
        before_previous.swap(previous);
        previous.swap(current);
    }
    return previous[b.size()];
}

namespace {

std::size_t allowed_distance(std::string_view word) {
    return std::max<std::size_t>(1, word.size() / 3);
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates) {
    if (word.size() > kMaxSuggestedLength) {
        return std::nullopt;
    }
    const std::size_t limit = allowed_distance(word);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto candidate : candidates) {
        // The length difference bounds the distance from below: skip cheaply.
        const auto length_gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                               : word.size() - candidate.size();
        if (length_gap >= best_distance || candidate == word) {
            continue;
        }
        const auto distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

NameIndex::NameIndex(std::vector<std::string> names) : names_(std::move(names)) {
    for (std::size_t i = 0; i < names_.size(); ++i) {
        by_length_[names_[i].size()].push_back(i);
    }
}

std::optional<std::string> NameIndex::closest(std::string_view word) const {
    return closest(word, allowed_distance(word));
}

std::optional<std::string> NameIndex::closest(std::string_view word,
                                              std::size_t max_distance) const {
    if (word.size() > kMaxSuggestedLength) {
        return std::nullopt;
    }
    const auto limit = std::min(allowed_distance(word), max_distance);
    std::size_t best_distance = limit + 1;
    std::size_t best_index = names_.size();
    const auto shortest = word.size() > limit ? word.size() - limit : 0;
    for (auto bucket = by_length_.lower_bound(shortest);
         bucket != by_length_.end() && bucket->first <= word.size() + limit; ++bucket) {
        for (const auto index : bucket->second) {
            if (names_[index] == word) {
                continue;
            }
            const auto distance = edit_distance(word, names_[index]);
            const bool better =
                distance < best_distance || (distance == best_distance && index < best_index);
            if (distance <= limit && better) {
                best_distance = distance;
                best_index = index;
            }
        }
    }
    if (best_index == names_.size()) {
        return std::nullopt;
    }
    return names_[best_index];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    const auto match = closest_match(word, candidates);
    return match ? "did you mean '" + *match + "'?" : std::string();
}

}  // namespace lexflow::base
