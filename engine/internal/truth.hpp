#pragma once

#include <cstdint>

namespace lexflow::engine::internal {

/// Kleene's three truth values: a condition on a missing attribute is unknown.
enum class Truth : std::uint8_t { no, yes, unknown };

}  // namespace lexflow::engine::internal
