#pragma once

#include <string>

#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// The meaning of a parsed file as text: every rule, field, condition and
/// literal, but no source position. Two files with the same dump mean the
/// same rules; `lexflow fmt` is checked against it.
[[nodiscard]] std::string dump(const RuleFile& file);

}  // namespace lexflow::dsl
