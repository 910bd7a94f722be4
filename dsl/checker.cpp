#include "dsl/checker.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "base/iso_date.hpp"
#include "dsl/interpolation.hpp"
#include "dsl/predicate_graph.hpp"
#include "dsl/test_checker.hpp"
#include "dsl/vocabulary_checker.hpp"
#include "dsl/vocabulary_use.hpp"

namespace lexflow::dsl {

namespace {

constexpr std::string_view kModelVariable = "model";
/// Conditions a rule may have once its predicate calls are expanded, and how
/// deep they may nest (evaluation recurses into them).
constexpr std::size_t kMaxExpandedNodes = 100'000;
constexpr std::size_t kMaxExpandedDepth = 1'000;

/// A variable visible at some point of a rule, and what it ranges over.
struct ScopeEntry {
    std::string name;
    std::optional<Domain> domain;  ///< none for `model`
};

using Scope = std::vector<ScopeEntry>;

class Checker {
  public:
    explicit Checker(base::Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

    RuleSet run(std::vector<RuleFile> files, RuleTests tests_wanted) {
        RuleSet result;
        result.vocabulary = check_vocabulary(files, diagnostics_);
        vocabulary_ = &result.vocabulary;
        collect_predicates(files, result);
        predicates_ = &result.predicates;
        check_predicates(result.predicates);
        collect_packs(files, result);
        check_pack_references(files, result);
        collect_patterns(files, result);
        for (auto& file : files) {
            for (auto& rule : file.rules) {
                check_rule(rule);
                check_expansion(rule);
                check_covers(rule, result);
                result.rules.push_back(std::move(rule));
            }
        }
        if (tests_wanted == RuleTests::check) {
            std::vector<TestCase> tests;
            for (auto& file : files) {
                std::move(file.tests.begin(), file.tests.end(), std::back_inserter(tests));
            }
            check_tests(std::move(tests), result, diagnostics_);
        }
        return result;
    }

  private:
    void error(std::string_view code, base::SourceRange range, std::string message,
               std::string help = {}, std::vector<base::DiagnosticNote> notes = {}) {
        diagnostics_.report({base::DiagnosticLevel::error, std::string(code), range,
                             std::move(message), std::move(notes), std::move(help)});
    }

    void collect_packs(std::vector<RuleFile>& files, RuleSet& result) {
        for (auto& file : files) {
            if (!file.pack || !file.pack->is_declaration) {
                continue;
            }
            auto& clause = *file.pack;
            if (const auto* first = result.find_pack(clause.id)) {
                error(base::diagnostic_ids::duplicate_pack, clause.id_range,
                      "pack '" + clause.id + "' is declared more than once",
                      "declare it in one file and start the others with 'pack " + clause.id + "'",
                      {{"first declared here", first->range}});
                continue;
            }
            if (clause.applies_when) {
                check_expression(*clause.applies_when, {{std::string(kModelVariable), {}}},
                                 /*applicability=*/true);
                check_expansion({&*clause.applies_when}, clause.id_range,
                                "pack '" + clause.id + "'");
            }
            result.packs.push_back(
                {clause.id, clause.title, std::move(clause.applies_when), clause.id_range});
        }
    }

    void check_pack_references(const std::vector<RuleFile>& files, const RuleSet& result) {
        std::vector<std::string_view> declared;
        for (const auto& pack : result.packs) {
            declared.push_back(pack.id);
        }
        std::sort(declared.begin(), declared.end());
        for (const auto& file : files) {
            if (file.pack && !file.pack->is_declaration && !result.find_pack(file.pack->id)) {
                error(
                    base::diagnostic_ids::undeclared_pack, file.pack->id_range,
                    "pack '" + file.pack->id + "' is not declared in any loaded rule file",
                    base::did_you_mean(file.pack->id, declared),
                    {{"declare it with: pack " + file.pack->id + " \"Title\" { applies when ... }",
                      std::nullopt}});
            }
        }
    }

    void collect_patterns(std::vector<RuleFile>& files, RuleSet& result) {
        std::map<std::string, base::SourceRange> seen;
        for (auto& file : files) {
            for (auto& pattern : file.patterns) {
                if (const auto [first, inserted] = seen.emplace(pattern.id, pattern.range);
                    !inserted) {
                    error(base::diagnostic_ids::duplicate_pattern, pattern.range,
                          "failure pattern '" + pattern.id + "' is declared more than once",
                          "keep one declaration", {{"first declared here", first->second}});
                    continue;
                }
                result.patterns.push_back(std::move(pattern));
            }
        }
    }

    void check_covers(const Rule& rule, const RuleSet& result) {
        std::vector<std::string_view> known;
        for (const auto& pattern : result.patterns) {
            known.push_back(pattern.id);
        }
        std::sort(known.begin(), known.end());
        for (const auto& covered : rule.covers) {
            if (!std::binary_search(known.begin(), known.end(), covered.text)) {
                auto help = base::did_you_mean(covered.text, known);
                error(base::diagnostic_ids::unknown_pattern, covered.range,
                      "unknown failure pattern '" + covered.text + "'",
                      help.empty() ? "declare it with: pattern " + covered.text + " \"...\""
                                   : std::move(help));
            }
        }
    }

    void check_rule(Rule& rule) {
        if (const auto [first, inserted] = rule_ids_.emplace(rule.id, rule.id_range); !inserted) {
            error(base::diagnostic_ids::duplicate_rule_id, rule.id_range,
                  "rule id '" + rule.id + "' is already used",
                  "rule ids are unique across all loaded packs; choose another id",
                  {{"first used here", first->second}});
        }
        for (const auto& [field, range] : rule.repeated_fields) {
            error(base::diagnostic_ids::duplicate_field, range,
                  "'" + field + "' is given more than once in rule '" + rule.id + "'",
                  field == "for" ? "a rule has one 'for every' or 'for the model' clause"
                                 : "keep one");
        }
        check_required_fields(rule);
        check_severity(rule);
        if (!rule.effective.empty() && !base::is_iso_date(rule.effective)) {
            error(base::diagnostic_ids::invalid_date, rule.effective_range,
                  "'" + rule.effective + "' is not a date",
                  "write it as \"YYYY-MM-DD\", e.g. \"2026-08-02\"");
        }
        for (const auto& conditional : rule.effective_when) {
            if (!base::is_iso_date(conditional.date)) {
                error(base::diagnostic_ids::invalid_date, conditional.range,
                      "'" + conditional.date + "' is not a date",
                      "write it as \"YYYY-MM-DD\", e.g. \"2026-12-02\"");
            }
        }
        if (rule.path && !rule.effective_when.empty()) {
            error(base::diagnostic_ids::effective_scope, rule.effective_when.front().range,
                  "a path rule has one effective date for all its findings",
                  "'effective ... when' is for node, flow, role and model rules; split the "
                  "path rule by its source condition instead");
        }
        if (rule.path) {
            check_path_rule(rule);
            return;
        }
        if (!rule.subject && !rule.about_model) {
            return;
        }
        Scope scope{{std::string(kModelVariable), {}}};
        if (rule.subject && declare(rule.subject->variable, rule.subject->variable_range,
                                    rule.subject->domain, scope)) {
            scope.push_back({rule.subject->variable, rule.subject->domain});
        }
        if (rule.condition) {
            check_expression(*rule.condition, scope, false);
        }
        for (const auto& requirement : rule.requirements) {
            check_expression(requirement.condition, scope, false);
        }
        for (const auto& conditional : rule.effective_when) {
            check_expression(conditional.condition, scope, false);
        }
        check_templates(rule, scope);
    }

    void check_templates(Rule& rule, const Scope& scope) {
        for (auto* text : {rule.message ? &*rule.message : nullptr,
                           rule.remediation ? &*rule.remediation : nullptr}) {
            if (text && split_template(*text, diagnostics_)) {
                check_template_variables(*text, scope);
            }
        }
    }

    /// Path rules bind the source, the target and the control or flow. The
    /// target's condition may read the source (a two-end condition); the
    /// control's or flow's condition reads only itself, because it filters the
    /// graph once for all paths.
    void check_path_rule(Rule& rule) {
        auto& path = *rule.path;
        Scope scope{{std::string(kModelVariable), {}}};
        if (declare(path.source.variable, path.source.variable_range, Domain::node, scope)) {
            scope.push_back({path.source.variable, Domain::node});
        }
        if (path.source_condition) {
            check_expression(*path.source_condition, scope, false);
        }
        if (declare(path.target.variable, path.target.variable_range, Domain::node, scope)) {
            scope.push_back({path.target.variable, Domain::node});
        }
        if (path.target_condition) {
            check_expression(*path.target_condition, scope, false);
        }
        auto template_scope = scope;
        if (path.via) {
            if (declare(path.via->variable, path.via->variable_range, path.via->domain, scope)) {
                scope.push_back({path.via->variable, path.via->domain});
                if (path.requirement == PathQuantifier::Requirement::every_flow) {
                    template_scope.push_back({path.via->variable, Domain::flow});
                }
            }
            if (path.via_condition) {
                check_graph_condition(*path.via_condition, *path.via, path);
            }
        }
        if (path.through) {
            declare(path.through->variable, path.through->variable_range, Domain::flow, scope);
            if (path.through_condition) {
                check_graph_condition(*path.through_condition, *path.through, path);
            }
        }
        if (path.per == PathQuantifier::ReportPer::flow &&
            path.requirement != PathQuantifier::Requirement::every_flow) {
            error(base::diagnostic_ids::report_per_flow, path.per_range,
                  "'report per flow' needs a rule that checks flows ('require every flow f "
                  "satisfies ...'): only such a rule has a flow that breaks it",
                  "report per target or per source, or check each flow with 'every flow'");
        }
        check_templates(rule, template_scope);
    }

    /// Conditions on a path rule's controls, flows and `through` flows filter
    /// the graph once for all paths: they read only their own variable.
    void check_graph_condition(const Expr& expr, const Binding& own, const PathQuantifier& path) {
        const Scope scope{{std::string(kModelVariable), {}}, {own.variable, own.domain}};
        check_via_condition(expr, scope, own, path);
    }

    void check_via_condition(const Expr& expr, const Scope& scope, const Binding& own,
                             const PathQuantifier& path) {
        if (expr.kind == Expr::Kind::path || expr.kind == Expr::Kind::has) {
            const auto& name = expr.path.variable;
            if (name == path.source.variable || name == path.target.variable) {
                error(base::diagnostic_ids::path_scope, expr.path.variable_range,
                      "the condition on '" + own.variable + "' cannot read '" + name + "'",
                      "it is checked once for the whole graph, so it reads only '" + own.variable +
                          "' and 'model'");
                return;
            }
        }
        // Forms that bind variables are checked whole, in the condition's scope.
        if (expr.kind == Expr::Kind::exists || expr.kind == Expr::Kind::count ||
            expr.kind == Expr::Kind::reaches || expr.operands.empty()) {
            check_expression(expr, scope, false);
            return;
        }
        for (const auto& operand : expr.operands) {
            check_via_condition(operand, scope, own, path);
        }
    }

    void check_required_fields(const Rule& rule) {
        const auto require = [&](bool present, const char* field, const char* example) {
            if (!present) {
                error(base::diagnostic_ids::missing_field, rule.id_range,
                      "rule '" + rule.id + "' has no '" + field + "'",
                      std::string("add a line such as: ") + example);
            }
        };
        require(rule.title.has_value(), "title", "title \"What the rule checks\"");
        require(!rule.severity_spelling.empty(), "severity", "severity high");
        require(rule.message.has_value(), "message", "message \"'{x}' lacks ...\"");
        require(!rule.requirements.empty() || rule.path.has_value(), "for every",
                "for every node x where x.kind == \"...\" require ...");
    }

    void check_severity(const Rule& rule) {
        if (rule.severity_spelling.empty() || rule.severity) {
            return;
        }
        const std::vector<std::string_view> names(base::kSeverityNames.begin(),
                                                  base::kSeverityNames.end());
        auto help = base::did_you_mean(rule.severity_spelling, names);
        if (help.empty()) {
            help = "use one of: critical, high, medium, low, info";
        }
        error(base::diagnostic_ids::unknown_severity, rule.severity_range,
              "unknown severity '" + rule.severity_spelling + "'", std::move(help));
    }

    /// Checks that a new variable neither hides another nor takes `model`.
    bool declare(const std::string& name, base::SourceRange range, Domain, const Scope& scope) {
        if (name == kModelVariable) {
            error(base::diagnostic_ids::shadowed_variable, range,
                  "'model' is reserved for the model's top-level attributes",
                  "choose another variable name");
            return false;
        }
        const auto existing = std::find_if(scope.begin(), scope.end(),
                                           [&](const ScopeEntry& e) { return e.name == name; });
        if (existing != scope.end()) {
            error(base::diagnostic_ids::shadowed_variable, range,
                  "variable '" + name + "' is already bound by an enclosing quantifier",
                  "choose another name, so that each variable means one thing");
            return false;
        }
        return true;
    }

    const ScopeEntry* resolve(const std::string& name, base::SourceRange range, const Scope& scope,
                              bool applicability) {
        const auto found = std::find_if(scope.begin(), scope.end(),
                                        [&](const ScopeEntry& e) { return e.name == name; });
        if (found != scope.end()) {
            return &*found;
        }
        if (applicability) {
            error(base::diagnostic_ids::applicability_scope, range,
                  "'applies when' can only read 'model', not '" + name + "'",
                  "write it as 'model." + name + "' if it is a top-level model attribute");
            return nullptr;
        }
        std::vector<std::string_view> names;
        for (const auto& entry : scope) {
            names.push_back(entry.name);
        }
        auto help = base::did_you_mean(name, names);
        if (help.empty()) {
            help = "variables are bound by 'for every' or 'exists'; strings need double quotes";
        }
        error(base::diagnostic_ids::unknown_variable, range, "unknown variable '" + name + "'",
              std::move(help));
        return nullptr;
    }

    void check_expression(const Expr& expr, const Scope& scope, bool applicability) {
        switch (expr.kind) {
            case Expr::Kind::literal:
                return;
            case Expr::Kind::path:
            case Expr::Kind::has:
                read(expr.path, scope, applicability);
                return;
            case Expr::Kind::compare:
                check_compared(expr);
                check_counted(expr);
                check_dated(expr);
                for (const auto& operand : expr.operands) {
                    check_operand(operand, scope, applicability);
                }
                return;
            case Expr::Kind::exists:
                check_exists(expr, scope, applicability);
                return;
            case Expr::Kind::count:
                error(base::diagnostic_ids::count_not_compared, expr.range,
                      "count(...) is a number, not a condition",
                      "compare it, e.g. count(node n where ...) >= 1");
                check_exists(expr, scope, applicability);
                return;
            case Expr::Kind::call:
                check_call(expr, scope, applicability);
                return;
            case Expr::Kind::today:
            case Expr::Kind::shifted:
                error(base::diagnostic_ids::date_misused, expr.range,
                      "a date is a value, not a condition", "compare it, e.g. x.signed_on < today");
                return;
            case Expr::Kind::reaches:
                check_reaches(expr, scope, applicability);
                return;
            default:
                for (const auto& operand : expr.operands) {
                    check_expression(operand, scope, applicability);
                }
        }
    }

    /// Resolves the variable of `path` and checks the attribute it reads.
    void read(const AttributePath& path, const Scope& scope, bool applicability) {
        if (const auto* entry = resolve(path.variable, path.variable_range, scope, applicability)) {
            VocabularyUse(*vocabulary_, diagnostics_).read(path, entry->domain);
        }
    }

    /// `x.key == "name"`, `"name" in x.key`, `x.key in ["a", "b"]`: the names
    /// must be declared, or the comparison can never hold.
    void check_compared(const Expr& expr) {
        using Op = CompareOp;
        if (expr.op != Op::eq && expr.op != Op::ne && expr.op != Op::in && expr.op != Op::not_in) {
            return;
        }
        const VocabularyUse use(*vocabulary_, diagnostics_);
        for (const auto& [path, literal] : {std::pair{&expr.operands[0], &expr.operands[1]},
                                            std::pair{&expr.operands[1], &expr.operands[0]}}) {
            if (path->kind == Expr::Kind::path && literal->kind == Expr::Kind::literal) {
                use.compared(path->path, literal->literal);
            }
        }
    }

    /// A comparison's operand: a count is checked like the `exists` it
    /// resembles, a date by what it moves; anything else as a condition.
    void check_operand(const Expr& operand, const Scope& scope, bool applicability) {
        if (operand.kind == Expr::Kind::count) {
            check_exists(operand, scope, applicability);
            return;
        }
        if (operand.kind == Expr::Kind::today) {
            return;
        }
        if (operand.kind == Expr::Kind::shifted) {
            check_shift(operand, scope, applicability);
            return;
        }
        check_expression(operand, scope, applicability);
    }

    /// `today - 12 months`, `x.signed_on + 2 years`, `"2026-08-02" + 4 months`.
    void check_shift(const Expr& shifted, const Scope& scope, bool applicability) {
        constexpr std::int64_t kLongestShift = 10'000;
        if (shifted.shift.amount > kLongestShift || shifted.shift.amount < -kLongestShift) {
            error(base::diagnostic_ids::date_misused, shifted.range,
                  "a date moves by at most " + std::to_string(kLongestShift) +
                      " days, months or years",
                  "write a shorter duration");
        }
        const auto& moved = shifted.operands[0];
        const bool date_literal = moved.kind == Expr::Kind::literal &&
                                  moved.literal.kind == Literal::Kind::string &&
                                  base::is_iso_date(moved.literal.text);
        if (moved.kind == Expr::Kind::path) {
            read(moved.path, scope, applicability);
        } else if (moved.kind != Expr::Kind::today && !date_literal) {
            error(base::diagnostic_ids::date_misused, moved.range,
                  "only a date moves by days, months or years",
                  "move today, a date attribute, or a date such as \"2026-08-02\"");
        }
    }

    /// Dates compare in order or for equality, never with `in`.
    void check_dated(const Expr& expr) {
        const auto dated = [](const Expr& side) {
            return side.kind == Expr::Kind::today || side.kind == Expr::Kind::shifted;
        };
        if ((dated(expr.operands[0]) || dated(expr.operands[1])) &&
            (expr.op == CompareOp::in || expr.op == CompareOp::not_in)) {
            error(base::diagnostic_ids::date_misused, expr.range,
                  "a date cannot be looked up with 'in'", "compare it with ==, !=, <, <=, > or >=");
        }
    }

    /// A count compares as a number: with `==`, `!=`, `<`, ... and with a
    /// number, an attribute or another count.
    void check_counted(const Expr& expr) {
        const auto& left = expr.operands[0];
        const auto& right = expr.operands[1];
        if (left.kind != Expr::Kind::count && right.kind != Expr::Kind::count) {
            return;
        }
        if (expr.op == CompareOp::in || expr.op == CompareOp::not_in) {
            error(base::diagnostic_ids::count_not_compared, expr.range,
                  "a count cannot be looked up with 'in'",
                  "compare it with ==, !=, <, <=, > or >=");
            return;
        }
        for (const auto* side : {&left, &right}) {
            if (side->kind == Expr::Kind::literal && side->literal.kind != Literal::Kind::number) {
                error(base::diagnostic_ids::count_not_compared, side->range,
                      "a count is compared with a number, not with this value",
                      "write a number, such as 1");
            }
        }
    }

    void collect_predicates(std::vector<RuleFile>& files, RuleSet& result) {
        std::map<std::string, base::SourceRange, std::less<>> seen;
        for (auto& file : files) {
            for (auto& predicate : file.predicates) {
                if (const auto [first, inserted] = seen.emplace(predicate.name, predicate.range);
                    !inserted) {
                    error(base::diagnostic_ids::duplicate_declaration, predicate.range,
                          "predicate '" + predicate.name + "' is declared more than once",
                          "keep one declaration, or give one of them another name",
                          {{"first declared here", first->second}});
                    continue;
                }
                result.predicates.push_back(std::move(predicate));
            }
        }
    }

    /// A predicate's body reads its parameters and `model`; no predicate may
    /// call itself, directly or through others.
    void check_predicates(const std::vector<Predicate>& predicates) {
        graph_.emplace(predicates);
        for (const auto& predicate : predicates) {
            Scope scope{{std::string(kModelVariable), {}}};
            for (const auto& parameter : predicate.parameters) {
                if (declare(parameter.name, parameter.range, parameter.domain, scope)) {
                    scope.push_back({parameter.name, parameter.domain});
                }
            }
            check_expression(predicate.body, scope, false);
        }
        for (const auto& cycle : graph_->cycles()) {
            error(base::diagnostic_ids::recursive_predicate, cycle.call->path.range,
                  "predicate '" + predicates[cycle.caller].name + "' calls '" + cycle.call->callee +
                      "', which leads back to it",
                  "predicates cannot call themselves, directly or through others");
            has_cycles_ = true;
        }
    }

    /// Calls are evaluated by putting the predicate's body in their place: a
    /// condition that would grow past kMaxExpandedNodes is refused.
    void check_expansion(const Rule& rule) {
        const auto* path = rule.path ? &*rule.path : nullptr;
        const auto part = [](const std::optional<Expr>& expr) { return expr ? &*expr : nullptr; };
        std::vector<const Expr*> conditions{part(rule.condition)};
        for (const auto& requirement : rule.requirements) {
            conditions.push_back(&requirement.condition);
        }
        for (const auto& conditional : rule.effective_when) {
            conditions.push_back(&conditional.condition);
        }
        if (path) {
            conditions.insert(conditions.end(),
                              {part(path->source_condition), part(path->target_condition),
                               part(path->via_condition), part(path->through_condition)});
        }
        check_expansion(conditions, rule.id_range, "rule '" + rule.id + "'");
    }

    void check_expansion(const std::vector<const Expr*>& conditions, base::SourceRange range,
                         const std::string& what) {
        if (!graph_ || has_cycles_) {
            return;
        }
        std::size_t nodes = 0;
        std::size_t depth = 0;
        for (const auto* expr : conditions) {
            if (expr != nullptr) {
                const auto expansion = graph_->expanded(*expr, kMaxExpandedNodes + 1);
                nodes += expansion.size;
                depth = std::max(depth, expansion.depth);
            }
        }
        if (depth > kMaxExpandedDepth) {
            error(base::diagnostic_ids::limit_exceeded, range,
                  what + " nests deeper than " + std::to_string(kMaxExpandedDepth) +
                      " conditions once its predicates are expanded",
                  "predicates calling predicates in a long chain nest; shorten the chain");
            return;
        }
        if (nodes > kMaxExpandedNodes) {
            error(base::diagnostic_ids::limit_exceeded, range,
                  what + " grows past " + std::to_string(kMaxExpandedNodes) +
                      " conditions once its predicates are expanded",
                  "predicates that call others several times multiply; call fewer, or "
                  "split the rule");
        }
    }

    [[nodiscard]] const Predicate* find(const std::string& name) const {
        const auto index = graph_ ? graph_->index_of(name) : std::nullopt;
        return index ? &(*predicates_)[*index] : nullptr;
    }

    /// `name(a, b)`: a declared predicate, given one bound variable of the
    /// right domain per parameter.
    void check_call(const Expr& call, const Scope& scope, bool applicability) {
        const auto* predicate = find(call.callee);
        if (predicate == nullptr) {
            std::vector<std::string_view> names;
            if (predicates_ != nullptr) {
                for (const auto& declared : *predicates_) {
                    names.push_back(declared.name);
                }
            }
            std::sort(names.begin(), names.end());
            auto help = base::did_you_mean(call.callee, names);
            error(base::diagnostic_ids::unknown_predicate, call.path.range,
                  "unknown predicate '" + call.callee + "'",
                  help.empty()
                      ? "declare it with: predicate " + call.callee + "(node x) = <condition>"
                      : std::move(help));
            return;
        }
        const auto& parameters = predicate->parameters;
        if (call.arguments.size() != parameters.size()) {
            error(base::diagnostic_ids::predicate_arguments, call.range,
                  fmt_count(call.arguments.size()) + " given to '" + call.callee +
                      "', which takes " + fmt_count(parameters.size()),
                  "give one variable per parameter", {{"declared here", predicate->range}});
            return;
        }
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const auto& argument = call.arguments[i];
            const auto* entry =
                resolve(argument.variable, argument.variable_range, scope, applicability);
            if (entry == nullptr) {
                continue;
            }
            if (entry->domain != parameters[i].domain) {
                const auto given =
                    entry->domain ? std::string(to_string(*entry->domain)) : std::string("model");
                error(base::diagnostic_ids::predicate_arguments, argument.variable_range,
                      "'" + argument.variable + "' is a " + given + ", but parameter '" +
                          parameters[i].name + "' of '" + call.callee + "' is a " +
                          std::string(to_string(parameters[i].domain)),
                      "pass a variable bound to a " + std::string(to_string(parameters[i].domain)),
                      {{"declared here", parameters[i].range}});
            }
        }
    }

    /// `exists path from x to node s where C through flow t where C2`: `x` is
    /// a node; C reads `s` and every variable in scope; C2 reads only `t` and
    /// `model`, because it filters the graph once for every evaluation.
    void check_reaches(const Expr& expr, const Scope& scope, bool applicability) {
        const auto& binding = expr.binding;
        if (const auto* anchor =
                resolve(binding.anchor, binding.anchor_range, scope, applicability);
            anchor && anchor->domain != Domain::node) {
            error(base::diagnostic_ids::adjacency_needs_flow, binding.anchor_range,
                  "'" + binding.anchor + "' is not a node variable",
                  "a path starts or ends at a node: 'exists path from x to node s' with x a node");
        }
        Scope inner = scope;
        if (declare(binding.variable, binding.variable_range, Domain::node, scope)) {
            inner.push_back({binding.variable, Domain::node});
        }
        check_expression(expr.operands[0], inner, applicability);
        if (!expr.through || expr.operands.size() < 2) {
            return;
        }
        const auto& through = *expr.through;
        declare(through.variable, through.variable_range, Domain::flow, inner);
        const Scope own{{std::string(kModelVariable), {}}, {through.variable, Domain::flow}};
        check_through(expr.operands[1], inner, own, through);
    }

    /// The condition on the flows a path follows reads only its own variable.
    void check_through(const Expr& expr, const Scope& outer, const Scope& own,
                       const Binding& through) {
        if (expr.kind == Expr::Kind::path || expr.kind == Expr::Kind::has) {
            const auto& name = expr.path.variable;
            const auto outside = [&](const ScopeEntry& entry) {
                return entry.name == name && name != kModelVariable && name != through.variable;
            };
            if (std::any_of(outer.begin(), outer.end(), outside)) {
                error(base::diagnostic_ids::path_scope, expr.path.variable_range,
                      "the condition on '" + through.variable + "' cannot read '" + name + "'",
                      "it is decided once for every flow of the model, so it reads only '" +
                          through.variable + "' and 'model'");
                return;
            }
        }
        if (expr.kind == Expr::Kind::exists || expr.kind == Expr::Kind::count ||
            expr.kind == Expr::Kind::reaches || expr.operands.empty()) {
            check_expression(expr, own, false);
            return;
        }
        for (const auto& operand : expr.operands) {
            check_through(operand, outer, own, through);
        }
    }

    static std::string fmt_count(std::size_t arguments) {
        return std::to_string(arguments) + (arguments == 1 ? " argument" : " arguments");
    }

    void check_exists(const Expr& expr, const Scope& scope, bool applicability) {
        const auto& binding = expr.binding;
        if (binding.adjacency != Adjacency::none) {
            if (binding.domain != Domain::flow) {
                error(base::diagnostic_ids::adjacency_needs_flow, expr.range,
                      "'from' and 'to' follow flows, not " +
                          std::string(to_string(binding.domain)) + "s",
                      "write 'exists flow f from x' or 'exists flow f to x'");
            }
            if (const auto* anchor =
                    resolve(binding.anchor, binding.anchor_range, scope, applicability);
                anchor && anchor->domain != Domain::node) {
                error(base::diagnostic_ids::adjacency_needs_flow, binding.anchor_range,
                      "'" + binding.anchor + "' is not a node variable",
                      "'from' and 'to' take a variable bound to a node");
            }
        }
        Scope inner = scope;
        if (declare(binding.variable, binding.variable_range, binding.domain, scope)) {
            inner.push_back({binding.variable, binding.domain});
        }
        for (const auto& operand : expr.operands) {
            check_expression(operand, inner, applicability);
        }
        if (expr.kind == Expr::Kind::count && expr.distinct) {
            read(expr.path, inner, applicability);
        }
    }

    void check_template_variables(const Template& text, const Scope& scope) {
        for (const auto& segment : text.segments) {
            if (segment.path) {
                read(*segment.path, scope, false);
            }
        }
    }

    base::Diagnostics& diagnostics_;
    const base::Vocabulary* vocabulary_ = nullptr;        ///< of the rule set being checked
    const std::vector<Predicate>* predicates_ = nullptr;  ///< of the rule set being checked
    std::optional<PredicateGraph> graph_;                 ///< of predicates_
    bool has_cycles_ = false;
    std::map<std::string, base::SourceRange> rule_ids_;
};

}  // namespace

RuleSet check_rules(std::vector<RuleFile> files, base::Diagnostics& diagnostics, RuleTests tests) {
    return Checker(diagnostics).run(std::move(files), tests);
}

}  // namespace lexflow::dsl
