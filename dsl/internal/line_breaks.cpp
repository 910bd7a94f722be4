#include "dsl/internal/line_breaks.hpp"

#include <algorithm>

#include "dsl/grammar_errors.hpp"
#include "dsl/internal/parse_tree.hpp"

namespace lexflow::dsl::internal {

namespace {

namespace p = tao::pegtl;

/// The constructs that start a line; `inline_model_text` marks verbatim text.
template <typename Rule>
using LineStartSelector = p::parse_tree::selector<
    Rule,
    p::parse_tree::store_content::on<
        // top level and packs
        g::rule_decl, g::pattern_decl, g::test_decl, g::pack_applies, g::pack_close,
        // rule fields
        g::title_field, g::description_field, g::cite_field, g::severity_field, g::tags_field,
        g::message_field, g::remediation_field, g::effective_field, g::covers_field, g::for_clause,
        g::rule_close,
        // clauses of `for every`
        g::rule_where, g::require_clause, g::from_after_path, g::source_where, g::to_after_source,
        g::target_where, g::through_clause, g::path_require, g::report_per,
        // tests
        g::test_rules_field, g::test_model_field, g::test_as_of_field, g::test_expect_field,
        g::witness_clause, g::test_close, g::inline_model_text>>;

/// `{ }` stays on one line: a closing brace right after its opening one.
bool closes_empty_block(const ParseNode& node, std::string_view text) {
    if (!node.is_type<g::pack_close>() && !node.is_type<g::rule_close>() &&
        !node.is_type<g::test_close>()) {
        return false;
    }
    const auto previous = text.find_last_not_of(" \t\r\n", node.begin().byte - 1);
    return previous != std::string_view::npos && text[previous] == '{';
}

void collect(const ParseNode& node, std::string_view text, LineBreaks& breaks) {
    if (!node.is_root()) {
        const auto begin = node.begin().byte;
        if (node.is_type<g::inline_model_text>()) {
            breaks.verbatim.emplace_back(begin, node.end().byte);
        } else if (!closes_empty_block(node, text)) {
            breaks.before.push_back(begin);
        }
    }
    for (const auto& child : node.children) {
        collect(*child, text, breaks);
    }
}

}  // namespace

LineBreaks find_line_breaks(std::string_view text) {
    LineBreaks breaks;
    p::memory_input input(text.data(), text.size(), "");
    try {
        const auto root =
            p::parse_tree::parse<g::file, LineStartSelector, DepthLimit, g::control>(input);
        if (root) {
            collect(*root, text, breaks);
        }
    } catch (const p::parse_error&) {
        return {};
    }
    std::sort(breaks.before.begin(), breaks.before.end());
    return breaks;
}

}  // namespace lexflow::dsl::internal
