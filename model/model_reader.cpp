#include "model/model_reader.hpp"

#include <deque>

#include "base/diagnostic_ids.hpp"
#include "model/model_builder.hpp"
#include "model/yaml_reader.hpp"

namespace lexflow::model {

std::optional<Model> read_model(const std::vector<base::FileId>& files, base::SourceSet& sources,
                                base::Diagnostics& diagnostics, const base::Limits& limits,
                                const base::Vocabulary& vocabulary, base::Diagnostics* warnings,
                                const IncludeAdmitter& admit_include) {
    ModelBuilder builder(diagnostics, warnings != nullptr ? *warnings : diagnostics, limits,
                         vocabulary);
    // Included files are read after the file that names them, depth first,
    // so that the model's files are read in the order a reader expects.
    std::deque<base::FileId> pending(files.begin(), files.end());
    while (!pending.empty()) {
        const auto file = pending.front();
        pending.pop_front();
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
        auto includes = builder.take_includes();
        for (auto include = includes.rbegin(); include != includes.rend(); ++include) {
            const auto admitted = admit_include ? admit_include(*include) : std::nullopt;
            if (admitted) {
                pending.push_front(*admitted);
            } else if (!admit_include) {
                diagnostics.report({base::DiagnosticLevel::error,
                                    std::string(base::diagnostic_ids::unreadable_path),
                                    include->range,
                                    "this model cannot include other files",
                                    {},
                                    "pass every file of the model to lexflow instead"});
            }
        }
    }
    return builder.finish();
}

}  // namespace lexflow::model
