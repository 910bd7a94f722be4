#pragma once

#include "base/diagnostic.hpp"
#include "dsl/names_read.hpp"
#include "model/model.hpp"

namespace lexflow::engine {

/// Warns about names in the model that are one typo away from a name the
/// rules read (`kind: ai_genrator`, `ai_roel: provider`): a rule would
/// silently miss them. Names far from every known one are custom names and pass.
void check_model_names(const model::Model& model, const dsl::NamesRead& names,
                       base::Diagnostics& diagnostics);

}  // namespace lexflow::engine
