#pragma once

#include <ostream>

#include "base/vocabulary.hpp"

namespace lexflow::report {

/// A JSON Schema (draft-07) of a model file under `vocabulary`, for editors
/// (yaml-language-server, VS Code): completion of kinds, keys and values,
/// with their meanings. It accepts what lexflow accepts and rejects its
/// errors: an unknown top-level key, a value of the wrong type, a value
/// outside a closed enumeration. Keys of one's own on surfaces, flows and
/// roles are allowed, as lexflow only warns about them. `null` stands for
/// a missing attribute everywhere.
void write_model_schema(const base::Vocabulary& vocabulary, std::ostream& out);

}  // namespace lexflow::report
