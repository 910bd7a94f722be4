#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/iso_date.hpp"
#include "base/severity.hpp"
#include "base/source.hpp"
#include "base/vocabulary.hpp"

/// The abstract syntax of rule files. Every node keeps the SourceRange of the
/// text it came from, so that checks and findings can point back at it.
namespace lexflow::dsl {

/// What a quantifier ranges over: `node`, `flow` or `role`.
enum class Domain { node, flow, role };

/// The keyword of a domain: "node", "flow" or "role".
[[nodiscard]] std::string_view to_string(Domain domain);

/// Which flows `exists flow f from x` / `exists flow f to x` ranges over.
enum class Adjacency {
    none,      ///< every flow of the model
    outgoing,  ///< `from x`: flows leaving node x
    incoming,  ///< `to x`: flows entering node x
};

/// `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`.
enum class CompareOp { eq, ne, lt, le, gt, ge, in, not_in };

/// A literal value: `"text"`, `3.5`, `true`, `["a", "b"]`.
struct Literal {
    enum class Kind { string, number, boolean, list };
    Kind kind = Kind::string;
    std::string text;  ///< string value, unescaped
    double number = 0;
    bool boolean = false;
    std::vector<Literal> items;  ///< list elements
    base::SourceRange range;
};

/// `- 12 months`: how far a date moves; `amount` is negative for `-`.
struct DateShift {
    std::int64_t amount = 0;
    base::DateUnit unit = base::DateUnit::days;
};

/// `x`, `x.key`, `x.key.sub`: a variable and the attribute keys read from it.
struct AttributePath {
    std::string variable;
    base::SourceRange variable_range;
    std::vector<std::string> keys;
    base::SourceRange range;  ///< the whole path

    /// The path as written: "x.key.sub".
    [[nodiscard]] std::string spelling() const;
};

/// `DOMAIN var [from|to anchor]`: the binding part of `for every` and `exists`.
struct Binding {
    Domain domain = Domain::node;
    std::string variable;
    base::SourceRange variable_range;
    Adjacency adjacency = Adjacency::none;
    std::string anchor;  ///< the node variable after `from`/`to`
    base::SourceRange anchor_range;
};

/// A condition or operand. One struct for all forms keeps the tree a plain
/// value type; `kind` says which members are meaningful.
struct Expr {
    enum class Kind {
        literal,  ///< `literal`
        path,     ///< `path`
        compare,  ///< operands[0] `op` operands[1]
        has,      ///< `x.a has b`: does `path` (here x.a.b) exist?
        all_of,   ///< `and`: every operand
        any_of,   ///< `or`: some operand
        negate,   ///< `not` operands[0]
        exists,   ///< `exists binding [where operands[0]]`
        count,    ///< `count([distinct path for] binding [where operands[0]])`: a number
        call,     ///< `callee(arguments)`: a named predicate applied to variables
        /// `exists path from|to binding.anchor ... node binding.variable`:
        /// operands[0] the condition on the far end (`true` when none),
        /// operands[1] the condition on the flows followed (with `through`).
        reaches,
        today,    ///< `today`: the date the check is made for
        shifted,  ///< operands[0] `+`/`-` `shift`: a date moved in time
    };
    Kind kind = Kind::literal;
    base::SourceRange range;
    Literal literal;
    AttributePath path;
    CompareOp op = CompareOp::eq;
    Binding binding;
    std::vector<Expr> operands;
    bool distinct = false;  ///< `count(distinct path for ...)`: count the values of `path`
    std::string callee;     ///< the predicate a `call` applies
    std::vector<AttributePath> arguments;  ///< of a `call`: variables, without keys
    std::optional<Binding> through;        ///< of `reaches`: `through flow t where ...`
    DateShift shift;                       ///< of `shifted`
};

/// `node x` in a predicate's parameter list.
struct Parameter {
    Domain domain = Domain::node;
    std::string name;
    base::SourceRange range;
};

/// `predicate NAME(DOMAIN x, ...) = C`: a condition with a name. Rules apply
/// it to their variables; it reads only its parameters and `model`.
struct Predicate {
    std::string name;
    base::SourceRange range;      ///< the name
    std::uint32_t last_line = 0;  ///< the line its condition ends on
    std::vector<Parameter> parameters;
    Expr body;
    std::string pack;  ///< the pack of the file that declares it; empty for none
};

/// `for every path from node g [where C1] to node s [where C2] require R
/// [report per source|target|flow]`: a question about where data can travel.
/// Paths have one flow or more and may revisit nodes; they are never
/// enumerated (see engine/path_search.hpp).
struct PathQuantifier {
    /// What every path from a source to a target must satisfy.
    enum class Requirement {
        passes,      ///< `passes node d where C3`: some node on the path (ends included)
        every_flow,  ///< `every flow f satisfies C`: each flow on the path
        no_path,     ///< `no path [unless passes node d where C3]`: no such path at all
    };
    /// Whose finding it is: each target reached, each source that reaches
    /// one, or (for `every flow` rules) each flow that breaks the rule on a
    /// path from a source to a target, where the fix goes.
    enum class ReportPer { target, source, flow };

    Binding source;
    std::optional<Expr> source_condition;  ///< reads the source and `model`
    Binding target;
    std::optional<Expr> target_condition;  ///< reads the target, and may read the source
    Requirement requirement = Requirement::passes;
    std::optional<Binding> via;  ///< `d` of passes/unless (a node or a flow), or `f` of every flow
    std::optional<Expr> via_condition;
    /// `through flow t where C`: paths follow only flows that satisfy C.
    std::optional<Binding> through;
    std::optional<Expr> through_condition;
    ReportPer per = ReportPer::target;
    base::SourceRange per_range;  ///< of `report per ...`, when written
    base::SourceRange range;
};

/// A quoted citation such as "EU AI Act Art. 50(2)".
struct Citation {
    std::string text;
    base::SourceRange range;
};

/// A `message` or `remediation` string with `{x}` / `{x.path}` holes.
struct Template {
    struct Segment {
        std::string text;                   ///< literal text (when path is empty)
        std::optional<AttributePath> path;  ///< an interpolated value
    };
    std::string raw;  ///< the text between the quotes, escapes unprocessed
    base::SourceRange range;
    std::vector<Segment> segments;  ///< filled by the checker
};

/// `rule ID { ... }`.
struct Rule {
    std::string id;
    base::SourceRange id_range;
    std::uint32_t last_line = 0;  ///< the line of the rule's closing brace
    std::string pack;             ///< id of the pack it belongs to; empty for none
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::vector<Citation> citations;
    std::optional<base::Severity> severity;
    std::string severity_spelling;
    base::SourceRange severity_range;
    std::vector<std::string> tags;
    std::optional<Template> message;
    std::optional<Template> remediation;
    /// `effective "2026-08-02"`: the date (ISO 8601) the duty applies from;
    /// gaps found before it are reported as upcoming. Empty: always in force.
    std::string effective;
    base::SourceRange effective_range;
    /// `effective "DATE" when C`, in order: for a subject where C holds, the
    /// first such date replaces `effective` (which stays the date otherwise).
    struct ConditionalDate {
        std::string date;
        base::SourceRange range;
        Expr condition;
        std::string text;  ///< the condition as written, white space collapsed
    };
    std::vector<ConditionalDate> effective_when;
    /// `covers [...]`: ids of the failure patterns the rule detects.
    std::vector<Citation> covers;

    /// `for every subject [where condition] require R1 [require R2 ...]`; or `path`.
    std::optional<Binding> subject;
    /// `for the model [where condition] require requirement`: a rule about the
    /// model as a whole, with no subject (then `subject` and `path` are none).
    bool about_model = false;
    std::optional<Expr> condition;
    /// What a subject must meet: every one; each that fails is named in the
    /// finding. Empty for path rules.
    struct Requirement {
        Expr condition;
        std::string text;  ///< as written, white space collapsed
    };
    std::vector<Requirement> requirements;
    std::optional<PathQuantifier> path;  ///< set instead of the three above for path rules
    base::SourceRange quantifier_range;

    /// Fields given more than once, for the checker to report.
    std::vector<std::pair<std::string, base::SourceRange>> repeated_fields;
};

/// `pack ID ["Title"] { applies when C }` (a declaration) or `pack ID`
/// (membership of the file's rules in a pack declared elsewhere).
struct PackClause {
    std::string id;
    base::SourceRange id_range;
    bool is_declaration = false;
    std::string title;
    std::optional<Expr> applies_when;
};

/// `pattern ID "What goes wrong"`: a failure pattern from the domain that
/// rules declare they cover; the coverage matrix is built from these.
struct Pattern {
    std::string id;
    std::string description;
    base::SourceRange range;
};

/// `expect RULE-ID [upcoming | not evaluated] on KIND "id" [witness [...]]`:
/// one thing a rule test requires the rules under test to report.
struct Expectation {
    /// How the rule must report the subject.
    enum class Status {
        gap,            ///< a finding of a rule in force
        upcoming,       ///< a finding of a rule not yet in force on the test's date
        not_evaluated,  ///< the rule could not decide for the subject
    };
    std::string rule_id;
    base::SourceRange rule_range;
    Status status = Status::gap;
    bool on_model = false;  ///< `on model`: a finding of a rule about the whole model
    Domain kind = Domain::node;
    std::string subject;
    /// `witness ["a", "b"]`: the surfaces the reported path passes, in order.
    std::optional<std::vector<std::string>> witness;
    base::SourceRange range;  ///< the whole expectation, for pointing at it
};

/// `test "name" { rules ... model ... expect ... }`: a rule unit test. The
/// rules under test run against a small model, and what they report must be
/// exactly the expectations: nothing missing, nothing more.
struct TestCase {
    std::string name;
    base::SourceRange name_range;
    std::vector<std::string> rule_ids;  ///< the rules under test
    std::vector<base::SourceRange> rule_ranges;
    /// `model "file.yaml"`: a model file, relative to the test's own file.
    std::string model_path;
    /// `model """ ... """`: the model written in the test. The text starts at
    /// the beginning of line `inline_model_line` of the test's file, so that
    /// errors in it point into the test file.
    std::optional<std::string> inline_model;
    std::uint32_t inline_model_line = 0;
    base::SourceRange model_range;
    /// `as of "2026-11-25"`: the date to test for; empty: every rule in force.
    std::string as_of;
    base::SourceRange as_of_range;
    bool expects_nothing = false;  ///< `expect none`
    base::SourceRange expect_none_range;
    std::vector<Expectation> expectations;
    std::vector<std::pair<std::string, base::SourceRange>> repeated_fields;
};

/// `kind NAME [is PARENT] "meaning"`: a kind of surface of the vocabulary.
struct KindDecl {
    std::string name;
    base::SourceRange range;
    std::string is;  ///< the kind it counts as; empty for none
    base::SourceRange is_range;
    std::string meaning;
};

/// `value "NAME" "meaning"` in an attribute declaration.
struct ValueDecl {
    std::string name;
    std::string meaning;
    base::SourceRange range;
};

/// `attribute NAME { on ... type ... value ... default ... open meaning ... }`:
/// an attribute of the vocabulary, with its type and allowed values.
struct AttributeDecl {
    std::string name;
    base::SourceRange range;
    std::vector<std::pair<base::Owner, base::SourceRange>> owners;
    std::optional<base::ValueType> type;
    base::SourceRange type_range;
    std::vector<ValueDecl> values;
    bool open = false;
    std::optional<Literal> default_value;
    std::optional<std::string> meaning;
    std::vector<std::pair<std::string, base::SourceRange>> repeated_fields;
};

/// One parsed `.lf` file.
struct RuleFile {
    base::FileId file = 0;
    std::optional<PackClause> pack;
    std::vector<Rule> rules;
    std::vector<Pattern> patterns;
    std::vector<TestCase> tests;
    std::vector<KindDecl> kinds;
    std::vector<AttributeDecl> attributes;
    std::vector<Predicate> predicates;
};

}  // namespace lexflow::dsl
