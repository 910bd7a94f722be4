#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/vocabulary.hpp"
#include "model/include_request.hpp"
#include "model/model.hpp"

namespace lexflow::model {

/// Reads and validates a model from one or more files (merged, in the order
/// given, into one estate), each through the reader of its format (JSON for a
/// name ending in `.json`, YAML otherwise) and one ModelBuilder. Files are
/// read through `sources`, which may gain the files that the model names.
///
/// Reports every problem with its file:line:col (malformed YAML or JSON, a
/// missing or mistyped required key, a duplicate id, a flow to an unknown
/// surface, a value the vocabulary does not allow) and returns nothing if
/// there was any: a model is used whole or not at all. Warnings (names no
/// pack declares) go to `warnings`, or to `diagnostics` when it is null.
///
/// A file may include others (`include: [surfaces.yaml]`); `admit_include`
/// decides whether an included file may be read (where it is, whether it was
/// read already) and registers it, or reports why not. Without it, an
/// include is an error.
using IncludeAdmitter = std::function<std::optional<base::FileId>(const IncludeRequest&)>;
[[nodiscard]] std::optional<Model> read_model(const std::vector<base::FileId>& files,
                                              base::SourceSet& sources,
                                              base::Diagnostics& diagnostics,
                                              const base::Limits& limits = {},
                                              const base::Vocabulary& vocabulary = {},
                                              base::Diagnostics* warnings = nullptr,
                                              const IncludeAdmitter& admit_include = {});

}  // namespace lexflow::model
