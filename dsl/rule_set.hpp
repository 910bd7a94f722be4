#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// A declared pack: `pack ID "Title" { applies when C }`.
struct Pack {
    std::string id;
    std::string title;
    std::optional<Expr> applies_when;  ///< none: the pack always applies
    base::SourceRange range;
};

/// Every loaded rule, checked: each rule has a title, a severity, a message
/// and a `for every` clause; every variable is bound; every pack it names is
/// declared; templates are split into segments. The evaluator relies on this.
struct RuleSet {
    std::vector<Pack> packs;
    std::vector<Rule> rules;        ///< in load order
    std::vector<Pattern> patterns;  ///< in load order
    /// Named conditions, checked: no two share a name, none calls itself.
    std::vector<Predicate> predicates;
    std::vector<TestCase> tests;  ///< in load order; each names only loaded rules
    /// What models may say, as the loaded files declare it.
    base::Vocabulary vocabulary;

    [[nodiscard]] const Pack* find_pack(std::string_view id) const;
    [[nodiscard]] const Rule* find_rule(std::string_view id) const;
    [[nodiscard]] const Predicate* find_predicate(std::string_view name) const;
    /// Only the rules with these ids, the packs they belong to, the
    /// predicates and the vocabulary; no tests.
    [[nodiscard]] RuleSet subset(const std::vector<std::string>& rule_ids) const;
};

}  // namespace lexflow::dsl
