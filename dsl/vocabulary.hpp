#pragma once

#include <map>
#include <set>
#include <string>

#include "dsl/rule_set.hpp"

namespace lexflow::dsl {

/// The names the loaded rules rely on: every attribute key they read, and for
/// each key the string values they compare it with (`x.kind == "audit_log"`,
/// `"disclosure_label" in x.controls`). Derived from the rules themselves, so
/// it is always the vocabulary of exactly the packs in use.
struct Vocabulary {
    std::set<std::string> keys;
    std::map<std::string, std::set<std::string>> values;
};

[[nodiscard]] Vocabulary vocabulary_of(const RuleSet& rules);

/// The vocabulary of one rule only.
[[nodiscard]] Vocabulary vocabulary_of(const Rule& rule);

}  // namespace lexflow::dsl
