#pragma once

#include <vector>

#include "base/diagnostic.hpp"
#include "base/vocabulary.hpp"
#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// The checks that make the `kind` and `attribute` declarations of the files a
/// Vocabulary: every name declared once; a kind's `is` names a declared kind,
/// without cycles; an attribute says where it goes, its type and its meaning;
/// enumerations list their values, other types list none; a default has the
/// attribute's type and, for a closed enumeration, one of its values.
/// Reports every problem; the result is only meaningful without errors.
[[nodiscard]] base::Vocabulary check_vocabulary(const std::vector<RuleFile>& files,
                                                base::Diagnostics& diagnostics);

}  // namespace lexflow::dsl
