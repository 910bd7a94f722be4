#pragma once

#include <set>
#include <string>

#include "base/diagnostic.hpp"
#include "dsl/rule_set.hpp"

namespace lexflow::dsl {

/// What the linter knows besides the rules it lints.
struct LintScope {
    /// Files whose rules are linted; rules from other files (the shipped
    /// packs) only inform the checks.
    std::set<base::FileId> files;
    /// Attribute keys of the models in scope (`lexflow lint --model`).
    std::set<std::string> model_keys;
    bool has_models = false;
};

/// Warnings about rules that parse and check but are probably wrong, each
/// named after its check (clang-tidy style), e.g. "[unused-variable]":
/// missing-citation, missing-remediation, unknown-attribute,
/// constant-comparison, unused-variable, unreachable-where, unused-predicate.
void lint_rules(const RuleSet& rules, const LintScope& scope, base::Diagnostics& diagnostics);

}  // namespace lexflow::dsl
