#include "model/model_reader.hpp"

#include <deque>
#include <string_view>

#include "base/diagnostic_ids.hpp"
#include "model/json_reader.hpp"
#include "model/model_builder.hpp"
#include "model/yaml_reader.hpp"

namespace lexflow::model {

namespace {

/// Files that tools write are often JSON; hand-written models stay YAML.
bool is_json(std::string_view name) {
    return name.ends_with(".json");
}

}  // namespace

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
        const auto read = is_json(sources.name(file)) ? read_json : read_yaml;
        read(file, *in, builder, diagnostics, limits);
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
