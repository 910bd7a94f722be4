#include "cli/diagnostic_json.hpp"

namespace lexflow::cli {

nlohmann::ordered_json diagnostics_as_json(const dsl::Diagnostics& diagnostics,
                                           const dsl::SourceSet& sources) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& diagnostic : diagnostics.all()) {
        list.push_back(
            {{"file", sources.name(diagnostic.range.file)},
             {"line", diagnostic.range.line},
             {"column", diagnostic.range.column},
             {"length", diagnostic.range.length},
             {"level", diagnostic.level == dsl::DiagnosticLevel::error ? "error" : "warning"},
             {"check", diagnostic.code},
             {"message", diagnostic.message},
             {"help", diagnostic.help}});
    }
    return list;
}

}  // namespace lexflow::cli
