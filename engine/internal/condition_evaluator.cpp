#include "engine/internal/condition_evaluator.hpp"

#include <algorithm>
#include <set>

#include "engine/element_kind.hpp"
#include "model/value_ops.hpp"

namespace lexflow::engine::internal {

using model::ElementKind;
using model::ElementRef;
using model::Value;
using model::ValueKind;

namespace {

Truth negate(Truth truth) {
    switch (truth) {
        case Truth::no:
            return Truth::yes;
        case Truth::yes:
            return Truth::no;
        case Truth::unknown:
            break;
    }
    return Truth::unknown;
}

Truth from_bool(bool value) {
    return value ? Truth::yes : Truth::no;
}

Reachability::Direction direction_of(const CompiledExpr& expr) {
    return expr.adjacency == dsl::Adjacency::incoming ? Reachability::Direction::upstream
                                                      : Reachability::Direction::downstream;
}

}  // namespace

Value ConditionEvaluator::value(const CompiledPath& path) const {
    const auto result = given(path);
    return result.is_missing() && path.default_value ? *path.default_value : result;
}

Value ConditionEvaluator::given(const CompiledPath& path) const {
    return walk(path, path.keys.size());
}

Value ConditionEvaluator::walk(const CompiledPath& path, std::size_t steps) const {
    Value current = path.slot == kModelSlot ? Value::map(model_.model_attributes())
                                            : Value::element(slots_[path.slot]);
    for (std::size_t step = 0; step < steps; ++step) {
        const auto& key = path.keys[step];
        if (!key) {
            return {};
        }
        if (current.kind() == ValueKind::element) {
            current = model_.find(model_.attributes_of(current.as_element()), *key);
        } else if (current.kind() == ValueKind::map) {
            current = model_.find(current.as_span(), *key);
        } else {
            return {};
        }
    }
    return current;
}

Value ConditionEvaluator::operand(const CompiledExpr& expr) {
    if (expr.kind == dsl::Expr::Kind::literal) {
        return expr.literal;
    }
    return read(expr.path);
}

Value ConditionEvaluator::read(const CompiledPath& path) {
    const auto result = given(path);
    // Each path is kept once: nested quantifiers may miss the same attribute
    // millions of times, and the lists must not grow with them.
    const auto keep = [&](std::vector<const CompiledPath*>& paths) {
        if (std::find(paths.begin(), paths.end(), &path) == paths.end()) {
            paths.push_back(&path);
        }
    };
    if (!result.is_missing()) {
        return result;
    }
    if (path.default_value) {
        keep(assumed_);
        return *path.default_value;
    }
    keep(missing_);
    return result;
}

template <typename Visit>
void ConditionEvaluator::for_each_candidate(const CompiledExpr& expr, Visit&& visit) {
    if (expr.adjacency != dsl::Adjacency::none) {
        const auto anchor = slots_[expr.anchor].index;
        const auto each_flow = [&](std::uint32_t flow) {
            visit(ElementRef{ElementKind::flow, flow});
        };
        if (expr.adjacency == dsl::Adjacency::outgoing) {
            graph_.for_each_outgoing(anchor, each_flow);
        } else {
            graph_.for_each_incoming(anchor, each_flow);
        }
        return;
    }
    const auto kind = element_kind(expr.domain);
    const auto count = kind == ElementKind::surface ? model_.surfaces().size()
                       : kind == ElementKind::flow  ? model_.flows().size()
                                                    : model_.roles().size();
    for (std::uint32_t i = 0; i < count; ++i) {
        visit(ElementRef{kind, i});
    }
}

ConditionEvaluator::Range ConditionEvaluator::count(const CompiledExpr& expr) {
    double yes = 0;
    double undecided = 0;
    // Distinct values are told apart by their kind and text: "1" is not 1.
    std::set<std::pair<ValueKind, std::string>> seen;
    for_each_candidate(expr, [&](ElementRef element) {
        budget_.spend();
        bind(expr.bound, element);
        const auto truth = expr.operands.empty() ? Truth::yes : evaluate(expr.operands.front());
        if (truth == Truth::unknown) {
            ++undecided;
        } else if (truth == Truth::yes && !expr.distinct) {
            ++yes;
        } else if (truth == Truth::yes) {
            const auto value = read(expr.path);
            if (value.is_missing()) {
                ++undecided;
            } else {
                seen.emplace(value.kind(), value_text(values_, value));
            }
        }
    });
    if (expr.distinct) {
        yes = static_cast<double>(seen.size());
    }
    return {yes, yes + undecided};
}

std::optional<ConditionEvaluator::Range> ConditionEvaluator::number(const CompiledExpr& expr,
                                                                    bool& unknown) {
    if (expr.kind == dsl::Expr::Kind::count) {
        return count(expr);
    }
    const auto value = operand(expr);
    if (value.is_missing()) {
        unknown = true;
        return std::nullopt;
    }
    if (value.kind() != ValueKind::number) {
        return std::nullopt;
    }
    return Range{value.as_number(), value.as_number()};
}

Truth ConditionEvaluator::compare_counts(const CompiledExpr& expr) {
    bool unknown = false;
    const auto left = number(expr.operands[0], unknown);
    const auto right = number(expr.operands[1], unknown);
    if (unknown) {
        return Truth::unknown;
    }
    using Op = dsl::CompareOp;
    if (!left || !right) {
        return from_bool(expr.op == Op::ne);  // a count is no other kind of value
    }
    // The comparison holds (or fails) when it does for every value the
    // ranges allow; otherwise the undecided elements decide it.
    const auto decided = [](bool always, bool never) {
        return always ? Truth::yes : never ? Truth::no : Truth::unknown;
    };
    const auto& [a_low, a_high] = *left;
    const auto& [b_low, b_high] = *right;
    switch (expr.op) {
        case Op::lt:
            return decided(a_high < b_low, a_low >= b_high);
        case Op::le:
            return decided(a_high <= b_low, a_low > b_high);
        case Op::gt:
            return decided(a_low > b_high, a_high <= b_low);
        case Op::ge:
            return decided(a_low >= b_high, a_high < b_low);
        case Op::eq:
            return decided(a_low == a_high && b_low == b_high && a_low == b_low,
                           a_high < b_low || b_high < a_low);
        case Op::ne:
            return decided(a_high < b_low || b_high < a_low,
                           a_low == a_high && b_low == b_high && a_low == b_low);
        default:
            return Truth::no;  // `in` is refused by the checker
    }
}

Truth ConditionEvaluator::member(Value item, Value collection) const {
    if (collection.kind() != ValueKind::list) {
        return from_bool(values_equal(values_, item, collection));
    }
    const auto items = values_.items(collection.as_span());
    return from_bool(std::any_of(items.begin(), items.end(), [&](Value candidate) {
        return values_equal(values_, item, candidate);
    }));
}

std::optional<std::int64_t> ConditionEvaluator::date(const CompiledExpr& expr, bool& unknown) {
    using Kind = dsl::Expr::Kind;
    if (expr.kind == Kind::today) {
        if (!today_ &&
            std::find(missing_.begin(), missing_.end(), &today_path_) == missing_.end()) {
            missing_.push_back(&today_path_);
        }
        unknown = unknown || !today_;
        return today_;
    }
    if (expr.kind == Kind::shifted) {
        const auto moved = date(expr.operands[0], unknown);
        return moved ? std::optional(base::shift_days(*moved, expr.shift.amount, expr.shift.unit))
                     : std::nullopt;
    }
    const auto value = operand(expr);
    if (value.is_missing()) {
        unknown = true;
        return std::nullopt;
    }
    return value.kind() == ValueKind::string ? base::day_number(values_.text(value.as_string()))
                                             : std::nullopt;
}

Truth ConditionEvaluator::compare_dates(const CompiledExpr& expr) {
    bool unknown = false;
    const auto left = date(expr.operands[0], unknown);
    const auto right = date(expr.operands[1], unknown);
    if (unknown) {
        return Truth::unknown;
    }
    using Op = dsl::CompareOp;
    if (!left || !right) {
        return from_bool(expr.op == Op::ne);  // what is not a date equals no date
    }
    switch (expr.op) {
        case Op::eq:
            return from_bool(*left == *right);
        case Op::ne:
            return from_bool(*left != *right);
        case Op::lt:
            return from_bool(*left < *right);
        case Op::le:
            return from_bool(*left <= *right);
        case Op::gt:
            return from_bool(*left > *right);
        case Op::ge:
            return from_bool(*left >= *right);
        default:
            return Truth::no;  // `in` is refused by the checker
    }
}

Truth ConditionEvaluator::compare(const CompiledExpr& expr) {
    using Kind = dsl::Expr::Kind;
    const auto is = [&](Kind kind) {
        return expr.operands[0].kind == kind || expr.operands[1].kind == kind;
    };
    if (is(Kind::count)) {
        return compare_counts(expr);
    }
    if (is(Kind::today) || is(Kind::shifted)) {
        return compare_dates(expr);
    }
    const auto left = operand(expr.operands[0]);
    const auto right = operand(expr.operands[1]);
    if (left.is_missing() || right.is_missing()) {
        return Truth::unknown;
    }
    if (const auto by_kind = compare_kind(expr, left, right)) {
        return *by_kind;
    }
    using Op = dsl::CompareOp;
    switch (expr.op) {
        case Op::eq:
            return from_bool(values_equal(values_, left, right));
        case Op::ne:
            return from_bool(!values_equal(values_, left, right));
        case Op::in:
            return member(left, right);
        case Op::not_in:
            return negate(member(left, right));
        default:
            break;
    }
    const auto order = compare_values(values_, left, right);
    if (!order) {
        return Truth::no;  // a string is neither less nor more than a number
    }
    switch (expr.op) {
        case Op::lt:
            return from_bool(*order < 0);
        case Op::le:
            return from_bool(*order <= 0);
        case Op::gt:
            return from_bool(*order > 0);
        case Op::ge:
            return from_bool(*order >= 0);
        default:
            return Truth::no;
    }
}

Truth ConditionEvaluator::settle(Truth outcome, std::size_t mark) {
    if (outcome != Truth::unknown) {
        missing_.resize(mark);
    }
    return outcome;
}

Truth ConditionEvaluator::all_of(const CompiledExpr& expr) {
    bool unknown = false;
    for (const auto& operand : expr.operands) {
        const auto truth = evaluate(operand);
        if (truth == Truth::no) {
            return Truth::no;
        }
        unknown = unknown || truth == Truth::unknown;
    }
    return unknown ? Truth::unknown : Truth::yes;
}

Truth ConditionEvaluator::any_of(const CompiledExpr& expr) {
    bool unknown = false;
    for (const auto& operand : expr.operands) {
        const auto truth = evaluate(operand);
        if (truth == Truth::yes) {
            return Truth::yes;
        }
        unknown = unknown || truth == Truth::unknown;
    }
    return unknown ? Truth::unknown : Truth::no;
}

Truth ConditionEvaluator::exists_step(const CompiledExpr& expr, ElementRef element, bool& unknown) {
    budget_.spend();
    bind(expr.bound, element);
    const auto truth = expr.operands.empty() ? Truth::yes : evaluate(expr.operands.front());
    unknown = unknown || truth == Truth::unknown;
    return truth;
}

Truth ConditionEvaluator::exists_in(const CompiledExpr& expr, ElementKind kind,
                                    std::uint32_t size) {
    bool unknown = false;
    for (std::uint32_t i = 0; i < size; ++i) {
        if (exists_step(expr, {kind, i}, unknown) == Truth::yes) {
            return Truth::yes;
        }
    }
    return unknown ? Truth::unknown : Truth::no;
}

Truth ConditionEvaluator::exists_adjacent(const CompiledExpr& expr) {
    const auto anchor = slots_[expr.anchor].index;
    bool unknown = false;
    bool found = false;
    const auto visit = [&](std::uint32_t flow) {
        if (!found && exists_step(expr, {ElementKind::flow, flow}, unknown) == Truth::yes) {
            found = true;
        }
    };
    if (expr.adjacency == dsl::Adjacency::outgoing) {
        graph_.for_each_outgoing(anchor, visit);
    } else {
        graph_.for_each_incoming(anchor, visit);
    }
    return found ? Truth::yes : unknown ? Truth::unknown : Truth::no;
}

Truth ConditionEvaluator::exists(const CompiledExpr& expr) {
    if (expr.adjacency != dsl::Adjacency::none) {
        return exists_adjacent(expr);
    }
    const auto kind = element_kind(expr.domain);
    if (expr.pinned) {
        // Every other element fails the equality, so the condition as a whole.
        const auto named = given(*expr.pinned);
        if (named.kind() == ValueKind::element && named.as_element().kind == kind) {
            bool unknown = false;
            return exists_step(expr, named.as_element(), unknown);
        }
    }
    const auto count = kind == ElementKind::surface ? model_.surfaces().size()
                       : kind == ElementKind::flow  ? model_.flows().size()
                                                    : model_.roles().size();
    return exists_in(expr, kind, static_cast<std::uint32_t>(count));
}

Truth ConditionEvaluator::evaluate(const CompiledExpr& expr) {
    budget_.spend();
    const auto mark = missing_.size();
    using Kind = dsl::Expr::Kind;
    switch (expr.kind) {
        case Kind::literal:
            return expr.literal.kind() == ValueKind::boolean ? from_bool(expr.literal.as_boolean())
                                                             : Truth::no;
        case Kind::path: {
            // A bare path used as a condition: true only for the boolean true.
            const auto value = operand(expr);
            if (value.is_missing()) {
                return Truth::unknown;
            }
            return from_bool(value.kind() == ValueKind::boolean && value.as_boolean());
        }
        case Kind::has:
            // `has` asks what the model gives: a default does not count.
            return from_bool(!given(expr.path).is_missing());
        case Kind::compare:
            return settle(compare(expr), mark);
        case Kind::all_of:
            return settle(all_of(expr), mark);
        case Kind::any_of:
            return settle(any_of(expr), mark);
        case Kind::negate:
            return settle(negate(evaluate(expr.operands.front())), mark);
        case Kind::exists:
            return settle(exists(expr), mark);
        case Kind::reaches:
            return settle(reaches(expr), mark);
        case Kind::today:  // the checker lets a date only be compared
        case Kind::shifted:
        case Kind::count:  // the checker lets a count only be compared
        case Kind::call:   // compiled away
            break;
    }
    return Truth::unknown;
}

std::optional<Truth> ConditionEvaluator::compare_kind(const CompiledExpr& expr, Value left,
                                                      Value right) {
    using Op = dsl::CompareOp;
    const auto& path_side = expr.operands[0];
    if (kinds_ == nullptr || path_side.kind != dsl::Expr::Kind::path ||
        !path_side.path.reads_kind) {
        return std::nullopt;
    }
    // The element whose kind is read: `x` of `x.kind`, the end of `f.to.kind`.
    const auto owner = walk(path_side.path, path_side.path.keys.size() - 1);
    if (owner.kind() != ValueKind::element || owner.as_element().kind != ElementKind::surface ||
        left.kind() != ValueKind::string) {
        return std::nullopt;
    }
    const auto& also = kinds_->also(owner.as_element().index);
    if (also.empty()) {
        return std::nullopt;
    }
    const auto is_one_of_its_kinds = [&](Value kind) {
        return kind.kind() == ValueKind::string &&
               (kind.as_string() == left.as_string() ||
                std::find(also.begin(), also.end(), kind.as_string()) != also.end());
    };
    bool found = false;
    if (right.kind() == ValueKind::list) {
        const auto items = values_.items(right.as_span());
        found = std::any_of(items.begin(), items.end(), is_one_of_its_kinds);
    } else {
        found = is_one_of_its_kinds(right);
    }
    switch (expr.op) {
        case Op::eq:
        case Op::in:
            return from_bool(found);
        case Op::ne:
        case Op::not_in:
            return from_bool(!found);
        default:
            return std::nullopt;
    }
}

std::vector<Truth> ConditionEvaluator::decide_each(const CompiledExpr& condition, Slot slot,
                                                   ElementKind kind, std::size_t count,
                                                   std::vector<const CompiledPath*>& missing) {
    const auto missing_mark = missing_.size();
    const auto assumed_mark = assumed_.size();
    std::vector<Truth> truths(count, Truth::no);
    for (std::uint32_t i = 0; i < count; ++i) {
        bind(slot, {kind, i});
        truths[i] = evaluate(condition);
    }
    for (auto path = missing_.begin() + static_cast<std::ptrdiff_t>(missing_mark);
         path != missing_.end(); ++path) {
        if (std::find(missing.begin(), missing.end(), *path) == missing.end()) {
            missing.push_back(*path);
        }
    }
    // What the whole model was asked belongs to no one subject.
    missing_.resize(missing_mark);
    assumed_.resize(assumed_mark);
    return truths;
}

ConditionEvaluator::ReachTable& ConditionEvaluator::reach_table(const CompiledExpr& expr) {
    if (const auto found = reach_tables_.find(&expr); found != reach_tables_.end()) {
        return found->second;
    }
    ReachTable table{Reachability(graph_, model_.flows(), budget_), {}, {}, {}};
    if (expr.through) {
        table.passable = decide_each(expr.operands[1], *expr.through, ElementKind::flow,
                                     model_.flows().size(), table.missing);
    }
    if (expr.end_is_invariant) {
        const auto ends = decide_each(expr.operands[0], expr.bound, ElementKind::surface,
                                      model_.surfaces().size(), table.missing);
        table.answers = table.search.from_every_node(direction_of(expr), ends, table.passable);
    }
    return reach_tables_.emplace(&expr, std::move(table)).first->second;
}

Truth ConditionEvaluator::reaches(const CompiledExpr& expr) {
    auto& table = reach_table(expr);
    const auto anchor = slots_[expr.anchor].index;
    Truth answer = Truth::no;
    if (!table.answers.empty()) {
        budget_.spend();
        answer = table.answers[anchor];
    } else {
        answer = table.search.from_node(anchor, direction_of(expr), table.passable,
                                        [&](std::uint32_t node) {
                                            bind(expr.bound, {ElementKind::surface, node});
                                            return evaluate(expr.operands[0]);
                                        });
    }
    if (answer == Truth::unknown) {
        for (const auto* path : table.missing) {
            if (std::find(missing_.begin(), missing_.end(), path) == missing_.end()) {
                missing_.push_back(path);
            }
        }
    }
    return answer;
}

std::vector<std::string> ConditionEvaluator::assumed() const {
    std::vector<std::string> paths;
    for (const auto* path : assumed_) {
        paths.push_back(path->spelling);
    }
    return paths;
}

std::vector<std::string> ConditionEvaluator::missing() const {
    std::vector<std::string> paths;
    for (const auto* path : missing_) {
        if (std::find(paths.begin(), paths.end(), path->spelling) == paths.end()) {
            paths.push_back(path->spelling);
        }
    }
    return paths;
}

}  // namespace lexflow::engine::internal
