#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace lexflow::base {

/// How serious a gap is. Ordered: a larger value is more severe.
enum class Severity { info = 0, low = 1, medium = 2, high = 3, critical = 4 };

inline constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high",
                                                                   "critical"};

[[nodiscard]] constexpr std::string_view to_string(Severity severity) {
    return kSeverityNames[static_cast<std::size_t>(severity)];
}

[[nodiscard]] constexpr std::optional<Severity> parse_severity(std::string_view name) {
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
        if (kSeverityNames[i] == name) {
            return static_cast<Severity>(i);
        }
    }
    return std::nullopt;
}

}  // namespace lexflow::base
