#include "model/string_pool.hpp"

#include <cstring>

namespace lexflow::model {

std::string_view StringPool::store(std::string_view text) {
    if (text.size() > kBlockSize / 4) {
        // Long strings get a block of their own, so blocks stay densely used.
        oversized_.push_back(std::make_unique<char[]>(text.size()));
        std::memcpy(oversized_.back().get(), text.data(), text.size());
        return {oversized_.back().get(), text.size()};
    }
    if (block_used_ + text.size() > kBlockSize) {
        blocks_.push_back(std::make_unique<char[]>(kBlockSize));
        block_used_ = 0;
    }
    char* destination = blocks_.back().get() + block_used_;
    std::memcpy(destination, text.data(), text.size());
    block_used_ += text.size();
    return {destination, text.size()};
}

Symbol StringPool::intern(std::string_view text) {
    if (const auto found = index_.find(text); found != index_.end()) {
        return found->second;
    }
    const auto stored = store(text);
    const auto symbol = static_cast<Symbol>(views_.size());
    views_.push_back(stored);
    index_.emplace(stored, symbol);
    return symbol;
}

std::optional<Symbol> StringPool::find(std::string_view text) const {
    if (const auto found = index_.find(text); found != index_.end()) {
        return found->second;
    }
    return std::nullopt;
}

}  // namespace lexflow::model
