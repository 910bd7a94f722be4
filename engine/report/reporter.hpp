#pragma once

#include <memory>
#include <string>

#include "engine/finding.hpp"

namespace lexflow::engine {

/// Renders a Report. Reporters know only findings: never the model, the rules
/// or the command line. One implementation per output format.
class Reporter {
  public:
    virtual ~Reporter() = default;
    [[nodiscard]] virtual std::string render(const Report& report) const = 0;
};

/// Human-readable, grouped by severity; ANSI colours only when `color`.
[[nodiscard]] std::unique_ptr<Reporter> make_text_reporter(bool color);
/// The stable JSON shape documented in docs/report-format.md.
[[nodiscard]] std::unique_ptr<Reporter> make_json_reporter();

}  // namespace lexflow::engine
