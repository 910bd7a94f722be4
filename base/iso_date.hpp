#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lexflow::base {

/// Whether `text` is a calendar date written "YYYY-MM-DD" (a real month, and
/// a day that month has). Such dates order correctly as strings, which is how
/// rules and `--as-of` compare them.
[[nodiscard]] bool is_iso_date(std::string_view text);

/// A date as the number of days since 1970-01-01, for arithmetic; none when
/// `text` is not a date.
[[nodiscard]] std::optional<std::int64_t> day_number(std::string_view text);

/// What a date moves by: `today - 12 months`.
enum class DateUnit { days, months, years };

/// The day `amount` units after `day` (before it when negative). Months and
/// years keep the day of the month, or take the month's last day when it has
/// fewer: 2026-03-31 minus one month is 2026-02-28.
[[nodiscard]] std::int64_t shift_days(std::int64_t day, std::int64_t amount, DateUnit unit);

}  // namespace lexflow::base
