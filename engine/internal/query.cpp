#include "engine/internal/query.hpp"

#include <algorithm>
#include <stdexcept>

namespace lexflow::engine::internal {

using model::Value;

namespace {

/// A variable in scope: its name, what it ranges over, and its slot. A
/// predicate's parameter is an alias: it takes the slot of its argument.
struct Variable {
    std::string name;
    base::Owner owner = base::Owner::node;
    Slot slot = kModelSlot;
    bool alias = false;
    /// How reports spell it: a parameter by the variable of the rule it
    /// stands for, so that "not evaluated" names what the rule's author wrote.
    std::string spelling;
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

/// Compiles one rule: the variables in scope, innermost last. A predicate's
/// call compiles to the predicate's body, its parameters bound to the
/// arguments' slots (the checker bounds how large that makes a condition).
class Compiler {
  public:
    Compiler(model::ValueSpace& values, const dsl::RuleSet& rules)
        : values_(values), vocabulary_(rules.vocabulary), rules_(rules) {
        scope_.push_back({"model", base::Owner::model, kModelSlot, false, "model"});
    }

    Slot bind(const std::string& name, base::Owner owner) {
        if (next_slot_ == 255) {
            throw std::length_error("a rule binds more than 255 variables");
        }
        const auto slot = static_cast<Slot>(next_slot_++);
        scope_.push_back({name, owner, slot, false, name});
        max_slots_ = std::max(max_slots_, next_slot_);
        return slot;
    }
    void unbind() {
        if (!scope_.back().alias) {
            --next_slot_;
        }
        scope_.pop_back();
    }
    [[nodiscard]] Slot slot_count() const { return static_cast<Slot>(max_slots_); }

    CompiledPath path(const dsl::AttributePath& source) {
        CompiledPath result;
        const auto& variable = lookup(source.variable);
        result.slot = variable.slot;
        for (const auto& key : source.keys) {
            // Unknown keys stay unresolved: no element has them, so they read as missing.
            result.keys.push_back(values_.model().strings().find(key));
        }
        result.spelling = variable.spelling;
        for (const auto& key : source.keys) {
            result.spelling += "." + key;
        }
        if (source.keys.size() == 1) {
            const auto owner = variable.owner;
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
        result.shift = source.shift;
        switch (source.kind) {
            case dsl::Expr::Kind::literal:
                result.literal = literal(source.literal);
                return result;
            case dsl::Expr::Kind::path:
            case dsl::Expr::Kind::has:
                result.path = path(source.path);
                return result;
            case dsl::Expr::Kind::exists:
            case dsl::Expr::Kind::count:
                return exists(source, std::move(result));
            case dsl::Expr::Kind::call:
                return call(source);
            case dsl::Expr::Kind::reaches:
                return reaches(source, std::move(result));
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
            result.anchor = lookup(source.binding.anchor).slot;
        }
        result.bound = bind(source.binding.variable, owner_of(source.binding.domain));
        for (const auto& operand : source.operands) {
            result.operands.push_back(expression(operand));
        }
        if (source.kind == dsl::Expr::Kind::count && source.distinct) {
            result.distinct = true;
            result.path = path(source.path);
        }
        if (source.kind == dsl::Expr::Kind::exists && !result.operands.empty() &&
            result.adjacency == dsl::Adjacency::none) {
            result.pinned = pinning_path(result.operands.front(), result.bound);
        }
        unbind();
        return result;
    }

    /// P of a condition `v == P` (or `P == v`), alone or as one of the terms
    /// of an `and`, where `v` is the variable in `bound` and P reads another.
    static std::optional<CompiledPath> pinning_path(const CompiledExpr& condition, Slot bound) {
        const auto pins = [bound](const CompiledExpr& term) -> const CompiledPath* {
            if (term.kind != dsl::Expr::Kind::compare || term.op != dsl::CompareOp::eq ||
                term.operands.size() != 2) {
                return nullptr;
            }
            for (const std::size_t side : {0U, 1U}) {
                const auto& variable = term.operands[side];
                const auto& other = term.operands[1 - side];
                if (variable.kind == dsl::Expr::Kind::path && variable.path.slot == bound &&
                    variable.path.keys.empty() && other.kind == dsl::Expr::Kind::path &&
                    other.path.slot != bound) {
                    return &other.path;
                }
            }
            return nullptr;
        };
        if (const auto* pinned = pins(condition)) {
            return *pinned;
        }
        if (condition.kind == dsl::Expr::Kind::all_of) {
            for (const auto& term : condition.operands) {
                if (const auto* pinned = pins(term)) {
                    return *pinned;
                }
            }
        }
        return std::nullopt;
    }

    CompiledExpr reaches(const dsl::Expr& source, CompiledExpr result) {
        result.adjacency = source.binding.adjacency;
        result.anchor = lookup(source.binding.anchor).slot;
        result.bound = bind(source.binding.variable, base::Owner::node);
        result.operands.push_back(expression(source.operands[0]));
        result.end_is_invariant = !reads_outside(result.operands[0], result.bound);
        if (source.through) {
            result.through = bind(source.through->variable, base::Owner::flow);
            result.operands.push_back(expression(source.operands[1]));
            unbind();
        }
        unbind();
        return result;
    }

    /// Whether `expr` reads a variable bound before slot `own` (`model` aside).
    static bool reads_outside(const CompiledExpr& expr, Slot own) {
        const auto outside = [own](Slot slot) { return slot != kModelSlot && slot < own; };
        using Kind = dsl::Expr::Kind;
        const bool reads_path = expr.kind == Kind::path || expr.kind == Kind::has ||
                                (expr.kind == Kind::count && expr.distinct);
        if ((reads_path && outside(expr.path.slot)) ||
            (expr.adjacency != dsl::Adjacency::none && outside(expr.anchor))) {
            return true;
        }
        return std::any_of(
            expr.operands.begin(), expr.operands.end(),
            [own](const CompiledExpr& operand) { return reads_outside(operand, own); });
    }

    CompiledExpr call(const dsl::Expr& source) {
        const auto& predicate = *rules_.find_predicate(source.callee);
        std::vector<Variable> parameters;
        for (std::size_t i = 0; i < predicate.parameters.size(); ++i) {
            const auto& parameter = predicate.parameters[i];
            const auto& argument = lookup(source.arguments[i].variable);
            parameters.push_back({parameter.name, owner_of(parameter.domain), argument.slot, true,
                                  argument.spelling});
        }
        // The body sees its parameters and `model` only (the checker made
        // sure), so the rule's own variables may stay in scope below them.
        scope_.insert(scope_.end(), parameters.begin(), parameters.end());
        auto body = expression(predicate.body);
        scope_.resize(scope_.size() - parameters.size());
        return body;
    }

    /// The innermost variable of that name (the checker saw that there is one).
    [[nodiscard]] const Variable& lookup(const std::string& name) const {
        const auto found =
            std::find_if(scope_.rbegin(), scope_.rend(),
                         [&](const Variable& variable) { return variable.name == name; });
        if (found == scope_.rend()) {
            throw std::logic_error("unbound variable '" + name + "' reached the compiler");
        }
        return *found;
    }

    model::ValueSpace& values_;
    const base::Vocabulary& vocabulary_;
    const dsl::RuleSet& rules_;
    std::vector<Variable> scope_;
    std::size_t next_slot_ = 1;
    std::size_t max_slots_ = 1;
};

}  // namespace

Query compile_rule(const dsl::Rule& rule, model::ValueSpace& values, const dsl::RuleSet& rules) {
    Compiler compiler(values, rules);
    Query query;
    query.rule = &rule;
    query.about_model = rule.about_model;
    if (rule.subject) {
        query.domain = rule.subject->domain;
        compiler.bind(rule.subject->variable, owner_of(rule.subject->domain));
    }
    if (rule.condition) {
        query.condition = compiler.expression(*rule.condition);
    }
    for (const auto& requirement : rule.requirements) {
        query.requirements.push_back(compiler.expression(requirement.condition));
    }
    for (const auto& conditional : rule.effective_when) {
        query.effective_when.emplace_back(conditional.date,
                                          compiler.expression(conditional.condition));
    }
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
                            const dsl::RuleSet& rules) {
    const auto& path = *rule.path;
    Compiler compiler(values, rules);
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
                               const dsl::RuleSet& rules) {
    Compiler compiler(values, rules);
    return compiler.expression(condition);
}

}  // namespace lexflow::engine::internal
