#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace lexflow::model {

/// One attribute that a change added, removed or changed: its value before
/// and after, as text (none where it is absent).
struct AttributeChange {
    std::string key;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

/// A surface, flow or role (or the model's own attributes) that a change
/// added, removed or changed.
struct ElementChange {
    enum class Change { added, removed, changed };
    std::string kind;  ///< "surface", "flow", "role", or "model" for its own attributes
    std::string id;    ///< as users call it: a flow without an id is "FROM->TO"
    Change change = Change::changed;
    std::vector<AttributeChange> attributes;  ///< for a changed element, in key order
};

[[nodiscard]] std::string_view to_string(ElementChange::Change change);

/// What differs between two models of an estate, element by element, by id:
/// nothing that only moves (another file, line or order) or is written
/// another way (YAML style, key order, list order) counts. Sorted by kind
/// (model, surface, flow, role), then id.
[[nodiscard]] std::vector<ElementChange> diff_models(const Model& before, const Model& after);

}  // namespace lexflow::model
