#pragma once

#include <cstdint>

#include "model/string_pool.hpp"

namespace lexflow::model {

/// Which kind of model element a reference points at.
enum class ElementKind : std::uint8_t { surface, flow, role };

/// A model element: the index of a surface, flow or role in its Model vector.
struct ElementRef {
    ElementKind kind = ElementKind::surface;
    std::uint32_t index = 0;

    friend bool operator==(const ElementRef&, const ElementRef&) = default;
};

/// A contiguous run of entries in one of the Model's pools.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
};

/// The kind of an attribute value.
enum class ValueKind : std::uint8_t {
    missing,  ///< the attribute is absent or null
    boolean,
    number,
    string,   ///< an interned Symbol
    list,     ///< a Span of Model::list_items
    map,      ///< a Span of Model::map_entries, sorted by key Symbol
    element,  ///< a reference to a surface, flow or role (e.g. a flow's `from`)
};

/// An attribute value in 16 bytes. Lists and maps live in the Model's pools,
/// so a million flows cost a million small records, not a million trees.
class Value {
  public:
    Value() = default;
    static Value boolean(bool b) { return make(ValueKind::boolean, Payload{.boolean = b}); }
    static Value number(double n) { return make(ValueKind::number, Payload{.number = n}); }
    static Value string(Symbol s) { return make(ValueKind::string, Payload{.string = s}); }
    static Value list(Span items) { return make(ValueKind::list, Payload{.span = items}); }
    static Value map(Span entries) { return make(ValueKind::map, Payload{.span = entries}); }
    static Value element(ElementRef ref) {
        auto value = make(ValueKind::element, Payload{.index = ref.index});
        value.element_kind_ = ref.kind;
        return value;
    }

    [[nodiscard]] ValueKind kind() const { return kind_; }
    [[nodiscard]] bool is_missing() const { return kind_ == ValueKind::missing; }
    [[nodiscard]] bool as_boolean() const { return payload_.boolean; }
    [[nodiscard]] double as_number() const { return payload_.number; }
    [[nodiscard]] Symbol as_string() const { return payload_.string; }
    [[nodiscard]] Span as_span() const { return payload_.span; }
    [[nodiscard]] ElementRef as_element() const { return {element_kind_, payload_.index}; }

  private:
    union Payload {
        bool boolean;
        double number;
        Symbol string;
        Span span;
        std::uint32_t index;
    };
    static Value make(ValueKind kind, Payload payload) {
        Value value;
        value.kind_ = kind;
        value.payload_ = payload;
        return value;
    }

    ValueKind kind_ = ValueKind::missing;
    ElementKind element_kind_ = ElementKind::surface;
    Payload payload_{.number = 0};
};

/// A key and its value: an element's attribute, or an entry of a nested map.
struct Attribute {
    Symbol key = 0;
    Value value;
};

}  // namespace lexflow::model
