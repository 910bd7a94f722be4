#include "model/value_ops.hpp"

#include <fmt/format.h>

namespace lexflow::model {

namespace {

bool lists_equal(const ValueSpace& values, Span a, Span b) {
    const auto left = values.items(a);
    const auto right = values.items(b);
    if (left.size() != right.size()) {
        return false;
    }
    for (std::size_t i = 0; i < left.size(); ++i) {
        if (!values_equal(values, left[i], right[i])) {
            return false;
        }
    }
    return true;
}

bool maps_equal(const ValueSpace& values, Span a, Span b) {
    const auto left = values.entries(a);
    const auto right = values.entries(b);
    if (left.size() != right.size()) {
        return false;
    }
    for (std::size_t i = 0; i < left.size(); ++i) {
        if (left[i].key != right[i].key || !values_equal(values, left[i].value, right[i].value)) {
            return false;
        }
    }
    return true;
}

bool element_is_string(const ValueSpace& values, Value element, Value string) {
    const auto id = values.model().id_symbol(element.as_element());
    return id && *id == string.as_string();
}

}  // namespace

bool values_equal(const ValueSpace& values, Value a, Value b) {
    if (a.kind() == ValueKind::element && b.kind() == ValueKind::string) {
        return element_is_string(values, a, b);
    }
    if (a.kind() == ValueKind::string && b.kind() == ValueKind::element) {
        return element_is_string(values, b, a);
    }
    if (a.kind() != b.kind()) {
        return false;
    }
    switch (a.kind()) {
        case ValueKind::missing:
            return true;
        case ValueKind::boolean:
            return a.as_boolean() == b.as_boolean();
        case ValueKind::number:
            return a.as_number() == b.as_number();
        case ValueKind::string:
            return a.as_string() == b.as_string();
        case ValueKind::list:
            return lists_equal(values, a.as_span(), b.as_span());
        case ValueKind::map:
            return maps_equal(values, a.as_span(), b.as_span());
        case ValueKind::element:
            return a.as_element() == b.as_element();
    }
    return false;
}

std::optional<int> compare_values(const ValueSpace& values, Value a, Value b) {
    if (a.kind() == ValueKind::number && b.kind() == ValueKind::number) {
        return a.as_number() < b.as_number() ? -1 : a.as_number() > b.as_number() ? 1 : 0;
    }
    if (a.kind() == ValueKind::string && b.kind() == ValueKind::string) {
        const auto order = values.text(a.as_string()).compare(values.text(b.as_string()));
        return order < 0 ? -1 : order > 0 ? 1 : 0;
    }
    return std::nullopt;
}

std::string value_text(const ValueSpace& values, Value value) {
    switch (value.kind()) {
        case ValueKind::missing:
            return "<missing>";
        case ValueKind::boolean:
            return value.as_boolean() ? "true" : "false";
        case ValueKind::number:
            return fmt::format("{}", value.as_number());
        case ValueKind::string:
            return std::string(values.text(value.as_string()));
        case ValueKind::element:
            return values.model().display_id(value.as_element());
        case ValueKind::list: {
            std::string text;
            for (const auto item : values.items(value.as_span())) {
                text += (text.empty() ? "" : ", ") + value_text(values, item);
            }
            return text;
        }
        case ValueKind::map: {
            std::string text;
            for (const auto& entry : values.entries(value.as_span())) {
                text += fmt::format("{}{}: {}", text.empty() ? "" : ", ", values.text(entry.key),
                                    value_text(values, entry.value));
            }
            return "{" + text + "}";
        }
    }
    return {};
}

}  // namespace lexflow::model
