#pragma once

#include <istream>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "model/document_sink.hpp"

namespace lexflow::model {

/// Reads one YAML file into `sink` (a model file into the ModelBuilder) through yaml-cpp's event
/// API: each surface, flow or role is handed over as soon as it is complete, so a large file is
/// parsed once and never held as a tree. Resolves what is YAML syntax and nothing else: plain
/// scalars to booleans, numbers and nulls (the YAML 1.2 core schema), anchors and aliases, and `<<`
/// merge keys. Reports malformed YAML at the parser's position, and stops at the first limit the
/// file exceeds (yaml-depth, value-size, alias-expansion), located where it did: a small hostile
/// file cannot hang lexflow or exhaust memory.
void read_yaml(base::FileId file, std::istream& in, DocumentSink& sink,
               base::Diagnostics& diagnostics, const base::Limits& limits);

}  // namespace lexflow::model
