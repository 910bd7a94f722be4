#include "report/diagnostic_json.hpp"

namespace lexflow::report {

std::vector<LocatedDiagnostic> locate(const base::Diagnostics& diagnostics,
                                      const base::SourceSet& sources) {
    std::vector<LocatedDiagnostic> located;
    for (const auto& diagnostic : diagnostics.all()) {
        const auto& range = diagnostic.range;
        located.push_back({diagnostic.level, diagnostic.code, sources.name(range.file), range.line,
                           range.column, range.length, diagnostic.message, diagnostic.help});
    }
    return located;
}

void write_diagnostics_json(JsonStream& json, const std::vector<LocatedDiagnostic>& diagnostics) {
    json.begin_array();
    for (const auto& diagnostic : diagnostics) {
        json.begin_object()
            .key("file")
            .value(diagnostic.file)
            .key("line")
            .value(diagnostic.line)
            .key("column")
            .value(diagnostic.column)
            .key("length")
            .value(diagnostic.length)
            .key("level")
            .value(diagnostic.level == base::DiagnosticLevel::error ? "error" : "warning")
            .key("check")
            .value(diagnostic.code)
            .key("message")
            .value(diagnostic.message)
            .key("help")
            .value(diagnostic.help)
            .end_object();
    }
    json.end_array();
}

}  // namespace lexflow::report
