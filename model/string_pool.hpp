#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lexflow::model {

/// A handle to an interned string. Two equal strings have the same Symbol, so
/// comparing attribute values and keys never compares characters.
using Symbol = std::uint32_t;

/// Stores each distinct string once, in large blocks, and hands out Symbols.
/// A model with a million flows repeats the same keys and values (kinds,
/// classifications, control names) millions of times; this keeps each once.
class StringPool {
  public:
    StringPool() = default;
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) = default;
    StringPool& operator=(StringPool&&) = default;

    /// The Symbol of `text`, adding it if it is new.
    Symbol intern(std::string_view text);
    /// The Symbol of `text` if it was interned, without adding it.
    [[nodiscard]] std::optional<Symbol> find(std::string_view text) const;
    [[nodiscard]] std::string_view text(Symbol symbol) const { return views_[symbol]; }
    [[nodiscard]] std::size_t size() const { return views_.size(); }

  private:
    std::string_view store(std::string_view text);

    static constexpr std::size_t kBlockSize = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::unique_ptr<char[]>> oversized_;  ///< one per string longer than a block/4
    std::size_t block_used_ = kBlockSize;             ///< forces a first block
    std::vector<std::string_view> views_;
    std::unordered_map<std::string_view, Symbol> index_;
};

}  // namespace lexflow::model
