#include "dsl/ast_printer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lexflow::dsl {

namespace {

std::string dump(const Literal& literal) {
    switch (literal.kind) {
        case Literal::Kind::string:
            return fmt::format("\"{}\"", literal.text);
        case Literal::Kind::number:
            return fmt::format("{}", literal.number);
        case Literal::Kind::boolean:
            return literal.boolean ? "true" : "false";
        case Literal::Kind::list: {
            std::string out = "[";
            for (const auto& item : literal.items) {
                out += dump(item) + " ";
            }
            return out + "]";
        }
    }
    return {};
}

std::string dump(const Binding& binding) {
    return fmt::format("{}:{}:{}:{}", static_cast<int>(binding.domain), binding.variable,
                       static_cast<int>(binding.adjacency), binding.anchor);
}

std::string dump(const Expr& expr) {
    std::string out = fmt::format("({}", static_cast<int>(expr.kind));
    switch (expr.kind) {
        case Expr::Kind::literal:
            out += " " + dump(expr.literal);
            break;
        case Expr::Kind::path:
        case Expr::Kind::has:
            out += " " + expr.path.spelling();
            break;
        case Expr::Kind::compare:
            out += fmt::format(" op{}", static_cast<int>(expr.op));
            break;
        case Expr::Kind::exists:
            out += " " + dump(expr.binding);
            break;
        case Expr::Kind::count:
            out += " " + dump(expr.binding);
            if (expr.distinct) {
                out += " distinct " + expr.path.spelling();
            }
            break;
        case Expr::Kind::reaches:
            out += " " + dump(expr.binding);
            if (expr.through) {
                out += " through " + dump(*expr.through);
            }
            break;
        case Expr::Kind::shifted:
            out += fmt::format(" shift {} unit{}", expr.shift.amount,
                               static_cast<int>(expr.shift.unit));
            break;
        case Expr::Kind::call:
            out += " " + expr.callee;
            for (const auto& argument : expr.arguments) {
                out += " " + argument.variable;
            }
            break;
        default:
            break;
    }
    for (const auto& operand : expr.operands) {
        out += " " + dump(operand);
    }
    return out + ")";
}

std::string dump(const std::optional<Expr>& expr) {
    return expr ? dump(*expr) : "-";
}

std::string dump(const Rule& rule) {
    std::string out =
        fmt::format("rule {} pack={} title={} severity={} effective={}\n", rule.id, rule.pack,
                    rule.title.value_or("-"), rule.severity_spelling, rule.effective);
    out += fmt::format("  description={}\n", rule.description.value_or("-"));
    for (const auto& conditional : rule.effective_when) {
        out +=
            fmt::format("  effective={} when {}\n", conditional.date, dump(conditional.condition));
    }
    for (const auto& citation : rule.citations) {
        out += fmt::format("  cite={}\n", citation.text);
    }
    for (const auto& tag : rule.tags) {
        out += fmt::format("  tag={}\n", tag);
    }
    for (const auto& covered : rule.covers) {
        out += fmt::format("  covers={}\n", covered.text);
    }
    out += fmt::format("  message={}\n  remediation={}\n", rule.message ? rule.message->raw : "-",
                       rule.remediation ? rule.remediation->raw : "-");
    std::string requirements;
    for (const auto& requirement : rule.requirements) {
        requirements += " require " + dump(requirement.condition);
    }
    if (rule.about_model) {
        out += fmt::format("  model where {}{}\n", dump(rule.condition), requirements);
    }
    if (rule.subject) {
        out += fmt::format("  every {} where {}{}\n", dump(*rule.subject), dump(rule.condition),
                           requirements);
    }
    if (rule.path) {
        const auto& path = *rule.path;
        out += fmt::format("  path {} {} -> {} {} req{} via {} {} through {} {} per{}\n",
                           dump(path.source), dump(path.source_condition), dump(path.target),
                           dump(path.target_condition), static_cast<int>(path.requirement),
                           path.via ? dump(*path.via) : "-", dump(path.via_condition),
                           path.through ? dump(*path.through) : "-", dump(path.through_condition),
                           static_cast<int>(path.per));
    }
    return out;
}

std::string dump(const TestCase& test) {
    std::string out = fmt::format("test {} as_of={} model={}\n", test.name, test.as_of,
                                  test.inline_model ? "inline" : test.model_path);
    for (const auto& id : test.rule_ids) {
        out += fmt::format("  rule={}\n", id);
    }
    if (test.inline_model) {
        out += fmt::format("  inline={}\n", *test.inline_model);
    }
    if (test.expects_nothing) {
        out += "  expect none\n";
    }
    for (const auto& expectation : test.expectations) {
        out += fmt::format(
            "  expect {} status={} {} {} {} witness={}\n", expectation.rule_id,
            static_cast<int>(expectation.status), expectation.on_model ? "model" : "element",
            static_cast<int>(expectation.kind), expectation.subject,
            expectation.witness ? fmt::format("{}", fmt::join(*expectation.witness, ",")) : "-");
    }
    return out;
}

}  // namespace

std::string dump(const RuleFile& file) {
    std::string out;
    if (file.pack) {
        out +=
            fmt::format("pack {} declaration={} title={} applies={}\n", file.pack->id,
                        file.pack->is_declaration, file.pack->title, dump(file.pack->applies_when));
    }
    for (const auto& pattern : file.patterns) {
        out += fmt::format("pattern {} {}\n", pattern.id, pattern.description);
    }
    for (const auto& rule : file.rules) {
        out += dump(rule);
    }
    for (const auto& test : file.tests) {
        out += dump(test);
    }
    for (const auto& predicate : file.predicates) {
        out += fmt::format("predicate {} pack={}", predicate.name, predicate.pack);
        for (const auto& parameter : predicate.parameters) {
            out += fmt::format(" {}:{}", static_cast<int>(parameter.domain), parameter.name);
        }
        out += " = " + dump(predicate.body) + "\n";
    }
    for (const auto& kind : file.kinds) {
        out += fmt::format("kind {} is={} meaning={}\n", kind.name, kind.is, kind.meaning);
    }
    for (const auto& attribute : file.attributes) {
        std::string owners;
        for (const auto& [owner, range] : attribute.owners) {
            owners += std::string(base::to_string(owner)) + ",";
        }
        out += fmt::format("attribute {} on={} type={} open={} meaning={} default={}\n",
                           attribute.name, owners,
                           attribute.type ? base::to_string(*attribute.type) : "none",
                           attribute.open, attribute.meaning.value_or("<none>"),
                           attribute.default_value ? dump(*attribute.default_value) : "<none>");
        for (const auto& value : attribute.values) {
            out += fmt::format("  value {} {}\n", value.name, value.meaning);
        }
    }
    return out;
}

}  // namespace lexflow::dsl
