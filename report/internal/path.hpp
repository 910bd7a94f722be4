#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace lexflow::report::internal {

/// A witness as its surfaces, "a → b → c" (its flows are in the JSON and
/// SARIF reports); one the report shortened as "a → b → … 940 more flows …
/// → y → z". `shown` renders an id for the format at hand, so each format
/// escapes the ids and the arrows stay its own. Past `max_bytes` the
/// surfaces left are counted, not shown: "a → b → … 12 more surfaces".
template <typename Shown>
[[nodiscard]] std::string path_text(
    const std::vector<WitnessStep>& witness, const OmittedSteps& omitted, Shown shown,
    std::size_t max_bytes = std::numeric_limits<std::size_t>::max()) {
    std::string out;
    for (std::size_t i = 0; i < witness.size(); ++i) {
        if (out.size() > max_bytes) {
            std::size_t left = 0;
            for (std::size_t j = i; j < witness.size(); ++j) {
                left += witness[j].kind == "flow" ? 0 : 1;
            }
            if (left > 0) {
                out += " → … " + std::to_string(left) + " more surface" + (left == 1 ? "" : "s");
            }
            break;
        }
        if (omitted.flows > 0 && i == omitted.at) {
            out += " → … " + std::to_string(omitted.flows) + " more flow" +
                   (omitted.flows == 1 ? "" : "s") + " …";
        }
        if (witness[i].kind != "flow") {
            out += (out.empty() ? "" : " → ") + shown(std::string_view(witness[i].id));
        }
    }
    return out;
}

}  // namespace lexflow::report::internal
