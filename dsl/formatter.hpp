#pragma once

#include <string>
#include <string_view>

namespace lexflow::dsl {

/// Lays a rule file out canonically: each field, clause and test item on a
/// line of its own; two spaces per open brace, clause lines (`where`,
/// `require`, `to`, ...) two more, continuation lines (`and ...`) four more;
/// field values aligned in one column; one space between tokens (none inside
/// brackets, see token_spacing.hpp); single blank lines, no trailing spaces,
/// one final newline. Inline models are kept byte for byte. Only white space
/// outside strings and comments changes, so the rules mean exactly what they
/// meant, every comment stays, and formatting formatted text changes nothing.
[[nodiscard]] std::string format_rule_file(std::string_view text);

}  // namespace lexflow::dsl
