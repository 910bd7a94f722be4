#pragma once

#include <string>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace lexflow::report {

/// Renders diagnostics the way a compiler does, with everything an input put
/// in them made printable (base/printable.hpp) and long lines cut to a window:
///
///     rules/x.lf:7:12: error: unknown severity 'hgih' [LF2002]
///         7 |   severity hgih
///           |            ^~~~
///       help: did you mean 'high'?
class DiagnosticRenderer {
  public:
    /// `snippet_width`: the columns of a source line shown (limit "snippet-width").
    DiagnosticRenderer(const base::SourceSet& sources, bool color, std::size_t snippet_width = 160)
        : sources_(sources), color_(color), snippet_width_(snippet_width) {}

    [[nodiscard]] std::string render(const base::Diagnostic& diagnostic) const;
    /// Renders every diagnostic, then "N errors" and how many were dropped.
    [[nodiscard]] std::string render_all(const base::Diagnostics& diagnostics) const;

  private:
    [[nodiscard]] std::string location(const base::SourceRange& range) const;
    [[nodiscard]] std::string snippet(const base::SourceRange& range) const;
    [[nodiscard]] std::string paint(const char* ansi, const std::string& text) const;

    const base::SourceSet& sources_;
    bool color_;
    std::size_t snippet_width_;
};

}  // namespace lexflow::report
