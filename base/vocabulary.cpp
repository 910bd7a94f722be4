#include "base/vocabulary.hpp"

#include <algorithm>

namespace lexflow::base {

std::string_view to_string(Owner owner) {
    switch (owner) {
        case Owner::node:
            return "node";
        case Owner::flow:
            return "flow";
        case Owner::role:
            return "role";
        case Owner::model:
            return "model";
    }
    return "node";
}

std::string_view to_string(ValueType type) {
    switch (type) {
        case ValueType::boolean:
            return "boolean";
        case ValueType::number:
            return "number";
        case ValueType::date:
            return "date";
        case ValueType::string:
            return "string";
        case ValueType::enumeration:
            return "enum";
        case ValueType::enumeration_list:
            return "list of enum";
        case ValueType::string_list:
            return "list of string";
        case ValueType::map:
            return "map";
    }
    return "string";
}

bool AttributeSpec::belongs_to(Owner owner) const {
    return std::find(owners.begin(), owners.end(), owner) != owners.end();
}

bool AttributeSpec::declares(std::string_view value) const {
    return std::any_of(values.begin(), values.end(),
                       [&](const AllowedValue& allowed) { return allowed.name == value; });
}

bool AttributeSpec::allows(std::string_view value) const {
    return open || declares(value);
}

const KindSpec* Vocabulary::kind(std::string_view name) const {
    const auto found = kinds_.find(name);
    return found == kinds_.end() ? nullptr : &found->second;
}

const AttributeSpec* Vocabulary::attribute(std::string_view name) const {
    const auto found = attributes_.find(name);
    return found == attributes_.end() ? nullptr : &found->second;
}

bool Vocabulary::counts_as(std::string_view kind, std::string_view wanted) const {
    // A chain of `is` is followed as far as it goes; a cycle (which the
    // checker rejects) stops after as many steps as there are kinds.
    for (std::size_t step = 0; step <= kinds_.size(); ++step) {
        if (kind == wanted) {
            return true;
        }
        const auto* spec = this->kind(kind);
        if (spec == nullptr || spec->is.empty()) {
            return false;
        }
        kind = spec->is;
    }
    return false;
}

}  // namespace lexflow::base
