#pragma once

// Helpers for the model tests: read models from in-memory YAML and look at
// their values.

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model_reader.hpp"
#include "model/value_ops.hpp"
#include "report/diagnostic_renderer.hpp"

namespace lexflow::testing {

using NamedText = std::pair<std::string, std::string>;

/// A model read from YAML texts, with its diagnostics rendered without colour.
struct LoadedModel {
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    std::optional<lexflow::model::Model> model;
    std::string rendered;
};

inline LoadedModel load_yaml_files(const std::vector<NamedText>& files) {
    LoadedModel result;
    std::vector<base::FileId> ids;
    for (const auto& [name, text] : files) {
        ids.push_back(result.sources.add(name, text));
    }
    result.model = model::read_model(ids, result.sources, result.diagnostics);
    result.rendered =
        report::DiagnosticRenderer(result.sources, false).render_all(result.diagnostics);
    return result;
}

inline LoadedModel load_yaml(const std::string& text) {
    return load_yaml_files({{"model.yaml", text}});
}

/// The value of attribute `key` of `element`; missing if the model lacks it.
inline model::Value attribute(const model::Model& model, model::ElementRef element,
                              std::string_view key) {
    const auto symbol = model.strings().find(key);
    return symbol ? model.find(model.attributes_of(element), *symbol) : model::Value();
}

/// The value of `key` in a nested map value.
inline model::Value entry(const model::Model& model, model::Value map, std::string_view key) {
    const auto symbol = model.strings().find(key);
    REQUIRE(map.kind() == model::ValueKind::map);
    return symbol ? model.find(map.as_span(), *symbol) : model::Value();
}

/// How a model value reads in a message.
inline std::string text_of(const model::Model& model, model::Value value) {
    return model::value_text(model::ValueSpace(model), value);
}

inline model::ElementRef surface(std::uint32_t index) {
    return {model::ElementKind::surface, index};
}
inline model::ElementRef flow(std::uint32_t index) {
    return {model::ElementKind::flow, index};
}
inline model::ElementRef role(std::uint32_t index) {
    return {model::ElementKind::role, index};
}

}  // namespace lexflow::testing
