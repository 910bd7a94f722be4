#pragma once

#include <optional>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// Parses one rule file held in `sources`. On a syntax error, reports one
/// located diagnostic and returns nothing: a PEG parser cannot resynchronise
/// reliably, and a second error after a bad first one is usually noise.
[[nodiscard]] std::optional<RuleFile> parse_rule_file(const base::SourceSet& sources,
                                                      base::FileId file,
                                                      base::Diagnostics& diagnostics);

}  // namespace lexflow::dsl
