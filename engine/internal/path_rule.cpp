#include "engine/internal/path_rule.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "engine/internal/condition_evaluator.hpp"
#include "engine/internal/path_search.hpp"
#include "model/value_ops.hpp"

namespace lexflow::engine::internal {

using model::ElementKind;
using model::ElementRef;

namespace {

using Requirement = dsl::PathQuantifier::Requirement;
using NodeEffect = LayeredSearch::NodeEffect;
using FlowEffect = LayeredSearch::FlowEffect;
using Search = LayeredSearch;

/// Attribute paths per surface or flow.
using PathsOf = std::map<std::uint32_t, std::vector<std::string>>;

/// A condition's outcome for every surface or flow, with what was missing
/// where it was unknown, and what it read from a default.
struct Verdicts {
    std::vector<Truth> truth;
    PathsOf missing;
    PathsOf assumed;
};

/// One end of the rule that a search reached: what it shows about a subject.
struct Outcome {
    bool certain = false;  ///< a finding, not "not evaluated"
    Witness witness;
    /// For `every flow` rules: the first flow of the path that breaks the rule.
    std::optional<std::uint32_t> bad_flow;
    std::vector<std::string> missing;
    /// For a finding: the defaults read on the witness's surfaces and flows.
    std::vector<std::string> assumed;
};

/// One leg of a path through a flow: from a source to the flow's start, or
/// from the flow's end to a target.
struct Leg {
    bool found = false;
    bool certain = false;
    std::vector<std::uint32_t> flows;  ///< ordered from source to target; long ones trimmed
    std::size_t length = 0;
};

/// The first `count` flows of a leg, which holds at least its first kEnds.
std::vector<std::uint32_t> head_of(const Leg& leg, std::size_t count) {
    return {leg.flows.begin(), leg.flows.begin() + static_cast<std::ptrdiff_t>(count)};
}

/// The last `count` flows of a leg, which holds at least its last kEnds.
std::vector<std::uint32_t> tail_of(const Leg& leg, std::size_t count) {
    return {leg.flows.end() - static_cast<std::ptrdiff_t>(count), leg.flows.end()};
}

/// The witness of `before`, then `flow`, then `after`, trimmed to its first
/// and last kEnds flows as every witness is: the legs hold their own ends, so
/// no long path is walked whole.
Witness join(const Leg& before, std::uint32_t flow, const Leg& after) {
    constexpr std::size_t kEnds = Witness::kEnds;
    Witness witness;
    witness.length = before.length + 1 + after.length;
    if (witness.length <= 2 * kEnds) {
        witness.flows = before.flows;
        witness.flows.push_back(flow);
        witness.flows.insert(witness.flows.end(), after.flows.begin(), after.flows.end());
        return witness;
    }
    // The first kEnds flows of the whole path, then its last kEnds.
    const auto take_front = [&](std::vector<std::uint32_t>& into, std::size_t want) {
        const auto from_before = std::min(want, before.length);
        into = head_of(before, from_before);
        if (into.size() < want) {
            into.push_back(flow);
        }
        if (into.size() < want) {
            const auto rest = head_of(after, std::min(want - into.size(), after.length));
            into.insert(into.end(), rest.begin(), rest.end());
        }
    };
    const auto take_back = [&](std::vector<std::uint32_t>& into, std::size_t want) {
        const auto from_after = std::min(want, after.length);
        into = tail_of(after, from_after);
        if (into.size() < want) {
            into.insert(into.begin(), flow);
        }
        if (into.size() < want) {
            const auto rest = tail_of(before, std::min(want - into.size(), before.length));
            into.insert(into.begin(), rest.begin(), rest.end());
        }
    };
    std::vector<std::uint32_t> front;
    std::vector<std::uint32_t> back;
    take_front(front, kEnds);
    take_back(back, kEnds);
    witness.flows = std::move(front);
    witness.flows.insert(witness.flows.end(), back.begin(), back.end());
    return witness;
}

/// Adds `paths` to `into`, each once.
void add_new(std::vector<std::string>& into, const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
        if (std::find(into.begin(), into.end(), path) == into.end()) {
            into.push_back(path);
        }
    }
}

class PathRuleRunner {
  public:
    PathRuleRunner(const PathQuery& query, EvaluationContext& context)
        : context_(context),
          query_(query),
          values_(context.values),
          model_(context.values.model()),
          graph_(context.graph),
          builder_(context.builder),
          conditions_(context.values, context.graph, context.budget, &context.kinds,
                      query.slot_count, context.as_of),
          surfaces_(static_cast<std::uint32_t>(model_.surfaces().size())) {}

    void run() {
        const auto sources = surface_verdicts(query_.source_condition, kSourceSlot);
        const auto nodes = node_effects();
        if (query_.per == dsl::PathQuantifier::ReportPer::flow) {
            const auto followed = through_effects();
            const auto broken = via_effects();
            for (const auto& group : source_groups(sources)) {
                search_flows_of_group(group, sources, nodes, followed, broken);
            }
        } else {
            const auto flows = flow_effects();
            for (const auto& group : source_groups(sources)) {
                search_group(group, sources, nodes, flows);
            }
        }
        emit();
    }

  private:
    Verdicts surface_verdicts(const std::optional<CompiledExpr>& condition, Slot slot) {
        Verdicts verdicts;
        verdicts.truth.assign(surfaces_, Truth::yes);
        if (!condition) {
            return verdicts;
        }
        for (std::uint32_t i = 0; i < surfaces_; ++i) {
            conditions_.clear_missing();
            conditions_.bind(slot, {ElementKind::surface, i});
            verdicts.truth[i] = conditions_.evaluate(*condition);
            if (verdicts.truth[i] == Truth::unknown) {
                verdicts.missing[i] = conditions_.missing();
            }
            if (auto assumed = conditions_.assumed(); !assumed.empty()) {
                verdicts.assumed[i] = std::move(assumed);
            }
        }
        return verdicts;
    }

    /// Controls block paths; nodes whose control condition is unknown make a
    /// path uncertain. Rules without controls leave every node open.
    std::vector<NodeEffect> node_effects() {
        std::vector<NodeEffect> effects(surfaces_, NodeEffect::open);
        if (query_.requirement == Requirement::every_flow || !query_.has_via ||
            query_.via_is_flow) {
            return effects;
        }
        const auto verdicts = surface_verdicts(query_.via_condition, kViaSlot);
        for (std::uint32_t i = 0; i < surfaces_; ++i) {
            effects[i] = verdicts.truth[i] == Truth::yes       ? NodeEffect::blocked
                         : verdicts.truth[i] == Truth::unknown ? NodeEffect::uncertain
                                                               : NodeEffect::open;
        }
        node_missing_ = verdicts.missing;
        node_assumed_ = verdicts.assumed;
        return effects;
    }

    /// What each flow does to a path: `every flow f satisfies C` makes a flow
    /// that fails C violating; `passes flow f where C` makes a flow that meets C
    /// a control, which covers (ends) every path through it; `through flow t
    /// where C` keeps paths off flows that fail C. Unknown makes a flow doubtful.
    std::vector<FlowEffect> flow_effects() {
        auto effects = through_effects();
        const auto via = via_effects();
        for (std::size_t i = 0; i < effects.size(); ++i) {
            effects[i] |= via[i];
        }
        return effects;
    }

    /// What `through flow t where C` does to each flow: paths follow only
    /// the flows that meet C.
    std::vector<FlowEffect> through_effects() {
        const auto count = static_cast<std::uint32_t>(model_.flows().size());
        std::vector<FlowEffect> effects(count, Search::kNeutral);
        if (query_.through_condition) {
            for (std::uint32_t i = 0; i < count; ++i) {
                effects[i] = flow_effect(*query_.through_condition, kThroughSlot, i,
                                         Search::kNeutral, Search::kBlocked);
            }
        }
        return effects;
    }

    /// What the rule's flow condition does to each flow: a flow that fails
    /// `every flow f satisfies C` violates, one that meets `passes flow f
    /// where C` is a control that ends every path through it.
    std::vector<FlowEffect> via_effects() {
        const auto count = static_cast<std::uint32_t>(model_.flows().size());
        std::vector<FlowEffect> effects(count, Search::kNeutral);
        if (!query_.via_condition) {
            return effects;
        }
        const bool checks_flows = query_.requirement == Requirement::every_flow;
        if (!checks_flows && !query_.via_is_flow) {
            return effects;
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            effects[i] = checks_flows ? flow_effect(*query_.via_condition, kViaSlot, i,
                                                    Search::kNeutral, Search::kViolating)
                                      : flow_effect(*query_.via_condition, kViaSlot, i,
                                                    Search::kBlocked, Search::kNeutral);
        }
        return effects;
    }

    /// For `report per flow`: one search forward from the group's sources and
    /// one backward from its targets; a flow that breaks the rule is on a
    /// path from a source to a target when the first reaches its start and
    /// the second its end. Linear, like every path rule.
    void search_flows_of_group(const std::vector<std::uint32_t>& group, const Verdicts& sources,
                               const std::vector<NodeEffect>& nodes,
                               const std::vector<FlowEffect>& followed,
                               const std::vector<FlowEffect>& breaking) {
        conditions_.bind(kSourceSlot, {ElementKind::surface, group.front()});
        const auto targets = surface_verdicts(query_.target_condition, kTargetSlot);
        std::vector<std::uint32_t> target_list;
        std::vector<bool> target_doubt;
        for (std::uint32_t i = 0; i < surfaces_; ++i) {
            if (targets.truth[i] != Truth::no) {
                target_list.push_back(i);
                target_doubt.push_back(targets.truth[i] == Truth::unknown);
            }
        }
        std::vector<bool> source_doubt;
        std::vector<bool> in_group(surfaces_, false);
        for (const auto source : group) {
            source_doubt.push_back(sources.truth[source] == Truth::unknown);
            in_group[source] = true;
        }
        LayeredSearch from_sources(graph_, LayeredSearch::Direction::forward, nodes, followed,
                                   model_.flows());
        from_sources.run(group, source_doubt, false);
        LayeredSearch to_targets(graph_, LayeredSearch::Direction::backward, nodes, followed,
                                 model_.flows());
        to_targets.run(target_list, target_doubt, false);
        const auto& flows = model_.flows();
        for (std::uint32_t flow = 0; flow < flows.size(); ++flow) {
            // Violating when the flow fails the condition, doubtful (and
            // violating) when it cannot be told.
            if ((breaking[flow] & Search::kViolating) == 0 ||
                (followed[flow] & Search::kBlocked) != 0) {
                continue;
            }
            const auto before = leg(flows[flow].from, in_group, sources, from_sources);
            const auto after = leg(flows[flow].to, {}, targets, to_targets);
            if (!before.found || !after.found) {
                continue;
            }
            Outcome outcome;
            outcome.witness = join(before, flow, after);
            outcome.bad_flow = flow;
            outcome.certain = ((breaking[flow] | followed[flow]) & Search::kDoubtful) == 0 &&
                              before.certain && after.certain;
            (outcome.certain ? outcome.assumed : outcome.missing) = paths_on(
                outcome.witness.flows, outcome.certain ? &Verdicts::assumed : &Verdicts::missing,
                outcome.certain ? node_assumed_ : node_missing_,
                outcome.certain ? flow_assumed_ : flow_missing_, targets, sources);
            merge(flow, std::move(outcome));
        }
    }

    /// The leg from a seed of `search` to `surface` (or, backward, from
    /// `surface` to a seed): none when the surface is itself a seed whose
    /// condition holds, else the shortest certain one, else an uncertain one.
    /// `is_seed` lists the seeds when the search's seeds are sources.
    Leg leg(std::uint32_t surface, const std::vector<bool>& is_seed, const Verdicts& seeds,
            const LayeredSearch& search) const {
        const bool seed = is_seed.empty() ? seeds.truth[surface] != Truth::no : is_seed[surface];
        Leg result;
        if (seed && seeds.truth[surface] == Truth::yes) {
            return {true, true, {}, 0};
        }
        for (const bool uncertain : {false, true}) {
            if (search.reached(surface, false, uncertain)) {
                result.found = true;
                result.certain = !uncertain;
                result.flows = search.witness(surface, false, uncertain, result.length);
                return result;
            }
        }
        result.found = seed;  // a seed whose own condition is unknown
        return result;
    }

    /// The effect of one flow under one condition: `if_yes` or `if_no`, or,
    /// when unknown, doubtful (and violating when failing it would violate).
    FlowEffect flow_effect(const CompiledExpr& condition, Slot slot, std::uint32_t flow,
                           FlowEffect if_yes, FlowEffect if_no) {
        conditions_.clear_missing();
        conditions_.bind(slot, {ElementKind::flow, flow});
        const auto truth = conditions_.evaluate(condition);
        if (const auto assumed = conditions_.assumed(); !assumed.empty()) {
            add_new(flow_assumed_[flow], assumed);
        }
        switch (truth) {
            case Truth::yes:
                return if_yes;
            case Truth::no:
                return if_no;
            case Truth::unknown:
                break;
        }
        add_new(flow_missing_[flow], conditions_.missing());
        return static_cast<FlowEffect>(Search::kDoubtful | (if_no & Search::kViolating));
    }

    /// Candidate sources in id order (so witness ties go to the smaller id),
    /// grouped by what the target condition reads of them.
    std::vector<std::vector<std::uint32_t>> source_groups(const Verdicts& sources) {
        std::vector<std::uint32_t> candidates;
        for (std::uint32_t i = 0; i < surfaces_; ++i) {
            if (sources.truth[i] != Truth::no) {
                candidates.push_back(i);
            }
        }
        std::sort(candidates.begin(), candidates.end(), [&](std::uint32_t a, std::uint32_t b) {
            return model_.strings().text(model_.surfaces()[a].id) <
                   model_.strings().text(model_.surfaces()[b].id);
        });
        std::map<std::string, std::size_t> index;
        std::vector<std::vector<std::uint32_t>> groups;
        for (const auto source : candidates) {
            const auto [found, inserted] = index.emplace(group_key(source), groups.size());
            if (inserted) {
                groups.emplace_back();
            }
            groups[found->second].push_back(source);
        }
        return groups;
    }

    std::string group_key(std::uint32_t source) {
        conditions_.bind(kSourceSlot, {ElementKind::surface, source});
        std::string key;
        for (const auto& read : query_.source_reads) {
            const auto value = conditions_.value(read);
            key += std::to_string(static_cast<int>(value.kind())) + ':' +
                   value_text(values_, value) + '\x1f';
        }
        return key;
    }

    void search_group(const std::vector<std::uint32_t>& group, const Verdicts& sources,
                      const std::vector<NodeEffect>& nodes, const std::vector<FlowEffect>& flows) {
        conditions_.bind(kSourceSlot, {ElementKind::surface, group.front()});
        const auto targets = surface_verdicts(query_.target_condition, kTargetSlot);
        std::vector<std::uint32_t> target_list;
        for (std::uint32_t i = 0; i < surfaces_; ++i) {
            if (targets.truth[i] != Truth::no) {
                target_list.push_back(i);
            }
        }
        const bool per_source = query_.per == dsl::PathQuantifier::ReportPer::source;
        const auto& seeds = per_source ? target_list : group;
        const auto& ends = per_source ? group : target_list;
        const auto& seed_verdicts = per_source ? targets : sources;
        const auto& end_verdicts = per_source ? sources : targets;

        std::vector<bool> seed_doubt;
        for (const auto seed : seeds) {
            seed_doubt.push_back(seed_verdicts.truth[seed] == Truth::unknown);
        }
        LayeredSearch search(
            graph_,
            per_source ? LayeredSearch::Direction::backward : LayeredSearch::Direction::forward,
            nodes, flows, model_.flows());
        // Without a bad-flow condition, any path is a violation unless a
        // control (which cannot be entered) is on it.
        search.run(seeds, seed_doubt, query_.requirement != Requirement::every_flow);
        for (const auto end : ends) {
            record(end, search, end_verdicts, seed_verdicts);
        }
    }

    void record(std::uint32_t end, const LayeredSearch& search, const Verdicts& end_verdicts,
                const Verdicts& seed_verdicts) {
        const bool end_doubt = end_verdicts.truth[end] == Truth::unknown;
        Outcome outcome;
        if (!end_doubt && search.reached(end, true, false)) {
            outcome.certain = true;
            outcome.witness.flows = search.witness(end, true, false, outcome.witness.length);
            outcome.bad_flow = first_bad_flow(outcome.witness.flows);
            if (!outcome.bad_flow && outcome.witness.omitted() > 0) {
                outcome.bad_flow = first_bad_flow(search.full_witness(end, true, false));
            }
            outcome.assumed = paths_on(outcome.witness.flows, &Verdicts::assumed, node_assumed_,
                                       flow_assumed_, end_verdicts, seed_verdicts);
        } else if (search.reached(end, true, false) || search.reached(end, true, true)) {
            const bool doubt_on_path = !search.reached(end, true, false);
            outcome.witness.flows =
                search.witness(end, true, doubt_on_path, outcome.witness.length);
            // What is missing is read on the flows the witness shows: on a
            // long path, its two ends. Reading every flow of thousands of
            // long paths would make the rule quadratic in the model.
            outcome.missing = paths_on(outcome.witness.flows, &Verdicts::missing, node_missing_,
                                       flow_missing_, end_verdicts, seed_verdicts);
        } else {
            return;
        }
        merge(end, std::move(outcome));
    }

    /// Keeps, per subject, a finding over "not evaluated", then the shorter
    /// witness, then the one found first.
    void merge(std::uint32_t subject, Outcome outcome) {
        const auto [found, inserted] = outcomes_.emplace(subject, outcome);
        if (inserted) {
            return;
        }
        auto& kept = found->second;
        if ((outcome.certain && !kept.certain) ||
            (outcome.certain == kept.certain && outcome.witness.length < kept.witness.length)) {
            kept = std::move(outcome);
        }
    }

    /// The paths (missing, or assumed: `which`) recorded on the ends, the
    /// surfaces and the flows of `path`.
    std::vector<std::string> paths_on(const std::vector<std::uint32_t>& path,
                                      PathsOf Verdicts::*which, const PathsOf& on_nodes,
                                      const PathsOf& on_flows, const Verdicts& end_verdicts,
                                      const Verdicts& seed_verdicts) const {
        std::vector<std::string> paths;
        const auto add = [&](const PathsOf& from, std::uint32_t key) {
            if (const auto it = from.find(key); it != from.end()) {
                add_new(paths, it->second);
            }
        };
        const bool per_source = query_.per == dsl::PathQuantifier::ReportPer::source;
        const auto first = model_.flows()[path.front()].from;
        add((per_source ? end_verdicts : seed_verdicts).*which, first);
        for (const auto flow : path) {
            add(on_flows, flow);
            add(on_nodes, model_.flows()[flow].from);
            add(on_nodes, model_.flows()[flow].to);
        }
        const auto last = model_.flows()[path.back()].to;
        add((per_source ? seed_verdicts : end_verdicts).*which, last);
        return paths;
    }

    void emit() {
        const auto& rule = *query_.rule;
        const auto kind = query_.per == dsl::PathQuantifier::ReportPer::flow ? ElementKind::flow
                                                                             : ElementKind::surface;
        for (const auto& [subject, outcome] : outcomes_) {
            const ElementRef element{kind, subject};
            if (!outcome.certain) {
                auto entry = builder_.not_evaluated(rule, element, outcome.missing, rule.effective);
                builder_.add_witness(outcome.witness, entry.witness, entry.witness_omitted);
                context_.add(std::move(entry));
                continue;
            }
            bind_witness(outcome);
            auto finding = builder_.finding(rule, element, query_.message, query_.remediation,
                                            conditions_, rule.effective);
            // What the conditions last read says nothing of this path.
            finding.assumed = outcome.assumed;
            builder_.add_witness(outcome.witness, finding.witness, finding.witness_omitted);
            context_.add(std::move(finding));
        }
    }

    /// For `every flow` rules: the first flow of `path` that fails the condition.
    std::optional<std::uint32_t> first_bad_flow(const std::vector<std::uint32_t>& path) {
        if (query_.requirement != Requirement::every_flow) {
            return std::nullopt;
        }
        for (const auto flow : path) {
            conditions_.clear_missing();
            conditions_.bind(kViaSlot, {ElementKind::flow, flow});
            if (conditions_.evaluate(*query_.via_condition) == Truth::no) {
                return flow;
            }
        }
        return std::nullopt;
    }

    /// Binds the source, the target and (for `every flow`) the first bad flow
    /// of the witness, for the message.
    void bind_witness(const Outcome& outcome) {
        const auto& flows = model_.flows();
        const auto& witness = outcome.witness.flows;
        conditions_.bind(kSourceSlot, {ElementKind::surface, flows[witness.front()].from});
        conditions_.bind(kTargetSlot, {ElementKind::surface, flows[witness.back()].to});
        if (outcome.bad_flow) {
            conditions_.bind(kViaSlot, {ElementKind::flow, *outcome.bad_flow});
        }
    }

    EvaluationContext& context_;
    const PathQuery& query_;
    const model::ValueSpace& values_;
    const model::Model& model_;
    const FlowGraph& graph_;
    const FindingBuilder& builder_;
    ConditionEvaluator conditions_;
    std::uint32_t surfaces_;
    PathsOf node_missing_;
    PathsOf flow_missing_;
    PathsOf node_assumed_;
    PathsOf flow_assumed_;
    std::map<std::uint32_t, Outcome> outcomes_;  ///< per subject surface, or flow
};

}  // namespace

void run_path_rule(const PathQuery& query, EvaluationContext& context) {
    PathRuleRunner(query, context).run();
}

}  // namespace lexflow::engine::internal
