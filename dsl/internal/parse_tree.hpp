#pragma once

// Which grammar rules the parse tree keeps. Everything else (padding,
// keywords, the message-carrying wrappers) is dropped, so ast_builder.cpp
// sees one node per construct.

#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "dsl/grammar.hpp"

namespace lexflow::dsl::internal {

namespace g = grammar;

using ParseNode = tao::pegtl::parse_tree::node;

/// Deep nesting (thousands of parentheses or `not`s) must end in an error, not
/// in a stack overflow.
inline constexpr std::size_t kMaxRuleDepth = 1000;

/// The action that enforces kMaxRuleDepth on every parse of a rule file.
template <typename Rule>
struct DepthLimit : tao::pegtl::limit_depth<kMaxRuleDepth> {};

template <typename Rule>
using Selector = tao::pegtl::parse_tree::selector<
    Rule,
    tao::pegtl::parse_tree::store_content::on<
        g::pack_clause, g::pack_name, g::pack_title, g::pack_body, g::pack_applies, g::rule_decl,
        g::rule_name, g::title_field, g::description_field, g::cite_field, g::message_field,
        g::remediation_field, g::effective_field, g::covers_field, g::pattern_decl, g::pattern_name,
        g::severity_field, g::severity_name, g::tags_field, g::for_clause, g::rule_where,
        g::requirement, g::expression, g::conjunction, g::negation, g::exists_expr, g::comparison,
        g::where_clause, g::domain_node, g::domain_flow, g::domain_role, g::adjacency_from,
        g::adjacency_to, g::path, g::variable, g::attribute_key, g::string_literal,
        g::number_literal, g::true_literal, g::false_literal, g::list_literal, g::op_eq, g::op_ne,
        g::op_le, g::op_ge, g::op_lt, g::op_gt, g::op_in, g::op_not_in, g::op_has,
        g::path_quantifier, g::source_where, g::target_where, g::via_where, g::passes_requirement,
        g::every_flow_requirement, g::no_path_requirement, g::flow_condition, g::unless_passes,
        g::report_source, g::report_target, g::report_flow, g::through_clause, g::test_decl, g::test_name,
        g::test_rules_field, g::rule_ref, g::test_model_field, g::inline_model_text, g::model_file,
        g::test_as_of_field, g::as_of_date, g::test_expect_field, g::expect_none, g::expect_finding,
        g::status_upcoming, g::status_not_evaluated, g::subject_id, g::witness_list, g::kind_decl,
        g::kind_name, g::kind_parent, g::kind_meaning, g::attribute_decl, g::attribute_name,
        g::on_field, g::owner_node, g::owner_flow, g::owner_role, g::owner_model, g::type_field,
        g::type_list, g::type_boolean, g::type_number, g::type_date, g::type_string, g::type_enum,
        g::type_map, g::value_field, g::value_name, g::value_meaning, g::default_field,
        g::open_field, g::meaning_field, g::model_after_the, g::count_expr, g::distinct_path,
        g::predicate_call, g::predicate_ref, g::predicate_decl, g::predicate_name, g::parameter,
        g::predicate_body, g::subject_model, g::exists_path, g::today_value, g::date_shift,
        g::shift_plus, g::shift_minus, g::shift_amount, g::unit_days, g::unit_months, g::unit_years,
        g::effective_when>>;

}  // namespace lexflow::dsl::internal
