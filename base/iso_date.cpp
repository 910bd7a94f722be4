#include "base/iso_date.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace lexflow::base {

namespace {

int number(std::string_view digits) {
    int value = 0;
    for (const char digit : digits) {
        value = value * 10 + (digit - '0');
    }
    return value;
}

}  // namespace

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (const auto i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
    }
    const int year = number(text.substr(0, 4));
    const int month = number(text.substr(5, 2));
    const int day = number(text.substr(8, 2));
    constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month >= 1 && month <= 12 && day >= 1 &&
           day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

std::optional<std::int64_t> day_number(std::string_view text) {
    if (!is_iso_date(text)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{
        std::chrono::year{number(text.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(number(text.substr(5, 2)))},
        std::chrono::day{static_cast<unsigned>(number(text.substr(8, 2)))}};
    return std::chrono::sys_days(date).time_since_epoch().count();
}

std::int64_t shift_days(std::int64_t day, std::int64_t amount, DateUnit unit) {
    using namespace std::chrono;
    if (unit == DateUnit::days) {
        return day + amount;
    }
    const year_month_day date{sys_days(days(day))};
    const auto month_count = unit == DateUnit::years ? amount * 12 : amount;
    const auto moved = date.year() / date.month() + months(month_count);
    const year_month_day_last last{moved.year(), month_day_last(moved.month())};
    const auto day_of_month = std::min(date.day(), last.day());
    return sys_days(moved.year() / moved.month() / day_of_month).time_since_epoch().count();
}

}  // namespace lexflow::base
