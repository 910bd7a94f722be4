#include "base/iso_date.hpp"

#include <doctest/doctest.h>

using lexflow::base::DateUnit;
using lexflow::base::day_number;
using lexflow::base::is_iso_date;
using lexflow::base::shift_days;

namespace {

/// `date` moved by `amount` units, as a day number to compare with another date's.
std::int64_t moved(const char* date, std::int64_t amount, DateUnit unit) {
    return shift_days(*day_number(date), amount, unit);
}

}  // namespace

TEST_CASE("only real calendar dates written YYYY-MM-DD are dates") {
    CHECK(is_iso_date("2024-02-29"));
    CHECK_FALSE(is_iso_date("2026-02-29"));
    CHECK_FALSE(is_iso_date("2026-13-01"));
    CHECK_FALSE(is_iso_date("2026-1-01"));
    CHECK_FALSE(day_number("yesterday").has_value());
}

TEST_CASE("day numbers count days from 1970-01-01") {
    CHECK(day_number("1970-01-01") == 0);
    CHECK(day_number("1970-01-02") == 1);
    CHECK(*day_number("2026-12-07") - *day_number("2025-12-07") == 365);
    CHECK(*day_number("2024-12-07") - *day_number("2023-12-07") == 366);
}

TEST_CASE("a date moves by days, months and years, keeping the day of the month when it can") {
    CHECK(moved("2026-12-07", -12, DateUnit::months) == day_number("2025-12-07"));
    CHECK(moved("2026-12-07", 30, DateUnit::days) == day_number("2027-01-06"));
    CHECK(moved("2026-12-07", -2, DateUnit::years) == day_number("2024-12-07"));
    // A month shorter than the day: its last day.
    CHECK(moved("2026-03-31", -1, DateUnit::months) == day_number("2026-02-28"));
    CHECK(moved("2024-02-29", 1, DateUnit::years) == day_number("2025-02-28"));
    CHECK(moved("2026-01-31", 1, DateUnit::months) == day_number("2026-02-28"));
}
