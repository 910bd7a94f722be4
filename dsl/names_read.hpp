#pragma once

#include <map>
#include <set>
#include <string>

#include "dsl/rule_set.hpp"

namespace lexflow::dsl {

/// The names the loaded rules rely on: every attribute key they read, and for
/// each key the string values they compare it with (`x.kind == "audit_log"`,
/// `"disclosure_label" in x.controls`). Derived from the rules themselves, so
/// they are always the names of exactly the packs in use.
struct NamesRead {
    std::set<std::string> keys;
    std::map<std::string, std::set<std::string>> values;
};

[[nodiscard]] NamesRead names_read_by(const RuleSet& rules);

/// The names one rule reads.
[[nodiscard]] NamesRead names_read_by(const Rule& rule);

}  // namespace lexflow::dsl
