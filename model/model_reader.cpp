#include "model/model_reader.hpp"

#include "base/diagnostic_ids.hpp"
#include "model/model_builder.hpp"
#include "model/yaml_reader.hpp"

namespace lexflow::model {

std::optional<Model> read_model(const std::vector<base::FileId>& files, base::SourceSet& sources,
                                base::Diagnostics& diagnostics, const base::Limits& limits,
                                const base::Vocabulary& vocabulary, base::Diagnostics* warnings) {
    ModelBuilder builder(diagnostics, warnings != nullptr ? *warnings : diagnostics, limits,
                         vocabulary);
    for (const auto file : files) {
        std::string reason;
        const auto in = sources.open(file, reason);
        if (!in) {
            diagnostics.report({base::DiagnosticLevel::error,
                                std::string(base::diagnostic_ids::unreadable_path),
                                {file, 0, 0, 1},
                                "cannot open model file '" + sources.name(file) + "'",
                                {},
                                "check the path and its permissions"});
            continue;
        }
        read_yaml(file, *in, builder, diagnostics, limits);
    }
    return builder.finish();
}

}  // namespace lexflow::model
