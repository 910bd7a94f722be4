#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dsl/severity.hpp"

namespace lexflow::engine {

/// The element a finding is about, with where the model defines it.
struct Subject {
    std::string kind;  ///< "node", "flow" or "role"
    std::string id;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// One step of a witness path: a surface or the flow between two surfaces.
using WitnessStep = Subject;

/// A control gap: a rule whose requirement a subject does not meet.
struct Finding {
    std::string rule_id;
    std::string title;
    dsl::Severity severity = dsl::Severity::info;
    std::string pack;  ///< empty for rules outside any pack
    std::vector<std::string> citations;
    Subject subject;
    std::string message;
    std::string remediation;  ///< empty if the rule gives none
    /// For path rules: the shortest path that shows the gap, alternating
    /// surfaces and flows from source to target. Empty for other rules.
    std::vector<WitnessStep> witness;
    /// The date the rule is in force from ("YYYY-MM-DD"); empty if always.
    std::string effective;
    /// The rule is not yet in force on the check's date: the gap is reported
    /// so teams can prepare, but it does not fail the check.
    bool upcoming = false;
};

/// A rule that could not decide for a subject (or a pack that could not decide
/// whether it applies) because the model lacks attributes it reads.
struct NotEvaluated {
    std::string rule_id;  ///< empty when a whole pack is not evaluated
    std::string title;
    dsl::Severity severity = dsl::Severity::info;
    std::string pack;
    std::optional<Subject> subject;    ///< none for a pack or the model itself
    std::vector<std::string> missing;  ///< attribute paths, e.g. "g.ai_role"
    std::vector<WitnessStep> witness;  ///< for path rules: the undecided path
    std::string effective;             ///< as in Finding
    bool upcoming = false;             ///< as in Finding
};

/// Whether a pack's `applies when` held for the model.
struct PackStatus {
    enum class State { applied, not_applicable, not_evaluated };
    std::string id;
    std::string title;
    State state = State::applied;
    std::size_t rules = 0;
};

/// Everything a check found, in a deterministic order. Reporters render it
/// and know nothing else.
struct Report {
    std::string as_of;  ///< the date the check was made for; empty: every rule in force
    std::string model_name;
    std::vector<std::string> model_files;
    std::size_t surfaces = 0;
    std::size_t flows = 0;
    std::size_t roles = 0;
    std::size_t rules_evaluated = 0;
    std::vector<PackStatus> packs;
    std::vector<Finding> findings;  ///< most severe first, then by rule id and subject
    std::vector<NotEvaluated> not_evaluated;
};

[[nodiscard]] std::string_view to_string(PackStatus::State state);

}  // namespace lexflow::engine
