#pragma once

#include <string_view>

#include "dsl/rule_set.hpp"
#include "report/catalogue.hpp"

namespace lexflow::pipeline {

/// The catalogue of loaded rules and failure patterns; only the rules of
/// `pack` when it is given.
[[nodiscard]] report::Catalogue catalogue_of(const dsl::RuleSet& rules, std::string_view pack = {});

}  // namespace lexflow::pipeline
