#pragma once

#include <string>

#include "model/value_space.hpp"

namespace lexflow::model {

/// Whether two values are equal. Values of different kinds are never equal,
/// except that an element equals the string of its id (`f.to == "crm-db"`).
/// Lists compare item by item; maps entry by entry.
[[nodiscard]] bool values_equal(const ValueSpace& values, Value a, Value b);

/// The order of two numbers or two strings (byte order): negative, zero or
/// positive. Nothing if the values cannot be ordered against each other.
[[nodiscard]] std::optional<int> compare_values(const ValueSpace& values, Value a, Value b);

/// How a value reads in a message: strings as is, numbers in shortest form,
/// lists as "a, b", maps as "{k: v}", elements by id, missing as "<missing>".
[[nodiscard]] std::string value_text(const ValueSpace& values, Value value);

}  // namespace lexflow::model
