#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/severity.hpp"

/// What a check found, as the report writers see it: plain values that name
/// and locate everything, with no reference to the rules or the model.
namespace lexflow::report {

/// The element a finding is about, with where the model defines it.
struct Subject {
    std::string kind;  ///< "node", "flow", "role", or "model" for the model as a whole
    std::string id;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// One step of a witness path: a surface or the flow between two surfaces.
using WitnessStep = Subject;

/// Where a long witness path leaves steps out: its first and last flows are
/// kept, and `flows` flows between them are not shown. None when `flows` is 0.
struct OmittedSteps {
    std::size_t at = 0;     ///< the index in the witness of the first step after the gap
    std::size_t flows = 0;  ///< flows left out
};

/// A waiver that accepts the risk of a finding until it expires, as its
/// file states it.
struct WaiverRef {
    std::string owner;
    std::string justification;
    std::string approval;  ///< the reference of the approval (a ticket, a decision)
    std::string expires;   ///< "YYYY-MM-DD", the last day it waives
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// Whether a finding was in the baseline a check was compared with.
enum class BaselineState {
    none,   ///< no baseline was given
    added,  ///< not in the baseline: the change opened it
    known,  ///< in the baseline already: it does not fail the check
};

[[nodiscard]] std::string_view to_string(BaselineState state);

/// A control gap: a rule whose requirement a subject does not meet.
struct Finding {
    std::string rule_id;
    std::string title;
    base::Severity severity = base::Severity::info;
    std::string pack;  ///< empty for rules outside any pack
    std::vector<std::string> citations;
    Subject subject;
    std::string message;
    std::string remediation;  ///< empty if the rule gives none
    /// For path rules: the shortest path that shows the gap, alternating
    /// surfaces and flows from source to target. Empty for other rules.
    std::vector<WitnessStep> witness;
    OmittedSteps witness_omitted;  ///< for a witness too long to show whole
    /// The date the rule is in force from ("YYYY-MM-DD"); empty if always.
    std::string effective;
    /// The rule is not yet in force on the check's date: the gap is reported
    /// so teams can prepare, but it does not fail the check.
    bool upcoming = false;
    /// Attribute paths the rule read through their declared default, because
    /// the model does not give them: what the finding assumed, not was told.
    std::vector<std::string> assumed;
    /// For a rule of several requirements, the ones the subject fails, as
    /// written; empty for a rule of one.
    std::vector<std::string> failed_requirements;
    /// Identifies the gap across runs (report/fingerprint.hpp): the same rule,
    /// subject and witness ends give the same fingerprint, whatever the
    /// line numbers, the order of files and rules, or the YAML layout.
    std::string fingerprint;
    /// Set when a waiver in force accepts the gap: it is reported, and does
    /// not fail the check. Shared: one waiver may accept many findings, and a
    /// finding without one pays a pointer, not a copy of its seven fields.
    std::shared_ptr<const WaiverRef> waiver;
    BaselineState baseline = BaselineState::none;
};

/// A subject a rule passed (or did not apply to) because of a default: the
/// check relied on an assumption, which an auditor may want to confirm.
struct DecidedOnDefaults {
    std::string rule_id;
    Subject subject;
    std::vector<std::string> assumed;  ///< as in Finding
};

/// A rule that could not decide for a subject (or a pack that could not decide
/// whether it applies) because the model lacks attributes it reads.
struct NotEvaluated {
    std::string rule_id;  ///< empty when a whole pack is not evaluated
    std::string title;
    base::Severity severity = base::Severity::info;
    std::string pack;
    std::optional<Subject> subject;                ///< none for a pack
    std::vector<std::string> missing;              ///< attribute paths, e.g. "g.ai_role"
    std::vector<WitnessStep> witness;              ///< for path rules: the undecided path
    OmittedSteps witness_omitted;                  ///< as in Finding
    std::string effective;                         ///< as in Finding
    bool upcoming = false;                         ///< as in Finding
    std::string fingerprint;                       ///< as in Finding
    std::shared_ptr<const WaiverRef> waiver;       ///< as in Finding
    BaselineState baseline = BaselineState::none;  ///< as in Finding
};

/// Whether a pack's `applies when` held for the model.
struct PackStatus {
    enum class State { applied, not_applicable, not_evaluated };
    std::string id;
    std::string title;
    State state = State::applied;
    std::size_t rules = 0;
};

[[nodiscard]] std::string_view to_string(PackStatus::State state);

/// What a rule is: its metadata, for the writers that describe every rule
/// (the rule catalogue; SARIF and JUnit list rules that passed too).
struct RuleInfo {
    std::string id;
    std::string pack;  ///< empty for rules outside any pack
    std::string title;
    base::Severity severity = base::Severity::info;
    std::string form;  ///< "node", "flow", "role", "path" or "model"
    std::vector<std::string> citations;
    std::vector<std::string> covers;  ///< failure patterns it detects
    std::vector<std::string> tags;
    std::string effective;  ///< empty: always in force
    /// `effective "DATE" when C`: each date with its condition as written,
    /// which replace `effective` for the subjects where the condition holds.
    struct ConditionalDate {
        std::string date;
        std::string when;
    };
    std::vector<ConditionalDate> effective_when;
    std::optional<std::string> description;  ///< why it matters
    std::string remediation;                 ///< its remediation as written
};

/// What became of one rule in a check.
struct RuleRun {
    enum class Outcome {
        evaluated,    ///< it ran: its findings and undecided subjects are in the report
        not_applied,  ///< its pack does not apply to the model
        undecided,    ///< its pack could not decide whether it applies
    };
    RuleInfo rule;
    Outcome outcome = Outcome::evaluated;
};

/// A problem with an input that did not stop the check (a warning), located
/// by file name so that writers need no sources.
struct LocatedDiagnostic {
    base::DiagnosticLevel level = base::DiagnosticLevel::warning;
    std::string code;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t length = 1;
    std::string message;
    std::string help;
};

/// A gap of the baseline that the check no longer finds: closed.
struct ClosedGap {
    std::string fingerprint;
    std::string rule_id;
    std::string subject_kind;
    std::string subject_id;
};

/// What a comparison with a baseline report found.
struct BaselineSummary {
    std::string file;
    std::size_t known = 0;          ///< findings and undecided checks the baseline has too
    std::size_t added = 0;          ///< those it does not have
    std::vector<ClosedGap> closed;  ///< in fingerprint order
};

/// A surface, flow or role (or the model's own attributes) that a change
/// added, removed or changed, with each attribute changed: `lexflow diff`.
struct ModelChange {
    std::string kind;  ///< "surface", "flow", "role" or "model"
    std::string id;
    std::string change;  ///< "added", "removed" or "changed"
    struct Attribute {
        std::string key;
        std::optional<std::string> before;  ///< none: absent before
        std::optional<std::string> after;   ///< none: absent after
    };
    std::vector<Attribute> attributes;
};

/// Everything a check found, in a deterministic order. Writers render it and
/// know nothing else.
struct Report {
    std::string as_of;  ///< the date the check was made for; empty: every rule in force
    std::string model_name;
    std::vector<std::string> model_files;
    std::size_t surfaces = 0;
    std::size_t flows = 0;
    std::size_t roles = 0;
    std::size_t rules_evaluated = 0;
    std::vector<PackStatus> packs;
    std::vector<RuleRun> rules;  ///< every rule checked, in pack and id order
    /// Loaded rules the check was told to leave out (`--skip-rule`, `--pack`),
    /// sorted.
    std::vector<std::string> rules_left_out;
    std::vector<Finding> findings;  ///< most severe first, then by rule id and subject
    std::vector<NotEvaluated> not_evaluated;
    /// Passes that relied on a default, in rule and subject order.
    std::vector<DecidedOnDefaults> decided_on_defaults;
    std::vector<LocatedDiagnostic> diagnostics;  ///< warnings about the inputs
    std::optional<BaselineSummary> baseline;     ///< when compared with a baseline
    /// For `lexflow diff`: what changed from the model before to this one.
    std::optional<std::vector<ModelChange>> model_changes;
};

}  // namespace lexflow::report
