#pragma once

#include <string_view>

/// The table of diagnostic ids. Ids are stable: documentation and users' CI
/// logs refer to them, so an id is never reused for another meaning.
/// LF1xxx: rule syntax; LF2xxx: rule semantics; LF3xxx: the model;
/// LF4xxx: files and paths; LF5xxx: limits on size and work (base/limits.hpp);
/// LF6xxx: waivers, baselines and config files.
namespace lexflow::base::diagnostic_ids {

inline constexpr std::string_view syntax_error = "LF1001";

inline constexpr std::string_view duplicate_rule_id = "LF2001";
inline constexpr std::string_view unknown_severity = "LF2002";
inline constexpr std::string_view unknown_variable = "LF2003";
inline constexpr std::string_view bad_interpolation = "LF2004";
inline constexpr std::string_view missing_field = "LF2005";
inline constexpr std::string_view duplicate_field = "LF2006";
inline constexpr std::string_view undeclared_pack = "LF2007";
inline constexpr std::string_view duplicate_pack = "LF2008";
inline constexpr std::string_view shadowed_variable = "LF2009";
inline constexpr std::string_view adjacency_needs_flow = "LF2010";
inline constexpr std::string_view applicability_scope = "LF2011";
inline constexpr std::string_view invalid_tags = "LF2012";
inline constexpr std::string_view path_scope = "LF2013";
inline constexpr std::string_view invalid_date = "LF2014";
inline constexpr std::string_view duplicate_pattern = "LF2015";
inline constexpr std::string_view unknown_pattern = "LF2016";
inline constexpr std::string_view unknown_rule = "LF2017";
inline constexpr std::string_view expectation_not_under_test = "LF2018";
inline constexpr std::string_view conflicting_expectations = "LF2019";
inline constexpr std::string_view duplicate_test = "LF2020";
inline constexpr std::string_view duplicate_declaration = "LF2021";
inline constexpr std::string_view unknown_kind = "LF2022";
inline constexpr std::string_view invalid_declaration = "LF2023";
inline constexpr std::string_view undeclared_name = "LF2024";
inline constexpr std::string_view unknown_predicate = "LF2025";
inline constexpr std::string_view predicate_arguments = "LF2026";  ///< how many, or of what
inline constexpr std::string_view recursive_predicate = "LF2027";
inline constexpr std::string_view count_not_compared = "LF2028";
inline constexpr std::string_view date_misused = "LF2029";  ///< `today`, a shifted date
inline constexpr std::string_view effective_scope = "LF2030";
inline constexpr std::string_view report_per_flow = "LF2031";  ///< without `every flow`

inline constexpr std::string_view malformed_yaml = "LF3001";
inline constexpr std::string_view missing_key = "LF3002";
inline constexpr std::string_view wrong_type = "LF3003";
inline constexpr std::string_view duplicate_id = "LF3004";
inline constexpr std::string_view unknown_surface = "LF3005";
inline constexpr std::string_view conflicting_attribute = "LF3006";
inline constexpr std::string_view duplicate_key = "LF3007";
inline constexpr std::string_view empty_model = "LF3008";
inline constexpr std::string_view unknown_top_level_key = "LF3009";
inline constexpr std::string_view unknown_value = "LF3010";  ///< of a closed enumeration
inline constexpr std::string_view include_cycle = "LF3011";  ///< or a file included twice
inline constexpr std::string_view unknown_name = "LF3101";   ///< a warning

inline constexpr std::string_view unreadable_path = "LF4001";
inline constexpr std::string_view no_rule_files = "LF4002";
inline constexpr std::string_view empty_rule_file = "LF4003";
inline constexpr std::string_view no_tests = "LF4004";
inline constexpr std::string_view not_a_file = "LF4005";        ///< a device, a FIFO, a socket
inline constexpr std::string_view outside_the_tree = "LF4006";  ///< a path or link that leaves it

inline constexpr std::string_view limit_exceeded = "LF5001";

inline constexpr std::string_view invalid_waiver =
    "LF6001";  ///< a key missing, unknown or malformed
inline constexpr std::string_view waiver_unknown_rule = "LF6002";
inline constexpr std::string_view waiver_too_long = "LF6003";  ///< beyond the maximum lifetime
inline constexpr std::string_view duplicate_waiver = "LF6004";
inline constexpr std::string_view invalid_baseline = "LF6005";
inline constexpr std::string_view invalid_config = "LF6006";
inline constexpr std::string_view waiver_expired = "LF6101";  ///< a warning
inline constexpr std::string_view waiver_stale = "LF6102";    ///< a warning: it matches nothing

}  // namespace lexflow::base::diagnostic_ids
