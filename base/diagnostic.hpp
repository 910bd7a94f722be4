#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"

namespace lexflow::base {

/// How bad a diagnostic is. Errors stop lexflow before it checks anything.
enum class DiagnosticLevel { error, warning, note };

/// A secondary message attached to a diagnostic, e.g. "first defined here".
struct DiagnosticNote {
    std::string message;
    std::optional<SourceRange> range;  ///< where the note points, if anywhere
};

/// One problem found in an input, as data. Rendering is separate
/// (diagnostic_renderer.hpp), so the same diagnostic can become text or JSON.
struct Diagnostic {
    DiagnosticLevel level = DiagnosticLevel::error;
    std::string code;  ///< stable id from diagnostic_ids.hpp, e.g. "LF2002"
    SourceRange range;
    std::string message;
    std::vector<DiagnosticNote> notes;
    std::string help;  ///< a suggestion such as "did you mean 'high'?"; empty if none
};

/// Collects diagnostics across phases so that every error is reported, not
/// only the first. Keeps at most `max_errors` errors and counts the rest.
class Diagnostics {
  public:
    Diagnostics() = default;
    explicit Diagnostics(std::size_t max_errors) : max_errors_(max_errors) {}

    void report(Diagnostic diagnostic);
    /// Whether a diagnostic of `level` reported now would be kept, not only
    /// counted: work that only makes it better (a suggestion) can be skipped.
    [[nodiscard]] bool keeps(DiagnosticLevel level) const {
        return level == DiagnosticLevel::error     ? error_count_ < max_errors_
               : level == DiagnosticLevel::warning ? warning_count_ < max_errors_
                                                   : true;
    }
    [[nodiscard]] bool has_errors() const { return error_count_ > 0; }
    [[nodiscard]] std::size_t error_count() const { return error_count_; }
    [[nodiscard]] std::size_t warning_count() const { return warning_count_; }
    /// Errors and warnings beyond the cap: counted, not kept.
    [[nodiscard]] std::size_t dropped() const { return dropped_; }
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return kept_; }

  private:
    std::size_t max_errors_ = 20;
    std::size_t error_count_ = 0;
    std::size_t warning_count_ = 0;
    std::size_t dropped_ = 0;
    std::vector<Diagnostic> kept_;
};

}  // namespace lexflow::base
