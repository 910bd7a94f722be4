#include "dsl/names_read.hpp"

namespace lexflow::dsl {

namespace {

class NamesCollector {
  public:
    explicit NamesCollector(NamesRead& names) : names_(names) {}

    void rule(const Rule& rule) {
        visit(rule.condition ? &*rule.condition : nullptr);
        for (const auto& requirement : rule.requirements) {
            visit(&requirement.condition);
        }
        for (const auto& conditional : rule.effective_when) {
            visit(&conditional.condition);
        }
        if (rule.path) {
            visit(rule.path->source_condition ? &*rule.path->source_condition : nullptr);
            visit(rule.path->target_condition ? &*rule.path->target_condition : nullptr);
            visit(rule.path->via_condition ? &*rule.path->via_condition : nullptr);
            visit(rule.path->through_condition ? &*rule.path->through_condition : nullptr);
        }
    }

    void visit(const Expr* expr) {
        if (expr == nullptr) {
            return;
        }
        if (expr->kind == Expr::Kind::path || expr->kind == Expr::Kind::has ||
            (expr->kind == Expr::Kind::count && expr->distinct)) {
            names_.keys.insert(expr->path.keys.begin(), expr->path.keys.end());
        }
        using Op = CompareOp;
        const bool names_a_value = expr->op == Op::eq || expr->op == Op::ne || expr->op == Op::in ||
                                   expr->op == Op::not_in;
        // Ordering compares dates and numbers, not names: only equality and
        // membership say which names a key takes.
        if (expr->kind == Expr::Kind::compare && names_a_value) {
            compared(expr->operands[0], expr->operands[1]);
            compared(expr->operands[1], expr->operands[0]);
        }
        for (const auto& operand : expr->operands) {
            visit(&operand);
        }
    }

  private:
    /// Records the strings of `literal` as values of the last key of `path`.
    void compared(const Expr& path, const Expr& literal) {
        if (path.kind != Expr::Kind::path || path.path.keys.empty() ||
            literal.kind != Expr::Kind::literal) {
            return;
        }
        auto& values = names_.values[path.path.keys.back()];
        const auto& value = literal.literal;
        if (value.kind == Literal::Kind::string) {
            values.insert(value.text);
        }
        for (const auto& item : value.items) {
            if (item.kind == Literal::Kind::string) {
                values.insert(item.text);
            }
        }
    }

    NamesRead& names_;
};

}  // namespace

NamesRead names_read_by(const Rule& rule) {
    NamesRead names;
    NamesCollector(names).rule(rule);
    return names;
}

NamesRead names_read_by(const RuleSet& rules) {
    NamesRead names;
    NamesCollector collector(names);
    for (const auto& rule : rules.rules) {
        collector.rule(rule);
    }
    for (const auto& pack : rules.packs) {
        collector.visit(pack.applies_when ? &*pack.applies_when : nullptr);
    }
    for (const auto& predicate : rules.predicates) {
        collector.visit(&predicate.body);
    }
    return names;
}

}  // namespace lexflow::dsl
