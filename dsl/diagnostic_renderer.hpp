#pragma once

#include <string>

#include "dsl/diagnostic.hpp"
#include "dsl/source.hpp"

namespace lexflow::dsl {

/// Renders diagnostics the way a compiler does:
///
///     rules/x.lf:7:12: error: unknown severity 'hgih' [LF2002]
///         7 |   severity hgih
///           |            ^~~~
///       help: did you mean 'high'?
class DiagnosticRenderer {
  public:
    DiagnosticRenderer(const SourceSet& sources, bool color) : sources_(sources), color_(color) {}

    [[nodiscard]] std::string render(const Diagnostic& diagnostic) const;
    /// Renders every diagnostic, then "N errors" and how many were dropped.
    [[nodiscard]] std::string render_all(const Diagnostics& diagnostics) const;

  private:
    [[nodiscard]] std::string location(const SourceRange& range) const;
    [[nodiscard]] std::string snippet(const SourceRange& range) const;
    [[nodiscard]] std::string paint(const char* ansi, const std::string& text) const;

    const SourceSet& sources_;
    bool color_;
};

}  // namespace lexflow::dsl
