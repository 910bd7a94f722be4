#pragma once

#include <string_view>

namespace lexflow::base {

/// Whether `text` is a calendar date written "YYYY-MM-DD" (a real month, and
/// a day that month has). Such dates order correctly as strings, which is how
/// rules and `--as-of` compare them.
[[nodiscard]] bool is_iso_date(std::string_view text);

}  // namespace lexflow::base
