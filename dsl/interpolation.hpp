#pragma once

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// Splits a message or remediation template into literal text and `{x.path}`
/// holes. `{{` and `}}` stand for literal braces. Reports an unclosed `{`, a
/// stray `}` and a hole that is not a path; returns false if it reported any.
bool split_template(Template& text, base::Diagnostics& diagnostics);

}  // namespace lexflow::dsl
