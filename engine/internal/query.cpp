#include "engine/internal/query.hpp"

#include <algorithm>
#include <stdexcept>

namespace lexflow::engine::internal {

using model::Value;

namespace {

/// A variable in scope: its name and what it ranges over.
struct Variable {
    std::string name;
    base::Owner owner = base::Owner::node;
};

base::Owner owner_of(dsl::Domain domain) {
    switch (domain) {
        case dsl::Domain::flow:
            return base::Owner::flow;
        case dsl::Domain::role:
            return base::Owner::role;
        case dsl::Domain::node:
            break;
    }
    return base::Owner::node;
}

/// The model's Value of a declared default.
Value default_value(const base::DefaultValue& value, model::ValueSpace& values) {
    if (const auto* flag = std::get_if<bool>(&value)) {
        return Value::boolean(*flag);
    }
    if (const auto* number = std::get_if<double>(&value)) {
        return Value::number(*number);
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        return values.string(*text);
    }
    std::vector<Value> items;
    for (const auto& item : std::get<std::vector<std::string>>(value)) {
        items.push_back(values.string(item));
    }
    return values.list(items);
}

/// Compiles one rule: the variables in scope, indexed by slot.
class Compiler {
  public:
    Compiler(model::ValueSpace& values, const base::Vocabulary& vocabulary)
        : values_(values), vocabulary_(vocabulary) {
        slots_.push_back({"model", base::Owner::model});
    }

    Slot bind(const std::string& name, base::Owner owner) {
        slots_.push_back({name, owner});
        max_slots_ = std::max(max_slots_, slots_.size());
        if (slots_.size() > 255) {
            throw std::length_error("a rule binds more than 255 variables");
        }
        return static_cast<Slot>(slots_.size() - 1);
    }
    void unbind() { slots_.pop_back(); }
    [[nodiscard]] Slot slot_count() const { return static_cast<Slot>(max_slots_); }

    CompiledPath path(const dsl::AttributePath& source) {
        CompiledPath result;
        const auto found = std::find_if(
            slots_.rbegin(), slots_.rend(),
            [&](const Variable& variable) { return variable.name == source.variable; });
        result.slot = static_cast<Slot>(slots_.rend() - found - 1);
        for (const auto& key : source.keys) {
            // Unknown keys stay unresolved: no element has them, so they read as missing.
            result.keys.push_back(values_.model().strings().find(key));
        }
        result.spelling = source.spelling();
        if (source.keys.size() == 1) {
            const auto owner = slots_[result.slot].owner;
            const auto* spec = vocabulary_.attribute(source.keys.front());
            if (spec != nullptr && spec->default_value && spec->belongs_to(owner)) {
                result.default_value = default_value(*spec->default_value, values_);
            }
        }
        result.reads_kind = !source.keys.empty() && source.keys.back() == "kind";
        return result;
    }

    Value literal(const dsl::Literal& source) {
        switch (source.kind) {
            case dsl::Literal::Kind::string:
                return values_.string(source.text);
            case dsl::Literal::Kind::number:
                return Value::number(source.number);
            case dsl::Literal::Kind::boolean:
                return Value::boolean(source.boolean);
            case dsl::Literal::Kind::list: {
                std::vector<Value> items;
                for (const auto& item : source.items) {
                    items.push_back(literal(item));
                }
                return values_.list(items);
            }
        }
        return {};
    }

    CompiledExpr expression(const dsl::Expr& source) {
        CompiledExpr result;
        result.kind = source.kind;
        result.op = source.op;
        switch (source.kind) {
            case dsl::Expr::Kind::literal:
                result.literal = literal(source.literal);
                return result;
            case dsl::Expr::Kind::path:
            case dsl::Expr::Kind::has:
                result.path = path(source.path);
                return result;
            case dsl::Expr::Kind::exists:
                return exists(source, std::move(result));
            default:
                for (const auto& operand : source.operands) {
                    result.operands.push_back(expression(operand));
                }
                return result;
        }
    }

    CompiledTemplate text(const std::optional<dsl::Template>& source) {
        CompiledTemplate result;
        if (!source) {
            return result;
        }
        for (const auto& segment : source->segments) {
            if (segment.path) {
                result.segments.push_back({{}, path(*segment.path)});
            } else {
                result.segments.push_back({segment.text, std::nullopt});
            }
        }
        return result;
    }

  private:
    CompiledExpr exists(const dsl::Expr& source, CompiledExpr result) {
        result.domain = source.binding.domain;
        result.adjacency = source.binding.adjacency;
        if (source.binding.adjacency != dsl::Adjacency::none) {
            dsl::AttributePath anchor;
            anchor.variable = source.binding.anchor;
            result.anchor = path(anchor).slot;
        }
        result.bound = bind(source.binding.variable, owner_of(source.binding.domain));
        for (const auto& operand : source.operands) {
            result.operands.push_back(expression(operand));
        }
        unbind();
        return result;
    }

    model::ValueSpace& values_;
    const base::Vocabulary& vocabulary_;
    std::vector<Variable> slots_;
    std::size_t max_slots_ = 1;
};

}  // namespace

Query compile_rule(const dsl::Rule& rule, model::ValueSpace& values,
                   const base::Vocabulary& vocabulary) {
    Compiler compiler(values, vocabulary);
    Query query;
    query.rule = &rule;
    query.domain = rule.subject->domain;
    compiler.bind(rule.subject->variable, owner_of(rule.subject->domain));
    if (rule.condition) {
        query.condition = compiler.expression(*rule.condition);
    }
    query.requirement = compiler.expression(*rule.requirement);
    query.message = compiler.text(rule.message);
    query.remediation = compiler.text(rule.remediation);
    query.slot_count = compiler.slot_count();
    return query;
}

namespace {

void collect_source_reads(const CompiledExpr& expr, std::vector<CompiledPath>& reads) {
    if ((expr.kind == dsl::Expr::Kind::path || expr.kind == dsl::Expr::Kind::has) &&
        expr.path.slot == kSourceSlot) {
        reads.push_back(expr.path);
    }
    for (const auto& operand : expr.operands) {
        collect_source_reads(operand, reads);
    }
}

}  // namespace

PathQuery compile_path_rule(const dsl::Rule& rule, model::ValueSpace& values,
                            const base::Vocabulary& vocabulary) {
    const auto& path = *rule.path;
    Compiler compiler(values, vocabulary);
    PathQuery query;
    query.rule = &rule;
    query.requirement = path.requirement;
    query.per = path.per;
    compiler.bind(path.source.variable, base::Owner::node);
    if (path.source_condition) {
        query.source_condition = compiler.expression(*path.source_condition);
    }
    compiler.bind(path.target.variable, base::Owner::node);
    if (path.target_condition) {
        query.target_condition = compiler.expression(*path.target_condition);
        collect_source_reads(*query.target_condition, query.source_reads);
    }
    // The via variable always takes slot 3, even when the rule has none, so
    // that exists-variables in templates never collide with it.
    compiler.bind(path.via ? path.via->variable : std::string(),
                  path.via ? owner_of(path.via->domain) : base::Owner::node);
    query.has_via = path.via.has_value();
    query.via_is_flow = path.via && path.via->domain == dsl::Domain::flow;
    if (path.via_condition) {
        query.via_condition = compiler.expression(*path.via_condition);
    }
    compiler.bind(path.through ? path.through->variable : std::string(), base::Owner::flow);
    if (path.through_condition) {
        query.through_condition = compiler.expression(*path.through_condition);
    }
    query.message = compiler.text(rule.message);
    query.remediation = compiler.text(rule.remediation);
    query.slot_count = compiler.slot_count();
    return query;
}

CompiledExpr compile_condition(const dsl::Expr& condition, model::ValueSpace& values,
                               const base::Vocabulary& vocabulary) {
    Compiler compiler(values, vocabulary);
    return compiler.expression(condition);
}

}  // namespace lexflow::engine::internal
