#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/rule_set.hpp"
#include "engine/model.hpp"

namespace lexflow::engine {

/// The names the loaded rules rely on: every attribute key they read, and for
/// each key the string values they compare it with (`x.kind == "audit_log"`,
/// `"disclosure_label" in x.controls`). Derived from the rules themselves, so
/// it is always the vocabulary of exactly the packs in use.
struct Vocabulary {
    std::set<std::string> keys;
    std::map<std::string, std::set<std::string>> values;
};

[[nodiscard]] Vocabulary vocabulary_of(const dsl::RuleSet& rules);

/// Warns about names in the model that are one typo away from a name of the
/// vocabulary (`kind: ai_genrator`, `ai_roel: provider`): a rule would silently
/// miss them. Names far from every known one are custom names and pass.
void check_vocabulary(const Model& model, const Vocabulary& vocabulary,
                      dsl::Diagnostics& diagnostics);

}  // namespace lexflow::engine
