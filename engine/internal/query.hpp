#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/vocabulary.hpp"
#include "dsl/ast.hpp"
#include "dsl/rule_set.hpp"
#include "model/model.hpp"
#include "model/value_space.hpp"

namespace lexflow::engine::internal {

/// Variables live in numbered slots: 0 is `model`, 1 the rule's subject,
/// and each `exists` takes the next free one.
using Slot = std::uint8_t;
inline constexpr Slot kModelSlot = 0;
inline constexpr Slot kSubjectSlot = 1;

/// An attribute path with its keys resolved to Symbols once, so evaluation
/// never hashes a string. A key no model element uses can never be found.
struct CompiledPath {
    Slot slot = kModelSlot;
    std::vector<std::optional<model::Symbol>> keys;
    std::string spelling;  ///< "g.ai_role", for "not evaluated" reports
    /// What the path reads when the model does not give it: the declared
    /// default of a one-key path on an element the attribute belongs to.
    std::optional<model::Value> default_value;
    /// `x.kind`, `f.to.kind`: a surface's kind, compared by every kind it counts as.
    bool reads_kind = false;
};

/// A condition compiled against one model. Mirrors dsl::Expr, except that
/// no `call` is left: each is replaced by its predicate's body.
struct CompiledExpr {
    dsl::Expr::Kind kind = dsl::Expr::Kind::literal;
    model::Value literal;
    CompiledPath path;
    dsl::CompareOp op = dsl::CompareOp::eq;
    dsl::Domain domain = dsl::Domain::node;
    dsl::Adjacency adjacency = dsl::Adjacency::none;
    Slot bound = 0;         ///< the slot an `exists` binds
    Slot anchor = 0;        ///< the node slot after `from`/`to`
    bool distinct = false;  ///< a count of the distinct values of `path`
    dsl::DateShift shift;   ///< of `shifted`
    /// `exists path ... through flow t`: the slot of `t`, read by operands[1].
    std::optional<Slot> through;
    /// `exists path`: the condition on the far end reads nothing bound
    /// outside it, so one search answers for every anchor.
    bool end_is_invariant = false;
    /// `exists v where v == P and ...`: only the element P names can satisfy
    /// it, so it is the one candidate (`exists node n where n == f.to`).
    std::optional<CompiledPath> pinned;
    std::vector<CompiledExpr> operands;
};

/// A message or remediation: literal text and paths to interpolate.
struct CompiledTemplate {
    struct Segment {
        std::string text;
        std::optional<CompiledPath> path;
    };
    std::vector<Segment> segments;
};

/// One node, flow or role rule, ready to run over a model: `for every
/// <domain> where <condition> require <requirement>`. Path rules compile to
/// a PathQuery instead.
struct Query {
    const dsl::Rule* rule = nullptr;
    bool about_model = false;  ///< `for the model`: one verdict, no subject
    dsl::Domain domain = dsl::Domain::node;
    std::optional<CompiledExpr> condition;
    std::vector<CompiledExpr> requirements;  ///< as the rule's, in order
    CompiledTemplate message;
    CompiledTemplate remediation;
    /// `effective "DATE" when C`, in the rule's order.
    std::vector<std::pair<std::string, CompiledExpr>> effective_when;
    Slot slot_count = 2;
};

/// Compiles a checked node, flow or role rule against the model of `values`;
/// the rule's literals are kept in `values`, never in the model.
[[nodiscard]] Query compile_rule(const dsl::Rule& rule, model::ValueSpace& values,
                                 const dsl::RuleSet& rules);

/// Path rules bind the source, the target, and the control or flow, in that order.
inline constexpr Slot kSourceSlot = 1;
inline constexpr Slot kTargetSlot = 2;
inline constexpr Slot kViaSlot = 3;
inline constexpr Slot kThroughSlot = 4;

/// A path rule compiled against one model: the conditions that decide the
/// sources, the targets and the controls (or bad flows) of the layered search.
struct PathQuery {
    const dsl::Rule* rule = nullptr;
    std::optional<CompiledExpr> source_condition;
    std::optional<CompiledExpr> target_condition;
    dsl::PathQuantifier::Requirement requirement = dsl::PathQuantifier::Requirement::passes;
    std::optional<CompiledExpr> via_condition;  ///< none: every node is a control (`passes node d`)
    bool has_via = false;
    bool via_is_flow = false;  ///< `passes flow f where C`: controls are flows
    /// `through flow t where C`: the flows paths may follow.
    std::optional<CompiledExpr> through_condition;
    dsl::PathQuantifier::ReportPer per = dsl::PathQuantifier::ReportPer::target;
    /// What the target condition reads of the source: sources that agree on
    /// all of these share one search.
    std::vector<CompiledPath> source_reads;
    CompiledTemplate message;
    CompiledTemplate remediation;
    Slot slot_count = 5;
};

[[nodiscard]] PathQuery compile_path_rule(const dsl::Rule& rule, model::ValueSpace& values,
                                          const dsl::RuleSet& rules);

/// Compiles a pack's `applies when` condition (it reads only `model`).
[[nodiscard]] CompiledExpr compile_condition(const dsl::Expr& condition, model::ValueSpace& values,
                                             const dsl::RuleSet& rules);

}  // namespace lexflow::engine::internal
