#include "model/model_diff.hpp"

#include <algorithm>
#include <map>

#include "model/value_ops.hpp"
#include "model/value_space.hpp"

namespace lexflow::model {

namespace {

/// An element's attributes as text, by key. A list is compared as a set:
/// `[a, b]` and `[b, a]` say the same.
using AttributeTexts = std::map<std::string, std::string>;

std::string text_of(const ValueSpace& values, Value value) {
    if (value.kind() != ValueKind::list) {
        return value_text(values, value);
    }
    std::vector<std::string> items;
    for (const auto item : values.items(value.as_span())) {
        items.push_back(text_of(values, item));
    }
    std::sort(items.begin(), items.end());
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ", ") + item;
    }
    return "[" + text + "]";
}

AttributeTexts texts_of(const ValueSpace& values, Span attributes) {
    AttributeTexts texts;
    for (const auto& attribute : values.entries(attributes)) {
        texts.emplace(std::string(values.text(attribute.key)), text_of(values, attribute.value));
    }
    return texts;
}

/// Every element of a model by kind and id, with its attributes as text.
using Elements = std::map<std::pair<int, std::string>, AttributeTexts>;

Elements elements_of(const Model& model) {
    const ValueSpace values(model);
    Elements elements;
    // The model's own attributes are one element, whatever the model is named.
    elements[{0, "model"}] = texts_of(values, model.model_attributes());
    const auto add = [&](int order, ElementKind kind, std::size_t count) {
        for (std::uint32_t i = 0; i < count; ++i) {
            const ElementRef element{kind, i};
            elements[{order, model.display_id(element)}] =
                texts_of(values, model.attributes_of(element));
        }
    };
    add(1, ElementKind::surface, model.surfaces().size());
    add(2, ElementKind::flow, model.flows().size());
    add(3, ElementKind::role, model.roles().size());
    return elements;
}

std::vector<AttributeChange> attribute_changes(const AttributeTexts& before,
                                               const AttributeTexts& after) {
    std::vector<AttributeChange> changes;
    auto old_it = before.begin();
    auto new_it = after.begin();
    while (old_it != before.end() || new_it != after.end()) {
        if (new_it == after.end() || (old_it != before.end() && old_it->first < new_it->first)) {
            changes.push_back({old_it->first, old_it->second, std::nullopt});
            ++old_it;
        } else if (old_it == before.end() || new_it->first < old_it->first) {
            changes.push_back({new_it->first, std::nullopt, new_it->second});
            ++new_it;
        } else {
            if (old_it->second != new_it->second) {
                changes.push_back({old_it->first, old_it->second, new_it->second});
            }
            ++old_it;
            ++new_it;
        }
    }
    return changes;
}

constexpr std::string_view kKinds[] = {"model", "surface", "flow", "role"};

}  // namespace

std::string_view to_string(ElementChange::Change change) {
    switch (change) {
        case ElementChange::Change::added:
            return "added";
        case ElementChange::Change::removed:
            return "removed";
        case ElementChange::Change::changed:
            return "changed";
    }
    return "changed";
}

std::vector<ElementChange> diff_models(const Model& before, const Model& after) {
    const auto old_elements = elements_of(before);
    const auto new_elements = elements_of(after);
    std::vector<ElementChange> changes;
    const auto change = [&](const std::pair<int, std::string>& key, ElementChange::Change what,
                            std::vector<AttributeChange> attributes = {}) {
        changes.push_back(
            {std::string(kKinds[key.first]), key.second, what, std::move(attributes)});
    };
    for (const auto& [key, attributes] : old_elements) {
        const auto found = new_elements.find(key);
        if (found == new_elements.end()) {
            change(key, ElementChange::Change::removed);
        } else if (auto changed = attribute_changes(attributes, found->second); !changed.empty()) {
            change(key, ElementChange::Change::changed, std::move(changed));
        }
    }
    for (const auto& [key, attributes] : new_elements) {
        if (!old_elements.contains(key)) {
            change(key, ElementChange::Change::added);
        }
    }
    std::sort(changes.begin(), changes.end(), [](const ElementChange& a, const ElementChange& b) {
        const auto order = [](const ElementChange& c) {
            return std::find(std::begin(kKinds), std::end(kKinds), c.kind) - std::begin(kKinds);
        };
        return std::pair{order(a), a.id} < std::pair{order(b), b.id};
    });
    return changes;
}

}  // namespace lexflow::model
