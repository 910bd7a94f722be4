#pragma once

#include <string>
#include <vector>

#include "base/source.hpp"

namespace lexflow::model {

/// One value of a model file as a reader hands it to the ModelBuilder: the
/// file format's syntax is gone (YAML's plain scalars are resolved to
/// booleans, numbers and nulls; anchors and merge keys are expanded), and
/// where the value was written is kept.
struct Node {
    enum class Type { null, boolean, number, string, sequence, map };
    Type type = Type::null;
    std::string text;  ///< a scalar as written (a string's own text)
    bool boolean = false;
    double number = 0;
    base::SourceRange range;
    /// A sequence's items, or a map's keys and values alternating (key,
    /// value, ...); keys are scalars unless the file broke that rule.
    std::vector<Node> children;

    [[nodiscard]] bool is_scalar() const {
        return type == Type::boolean || type == Type::number || type == Type::string;
    }
};

}  // namespace lexflow::model
