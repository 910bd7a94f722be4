#include "dsl/internal/ast_builder.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "base/diagnostic_ids.hpp"

namespace lexflow::dsl::internal {

namespace {

template <typename Rule>
bool is(const ParseNode& node) {
    return node.is_type<Rule>();
}

/// The text between the quotes of a string literal node.
std::string_view quoted_body(const ParseNode& node) {
    const auto text = node.string_view();
    return text.substr(1, text.size() - 2);
}

std::optional<CompareOp> compare_op(const ParseNode& node) {
    if (is<g::op_eq>(node))
        return CompareOp::eq;
    if (is<g::op_ne>(node))
        return CompareOp::ne;
    if (is<g::op_lt>(node))
        return CompareOp::lt;
    if (is<g::op_le>(node))
        return CompareOp::le;
    if (is<g::op_gt>(node))
        return CompareOp::gt;
    if (is<g::op_ge>(node))
        return CompareOp::ge;
    if (is<g::op_in>(node))
        return CompareOp::in;
    if (is<g::op_not_in>(node))
        return CompareOp::not_in;
    return std::nullopt;
}

Expr make_expr(Expr::Kind kind, base::SourceRange range) {
    Expr expr;
    expr.kind = kind;
    expr.range = range;
    return expr;
}

Domain domain_of(const ParseNode& node) {
    if (is<g::domain_flow>(node))
        return Domain::flow;
    if (is<g::domain_role>(node))
        return Domain::role;
    return Domain::node;
}

/// `text` with each run of white space as one space.
std::string collapsed(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string unescape(std::string_view body) {
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        const char code = body[++i];
        out += code == 'n' ? '\n' : code == 't' ? '\t' : code;
    }
    return out;
}

base::SourceRange AstBuilder::range_of(const ParseNode& node) const {
    const auto begin = node.begin();
    auto length = node.string_view();
    if (const auto newline = length.find('\n'); newline != std::string_view::npos) {
        length = length.substr(0, newline);
    }
    return {file_, static_cast<std::uint32_t>(begin.line), static_cast<std::uint32_t>(begin.column),
            static_cast<std::uint32_t>(std::max<std::size_t>(1, length.size()))};
}

RuleFile AstBuilder::build(const ParseNode& root) {
    RuleFile result;
    result.file = file_;
    for (const auto& child : root.children) {
        if (is<g::pack_clause>(*child)) {
            result.pack = build_pack(*child);
        } else if (is<g::rule_decl>(*child)) {
            result.rules.push_back(build_rule(*child));
        } else if (is<g::test_decl>(*child)) {
            result.tests.push_back(build_test(*child));
        } else if (is<g::kind_decl>(*child)) {
            result.kinds.push_back(build_kind(*child));
        } else if (is<g::attribute_decl>(*child)) {
            result.attributes.push_back(build_attribute(*child));
        } else if (is<g::predicate_decl>(*child)) {
            result.predicates.push_back(build_predicate(*child));
        } else if (is<g::pattern_decl>(*child)) {
            const auto& name = *child->children.at(0);
            const auto& text = *child->children.at(1);
            result.patterns.push_back({name.string(), unescape(quoted_body(text)), range_of(name)});
        }
    }
    const std::string pack_id = result.pack ? result.pack->id : std::string();
    for (auto& rule : result.rules) {
        rule.pack = pack_id;
    }
    for (auto& predicate : result.predicates) {
        predicate.pack = pack_id;
    }
    return result;
}

PackClause AstBuilder::build_pack(const ParseNode& node) {
    PackClause pack;
    for (const auto& child : node.children) {
        if (is<g::pack_name>(*child)) {
            pack.id = child->string();
            pack.id_range = range_of(*child);
        } else if (is<g::pack_title>(*child)) {
            pack.title = unescape(quoted_body(*child->children.front()));
        } else if (is<g::pack_body>(*child)) {
            pack.is_declaration = true;
            for (const auto& item : child->children) {
                pack.applies_when = build_expression(*item->children.front());
            }
        }
    }
    if (pack.is_declaration && pack.title.empty()) {
        pack.title = pack.id;
    }
    return pack;
}

std::vector<std::pair<std::string, base::SourceRange>> AstBuilder::quoted_items(
    const ParseNode& list, std::string_view what) {
    std::vector<std::pair<std::string, base::SourceRange>> items;
    for (const auto& item : list.children) {
        if (!is<g::string_literal>(*item)) {
            diagnostics_.report({base::DiagnosticLevel::error,
                                 std::string(base::diagnostic_ids::invalid_tags),
                                 range_of(*item),
                                 std::string(what) + " must be quoted strings",
                                 {},
                                 "write each one in double quotes"});
            continue;
        }
        items.emplace_back(unescape(quoted_body(*item)), range_of(*item));
    }
    return items;
}

TestCase AstBuilder::build_test(const ParseNode& node) {
    TestCase test;
    const auto note_repeat = [&test](bool already_set, const char* field, base::SourceRange range) {
        if (already_set) {
            test.repeated_fields.emplace_back(field, range);
        }
    };
    for (const auto& child_ptr : node.children) {
        const auto& child = *child_ptr;
        if (is<g::test_name>(child)) {
            test.name = unescape(quoted_body(*child.children.front()));
            test.name_range = range_of(child);
        } else if (is<g::test_rules_field>(child)) {
            for (const auto& id : child.children) {
                test.rule_ids.push_back(id->string());
                test.rule_ranges.push_back(range_of(*id));
            }
        } else if (is<g::test_model_field>(child)) {
            note_repeat(!test.model_path.empty() || test.inline_model.has_value(), "model",
                        range_of(child));
            const auto& model = *child.children.front();
            test.model_range = range_of(model);
            if (is<g::inline_model_text>(model)) {
                test.inline_model = model.string();
                test.inline_model_line = static_cast<std::uint32_t>(model.begin().line);
                test.model_path.clear();
            } else {
                test.model_path = unescape(quoted_body(*model.children.front()));
                test.inline_model.reset();
            }
        } else if (is<g::test_as_of_field>(child)) {
            note_repeat(!test.as_of.empty(), "as of", range_of(child));
            const auto& date = *child.children.front();
            test.as_of = unescape(quoted_body(*date.children.front()));
            test.as_of_range = range_of(date);
        } else if (is<g::test_expect_field>(child)) {
            const auto& expectation = *child.children.front();
            if (is<g::expect_none>(expectation)) {
                test.expects_nothing = true;
                test.expect_none_range = range_of(expectation);
            } else {
                test.expectations.push_back(build_expectation(expectation));
            }
        }
    }
    return test;
}

Expectation AstBuilder::build_expectation(const ParseNode& node) {
    Expectation expectation;
    expectation.range = range_of(node);
    for (const auto& child_ptr : node.children) {
        const auto& child = *child_ptr;
        if (is<g::rule_ref>(child)) {
            expectation.rule_id = child.string();
            expectation.rule_range = range_of(child);
        } else if (is<g::status_upcoming>(child)) {
            expectation.status = Expectation::Status::upcoming;
        } else if (is<g::status_not_evaluated>(child)) {
            expectation.status = Expectation::Status::not_evaluated;
        } else if (is<g::subject_model>(child)) {
            expectation.on_model = true;
        } else if (is<g::domain_node>(child) || is<g::domain_flow>(child) ||
                   is<g::domain_role>(child)) {
            expectation.kind = domain_of(child);
        } else if (is<g::subject_id>(child)) {
            expectation.subject = unescape(quoted_body(*child.children.front()));
        } else if (is<g::witness_list>(child)) {
            expectation.witness.emplace();
            for (auto& item : quoted_items(*child.children.front(), "surface ids")) {
                expectation.witness->push_back(std::move(item.first));
            }
        }
    }
    return expectation;
}

Template AstBuilder::build_template(const ParseNode& string_node) {
    Template result;
    result.raw = std::string(quoted_body(string_node));
    result.range = range_of(string_node);
    return result;
}

Rule AstBuilder::build_rule(const ParseNode& node) {
    Rule rule;
    rule.last_line = static_cast<std::uint32_t>(node.end().line);
    const auto note_repeat = [&rule](bool already_set, const char* field, base::SourceRange range) {
        if (already_set) {
            rule.repeated_fields.emplace_back(field, range);
        }
    };
    for (const auto& child_ptr : node.children) {
        const auto& child = *child_ptr;
        const auto field_range = range_of(child);
        if (is<g::rule_name>(child)) {
            rule.id = child.string();
            rule.id_range = field_range;
        } else if (is<g::title_field>(child)) {
            note_repeat(rule.title.has_value(), "title", field_range);
            rule.title = unescape(quoted_body(*child.children.front()));
        } else if (is<g::description_field>(child)) {
            note_repeat(rule.description.has_value(), "description", field_range);
            rule.description = unescape(quoted_body(*child.children.front()));
        } else if (is<g::cite_field>(child)) {
            const auto& text = *child.children.front();
            rule.citations.push_back({unescape(quoted_body(text)), range_of(text)});
        } else if (is<g::message_field>(child)) {
            note_repeat(rule.message.has_value(), "message", field_range);
            rule.message = build_template(*child.children.front());
        } else if (is<g::remediation_field>(child)) {
            note_repeat(rule.remediation.has_value(), "remediation", field_range);
            rule.remediation = build_template(*child.children.front());
        } else if (is<g::covers_field>(child)) {
            for (auto& [text, range] :
                 quoted_items(*child.children.front(), "failure pattern ids")) {
                rule.covers.push_back({std::move(text), range});
            }
        } else if (is<g::effective_field>(child)) {
            const auto& date = *child.children.front();
            if (child.children.size() > 1) {
                const auto& condition = *child.children.back()->children.front();
                rule.effective_when.push_back({unescape(quoted_body(date)), range_of(date),
                                               build_expression(condition),
                                               collapsed(condition.string_view())});
                continue;
            }
            note_repeat(!rule.effective.empty(), "effective", field_range);
            rule.effective = unescape(quoted_body(date));
            rule.effective_range = range_of(date);
        } else if (is<g::severity_field>(child)) {
            note_repeat(!rule.severity_spelling.empty(), "severity", field_range);
            const auto& name = *child.children.front();
            rule.severity_spelling = name.string();
            rule.severity_range = range_of(name);
            rule.severity = base::parse_severity(rule.severity_spelling);
        } else if (is<g::tags_field>(child)) {
            note_repeat(!rule.tags.empty(), "tags", field_range);
            for (auto& item : quoted_items(*child.children.front(), "tags")) {
                rule.tags.push_back(std::move(item.first));
            }
        } else if (is<g::for_clause>(child)) {
            note_repeat(rule.subject.has_value() || rule.path.has_value() || rule.about_model,
                        "for", field_range);
            build_quantifier(child, rule);
        }
    }
    return rule;
}

PathQuantifier AstBuilder::build_path_quantifier(const ParseNode& node) {
    PathQuantifier path;
    path.range = range_of(node);
    path.source.domain = Domain::node;
    path.target.domain = Domain::node;
    bool after_source = false;
    const auto bind_via = [&](const ParseNode& requirement, Domain domain) {
        for (const auto& part : requirement.children) {
            if (is<g::domain_flow>(*part)) {
                domain = Domain::flow;  // `passes flow f where ...`
            } else if (is<g::variable>(*part)) {
                path.via = Binding{domain, part->string(), range_of(*part), {}, {}, {}};
            } else if (is<g::via_where>(*part) || is<g::flow_condition>(*part)) {
                path.via_condition = build_expression(*part->children.front());
            } else if (is<g::unless_passes>(*part)) {
                bind_via_unless(*part, path);
            }
        }
    };
    for (const auto& child_ptr : node.children) {
        const auto& child = *child_ptr;
        if (is<g::variable>(child)) {
            auto& end = after_source ? path.target : path.source;
            end.variable = child.string();
            end.variable_range = range_of(child);
            after_source = true;
        } else if (is<g::source_where>(child)) {
            path.source_condition = build_expression(*child.children.front());
        } else if (is<g::target_where>(child)) {
            path.target_condition = build_expression(*child.children.front());
        } else if (is<g::passes_requirement>(child)) {
            path.requirement = PathQuantifier::Requirement::passes;
            bind_via(child, Domain::node);
        } else if (is<g::every_flow_requirement>(child)) {
            path.requirement = PathQuantifier::Requirement::every_flow;
            bind_via(child, Domain::flow);
        } else if (is<g::no_path_requirement>(child)) {
            path.requirement = PathQuantifier::Requirement::no_path;
            bind_via(child, Domain::node);
        } else if (is<g::through_clause>(child)) {
            for (const auto& part : child.children) {
                if (is<g::variable>(*part)) {
                    path.through =
                        Binding{Domain::flow, part->string(), range_of(*part), {}, {}, {}};
                } else {
                    path.through_condition = build_expression(*part);
                }
            }
        } else if (is<g::report_source>(child) || is<g::report_target>(child) ||
                   is<g::report_flow>(child)) {
            path.per_range = range_of(child);
            path.per = is<g::report_source>(child) ? PathQuantifier::ReportPer::source
                       : is<g::report_flow>(child) ? PathQuantifier::ReportPer::flow
                                                   : PathQuantifier::ReportPer::target;
        }
    }
    return path;
}

void AstBuilder::bind_via_unless(const ParseNode& node, PathQuantifier& path) {
    auto domain = Domain::node;
    for (const auto& part : node.children) {
        if (is<g::domain_flow>(*part)) {
            domain = Domain::flow;
        } else if (is<g::variable>(*part)) {
            path.via = Binding{domain, part->string(), range_of(*part), {}, {}, {}};
        } else if (is<g::via_where>(*part)) {
            path.via_condition = build_expression(*part->children.front());
        }
    }
}

void AstBuilder::build_quantifier(const ParseNode& node, Rule& rule) {
    Binding subject;
    rule.quantifier_range = range_of(node);
    if (!node.children.empty() && is<g::path_quantifier>(*node.children.front())) {
        rule.path = build_path_quantifier(*node.children.front());
        return;
    }
    for (const auto& child : node.children) {
        if (is<g::model_after_the>(*child)) {
            rule.about_model = true;
        } else if (is<g::domain_node>(*child) || is<g::domain_flow>(*child) ||
                   is<g::domain_role>(*child)) {
            subject.domain = domain_of(*child);
        } else if (is<g::variable>(*child)) {
            subject.variable = child->string();
            subject.variable_range = range_of(*child);
        } else if (is<g::rule_where>(*child)) {
            rule.condition = build_expression(*child->children.front());
        } else if (is<g::requirement>(*child)) {
            rule.requirements.push_back(
                {build_expression(*child->children.front()), collapsed(child->string_view())});
        }
    }
    if (!rule.about_model) {
        rule.subject = std::move(subject);
    }
}

Expr AstBuilder::build_expression(const ParseNode& node) {
    if (node.children.size() == 1) {
        return build_conjunction(*node.children.front());
    }
    Expr any = make_expr(Expr::Kind::any_of, range_of(node));
    for (const auto& child : node.children) {
        any.operands.push_back(build_conjunction(*child));
    }
    return any;
}

Expr AstBuilder::build_conjunction(const ParseNode& node) {
    if (node.children.size() == 1) {
        return build_unary(*node.children.front());
    }
    Expr all = make_expr(Expr::Kind::all_of, range_of(node));
    for (const auto& child : node.children) {
        all.operands.push_back(build_unary(*child));
    }
    return all;
}

Expr AstBuilder::build_unary(const ParseNode& node) {
    if (is<g::negation>(node)) {
        Expr negation = make_expr(Expr::Kind::negate, range_of(node));
        negation.operands.push_back(build_unary(*node.children.front()));
        return negation;
    }
    if (is<g::exists_expr>(node)) {
        return build_exists(node);
    }
    if (is<g::predicate_call>(node)) {
        return build_call(node);
    }
    if (is<g::exists_path>(node)) {
        return build_reaches(node);
    }
    return build_comparison(node);
}

Expr AstBuilder::build_reaches(const ParseNode& node) {
    Expr reaches = make_expr(Expr::Kind::reaches, range_of(node));
    reaches.binding.domain = Domain::node;
    Expr anywhere = make_expr(Expr::Kind::literal, range_of(node));
    anywhere.literal.kind = Literal::Kind::boolean;
    anywhere.literal.boolean = true;
    reaches.operands.push_back(std::move(anywhere));
    bool anchored = false;
    for (const auto& child : node.children) {
        if (is<g::adjacency_from>(*child) || is<g::adjacency_to>(*child)) {
            reaches.binding.adjacency =
                is<g::adjacency_from>(*child) ? Adjacency::outgoing : Adjacency::incoming;
        } else if (is<g::variable>(*child) && !anchored) {
            reaches.binding.anchor = child->string();
            reaches.binding.anchor_range = range_of(*child);
            anchored = true;
        } else if (is<g::variable>(*child)) {
            reaches.binding.variable = child->string();
            reaches.binding.variable_range = range_of(*child);
        } else if (is<g::where_clause>(*child)) {
            reaches.operands[0] = build_expression(*child->children.front());
        } else if (is<g::through_clause>(*child)) {
            const auto& variable = *child->children.front();
            reaches.through =
                Binding{Domain::flow, variable.string(), range_of(variable), {}, {}, {}};
            reaches.operands.push_back(build_expression(*child->children.back()));
        }
    }
    return reaches;
}

void AstBuilder::build_binding(const ParseNode& child, Binding& binding, bool& after_adjacency) {
    if (is<g::domain_node>(child) || is<g::domain_flow>(child) || is<g::domain_role>(child)) {
        binding.domain = domain_of(child);
    } else if (is<g::adjacency_from>(child) || is<g::adjacency_to>(child)) {
        binding.adjacency =
            is<g::adjacency_from>(child) ? Adjacency::outgoing : Adjacency::incoming;
        after_adjacency = true;
    } else if (is<g::variable>(child) && after_adjacency) {
        binding.anchor = child.string();
        binding.anchor_range = range_of(child);
    } else if (is<g::variable>(child)) {
        binding.variable = child.string();
        binding.variable_range = range_of(child);
    }
}

Expr AstBuilder::build_exists(const ParseNode& node) {
    Expr exists = make_expr(Expr::Kind::exists, range_of(node));
    bool after_adjacency = false;
    for (const auto& child : node.children) {
        if (is<g::where_clause>(*child)) {
            exists.operands.push_back(build_expression(*child->children.front()));
        } else {
            build_binding(*child, exists.binding, after_adjacency);
        }
    }
    return exists;
}

Expr AstBuilder::build_count(const ParseNode& node) {
    Expr count = make_expr(Expr::Kind::count, range_of(node));
    bool after_adjacency = false;
    for (const auto& child : node.children) {
        if (is<g::distinct_path>(*child)) {
            count.distinct = true;
            count.path = build_path(*child->children.front());
        } else if (is<g::where_clause>(*child)) {
            count.operands.push_back(build_expression(*child->children.front()));
        } else {
            build_binding(*child, count.binding, after_adjacency);
        }
    }
    return count;
}

Expr AstBuilder::build_call(const ParseNode& node) {
    Expr call = make_expr(Expr::Kind::call, range_of(node));
    for (const auto& child : node.children) {
        if (is<g::predicate_ref>(*child)) {
            call.callee = child->string();
            call.path.range = range_of(*child);  // where the name is, for errors
        } else if (is<g::variable>(*child)) {
            AttributePath argument;
            argument.variable = child->string();
            argument.variable_range = range_of(*child);
            argument.range = argument.variable_range;
            call.arguments.push_back(std::move(argument));
        }
    }
    return call;
}

namespace {

/// How many lines the text runs on after its first, not counting the blank
/// and comment lines of the padding that may follow it (the next
/// declaration's comment).
std::size_t lines_of_code_after_first(std::string_view text) {
    std::size_t lines = 0;
    std::size_t counted = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos && line[first] != '#') {
            counted = lines;
        }
        ++lines;
        start = end + 1;
    }
    return counted;
}

}  // namespace

Predicate AstBuilder::build_predicate(const ParseNode& node) {
    Predicate predicate;
    predicate.last_line = static_cast<std::uint32_t>(node.begin().line);
    for (const auto& child : node.children) {
        if (is<g::predicate_name>(*child)) {
            predicate.name = child->string();
            predicate.range = range_of(*child);
        } else if (is<g::parameter>(*child)) {
            Parameter parameter;
            parameter.domain = domain_of(*child->children.front());
            parameter.name = child->children.back()->string();
            parameter.range = range_of(*child->children.back());
            predicate.parameters.push_back(std::move(parameter));
        } else if (is<g::predicate_body>(*child)) {
            const auto& condition = *child->children.front();
            predicate.body = build_expression(condition);
            predicate.last_line = static_cast<std::uint32_t>(
                condition.begin().line + lines_of_code_after_first(condition.string_view()));
        }
    }
    return predicate;
}

Expr AstBuilder::shifted(Expr operand, const ParseNode& shift) {
    Expr result = make_expr(Expr::Kind::shifted, operand.range);
    std::int64_t amount = 0;
    for (const auto& part : shift.children) {
        if (is<g::shift_amount>(*part)) {
            const auto digits = part->string_view();
            // Longer numbers saturate; the checker refuses such shifts.
            amount = digits.size() > 9 ? 1'000'000'000 : std::stoll(std::string(digits));
        } else if (is<g::unit_months>(*part)) {
            result.shift.unit = base::DateUnit::months;
        } else if (is<g::unit_years>(*part)) {
            result.shift.unit = base::DateUnit::years;
        }
    }
    result.shift.amount = is<g::shift_minus>(*shift.children.front()) ? -amount : amount;
    result.operands.push_back(std::move(operand));
    return result;
}

Expr AstBuilder::build_comparison(const ParseNode& node) {
    const auto& children = node.children;
    std::size_t next = 0;
    // An operand, and the shift that follows it if any.
    const auto term = [&]() {
        Expr operand = build_operand(*children[next++]);
        if (next < children.size() && is<g::date_shift>(*children[next])) {
            operand = shifted(std::move(operand), *children[next++]);
        }
        return operand;
    };
    Expr left = term();
    if (next == children.size()) {
        return left;
    }
    const auto& op = *children[next];
    if (is<g::op_has>(op)) {
        Expr has = make_expr(Expr::Kind::has, range_of(node));
        if (left.kind != Expr::Kind::path) {
            diagnostics_.report({base::DiagnosticLevel::error,
                                 std::string(base::diagnostic_ids::syntax_error),
                                 left.range,
                                 "the left side of 'has' must be a variable or an attribute path",
                                 {},
                                 "write it as 'x has key' or 'x.map has key'"});
        }
        // `x.a has b.c` asks whether the path x.a.b.c exists.
        has.path = left.path;
        for (std::size_t i = next + 1; i < children.size(); ++i) {
            has.path.keys.push_back(children[i]->string());
        }
        has.path.range = has.range;
        return has;
    }
    Expr compare = make_expr(Expr::Kind::compare, range_of(node));
    compare.op = compare_op(op).value_or(CompareOp::eq);
    compare.operands.push_back(std::move(left));
    ++next;
    compare.operands.push_back(term());
    return compare;
}

Expr AstBuilder::build_operand(const ParseNode& node) {
    if (is<g::expression>(node)) {
        return build_expression(node);
    }
    if (is<g::count_expr>(node)) {
        return build_count(node);
    }
    if (is<g::today_value>(node)) {
        return make_expr(Expr::Kind::today, range_of(node));
    }
    if (is<g::path>(node)) {
        Expr path = make_expr(Expr::Kind::path, range_of(node));
        path.path = build_path(node);
        return path;
    }
    Expr literal = make_expr(Expr::Kind::literal, range_of(node));
    literal.literal = build_literal(node);
    return literal;
}

Literal AstBuilder::build_literal(const ParseNode& node) {
    Literal literal;
    literal.range = range_of(node);
    if (is<g::string_literal>(node)) {
        literal.kind = Literal::Kind::string;
        literal.text = unescape(quoted_body(node));
    } else if (is<g::number_literal>(node)) {
        literal.kind = Literal::Kind::number;
        const auto text = node.string_view();
        std::from_chars(text.data(), text.data() + text.size(), literal.number);
    } else if (is<g::true_literal>(node) || is<g::false_literal>(node)) {
        literal.kind = Literal::Kind::boolean;
        literal.boolean = is<g::true_literal>(node);
    } else if (is<g::list_literal>(node)) {
        literal.kind = Literal::Kind::list;
        for (const auto& item : node.children) {
            literal.items.push_back(build_literal(*item));
        }
    }
    return literal;
}

AttributePath AstBuilder::build_path(const ParseNode& node) {
    AttributePath path;
    path.range = range_of(node);
    for (const auto& child : node.children) {
        if (is<g::variable>(*child)) {
            path.variable = child->string();
            path.variable_range = range_of(*child);
        } else {
            path.keys.push_back(child->string());
        }
    }
    return path;
}

KindDecl AstBuilder::build_kind(const ParseNode& node) {
    KindDecl kind;
    for (const auto& child : node.children) {
        if (is<g::kind_name>(*child)) {
            kind.name = child->string();
            kind.range = range_of(*child);
        } else if (is<g::kind_parent>(*child)) {
            kind.is = child->string();
            kind.is_range = range_of(*child);
        } else if (is<g::kind_meaning>(*child)) {
            kind.meaning = unescape(quoted_body(*child->children.front()));
        }
    }
    return kind;
}

namespace {

base::Owner owner_of(const ParseNode& node) {
    if (is<g::owner_flow>(node))
        return base::Owner::flow;
    if (is<g::owner_role>(node))
        return base::Owner::role;
    if (is<g::owner_model>(node))
        return base::Owner::model;
    return base::Owner::node;
}

base::ValueType type_of(const ParseNode& node) {
    if (is<g::type_list>(node)) {
        return is<g::type_enum>(*node.children.front()) ? base::ValueType::enumeration_list
                                                        : base::ValueType::string_list;
    }
    if (is<g::type_boolean>(node))
        return base::ValueType::boolean;
    if (is<g::type_number>(node))
        return base::ValueType::number;
    if (is<g::type_date>(node))
        return base::ValueType::date;
    if (is<g::type_enum>(node))
        return base::ValueType::enumeration;
    if (is<g::type_map>(node))
        return base::ValueType::map;
    return base::ValueType::string;
}

}  // namespace

AttributeDecl AstBuilder::build_attribute(const ParseNode& node) {
    AttributeDecl attribute;
    std::set<std::string> seen;
    const auto once = [&](const ParseNode& field, std::string name) {
        if (!seen.insert(name).second) {
            attribute.repeated_fields.emplace_back(std::move(name), range_of(field));
        }
    };
    for (const auto& child : node.children) {
        const auto& field = *child;
        if (is<g::attribute_name>(field)) {
            attribute.name = field.string();
            attribute.range = range_of(field);
        } else if (is<g::on_field>(field)) {
            once(field, "on");
            for (const auto& owner : field.children) {
                attribute.owners.emplace_back(owner_of(*owner), range_of(*owner));
            }
        } else if (is<g::type_field>(field)) {
            once(field, "type");
            attribute.type = type_of(*field.children.front());
            attribute.type_range = range_of(*field.children.front());
        } else if (is<g::value_field>(field)) {
            const auto& name = *field.children.at(0)->children.front();
            const auto& meaning = *field.children.at(1)->children.front();
            attribute.values.push_back(
                {unescape(quoted_body(name)), unescape(quoted_body(meaning)), range_of(name)});
        } else if (is<g::default_field>(field)) {
            once(field, "default");
            attribute.default_value = build_literal(*field.children.front());
        } else if (is<g::open_field>(field)) {
            once(field, "open");
            attribute.open = true;
        } else if (is<g::meaning_field>(field)) {
            once(field, "meaning");
            attribute.meaning = unescape(quoted_body(*field.children.front()));
        }
    }
    return attribute;
}

}  // namespace lexflow::dsl::internal
