#pragma once

#include <istream>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "model/model_builder.hpp"

namespace lexflow::model {

/// Reads one YAML model file into `builder` through yaml-cpp's event API:
/// each surface, flow or role is handed over as soon as it is complete, so a
/// large file is parsed once and never held as a tree. Resolves what is YAML
/// syntax and nothing else: plain scalars to booleans, numbers and nulls (the
/// YAML 1.2 core schema), anchors and aliases, and `<<` merge keys. Reports
/// malformed YAML at the parser's position.
void read_yaml(base::FileId file, std::istream& in, ModelBuilder& builder,
               base::Diagnostics& diagnostics);

}  // namespace lexflow::model
