#include "engine/internal/query.hpp"

#include <algorithm>
#include <stdexcept>

namespace lexflow::engine::internal {

using model::Value;

namespace {

/// Names of the variables in scope, indexed by slot.
class Compiler {
  public:
    explicit Compiler(model::ValueSpace& values) : values_(values) { slots_.push_back("model"); }

    Slot bind(const std::string& name) {
        slots_.push_back(name);
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
        const auto found = std::find(slots_.rbegin(), slots_.rend(), source.variable);
        result.slot = static_cast<Slot>(slots_.rend() - found - 1);
        for (const auto& key : source.keys) {
            // Unknown keys stay unresolved: no element has them, so they read as missing.
            result.keys.push_back(values_.model().strings().find(key));
        }
        result.spelling = source.spelling();
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
        result.bound = bind(source.binding.variable);
        for (const auto& operand : source.operands) {
            result.operands.push_back(expression(operand));
        }
        unbind();
        return result;
    }

    model::ValueSpace& values_;
    std::vector<std::string> slots_;
    std::size_t max_slots_ = 1;
};

}  // namespace

Query compile_rule(const dsl::Rule& rule, model::ValueSpace& values) {
    Compiler compiler(values);
    Query query;
    query.rule = &rule;
    query.domain = rule.subject->domain;
    compiler.bind(rule.subject->variable);
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

PathQuery compile_path_rule(const dsl::Rule& rule, model::ValueSpace& values) {
    const auto& path = *rule.path;
    Compiler compiler(values);
    PathQuery query;
    query.rule = &rule;
    query.requirement = path.requirement;
    query.per = path.per;
    compiler.bind(path.source.variable);
    if (path.source_condition) {
        query.source_condition = compiler.expression(*path.source_condition);
    }
    compiler.bind(path.target.variable);
    if (path.target_condition) {
        query.target_condition = compiler.expression(*path.target_condition);
        collect_source_reads(*query.target_condition, query.source_reads);
    }
    // The via variable always takes slot 3, even when the rule has none, so
    // that exists-variables in templates never collide with it.
    compiler.bind(path.via ? path.via->variable : std::string());
    query.has_via = path.via.has_value();
    query.via_is_flow = path.via && path.via->domain == dsl::Domain::flow;
    if (path.via_condition) {
        query.via_condition = compiler.expression(*path.via_condition);
    }
    compiler.bind(path.through ? path.through->variable : std::string());
    if (path.through_condition) {
        query.through_condition = compiler.expression(*path.through_condition);
    }
    query.message = compiler.text(rule.message);
    query.remediation = compiler.text(rule.remediation);
    query.slot_count = compiler.slot_count();
    return query;
}

CompiledExpr compile_condition(const dsl::Expr& condition, model::ValueSpace& values) {
    Compiler compiler(values);
    return compiler.expression(condition);
}

}  // namespace lexflow::engine::internal
