#pragma once

// The grammar of lexflow rule files, as PEGTL rules. Pure: no actions. The
// parse tree (parser.cpp) keeps the rules named in its selector, and
// ast_builder.cpp turns that tree into the AST.
//
// Design notes
// - Padding. `ws` is any mix of white space and `#` comments. A rule consumes
//   only its own internal padding; sequences put `ws` between tokens, so that
//   an error points at the start of the offending token, never at a space.
// - Keywords. `kw<...>` matches a word only when no identifier character
//   follows, so `node_count` is an identifier, not `node` + `_count`. Words
//   that start conditions or quantifiers are reserved and cannot name
//   variables; after a dot any word is an attribute key (`f.from`).
// - Precedence, loosest first: `or`, `and`, `not`, then one comparison
//   (`==` `!=` `<` `<=` `>` `>=` `in` `not in` `has`). Comparisons do not chain.
//   `exists ... where C` extends as far right as it can, like a quantifier in
//   logic; parenthesise it to stop it earlier.
// - Errors. `must<>` appears only after a token that decides what must come
//   next (`rule`, `for`, `where`, an operator, ...). Every rule used inside
//   `must<>` is a small wrapper that exists to carry one message; the table is
//   grammar_errors.hpp. Wrappers are used nowhere else, because a rule with a
//   message raises its error wherever it fails.

#include <tao/pegtl.hpp>

namespace lexflow::dsl::grammar {

namespace p = tao::pegtl;

// ---------------------------------------------------------------- padding

struct comment : p::seq<p::one<'#'>, p::until<p::eolf>> {};
struct ws : p::star<p::sor<p::space, comment>> {};

// ---------------------------------------------------------------- words

struct identifier_first : p::ranges<'a', 'z', 'A', 'Z', '_'> {};
struct identifier_other : p::ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct identifier : p::seq<identifier_first, p::star<identifier_other>> {};

template <typename Word>
struct kw : p::seq<Word, p::not_at<identifier_other>> {};

struct kw_and : kw<TAO_PEGTL_STRING("and")> {};
struct kw_or : kw<TAO_PEGTL_STRING("or")> {};
struct kw_not : kw<TAO_PEGTL_STRING("not")> {};
struct kw_in : kw<TAO_PEGTL_STRING("in")> {};
struct kw_has : kw<TAO_PEGTL_STRING("has")> {};
struct kw_exists : kw<TAO_PEGTL_STRING("exists")> {};
struct kw_where : kw<TAO_PEGTL_STRING("where")> {};
struct kw_require : kw<TAO_PEGTL_STRING("require")> {};
struct kw_every : kw<TAO_PEGTL_STRING("every")> {};
struct kw_for : kw<TAO_PEGTL_STRING("for")> {};
struct kw_from : kw<TAO_PEGTL_STRING("from")> {};
struct kw_to : kw<TAO_PEGTL_STRING("to")> {};
struct kw_true : kw<TAO_PEGTL_STRING("true")> {};
struct kw_false : kw<TAO_PEGTL_STRING("false")> {};
struct kw_node : kw<TAO_PEGTL_STRING("node")> {};
struct kw_flow : kw<TAO_PEGTL_STRING("flow")> {};
struct kw_role : kw<TAO_PEGTL_STRING("role")> {};
struct kw_rule : kw<TAO_PEGTL_STRING("rule")> {};
struct kw_path : kw<TAO_PEGTL_STRING("path")> {};
struct kw_passes : kw<TAO_PEGTL_STRING("passes")> {};
struct kw_satisfies : kw<TAO_PEGTL_STRING("satisfies")> {};
struct kw_no : kw<TAO_PEGTL_STRING("no")> {};
struct kw_unless : kw<TAO_PEGTL_STRING("unless")> {};
struct kw_through : kw<TAO_PEGTL_STRING("through")> {};
struct kw_report : kw<TAO_PEGTL_STRING("report")> {};
struct kw_per : kw<TAO_PEGTL_STRING("per")> {};
struct kw_source : kw<TAO_PEGTL_STRING("source")> {};
struct kw_target : kw<TAO_PEGTL_STRING("target")> {};
struct kw_pack : kw<TAO_PEGTL_STRING("pack")> {};
struct kw_applies : kw<TAO_PEGTL_STRING("applies")> {};
struct kw_when : kw<TAO_PEGTL_STRING("when")> {};
struct kw_title : kw<TAO_PEGTL_STRING("title")> {};
struct kw_description : kw<TAO_PEGTL_STRING("description")> {};
struct kw_cite : kw<TAO_PEGTL_STRING("cite")> {};
struct kw_severity : kw<TAO_PEGTL_STRING("severity")> {};
struct kw_tags : kw<TAO_PEGTL_STRING("tags")> {};
struct kw_message : kw<TAO_PEGTL_STRING("message")> {};
struct kw_remediation : kw<TAO_PEGTL_STRING("remediation")> {};
struct kw_effective : kw<TAO_PEGTL_STRING("effective")> {};
struct kw_covers : kw<TAO_PEGTL_STRING("covers")> {};
struct kw_pattern : kw<TAO_PEGTL_STRING("pattern")> {};
struct kw_test : kw<TAO_PEGTL_STRING("test")> {};
struct kw_rules : kw<TAO_PEGTL_STRING("rules")> {};
struct kw_model : kw<TAO_PEGTL_STRING("model")> {};
struct kw_as : kw<TAO_PEGTL_STRING("as")> {};
struct kw_of : kw<TAO_PEGTL_STRING("of")> {};
struct kw_expect : kw<TAO_PEGTL_STRING("expect")> {};
struct kw_none : kw<TAO_PEGTL_STRING("none")> {};
struct kw_on : kw<TAO_PEGTL_STRING("on")> {};
struct kw_upcoming : kw<TAO_PEGTL_STRING("upcoming")> {};
struct kw_evaluated : kw<TAO_PEGTL_STRING("evaluated")> {};
struct kw_witness : kw<TAO_PEGTL_STRING("witness")> {};
struct kw_kind : kw<TAO_PEGTL_STRING("kind")> {};
struct kw_is : kw<TAO_PEGTL_STRING("is")> {};
struct kw_attribute : kw<TAO_PEGTL_STRING("attribute")> {};
struct kw_type : kw<TAO_PEGTL_STRING("type")> {};
struct kw_value : kw<TAO_PEGTL_STRING("value")> {};
struct kw_default : kw<TAO_PEGTL_STRING("default")> {};
struct kw_open : kw<TAO_PEGTL_STRING("open")> {};
struct kw_meaning : kw<TAO_PEGTL_STRING("meaning")> {};
struct kw_list : kw<TAO_PEGTL_STRING("list")> {};
struct kw_the : kw<TAO_PEGTL_STRING("the")> {};
struct kw_count : kw<TAO_PEGTL_STRING("count")> {};
struct kw_distinct : kw<TAO_PEGTL_STRING("distinct")> {};
struct kw_predicate : kw<TAO_PEGTL_STRING("predicate")> {};
struct kw_today : kw<TAO_PEGTL_STRING("today")> {};

struct reserved_word
    : p::sor<kw_and, kw_or, kw_not, kw_in, kw_has, kw_exists, kw_where, kw_require, kw_every,
             kw_for, kw_from, kw_to, kw_true, kw_false, kw_node, kw_flow, kw_role, kw_rule, kw_pack,
             kw_path, kw_passes, kw_satisfies, kw_no, kw_unless, kw_through, kw_count, kw_today> {};

/// A variable: an identifier that is not a reserved word.
struct variable : p::seq<p::not_at<reserved_word>, identifier> {};
/// An attribute key after a dot or after `has`: any identifier.
struct attribute_key : identifier {};

/// Rule and pack ids: `AIA-50-2-MARKING`, `eu-ai-act`.
struct id_other : p::sor<p::ranges<'a', 'z', 'A', 'Z', '0', '9'>, p::one<'_', '-', '.'>> {};
struct dotted_id : p::seq<p::ranges<'a', 'z', 'A', 'Z'>, p::star<id_other>> {};

// ---------------------------------------------------------------- literals

struct escape_code : p::one<'"', '\\', 'n', 't'> {};
struct escape : p::seq<p::one<'\\'>, p::must<escape_code>> {};
struct string_char : p::sor<escape, p::not_one<'"', '\\', '\n', '\r'>> {};
struct string_close : p::one<'"'> {};
struct string_literal : p::seq<p::one<'"'>, p::star<string_char>, p::must<string_close>> {};

struct fraction_digits : p::plus<p::digit> {};
struct number_literal
    : p::seq<p::opt<p::one<'-'>>, p::plus<p::digit>, p::opt<p::one<'.'>, p::must<fraction_digits>>,
             p::not_at<identifier_other>> {};

struct true_literal : p::seq<kw_true> {};
struct false_literal : p::seq<kw_false> {};

struct list_item : p::sor<string_literal, number_literal, true_literal, false_literal> {};
struct list_close : p::one<']'> {};
struct list_literal
    : p::seq<
          p::one<'['>, ws,
          p::opt<list_item, ws, p::star<p::one<','>, ws, list_item, ws>, p::opt<p::one<','>, ws>>,
          p::must<list_close>> {};

struct literal : p::sor<string_literal, number_literal, true_literal, false_literal, list_literal> {
};

// ---------------------------------------------------------------- conditions

struct expression;

struct key_after_dot : p::seq<attribute_key> {};
struct path : p::seq<variable, p::star<p::one<'.'>, p::must<key_after_dot>>> {};

struct paren_inner : p::seq<expression> {};
struct paren_close : p::one<')'> {};
struct parenthesised : p::seq<p::one<'('>, ws, p::must<paren_inner>, ws, p::must<paren_close>> {};

struct count_expr;
/// `today`: the date the check is made for (`--as-of`).
struct today_value : p::seq<kw_today> {};
struct operand : p::sor<literal, count_expr, today_value, path, parenthesised> {};

/// `today - 12 months`, `r.signed_on + 2 years`: a date moved by a duration.
struct shift_plus : p::one<'+'> {};
struct shift_minus : p::one<'-'> {};
struct shift_amount : p::plus<p::digit> {};
struct unit_days : p::sor<kw<TAO_PEGTL_STRING("days")>, kw<TAO_PEGTL_STRING("day")>> {};
struct unit_months : p::sor<kw<TAO_PEGTL_STRING("months")>, kw<TAO_PEGTL_STRING("month")>> {};
struct unit_years : p::sor<kw<TAO_PEGTL_STRING("years")>, kw<TAO_PEGTL_STRING("year")>> {};
struct shift_unit : p::sor<unit_days, unit_months, unit_years> {};
struct unit_after_amount : p::seq<shift_unit> {};
struct amount_after_sign : p::seq<shift_amount, ws, p::must<unit_after_amount>> {};
struct date_shift : p::seq<p::sor<shift_plus, shift_minus>, ws, p::must<amount_after_sign>> {};
/// An operand, moved in time or not.
struct term : p::seq<operand, p::opt<ws, date_shift>> {};
struct operand_after_operator : p::seq<term> {};

struct op_eq : p::string<'=', '='> {};
struct op_ne : p::string<'!', '='> {};
struct op_le : p::string<'<', '='> {};
struct op_ge : p::string<'>', '='> {};
struct op_lt : p::one<'<'> {};
struct op_gt : p::one<'>'> {};
struct op_in : p::seq<kw_in> {};
struct in_after_not : p::seq<kw_in> {};
struct op_not_in : p::seq<kw_not, ws, p::must<in_after_not>> {};
struct op_has : p::seq<kw_has> {};
struct ordering_op : p::sor<op_eq, op_ne, op_le, op_ge, op_lt, op_gt> {};

/// `=` where `==` was meant: a designed error, raised at the `=`.
struct single_equals_message : p::failure {};
struct single_equals : p::seq<p::at<p::one<'='>>, p::raise<single_equals_message>> {};

struct has_keys : p::seq<attribute_key, p::star<p::one<'.'>, p::must<key_after_dot>>> {};
struct keys_after_has : p::seq<has_keys> {};

struct comparison_tail : p::sor<p::seq<ordering_op, ws, p::must<operand_after_operator>>,
                                p::seq<op_not_in, ws, p::must<operand_after_operator>>,
                                p::seq<op_in, ws, p::must<operand_after_operator>>,
                                p::seq<op_has, ws, p::must<keys_after_has>>, single_equals> {};
struct comparison : p::seq<term, ws, p::opt<comparison_tail>> {};

struct domain_node : p::seq<kw_node> {};
struct domain_flow : p::seq<kw_flow> {};
struct domain_role : p::seq<kw_role> {};
struct domain : p::sor<domain_node, domain_flow, domain_role> {};
struct domain_after_exists : p::seq<domain> {};
struct bound_variable : p::seq<variable> {};

struct adjacency_from : p::seq<kw_from> {};
struct adjacency_to : p::seq<kw_to> {};
/// `from f.to`: a designed error, since only a variable can anchor.
struct anchor_path_message : p::failure {};
struct anchor_not_path : p::seq<p::at<p::one<'.'>>, p::raise<anchor_path_message>> {};
struct anchor_variable : p::seq<variable, p::opt<anchor_not_path>> {};
struct adjacency : p::seq<p::sor<adjacency_from, adjacency_to>, ws, p::must<anchor_variable>> {};

struct condition_after_where : p::seq<expression> {};
struct where_clause : p::seq<kw_where, ws, p::must<condition_after_where>> {};

struct exists_expr
    : p::seq<kw_exists, ws, p::must<domain_after_exists>, ws, p::must<bound_variable>, ws,
             p::opt<adjacency, ws>, p::opt<where_clause>> {};

/// `exists path from x to node s [where C] [through flow t where C2]`, or
/// `exists path to x from node s ...`: reachability as a condition.
struct through_clause;
struct to_after_path_start : p::seq<kw_to> {};
struct from_after_path_end : p::seq<kw_from> {};
struct node_after_path_end : p::seq<kw_node> {};
struct path_start
    : p::sor<p::seq<adjacency_from, ws, p::must<anchor_variable>, ws, p::must<to_after_path_start>>,
             p::seq<adjacency_to, ws, p::must<anchor_variable>, ws, p::must<from_after_path_end>>> {
};
struct path_start_after_exists : p::seq<path_start> {};
struct exists_path : p::seq<kw_exists, ws, kw_path, ws, p::must<path_start_after_exists>, ws,
                            p::must<node_after_path_end>, ws, p::must<bound_variable>, ws,
                            p::opt<where_clause, ws>, p::opt<through_clause>> {};

/// `count(node n [from|to x] [where C])`, `count(distinct n.key for node n
/// ...)`: a number, to be compared.
struct counted
    : p::seq<domain, ws, p::must<bound_variable>, ws, p::opt<adjacency, ws>, p::opt<where_clause>> {
};
struct counted_after_for : p::seq<counted> {};
struct for_after_distinct : p::seq<kw_for> {};
struct distinct_path : p::seq<path> {};
struct distinct_path_after_keyword : p::seq<distinct_path> {};
struct distinct_count : p::seq<kw_distinct, ws, p::must<distinct_path_after_keyword>, ws,
                               p::must<for_after_distinct>, ws, p::must<counted_after_for>> {};
struct count_body : p::sor<distinct_count, counted> {};
struct count_body_after_open : p::seq<count_body> {};
struct count_open : p::one<'('> {};
struct count_close : p::one<')'> {};
struct count_expr : p::seq<kw_count, ws, p::must<count_open>, ws, p::must<count_body_after_open>,
                           ws, p::must<count_close>> {};

/// `machine_made(f)`: a named predicate applied to variables.
struct predicate_ref : p::seq<p::not_at<reserved_word>, identifier> {};
struct call_argument : p::seq<variable> {};
struct argument_after_comma : p::seq<call_argument> {};
struct call_close : p::one<')'> {};
struct call_arguments
    : p::opt<call_argument, ws, p::star<p::one<','>, ws, p::must<argument_after_comma>, ws>> {};
struct predicate_call
    : p::seq<predicate_ref, ws, p::one<'('>, ws, call_arguments, p::must<call_close>> {};

struct not_expr;
struct condition_after_not : p::seq<not_expr> {};
struct negation : p::seq<kw_not, ws, p::must<condition_after_not>> {};
struct not_expr : p::sor<negation, exists_path, exists_expr, predicate_call, comparison> {};

struct condition_after_and : p::seq<not_expr> {};
struct conjunction : p::seq<not_expr, ws, p::star<kw_and, ws, p::must<condition_after_and>, ws>> {};
struct condition_after_or : p::seq<conjunction> {};
/// A full condition: a disjunction of conjunctions.
struct expression : p::seq<conjunction, p::star<kw_or, ws, p::must<condition_after_or>>> {};

// ---------------------------------------------------------------- rules

struct field_string : p::seq<string_literal> {};
struct title_field : p::seq<kw_title, ws, p::must<field_string>> {};
struct description_field : p::seq<kw_description, ws, p::must<field_string>> {};
struct cite_field : p::seq<kw_cite, ws, p::must<field_string>> {};
struct message_field : p::seq<kw_message, ws, p::must<field_string>> {};
struct remediation_field : p::seq<kw_remediation, ws, p::must<field_string>> {};
/// `effective "2026-12-02" when C`: the date for the subjects where C holds.
struct effective_condition : p::seq<expression> {};
struct condition_after_when : p::seq<effective_condition> {};
struct effective_when : p::seq<kw_when, ws, p::must<condition_after_when>> {};
struct effective_field
    : p::seq<kw_effective, ws, p::must<field_string>, p::opt<ws, effective_when>> {};
struct covers_list : p::seq<list_literal> {};
struct covers_field : p::seq<kw_covers, ws, p::must<covers_list>> {};

struct severity_name : identifier {};
struct severity_after_keyword : p::seq<severity_name> {};
struct severity_field : p::seq<kw_severity, ws, p::must<severity_after_keyword>> {};

struct tags_list : p::seq<list_literal> {};
struct tags_field : p::seq<kw_tags, ws, p::must<tags_list>> {};

struct every_after_for : p::seq<kw_every> {};
struct domain_after_every : p::failure {};
struct requirement : p::seq<expression> {};
struct rule_where : p::seq<kw_where, ws, p::must<condition_after_where>> {};
struct require_clause : p::seq<kw_require, ws, p::must<requirement>> {};
struct require_after_variable : p::seq<require_clause> {};
struct require_after_condition : p::seq<require_clause> {};
struct require_after_model : p::seq<require_clause> {};
/// Further requirements, each reported on its own when it fails.
struct more_requirements : p::star<ws, require_clause> {};
struct element_quantifier : p::seq<domain, ws, p::must<bound_variable>, ws,
                                   p::sor<p::seq<rule_where, ws, p::must<require_after_condition>>,
                                          p::must<require_after_variable>>,
                                   more_requirements> {};

// Path rules: `path from node g [where C1] to node s [where C2] require ...`.
struct from_after_path : p::seq<kw_from> {};
struct node_after_from : p::seq<kw_node> {};
struct to_after_source : p::seq<kw_to> {};
struct node_after_to : p::seq<kw_node> {};
struct source_where : p::seq<kw_where, ws, p::must<condition_after_where>> {};
struct target_where : p::seq<kw_where, ws, p::must<condition_after_where>> {};
struct via_where : p::seq<kw_where, ws, p::must<condition_after_where>> {};
struct passes_domain : p::sor<domain_node, domain_flow> {};
struct node_after_passes : p::seq<passes_domain> {};
struct flow_after_every : p::seq<kw_flow> {};
struct satisfies_after_flow : p::seq<kw_satisfies> {};
struct flow_condition : p::seq<expression> {};
struct path_after_no : p::seq<kw_path> {};
struct passes_after_unless : p::seq<kw_passes> {};
struct passes_requirement : p::seq<kw_passes, ws, p::must<node_after_passes>, ws,
                                   p::must<bound_variable>, ws, p::opt<via_where>> {};
struct every_flow_requirement
    : p::seq<kw_every, ws, p::must<flow_after_every>, ws, p::must<bound_variable>, ws,
             p::must<satisfies_after_flow>, ws, p::must<flow_condition>> {};
struct unless_passes
    : p::seq<kw_unless, ws, p::must<passes_after_unless>, ws, p::must<node_after_passes>, ws,
             p::must<bound_variable>, ws, p::opt<via_where>> {};
struct no_path_requirement : p::seq<kw_no, ws, p::must<path_after_no>, ws, p::opt<unless_passes>> {
};
struct path_requirement : p::sor<passes_requirement, every_flow_requirement, no_path_requirement> {
};
struct path_requirement_after_require : p::seq<path_requirement> {};
struct path_require : p::seq<kw_require, ws, p::must<path_requirement_after_require>> {};
struct path_require_after_end : p::seq<path_require> {};
struct report_source : p::seq<kw_source> {};
struct report_target : p::seq<kw_target> {};
struct report_flow : p::seq<kw_flow> {};
struct report_side : p::sor<report_source, report_target, report_flow> {};
struct per_after_report : p::seq<kw_per> {};
struct side_after_per : p::seq<report_side> {};
struct report_per : p::seq<kw_report, ws, p::must<per_after_report>, ws, p::must<side_after_per>> {
};
struct flow_after_through : p::seq<kw_flow> {};
struct through_variable : p::seq<variable> {};
struct where_after_through_variable : p::seq<kw_where> {};
struct through_clause
    : p::seq<kw_through, ws, p::must<flow_after_through>, ws, p::must<through_variable>, ws,
             p::must<where_after_through_variable>, ws, p::must<condition_after_where>> {};
struct path_quantifier
    : p::seq<kw_path, ws, p::must<from_after_path>, ws, p::must<node_after_from>, ws,
             p::must<bound_variable>, ws, p::opt<source_where, ws>, p::must<to_after_source>, ws,
             p::must<node_after_to>, ws, p::must<bound_variable>, ws, p::opt<target_where, ws>,
             p::opt<through_clause, ws>, p::must<path_require_after_end>, ws, p::opt<report_per>> {
};

// Estate-level rules: `for the model [where C] require R`.
struct model_after_the : p::seq<kw_model> {};
struct model_quantifier : p::seq<kw_the, ws, p::must<model_after_the>, ws,
                                 p::sor<p::seq<rule_where, ws, p::must<require_after_condition>>,
                                        p::must<require_after_model>>,
                                 more_requirements> {};

struct for_clause
    : p::seq<kw_for, ws,
             p::sor<model_quantifier, p::seq<p::must<every_after_for>, ws,
                                             p::sor<path_quantifier, element_quantifier,
                                                    p::raise<domain_after_every>>>>> {};

struct rule_item
    : p::sor<title_field, description_field, cite_field, severity_field, tags_field, message_field,
             remediation_field, effective_field, covers_field, for_clause> {};
struct rule_name : dotted_id {};
struct rule_name_after_keyword : p::seq<rule_name> {};
struct rule_open : p::one<'{'> {};
struct rule_close : p::one<'}'> {};
struct rule_decl : p::seq<kw_rule, ws, p::must<rule_name_after_keyword>, ws, p::must<rule_open>, ws,
                          p::star<rule_item, ws>, p::must<rule_close>> {};

// ---------------------------------------------------------------- packs

struct applies_condition : p::seq<expression> {};
struct when_after_applies : p::seq<kw_when> {};
struct pack_applies
    : p::seq<kw_applies, ws, p::must<when_after_applies>, ws, p::must<applies_condition>> {};
struct pack_close : p::one<'}'> {};
struct pack_body : p::seq<p::one<'{'>, ws, p::star<pack_applies, ws>, p::must<pack_close>> {};
struct pack_body_after_title : p::seq<pack_body> {};
struct pack_title : p::seq<string_literal> {};
struct pack_name : dotted_id {};
struct pack_name_after_keyword : p::seq<pack_name> {};
struct pack_clause
    : p::seq<kw_pack, ws, p::must<pack_name_after_keyword>, ws,
             p::opt<p::sor<p::seq<pack_title, ws, p::must<pack_body_after_title>>, pack_body>>> {};

// ---------------------------------------------------------------- named predicates

/// `predicate machine_made(flow f) = C`: a condition with a name, for rules
/// to apply to their variables.
struct predicate_name : p::seq<p::not_at<reserved_word>, identifier> {};
struct predicate_name_after_keyword : p::seq<predicate_name> {};
struct parameter : p::seq<domain, ws, p::must<bound_variable>> {};
struct parameter_after_comma : p::seq<parameter> {};
struct parameters_open : p::one<'('> {};
struct parameters_close : p::one<')'> {};
struct equals_after_parameters : p::one<'='> {};
struct predicate_body : p::seq<expression> {};
struct predicate_decl
    : p::seq<kw_predicate, ws, p::must<predicate_name_after_keyword>, ws, p::must<parameters_open>,
             ws,
             p::opt<parameter, ws, p::star<p::one<','>, ws, p::must<parameter_after_comma>, ws>>,
             p::must<parameters_close>, ws, p::must<equals_after_parameters>, ws,
             p::must<predicate_body>> {};

// ---------------------------------------------------------------- failure patterns

/// `pattern ID "What goes wrong"`: a failure pattern that rules `covers`.
struct pattern_name : dotted_id {};
struct pattern_name_after_keyword : p::seq<pattern_name> {};
struct pattern_text : p::seq<string_literal> {};
struct pattern_text_after_name : p::seq<pattern_text> {};
struct pattern_decl : p::seq<kw_pattern, ws, p::must<pattern_name_after_keyword>, ws,
                             p::must<pattern_text_after_name>> {};

// ---------------------------------------------------------------- vocabulary

// What a model may say, declared by the packs: `kind NAME [is PARENT]
// "meaning"`, and `attribute NAME { on ... type ... value ... }`. The loader
// checks models against it; docs and the JSON Schema are generated from it.
struct kind_name : identifier {};
struct kind_name_after_keyword : p::seq<kind_name> {};
struct kind_parent : identifier {};
struct kind_parent_after_is : p::seq<kind_parent> {};
struct kind_meaning : p::seq<string_literal> {};
struct kind_meaning_after_name : p::seq<kind_meaning> {};
struct kind_decl : p::seq<kw_kind, ws, p::must<kind_name_after_keyword>, ws,
                          p::opt<kw_is, ws, p::must<kind_parent_after_is>, ws>,
                          p::must<kind_meaning_after_name>> {};

struct owner_node : p::seq<kw_node> {};
struct owner_flow : p::seq<kw_flow> {};
struct owner_role : p::seq<kw_role> {};
struct owner_model : p::seq<kw_model> {};
struct owner : p::sor<owner_node, owner_flow, owner_role, owner_model> {};
struct owner_after_on : p::seq<owner> {};
struct owner_after_comma : p::seq<owner> {};
struct on_field : p::seq<kw_on, ws, p::must<owner_after_on>,
                         p::star<ws, p::one<','>, ws, p::must<owner_after_comma>>> {};

struct type_boolean : kw<TAO_PEGTL_STRING("boolean")> {};
struct type_number : kw<TAO_PEGTL_STRING("number")> {};
struct type_date : kw<TAO_PEGTL_STRING("date")> {};
struct type_string : kw<TAO_PEGTL_STRING("string")> {};
struct type_enum : kw<TAO_PEGTL_STRING("enum")> {};
struct type_map : kw<TAO_PEGTL_STRING("map")> {};
struct of_after_list : p::seq<kw_of> {};
struct list_item_type : p::sor<type_enum, type_string> {};
struct list_item_type_after_of : p::seq<list_item_type> {};
struct type_list
    : p::seq<kw_list, ws, p::must<of_after_list>, ws, p::must<list_item_type_after_of>> {};
struct type_name
    : p::sor<type_list, type_boolean, type_number, type_date, type_string, type_enum, type_map> {};
struct type_after_keyword : p::seq<type_name> {};
struct type_field : p::seq<kw_type, ws, p::must<type_after_keyword>> {};

struct value_name : p::seq<string_literal> {};
struct value_name_after_keyword : p::seq<value_name> {};
struct value_meaning : p::seq<string_literal> {};
struct value_meaning_after_name : p::seq<value_meaning> {};
struct value_field : p::seq<kw_value, ws, p::must<value_name_after_keyword>, ws,
                            p::must<value_meaning_after_name>> {};
struct default_value : p::seq<literal> {};
struct default_after_keyword : p::seq<default_value> {};
struct default_field : p::seq<kw_default, ws, p::must<default_after_keyword>> {};
struct open_field : p::seq<kw_open> {};
struct meaning_field : p::seq<kw_meaning, ws, p::must<field_string>> {};

struct attribute_item
    : p::sor<on_field, type_field, value_field, default_field, open_field, meaning_field> {};
struct attribute_name : identifier {};
struct attribute_name_after_keyword : p::seq<attribute_name> {};
struct attribute_open : p::one<'{'> {};
struct attribute_close : p::one<'}'> {};
struct attribute_decl
    : p::seq<kw_attribute, ws, p::must<attribute_name_after_keyword>, ws, p::must<attribute_open>,
             ws, p::star<attribute_item, ws>, p::must<attribute_close>> {};

// ---------------------------------------------------------------- rule tests

// `test "name" { rules A, B  model "m.yaml"  expect A on node "x" }`. The
// model may be written in the test between triple quotes; its text is YAML
// and is kept byte for byte (the formatter never touches it).
struct test_name : p::seq<string_literal> {};
struct test_name_after_keyword : p::seq<test_name> {};
struct test_open : p::one<'{'> {};
struct test_close : p::one<'}'> {};

struct rule_ref : dotted_id {};
struct rule_ref_after_rules : p::seq<rule_ref> {};
struct rule_ref_after_comma : p::seq<rule_ref> {};
struct test_rules_field : p::seq<kw_rules, ws, p::must<rule_ref_after_rules>,
                                 p::star<ws, p::one<','>, ws, p::must<rule_ref_after_comma>>> {};

struct triple_quote : p::string<'"', '"', '"'> {};
struct line_break_after_quotes : p::seq<p::star<p::blank>, p::eol> {};
struct inline_model_text : p::until<p::at<triple_quote>> {};
struct closed_inline_model
    : p::seq<triple_quote, p::must<line_break_after_quotes>, inline_model_text, triple_quote> {};
/// An inline model without its closing quotes: raised at the opening ones.
struct unclosed_inline_model : p::failure {};
struct inline_model
    : p::sor<closed_inline_model, p::seq<p::at<triple_quote>, p::raise<unclosed_inline_model>>> {};
struct model_file : p::seq<string_literal> {};
struct model_after_keyword : p::sor<inline_model, model_file> {};
struct test_model_field : p::seq<kw_model, ws, p::must<model_after_keyword>> {};

struct of_after_as : p::seq<kw_of> {};
struct as_of_date : p::seq<string_literal> {};
struct as_of_date_after_of : p::seq<as_of_date> {};
struct test_as_of_field
    : p::seq<kw_as, ws, p::must<of_after_as>, ws, p::must<as_of_date_after_of>> {};

struct status_upcoming : p::seq<kw_upcoming> {};
struct evaluated_after_not : p::seq<kw_evaluated> {};
struct status_not_evaluated : p::seq<kw_not, ws, p::must<evaluated_after_not>> {};
struct expect_status : p::sor<status_upcoming, status_not_evaluated> {};
struct on_after_rule : p::seq<kw_on> {};
struct kind_after_on : p::seq<domain> {};
struct subject_id : p::seq<string_literal> {};
struct subject_id_after_kind : p::seq<subject_id> {};
struct witness_list : p::seq<list_literal> {};
struct witness_list_after_keyword : p::seq<witness_list> {};
struct witness_clause : p::seq<kw_witness, ws, p::must<witness_list_after_keyword>> {};
struct expect_none : p::seq<kw_none, p::not_at<id_other>> {};
struct subject_model : p::seq<kw_model> {};
struct element_subject : p::seq<p::must<kind_after_on>, ws, p::must<subject_id_after_kind>> {};
struct expect_finding : p::seq<rule_ref, ws, p::opt<expect_status, ws>, p::must<on_after_rule>, ws,
                               p::sor<subject_model, element_subject>, p::opt<ws, witness_clause>> {
};
struct expectation_after_expect : p::sor<expect_none, expect_finding> {};
struct test_expect_field : p::seq<kw_expect, ws, p::must<expectation_after_expect>> {};

struct test_item : p::sor<test_rules_field, test_model_field, test_as_of_field, test_expect_field> {
};
struct test_decl : p::seq<kw_test, ws, p::must<test_name_after_keyword>, ws, p::must<test_open>, ws,
                          p::star<test_item, ws>, p::must<test_close>> {};

// ---------------------------------------------------------------- files

struct end_of_file : p::eof {};
struct file : p::seq<ws, p::opt<pack_clause, ws>,
                     p::star<p::sor<rule_decl, pattern_decl, test_decl, kind_decl, attribute_decl,
                                    predicate_decl>,
                             ws>,
                     p::must<end_of_file>> {};

}  // namespace lexflow::dsl::grammar
