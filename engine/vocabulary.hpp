#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/rule_set.hpp"
#include "dsl/vocabulary.hpp"
#include "engine/model.hpp"

namespace lexflow::engine {

using dsl::Vocabulary;
using dsl::vocabulary_of;

/// Warns about names in the model that are one typo away from a name of the
/// vocabulary (`kind: ai_genrator`, `ai_roel: provider`): a rule would silently
/// miss them. Names far from every known one are custom names and pass.
void check_vocabulary(const Model& model, const Vocabulary& vocabulary,
                      dsl::Diagnostics& diagnostics);

}  // namespace lexflow::engine
