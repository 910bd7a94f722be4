#include "engine/vocabulary.hpp"

#include "dsl/diagnostic_ids.hpp"
#include "dsl/edit_distance.hpp"

namespace lexflow::engine {

namespace {

class VocabularyCollector {
  public:
    explicit VocabularyCollector(Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

    void rule(const dsl::Rule& rule) {
        for (const auto* expr : {rule.condition ? &*rule.condition : nullptr,
                                 rule.requirement ? &*rule.requirement : nullptr}) {
            visit(expr);
        }
        if (rule.path) {
            visit(rule.path->source_condition ? &*rule.path->source_condition : nullptr);
            visit(rule.path->target_condition ? &*rule.path->target_condition : nullptr);
            visit(rule.path->via_condition ? &*rule.path->via_condition : nullptr);
        }
    }

    void visit(const dsl::Expr* expr) {
        if (expr == nullptr) {
            return;
        }
        if (expr->kind == dsl::Expr::Kind::path || expr->kind == dsl::Expr::Kind::has) {
            vocabulary_.keys.insert(expr->path.keys.begin(), expr->path.keys.end());
        }
        using Op = dsl::CompareOp;
        const bool names_a_value = expr->op == Op::eq || expr->op == Op::ne || expr->op == Op::in ||
                                   expr->op == Op::not_in;
        // Ordering compares dates and numbers, not names: only equality and
        // membership say which names a key takes.
        if (expr->kind == dsl::Expr::Kind::compare && names_a_value) {
            compared(expr->operands[0], expr->operands[1]);
            compared(expr->operands[1], expr->operands[0]);
        }
        for (const auto& operand : expr->operands) {
            visit(&operand);
        }
    }

  private:
    /// Records the strings of `literal` as values of the last key of `path`.
    void compared(const dsl::Expr& path, const dsl::Expr& literal) {
        if (path.kind != dsl::Expr::Kind::path || path.path.keys.empty() ||
            literal.kind != dsl::Expr::Kind::literal) {
            return;
        }
        auto& values = vocabulary_.values[path.path.keys.back()];
        const auto& value = literal.literal;
        if (value.kind == dsl::Literal::Kind::string) {
            values.insert(value.text);
        }
        for (const auto& item : value.items) {
            if (item.kind == dsl::Literal::Kind::string) {
                values.insert(item.text);
            }
        }
    }

    Vocabulary& vocabulary_;
};

class VocabularyChecker {
  public:
    VocabularyChecker(const Model& model, const Vocabulary& vocabulary,
                      dsl::Diagnostics& diagnostics)
        : model_(model), vocabulary_(vocabulary), diagnostics_(diagnostics) {
        keys_.assign(vocabulary.keys.begin(), vocabulary.keys.end());
    }

    void element(ElementRef ref) {
        for (const auto& attribute : model_.entries(model_.attributes_of(ref))) {
            const auto key = model_.strings().text(attribute.key);
            check_key(ref, key);
            check_values(ref, key, attribute.value);
        }
    }

  private:
    void warn(ElementRef ref, std::string message, std::string help) {
        diagnostics_.report({dsl::DiagnosticLevel::warning,
                             std::string(dsl::diagnostic_ids::unknown_name),
                             model_.range_of(ref),
                             std::move(message),
                             {},
                             std::move(help)});
    }

    void check_key(ElementRef ref, std::string_view key) {
        // Each distinct name is judged once, and warned about at its first use.
        if (!seen_.insert(std::string(key)).second ||
            vocabulary_.keys.count(std::string(key)) > 0) {
            return;
        }
        if (const auto match = dsl::closest_match(key, keys_)) {
            warn(ref,
                 "'" + model_.display_id(ref) + "' has an attribute '" + std::string(key) +
                     "' that no rule reads",
                 "did you mean '" + *match + "'?");
        }
    }

    void check_values(ElementRef ref, std::string_view key, Value value) {
        const auto known = vocabulary_.values.find(std::string(key));
        if (known == vocabulary_.values.end()) {
            return;
        }
        if (value.kind() == ValueKind::list) {
            for (const auto item : model_.items(value.as_span())) {
                check_value(ref, key, item, known->second);
            }
            return;
        }
        check_value(ref, key, value, known->second);
    }

    void check_value(ElementRef ref, std::string_view key, Value value,
                     const std::set<std::string>& known) {
        if (value.kind() != ValueKind::string) {
            return;
        }
        const auto text = std::string(model_.strings().text(value.as_string()));
        if (!seen_.insert(std::string(key) + '\x1f' + text).second || known.count(text) > 0) {
            return;
        }
        const std::vector<std::string_view> candidates(known.begin(), known.end());
        if (const auto match = dsl::closest_match(text, candidates)) {
            warn(ref,
                 "'" + model_.display_id(ref) + "': " + std::string(key) + " '" + text +
                     "' is not a name the rules know",
                 "did you mean '" + *match + "'?");
        }
    }

    const Model& model_;
    const Vocabulary& vocabulary_;
    dsl::Diagnostics& diagnostics_;
    std::vector<std::string_view> keys_;
    std::set<std::string> seen_;  ///< keys, and key + value pairs, already judged
};

}  // namespace

Vocabulary vocabulary_of(const dsl::RuleSet& rules) {
    Vocabulary vocabulary;
    VocabularyCollector collector(vocabulary);
    for (const auto& rule : rules.rules) {
        collector.rule(rule);
    }
    for (const auto& pack : rules.packs) {
        collector.visit(pack.applies_when ? &*pack.applies_when : nullptr);
    }
    return vocabulary;
}

void check_vocabulary(const Model& model, const Vocabulary& vocabulary,
                      dsl::Diagnostics& diagnostics) {
    VocabularyChecker checker(model, vocabulary, diagnostics);
    for (std::uint32_t i = 0; i < model.surfaces().size(); ++i) {
        checker.element({ElementKind::surface, i});
    }
    for (std::uint32_t i = 0; i < model.flows().size(); ++i) {
        checker.element({ElementKind::flow, i});
    }
    for (std::uint32_t i = 0; i < model.roles().size(); ++i) {
        checker.element({ElementKind::role, i});
    }
}

}  // namespace lexflow::engine
