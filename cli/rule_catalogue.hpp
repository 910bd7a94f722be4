#pragma once

#include <string>

#include "dsl/rule_set.hpp"

namespace lexflow::cli {

/// The catalogue of rules (`lexflow rules`): one entry per rule, in pack and
/// id order, as text, JSON or Markdown.
[[nodiscard]] std::string render_catalogue(const dsl::RuleSet& rules, const std::string& format);

/// The coverage matrix (`lexflow rules --matrix`): which rules detect each
/// failure pattern, and which rules and patterns each cited provision has,
/// as text, JSON or Markdown. Patterns no rule covers are listed as such.
[[nodiscard]] std::string render_matrix(const dsl::RuleSet& rules, const std::string& format);

}  // namespace lexflow::cli
