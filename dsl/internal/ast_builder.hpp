#pragma once

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"
#include "dsl/internal/parse_tree.hpp"

namespace lexflow::dsl::internal {

/// Turns the parse tree of one file into its AST. Reports the few mistakes
/// the grammar lets through (such as `"x" has key`) as diagnostics.
class AstBuilder {
  public:
    AstBuilder(base::FileId file, base::Diagnostics& diagnostics)
        : file_(file), diagnostics_(diagnostics) {}

    [[nodiscard]] RuleFile build(const ParseNode& root);

  private:
    [[nodiscard]] PackClause build_pack(const ParseNode& node);
    [[nodiscard]] Rule build_rule(const ParseNode& node);
    void build_quantifier(const ParseNode& node, Rule& rule);
    [[nodiscard]] PathQuantifier build_path_quantifier(const ParseNode& node);
    void bind_via_unless(const ParseNode& node, PathQuantifier& path);
    [[nodiscard]] Expr build_expression(const ParseNode& node);
    [[nodiscard]] Expr build_conjunction(const ParseNode& node);
    [[nodiscard]] Expr build_unary(const ParseNode& node);
    [[nodiscard]] Expr build_exists(const ParseNode& node);
    [[nodiscard]] Expr build_count(const ParseNode& node);
    /// `operand` moved by the `date_shift` node `shift`.
    [[nodiscard]] Expr shifted(Expr operand, const ParseNode& shift);
    [[nodiscard]] Expr build_reaches(const ParseNode& node);
    [[nodiscard]] Expr build_call(const ParseNode& node);
    /// The binding of `exists` and `count`: domain, variable, from/to anchor.
    void build_binding(const ParseNode& child, Binding& binding, bool& after_adjacency);
    [[nodiscard]] Predicate build_predicate(const ParseNode& node);
    [[nodiscard]] Expr build_comparison(const ParseNode& node);
    [[nodiscard]] Expr build_operand(const ParseNode& node);
    [[nodiscard]] Literal build_literal(const ParseNode& node);
    [[nodiscard]] AttributePath build_path(const ParseNode& node);
    [[nodiscard]] Template build_template(const ParseNode& string_node);
    [[nodiscard]] TestCase build_test(const ParseNode& node);
    [[nodiscard]] Expectation build_expectation(const ParseNode& node);
    [[nodiscard]] KindDecl build_kind(const ParseNode& node);
    [[nodiscard]] AttributeDecl build_attribute(const ParseNode& node);
    /// The strings of a list literal; reports items that are not strings.
    [[nodiscard]] std::vector<std::pair<std::string, base::SourceRange>> quoted_items(
        const ParseNode& list, std::string_view what);
    [[nodiscard]] base::SourceRange range_of(const ParseNode& node) const;

    base::FileId file_;
    base::Diagnostics& diagnostics_;
};

/// The value of a string literal's text between its quotes, escapes resolved.
[[nodiscard]] std::string unescape(std::string_view quoted_body);

}  // namespace lexflow::dsl::internal
