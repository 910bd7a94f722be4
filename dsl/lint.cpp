#include "dsl/lint.hpp"

#include <algorithm>
#include <map>

#include "base/edit_distance.hpp"
#include "dsl/names_read.hpp"

namespace lexflow::dsl {

namespace {

/// Keys every element has: never suspicious.
bool is_builtin_key(const std::string& key) {
    return key == "id" || key == "kind" || key == "from" || key == "to";
}

/// Calls `visit` on every expression of a rule, with the rule's own order.
template <typename Visit>
void for_each_condition(const Rule& rule, Visit&& visit) {
    if (rule.condition) {
        visit(*rule.condition);
    }
    for (const auto& requirement : rule.requirements) {
        visit(requirement.condition);
    }
    for (const auto& conditional : rule.effective_when) {
        visit(conditional.condition);
    }
    for (const auto* expr :
         {rule.path && rule.path->source_condition ? &*rule.path->source_condition : nullptr,
          rule.path && rule.path->target_condition ? &*rule.path->target_condition : nullptr,
          rule.path && rule.path->via_condition ? &*rule.path->via_condition : nullptr,
          rule.path && rule.path->through_condition ? &*rule.path->through_condition : nullptr}) {
        if (expr != nullptr) {
            visit(*expr);
        }
    }
}

template <typename Visit>
void walk(const Expr& expr, Visit&& visit) {
    visit(expr);
    for (const auto& operand : expr.operands) {
        walk(operand, visit);
    }
}

bool mentions(const Expr& expr, const std::string& variable) {
    bool found = false;
    walk(expr, [&](const Expr& node) {
        const bool reads_path = node.kind == Expr::Kind::path || node.kind == Expr::Kind::has ||
                                (node.kind == Expr::Kind::count && node.distinct);
        const bool anchored = node.kind == Expr::Kind::exists || node.kind == Expr::Kind::count ||
                              node.kind == Expr::Kind::reaches;
        found = found || (reads_path && node.path.variable == variable) ||
                (anchored && node.binding.anchor == variable) ||
                std::any_of(node.arguments.begin(), node.arguments.end(),
                            [&](const AttributePath& a) { return a.variable == variable; });
    });
    return found;
}

bool literals_equal(const Literal& a, const Literal& b) {
    return a.kind == b.kind && a.text == b.text && a.number == b.number && a.boolean == b.boolean &&
           a.items.size() == b.items.size();
}

class Linter {
  public:
    Linter(const RuleSet& rules, const LintScope& scope, base::Diagnostics& diagnostics)
        : rules_(rules), scope_(scope), diagnostics_(diagnostics) {
        for (const auto& rule : rules.rules) {
            for (const auto& key : names_read_by(rule).keys) {
                ++key_uses_[key];
            }
        }
        for (const auto& key : scope.model_keys) {
            ++key_uses_[key];
        }
        std::vector<std::string> shared;
        for (const auto& [key, uses] : key_uses_) {
            if (uses > 1) {
                shared.push_back(key);
            }
        }
        shared_keys_ = base::NameIndex(std::move(shared));
    }

    void run() {
        for (const auto& rule : rules_.rules) {
            if (scope_.files.count(rule.id_range.file) > 0) {
                lint(rule);
            }
        }
        const auto called = called_predicates();
        for (const auto& predicate : rules_.predicates) {
            if (scope_.files.count(predicate.range.file) > 0) {
                lint(predicate, called);
            }
        }
    }

  private:
    void warn(base::SourceRange range, const char* check, std::string message,
              std::string help = {}) {
        diagnostics_.report({base::DiagnosticLevel::warning,
                             check,
                             range,
                             std::move(message),
                             {},
                             std::move(help)});
    }

    void lint(const Rule& rule) {
        if (rule.citations.empty()) {
            warn(rule.id_range, "missing-citation", "rule '" + rule.id + "' cites no provision",
                 "add the exact provision it enforces: cite \"GDPR Art. 5(1)(d)\"");
        }
        if (!rule.remediation) {
            warn(rule.id_range, "missing-remediation",
                 "rule '" + rule.id + "' says nothing about how to close a gap",
                 "add remediation \"...\" so that engineers know what to change");
        }
        for_each_condition(rule, [&](const Expr& expr) {
            walk(expr, [&](const Expr& node) { check_node(node); });
        });
        check_unused_subject(rule);
        if (rule.condition) {
            check_unreachable(*rule.condition);
        }
    }

    /// The names of the predicates that some rule, pack or other predicate calls.
    [[nodiscard]] std::set<std::string> called_predicates() const {
        std::set<std::string> called;
        const auto note = [&](const Expr& expr) {
            walk(expr, [&](const Expr& node) {
                if (node.kind == Expr::Kind::call) {
                    called.insert(node.callee);
                }
            });
        };
        for (const auto& rule : rules_.rules) {
            for_each_condition(rule, note);
        }
        for (const auto& pack : rules_.packs) {
            if (pack.applies_when) {
                note(*pack.applies_when);
            }
        }
        for (const auto& predicate : rules_.predicates) {
            note(predicate.body);
        }
        return called;
    }

    void lint(const Predicate& predicate, const std::set<std::string>& called) {
        if (called.count(predicate.name) == 0) {
            warn(predicate.range, "unused-predicate",
                 "no loaded rule uses the predicate '" + predicate.name + "'",
                 "call it in a rule, as " + predicate.name + "(...), or remove it");
        }
        for (const auto& parameter : predicate.parameters) {
            if (!mentions(predicate.body, parameter.name)) {
                warn(parameter.range, "unused-variable",
                     "the predicate never reads its parameter '" + parameter.name + "'",
                     "read it in the condition, or drop the parameter");
            }
        }
        walk(predicate.body, [&](const Expr& node) { check_node(node); });
    }

    void check_node(const Expr& node) {
        if (node.kind == Expr::Kind::path || node.kind == Expr::Kind::has) {
            check_keys(node.path);
        }
        if (node.kind == Expr::Kind::compare) {
            check_comparison(node);
        }
        const bool binds =
            node.kind == Expr::Kind::exists || (node.kind == Expr::Kind::count && !node.distinct);
        if (binds && !node.operands.empty() &&
            !mentions(node.operands.front(), node.binding.variable)) {
            const auto* what = node.kind == Expr::Kind::exists ? "'exists'" : "'where'";
            warn(node.binding.variable_range, "unused-variable",
                 "'" + node.binding.variable + "' is bound but its condition never reads it",
                 "the condition is the same for every element; read '" + node.binding.variable +
                     "' in it, or drop the " + what);
        }
    }

    /// A key only this rule uses, one typo away from a key others use.
    void check_keys(const AttributePath& path) {
        // With a vocabulary, an undeclared attribute is already an error.
        if (!rules_.vocabulary.empty()) {
            return;
        }
        for (const auto& key : path.keys) {
            if (is_builtin_key(key) || key_uses_[key] > 1 || reported_.count(key) > 0) {
                continue;
            }
            // Only a key used more often than this one (once) can be what was
            // meant: one index of those serves every key, so linting stays
            // linear in the number of rules.
            const auto match = shared_keys_.closest(key);
            if (match) {
                reported_.insert(key);
                warn(path.range, "unknown-attribute",
                     "no other rule or model uses the attribute '" + key + "'",
                     "did you mean '" + *match + "'?");
            } else if (scope_.has_models && scope_.model_keys.count(key) == 0) {
                reported_.insert(key);
                warn(path.range, "unknown-attribute",
                     "no model in scope has the attribute '" + key + "'",
                     "check the spelling, or add it to the models that this rule is for");
            }
        }
    }

    void check_comparison(const Expr& node) {
        const auto& left = node.operands[0];
        const auto& right = node.operands[1];
        if (left.kind == Expr::Kind::literal && right.kind == Expr::Kind::literal) {
            warn(node.range, "constant-comparison",
                 "this comparison reads no attribute: its result never depends on the model",
                 "compare an attribute such as x.kind with the value");
            return;
        }
        using Op = CompareOp;
        const bool ordering =
            node.op == Op::lt || node.op == Op::le || node.op == Op::gt || node.op == Op::ge;
        for (const auto* side : {&left, &right}) {
            const bool unorderable = side->kind == Expr::Kind::literal &&
                                     (side->literal.kind == Literal::Kind::boolean ||
                                      side->literal.kind == Literal::Kind::list);
            if (ordering && unorderable) {
                warn(node.range, "constant-comparison",
                     "booleans and lists have no order: this comparison is never true",
                     "use == or in");
                return;
            }
        }
    }

    void check_unused_subject(const Rule& rule) {
        if (!rule.subject) {
            return;
        }
        const auto& variable = rule.subject->variable;
        const bool used = (rule.condition && mentions(*rule.condition, variable)) ||
                          std::any_of(rule.requirements.begin(), rule.requirements.end(),
                                      [&](const Rule::Requirement& requirement) {
                                          return mentions(requirement.condition, variable);
                                      });
        if (!used) {
            warn(rule.subject->variable_range, "unused-variable",
                 "the rule never reads '" + variable + "'",
                 "the same verdict would hold for every element; read '" + variable +
                     "' in 'where' or 'require'");
        }
    }

    /// `where false`, or `x.a == "p" and x.a == "q"`: no subject can match.
    void check_unreachable(const Expr& condition) {
        if (condition.kind == Expr::Kind::literal &&
            condition.literal.kind == Literal::Kind::boolean && !condition.literal.boolean) {
            warn(condition.range, "unreachable-where", "this 'where' is never true",
                 "the rule can never apply; remove it or fix the condition");
            return;
        }
        if (condition.kind != Expr::Kind::all_of) {
            return;
        }
        std::map<std::string, const Literal*> required;
        for (const auto& part : condition.operands) {
            if (part.kind != Expr::Kind::compare || part.op != CompareOp::eq ||
                part.operands[0].kind != Expr::Kind::path ||
                part.operands[1].kind != Expr::Kind::literal) {
                continue;
            }
            const auto spelling = part.operands[0].path.spelling();
            const auto& value = part.operands[1].literal;
            const auto [first, inserted] = required.emplace(spelling, &value);
            if (!inserted && !literals_equal(*first->second, value)) {
                warn(part.range, "unreachable-where",
                     "'" + spelling +
                         "' cannot equal two different values: this 'where' is "
                         "never true",
                     "did you mean 'or', or 'in [...]'?");
            }
        }
    }

    const RuleSet& rules_;
    const LintScope& scope_;
    base::Diagnostics& diagnostics_;
    std::map<std::string, int> key_uses_;
    base::NameIndex shared_keys_;  ///< keys two or more rules (or a rule and a model) use
    std::set<std::string> reported_;
};

}  // namespace

void lint_rules(const RuleSet& rules, const LintScope& scope, base::Diagnostics& diagnostics) {
    Linter(rules, scope, diagnostics).run();
}

}  // namespace lexflow::dsl
