#pragma once

#include <string>
#include <string_view>

namespace lexflow::dsl::internal {

/// One line of rule text (without its indentation) with canonical spacing
/// between tokens: one space where there was any, none inside brackets or
/// before a comma, one after a comma, around comparison operators and before
/// `{`, two before a trailing comment. Strings and comments are kept as
/// written. Only white space changes, and never inside a token or between two
/// tokens that white space alone separates.
[[nodiscard]] std::string normalise_spacing(std::string_view line);

}  // namespace lexflow::dsl::internal
