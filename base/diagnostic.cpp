#include "base/diagnostic.hpp"

namespace lexflow::base {

void Diagnostics::report(Diagnostic diagnostic) {
    if (diagnostic.level == DiagnosticLevel::error) {
        ++error_count_;
        if (error_count_ > max_errors_) {
            ++dropped_;
            return;
        }
    }
    if (diagnostic.level == DiagnosticLevel::warning) {
        ++warning_count_;
        if (warning_count_ > max_errors_) {
            ++dropped_;
            return;
        }
    }
    kept_.push_back(std::move(diagnostic));
}

}  // namespace lexflow::base
