#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "model/string_pool.hpp"
#include "model/value.hpp"

namespace lexflow::model {

/// The values that evaluation meets: the model's, and the literals of the
/// rules. Literals are kept here, not in the model, so that evaluating never
/// changes the model. A literal string the model also holds gets the model's
/// Symbol, so equality stays a comparison of Symbols; one the model lacks
/// gets a Symbol numbered after the model's. Literal lists are numbered after
/// the model's list items in the same way.
class ValueSpace {
  public:
    explicit ValueSpace(const Model& model) : model_(model) {}
    ValueSpace(const ValueSpace&) = delete;
    ValueSpace& operator=(const ValueSpace&) = delete;

    /// The Value of a literal string.
    Value string(std::string_view text);
    /// The Value of a literal list.
    Value list(const std::vector<Value>& items);

    [[nodiscard]] const Model& model() const { return model_; }
    [[nodiscard]] std::string_view text(Symbol symbol) const;
    [[nodiscard]] std::span<const Value> items(Span span) const;
    [[nodiscard]] std::span<const Attribute> entries(Span span) const {
        return model_.entries(span);
    }

  private:
    [[nodiscard]] Symbol first_own_symbol() const {
        return static_cast<Symbol>(model_.strings().size());
    }

    const Model& model_;
    StringPool own_strings_;
    std::vector<Value> own_items_;
};

}  // namespace lexflow::model
