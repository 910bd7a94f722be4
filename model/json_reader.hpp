#pragma once

#include <istream>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "model/document_sink.hpp"

namespace lexflow::model {

/// Reads one JSON file into `sink` (a model file into the ModelBuilder), as read_yaml does a YAML
/// file: the same calls in the same order, each surface, flow or role handed over as soon as it is
/// complete, so the file is never held as a tree of Nodes (its bytes are held once, as simdjson's
/// On Demand API reads them in place). Every value is located at its first byte. Reports malformed
/// JSON (LF3001) at the parser's position, and stops at the first limit the file exceeds
/// (model-file-size, yaml-depth, value-size), located where it did. A UTF-8 byte order mark is
/// skipped; an empty file is an empty model, as an empty YAML file is.
void read_json(base::FileId file, std::istream& in, DocumentSink& sink,
               base::Diagnostics& diagnostics, const base::Limits& limits);

}  // namespace lexflow::model
