#pragma once

// The message for every place where the grammar commits (every `must<>` and
// `raise<>` in grammar.hpp). `must_if` refuses to compile a `must<>` whose rule
// has no entry here, so no user ever sees PEGTL's generic text.

#include <tao/pegtl.hpp>

#include "dsl/grammar.hpp"

namespace lexflow::dsl::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr auto error_message<escape_code> = "unknown escape sequence; use \\\", \\\\, \\n or \\t";
template <> inline constexpr auto error_message<string_close> = "unterminated string; add a closing '\"' on this line";
template <> inline constexpr auto error_message<fraction_digits> = "expected digits after the decimal point";
template <> inline constexpr auto error_message<list_close> = "expected ',' or ']' in the list (list items are strings, numbers or booleans)";
template <> inline constexpr auto error_message<key_after_dot> = "expected an attribute name after '.'";
template <> inline constexpr auto error_message<paren_inner> = "expected a condition after '('";
template <> inline constexpr auto error_message<paren_close> = "expected ')' to close the parenthesis";
template <> inline constexpr auto error_message<operand_after_operator> = "expected a value or an attribute path after the operator";
template <> inline constexpr auto error_message<in_after_not> = "expected 'in' after 'not' here; to negate a condition, put 'not' in front of it";
template <> inline constexpr auto error_message<single_equals_message> = "'=' is not an operator; use '==' to compare values";
template <> inline constexpr auto error_message<keys_after_has> = "expected an attribute name after 'has'";
template <> inline constexpr auto error_message<domain_after_exists> = "expected 'node', 'flow', 'role' or 'path' after 'exists'";
template <> inline constexpr auto error_message<path_start_after_exists> = "expected 'from' or 'to' and a node variable after 'exists path'";
template <> inline constexpr auto error_message<to_after_path_start> = "expected 'to node' after the start of the path, as in exists path from x to node s";
template <> inline constexpr auto error_message<from_after_path_end> = "expected 'from node' after the end of the path, as in exists path to x from node s";
template <> inline constexpr auto error_message<node_after_path_end> = "expected 'node' and a variable for the other end of the path";
template <> inline constexpr auto error_message<bound_variable> = "expected a variable name (reserved words such as 'node' or 'to' cannot name variables)";
template <> inline constexpr auto error_message<anchor_variable> = "expected the variable of a node after 'from' or 'to'";
template <> inline constexpr auto error_message<anchor_path_message> = "'from' and 'to' take a node variable, not an attribute path; bind the node first: exists node n where n == f.to and (...)";
template <> inline constexpr auto error_message<condition_after_where> = "expected a condition after 'where'";
template <> inline constexpr auto error_message<condition_after_not> = "expected a condition after 'not'";
template <> inline constexpr auto error_message<condition_after_and> = "expected a condition after 'and'";
template <> inline constexpr auto error_message<condition_after_or> = "expected a condition after 'or'";
template <> inline constexpr auto error_message<field_string> = "expected a quoted string";
template <> inline constexpr auto error_message<severity_after_keyword> = "expected a severity: critical, high, medium, low or info";
template <> inline constexpr auto error_message<tags_list> = "expected a list of tags, such as [\"transparency\", \"logging\"]";
template <> inline constexpr auto error_message<every_after_for> = "expected 'every' or 'the model' after 'for'";
template <> inline constexpr auto error_message<model_after_the> = "expected 'model' after 'for the' (a rule about the whole model)";
template <> inline constexpr auto error_message<require_after_model> = "expected 'where' or 'require' after 'for the model'";
template <> inline constexpr auto error_message<amount_after_sign> = "expected a whole number of days, months or years after '+' or '-', as in today - 12 months";
template <> inline constexpr auto error_message<unit_after_amount> = "expected 'days', 'months' or 'years' after the number";
template <> inline constexpr auto error_message<condition_after_when> = "expected a condition after 'when', as in effective \"2026-12-02\" when g.placed_on_market < \"2026-08-02\"";
template <> inline constexpr auto error_message<count_open> = "expected '(' after 'count', as in count(node n where ...)";
template <> inline constexpr auto error_message<count_body_after_open> = "expected what to count: 'node', 'flow' or 'role' and a variable, or 'distinct' and an attribute path";
template <> inline constexpr auto error_message<count_close> = "expected ')' to close count(...)";
template <> inline constexpr auto error_message<distinct_path_after_keyword> = "expected the attribute path whose distinct values are counted, such as n.vendor";
template <> inline constexpr auto error_message<for_after_distinct> = "expected 'for' after the attribute path, as in count(distinct n.vendor for node n)";
template <> inline constexpr auto error_message<counted_after_for> = "expected 'node', 'flow' or 'role' and a variable after 'for'";
template <> inline constexpr auto error_message<argument_after_comma> = "expected a variable after ','";
template <> inline constexpr auto error_message<call_close> = "expected ')' after the predicate's arguments (its arguments are variables)";
template <> inline constexpr auto error_message<predicate_name_after_keyword> = "expected the predicate's name after 'predicate', such as machine_made";
template <> inline constexpr auto error_message<parameters_open> = "expected '(' and the predicate's parameters, such as (flow f)";
template <> inline constexpr auto error_message<parameter_after_comma> = "expected a parameter after ',': 'node', 'flow' or 'role' and a variable";
template <> inline constexpr auto error_message<parameters_close> = "expected ')' after the parameters; each is 'node', 'flow' or 'role' and a variable";
template <> inline constexpr auto error_message<equals_after_parameters> = "expected '=' and the predicate's condition after its parameters";
template <> inline constexpr auto error_message<predicate_body> = "expected the predicate's condition after '='";
template <> inline constexpr auto error_message<domain_after_every> = "expected 'node', 'flow', 'role' or 'path' after 'for every'";
template <> inline constexpr auto error_message<from_after_path> = "expected 'from' after 'for every path'";
template <> inline constexpr auto error_message<node_after_from> = "expected 'node' after 'from' (paths run between nodes)";
template <> inline constexpr auto error_message<to_after_source> = "expected 'to node' (or 'where') after the source of the path";
template <> inline constexpr auto error_message<node_after_to> = "expected 'node' after 'to' (paths run between nodes)";
template <> inline constexpr auto error_message<node_after_passes> = "expected 'node' or 'flow' after 'passes'";
template <> inline constexpr auto error_message<flow_after_through> = "expected 'flow' after 'through' (paths are restricted to the flows they may follow)";
template <> inline constexpr auto error_message<through_variable> = "expected a variable name for the flows after 'through flow'";
template <> inline constexpr auto error_message<where_after_through_variable> = "expected 'where' and the condition the flows followed must meet";
template <> inline constexpr auto error_message<flow_after_every> = "expected 'flow' after 'every'";
template <> inline constexpr auto error_message<satisfies_after_flow> = "expected 'satisfies' after the flow variable";
template <> inline constexpr auto error_message<flow_condition> = "expected a condition after 'satisfies'";
template <> inline constexpr auto error_message<path_after_no> = "expected 'path' after 'no'";
template <> inline constexpr auto error_message<passes_after_unless> = "expected 'passes' after 'unless'";
template <> inline constexpr auto error_message<path_requirement_after_require> = "expected 'passes node', 'every flow' or 'no path' after 'require' in a path rule";
template <> inline constexpr auto error_message<path_require_after_end> = "expected 'and', 'or', 'through' or 'require' after the target of the path";
template <> inline constexpr auto error_message<per_after_report> = "expected 'per' after 'report'";
template <> inline constexpr auto error_message<side_after_per> = "expected 'source', 'target' or 'flow' after 'report per'";
template <> inline constexpr auto error_message<requirement> = "expected a condition after 'require'";
template <> inline constexpr auto error_message<require_after_variable> = "expected 'where' or 'require' after the variable";
template <> inline constexpr auto error_message<require_after_condition> = "expected 'and', 'or' or 'require' after the condition";
template <> inline constexpr auto error_message<rule_name_after_keyword> = "expected a rule id after 'rule' (letters, digits, '-', '_' and '.', starting with a letter)";
template <> inline constexpr auto error_message<rule_open> = "expected '{' after the rule id";
template <> inline constexpr auto error_message<rule_close> = "expected a rule field (title, description, cite, severity, tags, message, remediation, effective, covers), 'for every', 'for the model', or '}'";
template <> inline constexpr auto error_message<when_after_applies> = "expected 'when' after 'applies'";
template <> inline constexpr auto error_message<applies_condition> = "expected a condition after 'applies when'";
template <> inline constexpr auto error_message<pack_close> = "expected 'applies when' or '}' in the pack declaration";
template <> inline constexpr auto error_message<pack_body_after_title> = "expected '{' after the pack title";
template <> inline constexpr auto error_message<pack_name_after_keyword> = "expected a pack id after 'pack' (letters, digits, '-', '_' and '.', starting with a letter)";
template <> inline constexpr auto error_message<end_of_file> = "expected 'rule', 'predicate', 'pattern', 'test', 'kind', 'attribute' or the end of the file";
template <> inline constexpr auto error_message<kind_name_after_keyword> = "expected the name of a kind after 'kind', such as ai_generator";
template <> inline constexpr auto error_message<kind_parent_after_is> = "expected the kind it counts as after 'is', such as ai_generator";
template <> inline constexpr auto error_message<kind_meaning_after_name> = "expected the kind's meaning in quotes (or 'is' and the kind it counts as)";
template <> inline constexpr auto error_message<owner_after_on> = "expected where the attribute goes after 'on': node, flow, role or model";
template <> inline constexpr auto error_message<owner_after_comma> = "expected node, flow, role or model after ','";
template <> inline constexpr auto error_message<type_after_keyword> = "expected a type: boolean, number, date, string, enum, map, list of enum or list of string";
template <> inline constexpr auto error_message<of_after_list> = "expected 'of' after 'list' (list of enum, list of string)";
template <> inline constexpr auto error_message<list_item_type_after_of> = "expected 'enum' or 'string' after 'list of'";
template <> inline constexpr auto error_message<value_name_after_keyword> = "expected the value in quotes after 'value', such as \"customer\"";
template <> inline constexpr auto error_message<value_meaning_after_name> = "expected the value's meaning in quotes after the value";
template <> inline constexpr auto error_message<default_after_keyword> = "expected a default value after 'default': a string, a number, true, false or a list";
template <> inline constexpr auto error_message<attribute_name_after_keyword> = "expected the attribute's name after 'attribute', such as audience";
template <> inline constexpr auto error_message<attribute_open> = "expected '{' after the attribute's name";
template <> inline constexpr auto error_message<attribute_close> = "expected an attribute field (on, type, value, default, open, meaning) or '}'";
template <> inline constexpr auto error_message<test_name_after_keyword> = "expected the test's name in quotes after 'test', such as \"fires on an unmarked generator\"";
template <> inline constexpr auto error_message<test_open> = "expected '{' after the test's name";
template <> inline constexpr auto error_message<test_close> = "expected 'rules', 'model', 'as of', 'expect' or '}' in the test";
template <> inline constexpr auto error_message<rule_ref_after_rules> = "expected the id of a rule under test after 'rules'";
template <> inline constexpr auto error_message<rule_ref_after_comma> = "expected a rule id after ','";
template <> inline constexpr auto error_message<model_after_keyword> = "expected a model after 'model': a file name in quotes, or YAML between \"\"\" lines";
template <> inline constexpr auto error_message<line_break_after_quotes> = "an inline model starts on the line after the opening \"\"\"";
template <> inline constexpr auto error_message<unclosed_inline_model> = "this inline model is never closed; end it with \"\"\" on a line of its own";
template <> inline constexpr auto error_message<of_after_as> = "expected 'of' after 'as'";
template <> inline constexpr auto error_message<as_of_date_after_of> = "expected a date in quotes after 'as of', such as \"2026-08-02\"";
template <> inline constexpr auto error_message<evaluated_after_not> = "expected 'evaluated' after 'not' (write 'not evaluated')";
template <> inline constexpr auto error_message<on_after_rule> = "expected 'on', 'upcoming' or 'not evaluated' after the rule id";
template <> inline constexpr auto error_message<kind_after_on> = "expected 'model', or 'node', 'flow' or 'role' and an id, after 'on'";
template <> inline constexpr auto error_message<subject_id_after_kind> = "expected the id of the reported element in quotes, such as \"crm-sync\"";
template <> inline constexpr auto error_message<witness_list_after_keyword> = "expected the witness path as a list of surface ids, such as [\"generator\", \"portal\"]";
template <> inline constexpr auto error_message<expectation_after_expect> = "expected 'none' or a rule id after 'expect', such as 'expect AIA-50-2-MARKING on node \"generator\"'";
template <> inline constexpr auto error_message<covers_list> = "expected a list of failure pattern ids, such as [\"etl-strips-provenance\"]";
template <> inline constexpr auto error_message<pattern_name_after_keyword> = "expected a pattern id after 'pattern' (letters, digits, '-', '_' and '.', starting with a letter)";
template <> inline constexpr auto error_message<pattern_text_after_name> = "expected a quoted description of the failure pattern";
// clang-format on

struct error_table {
    template <typename Rule>
    static constexpr auto message = error_message<Rule>;
};

template <typename Rule>
using control = tao::pegtl::must_if<error_table>::control<Rule>;

}  // namespace lexflow::dsl::grammar
