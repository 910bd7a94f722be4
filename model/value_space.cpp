#include "model/value_space.hpp"

namespace lexflow::model {

Value ValueSpace::string(std::string_view text) {
    if (const auto symbol = model_.strings().find(text)) {
        return Value::string(*symbol);
    }
    return Value::string(first_own_symbol() + own_strings_.intern(text));
}

Value ValueSpace::list(const std::vector<Value>& items) {
    const Span span{static_cast<std::uint32_t>(model_.list_item_count() + own_items_.size()),
                    static_cast<std::uint32_t>(items.size())};
    own_items_.insert(own_items_.end(), items.begin(), items.end());
    return Value::list(span);
}

std::string_view ValueSpace::text(Symbol symbol) const {
    return symbol < first_own_symbol() ? model_.strings().text(symbol)
                                       : own_strings_.text(symbol - first_own_symbol());
}

std::span<const Value> ValueSpace::items(Span span) const {
    const auto model_items = model_.list_item_count();
    if (span.begin < model_items) {
        return model_.items(span);
    }
    return {own_items_.data() + (span.begin - model_items), span.size};
}

}  // namespace lexflow::model
