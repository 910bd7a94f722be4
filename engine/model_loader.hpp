#pragma once

#include <optional>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source.hpp"
#include "engine/model.hpp"

namespace lexflow::engine {

/// Loads and validates a model from one or more YAML files (merged in the
/// order given). Files are read through yaml-cpp's event API, one surface or
/// flow at a time, so a large model is parsed once and never held as a tree.
///
/// Reports every problem with its file:line:col (malformed YAML, a missing or
/// mistyped required key, a duplicate id, a flow to an unknown surface) and
/// returns nothing if there was any: a model is used whole or not at all.
[[nodiscard]] std::optional<Model> load_model(const std::vector<dsl::FileId>& files,
                                              const dsl::SourceSet& sources,
                                              dsl::Diagnostics& diagnostics);

}  // namespace lexflow::engine
