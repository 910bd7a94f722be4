#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "base/printable.hpp"
#include "report/internal/text.hpp"
#include "report/undecided_groups.hpp"
#include "report/writer.hpp"

namespace lexflow::report {

namespace {

using internal::join;

/// What an input put in the report, made printable and cut to `max_bytes`,
/// so that one huge title or id cannot flood a terminal: the JSON report
/// holds every byte.
std::string shown(std::string_view text, std::size_t max_bytes = 300) {
    return base::printable(base::shortened(text, max_bytes));
}

/// Messages and remediations are prose: they may be longer.
constexpr std::size_t kProseBytes = 2000;

/// Items of an input, made printable and joined.
std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::vector<std::string> shown_items;
    shown_items.reserve(items.size());
    for (const auto& item : items) {
        shown_items.push_back(shown(item));
    }
    return join(shown_items, separator);
}
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";

const char* severity_color(base::Severity severity) {
    switch (severity) {
        case base::Severity::critical:
            return "\x1b[1;35m";
        case base::Severity::high:
            return "\x1b[1;31m";
        case base::Severity::medium:
            return "\x1b[1;33m";
        case base::Severity::low:
            return "\x1b[1;36m";
        case base::Severity::info:
            break;
    }
    return "\x1b[1;37m";
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

/// A witness as its surfaces: "a → b → c" (flows are in the JSON report);
/// a long one as "a → b → … 940 more flows … → y → z".
std::string path_text(const std::vector<WitnessStep>& witness, const OmittedSteps& omitted) {
    std::string out;
    for (std::size_t i = 0; i < witness.size(); ++i) {
        if (omitted.flows > 0 && i == omitted.at) {
            out +=
                fmt::format(" → … {} more flow{} …", omitted.flows, omitted.flows == 1 ? "" : "s");
        }
        if (witness[i].kind != "flow") {
            out += (out.empty() ? "" : " → ") + shown(witness[i].id);
        }
    }
    return out;
}

/// "1 flow", "2 flows".
std::string count(std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

/// A gap in force that no waiver accepts: the severity sections list these.
bool open(const Finding& finding) {
    return !finding.upcoming && !finding.waiver;
}

std::string location(const Subject& subject) {
    return fmt::format("{}:{}:{}", shown(subject.file), subject.line, subject.column);
}

class TextWriter final : public ReportWriter {
  public:
    TextWriter(bool color, bool verbose, std::optional<std::size_t> max_per_rule)
        : color_(color), verbose_(verbose), max_per_rule_(max_per_rule) {}

    void write(const Report& report, std::ostream& out) const override {
        out << header(report);
        rule_summary(report, out);
        changes_section(report, out);
        for (int level = 4; level >= 0; --level) {
            severity_section(report, static_cast<base::Severity>(level), out);
        }
        upcoming_section(report, out);
        waived_section(report, out);
        closed_section(report, out);
        not_evaluated_section(report, out);
        defaults_section(report, out);
        out << summary(report);
    }

  private:
    [[nodiscard]] std::string paint(const char* ansi, const std::string& text) const {
        return color_ ? fmt::format("{}{}{}", ansi, text, kReset) : text;
    }

    [[nodiscard]] std::string header(const Report& report) const {
        std::vector<std::string> packs;
        for (const auto& pack : report.packs) {
            packs.push_back(pack.state == PackStatus::State::applied
                                ? shown(pack.id)
                                : fmt::format("{} ({})", shown(pack.id), to_string(pack.state)));
        }
        auto out = fmt::format("{} {}\n", paint(kBold, "lexflow check:"),
                               report.model_name.empty() ? joined(report.model_files, ", ")
                                                         : shown(report.model_name));
        out += fmt::format("  model: {}, {}, {} from {}\n", count(report.surfaces, "surface"),
                           count(report.flows, "flow"), count(report.roles, "role"),
                           joined(report.model_files, ", "));
        out += fmt::format("  rules: {} evaluated{}{}; packs: {}\n", report.rules_evaluated,
                           report.as_of.empty() ? std::string() : " as of " + shown(report.as_of),
                           report.rules_left_out.empty()
                               ? std::string()
                               : fmt::format(", {} left out", report.rules_left_out.size()),
                           packs.empty() ? std::string("none") : join(packs, ", "));
        if (report.baseline) {
            out += fmt::format("  baseline: {}\n", shown(report.baseline->file));
        }
        return out;
    }

    [[nodiscard]] std::string finding_text(const Finding& finding) const {
        if (finding.baseline == BaselineState::known) {
            // Old news: one line, so that the gaps a change opens stand out.
            return fmt::format("\n  {}  {}: {} '{}'  {}\n", paint(kBold, shown(finding.rule_id)),
                               location(finding.subject), finding.subject.kind,
                               shown(finding.subject.id), paint(kDim, "(known: in the baseline)"));
        }
        auto out =
            fmt::format("\n  {}  {}\n", paint(kBold, shown(finding.rule_id)), shown(finding.title));
        out += fmt::format("    {}: {} '{}'\n", location(finding.subject), finding.subject.kind,
                           shown(finding.subject.id));
        out += fmt::format("    {}\n", shown(finding.message, kProseBytes));
        for (const auto& failed : finding.failed_requirements) {
            out += fmt::format("    {} {}\n", paint(kDim, "fails:"), shown(failed, kProseBytes));
        }
        if (!finding.witness.empty()) {
            out += fmt::format("    {} {}\n", paint(kDim, "path:"),
                               path_text(finding.witness, finding.witness_omitted));
        }
        if (!finding.citations.empty()) {
            out +=
                fmt::format("    {} {}\n", paint(kDim, "cite:"), joined(finding.citations, "; "));
        }
        if (verbose_ && !finding.assumed.empty()) {
            out += fmt::format("    {} {} (the model does not give them: their defaults)\n",
                               paint(kDim, "assumed:"), joined(finding.assumed, ", "));
        }
        if (!finding.remediation.empty()) {
            out += fmt::format("    {} {}\n", paint(kDim, "fix: "),
                               shown(finding.remediation, kProseBytes));
        }
        return out;
    }

    void severity_section(const Report& report, base::Severity severity, std::ostream& out) const {
        const auto count = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(),
                          [&](const Finding& f) { return f.severity == severity && open(f); }));
        if (count == 0) {
            return;
        }
        out << fmt::format("\n{}\n",
                           paint(severity_color(severity),
                                 fmt::format("{} ({})", upper(base::to_string(severity)), count)));
        list_findings(
            report, [&](const Finding& f) { return f.severity == severity && open(f); },
            [](const Finding&) { return std::string(); }, out);
    }

    /// Writes the findings `selected` picks, each followed by what `suffix`
    /// adds, at most max_per_rule_ of each rule; a line counts the others.
    /// (The findings of a rule are contiguous: the report sorts by rule.)
    template <typename Selected, typename Suffix>
    void list_findings(const Report& report, Selected selected, Suffix suffix,
                       std::ostream& out) const {
        std::string_view rule;
        std::size_t listed = 0;
        std::size_t hidden = 0;
        const auto count_hidden = [&] {
            if (hidden > 0) {
                out << fmt::format("\n  {} more of {} not listed (--max-findings N or --all)\n",
                                   hidden, shown(rule));
            }
            hidden = 0;
        };
        for (const auto& finding : report.findings) {
            if (!selected(finding)) {
                continue;
            }
            if (finding.rule_id != rule) {
                count_hidden();
                rule = finding.rule_id;
                listed = 0;
            }
            if (max_per_rule_ && listed >= *max_per_rule_) {
                ++hidden;
                continue;
            }
            ++listed;
            out << finding_text(finding) << suffix(finding);
        }
        count_hidden();
    }

    /// When a rule has more findings than are listed: every rule's count
    /// first, so that a huge report opens with its shape.
    void rule_summary(const Report& report, std::ostream& out) const {
        std::map<std::string_view, std::pair<base::Severity, std::size_t>> by_rule;
        for (const auto& finding : report.findings) {
            auto& [severity, count] = by_rule[finding.rule_id];
            severity = finding.severity;
            ++count;
        }
        const bool cut =
            max_per_rule_ && std::any_of(by_rule.begin(), by_rule.end(), [&](const auto& rule) {
                return rule.second.second > *max_per_rule_;
            });
        if (!cut) {
            return;
        }
        std::vector<std::tuple<base::Severity, std::size_t, std::string_view>> rows;
        for (const auto& [rule, entry] : by_rule) {
            rows.emplace_back(entry.first, entry.second, rule);
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return std::tuple(std::get<0>(b), std::get<1>(b), std::get<2>(a)) <
                   std::tuple(std::get<0>(a), std::get<1>(a), std::get<2>(b));
        });
        out << fmt::format("\n{}\n", paint(kBold, fmt::format("FINDINGS BY RULE ({} rules; at most "
                                                              "{} findings of each are listed)",
                                                              rows.size(), *max_per_rule_)));
        for (const auto& [severity, count, rule] : rows) {
            out << fmt::format("  {:<8} {:>8}  {}\n", base::to_string(severity), count,
                               shown(rule));
        }
    }

    /// Gaps in force whose risk a waiver accepts: listed with the waiver, so
    /// that accepted risks stay in sight.
    void waived_section(const Report& report, std::ostream& out) const {
        const auto waived = [](const Finding& f) { return !f.upcoming && f.waiver; };
        const auto count = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(), waived));
        if (count == 0) {
            return;
        }
        out << fmt::format(
            "\n{}\n", paint(kBold, fmt::format("WAIVED ({}): accepted until they expire", count)));
        list_findings(
            report, waived,
            [&](const Finding& finding) {
                const auto& waiver = *finding.waiver;
                return fmt::format("    {} by {} until {} ({}; {}:{}): {}\n", paint(kDim, "waived"),
                                   shown(waiver.owner), shown(waiver.expires),
                                   shown(waiver.approval), shown(waiver.file), waiver.line,
                                   shown(waiver.justification, kProseBytes));
            },
            out);
    }

    /// What a change did to the model (`lexflow diff`).
    void changes_section(const Report& report, std::ostream& out) const {
        if (!report.model_changes) {
            return;
        }
        const auto& changes = *report.model_changes;
        out << fmt::format("\n{}\n",
                           paint(kBold, fmt::format("MODEL CHANGES ({})", changes.size())));
        if (changes.empty()) {
            out << "  none\n";
        }
        for (const auto& change : changes) {
            out << fmt::format("  {} {} '{}'\n", change.change, change.kind, shown(change.id));
            for (const auto& attribute : change.attributes) {
                out << fmt::format("      {}: {} -> {}\n", shown(attribute.key),
                                   attribute.before ? shown(*attribute.before) : "(absent)",
                                   attribute.after ? shown(*attribute.after) : "(absent)");
            }
        }
    }

    /// Gaps of the baseline the check no longer finds.
    void closed_section(const Report& report, std::ostream& out) const {
        if (!report.baseline || report.baseline->closed.empty()) {
            return;
        }
        out << fmt::format("\n{}\n", paint(kBold, fmt::format("CLOSED ({}): in the baseline, "
                                                              "no longer found",
                                                              report.baseline->closed.size())));
        for (const auto& gap : report.baseline->closed) {
            out << fmt::format("  {} on {} '{}'\n", shown(gap.rule_id), shown(gap.subject_kind),
                               shown(gap.subject_id));
        }
    }

    /// Gaps under rules not yet in force: listed so teams can prepare.
    void upcoming_section(const Report& report, std::ostream& out) const {
        const auto count =
            static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                   [](const Finding& f) { return f.upcoming; }));
        if (count == 0) {
            return;
        }
        out << fmt::format("\n{}\n",
                           paint(kBold, fmt::format("UPCOMING ({}): not yet in force on {}", count,
                                                    shown(report.as_of))));
        list_findings(
            report, [](const Finding& f) { return f.upcoming; },
            [&](const Finding& finding) {
                return fmt::format("    {} {}\n", paint(kDim, "in force from"),
                                   shown(finding.effective));
            },
            out);
    }

    /// Undecided checks, grouped by what to declare to decide them; with
    /// --verbose, each one after.
    void not_evaluated_section(const Report& report, std::ostream& out) const {
        if (report.not_evaluated.empty()) {
            return;
        }
        out << fmt::format(
            "\n{}\n",
            paint(kBold, fmt::format("NOT EVALUATED ({}): what the model must declare to decide",
                                     report.not_evaluated.size())));
        for (const auto& group : group_undecided(report.not_evaluated)) {
            out << group_text(group);
        }
        if (!verbose_) {
            return;
        }
        for (const auto& entry : report.not_evaluated) {
            out << not_evaluated_text(entry);
        }
    }

    /// "declare ai_role to decide 2 checks on 'a' and 'b' (RULE-1, RULE-2)".
    [[nodiscard]] std::string group_text(const UndecidedGroup& group) const {
        constexpr std::size_t kShown = 4;
        const auto listed = [&](const std::vector<std::string>& items, bool quote,
                                std::string_view last = " and ") {
            std::vector<std::string> parts;
            for (std::size_t i = 0; i < items.size() && i < kShown; ++i) {
                parts.push_back(quote ? "'" + shown(items[i]) + "'" : shown(items[i]));
            }
            if (items.size() > kShown) {
                parts.push_back(fmt::format("{} more", items.size() - kShown));
            }
            return parts.size() == 1 ? parts[0]
                                     : join({parts.begin(), parts.end() - 1}, ", ") +
                                           std::string(last) + parts.back();
        };
        const auto what = group.attributes.empty() ? std::string("what the rules read")
                                                   : listed(group.attributes, false);
        auto line = fmt::format("\n  declare {} to decide {} check{}", paint(kBold, what),
                                group.checks, group.checks == 1 ? "" : "s");
        if (!group.subjects.empty()) {
            line += " on " + listed(group.subjects, true);
        }
        if (!group.packs.empty()) {
            line += fmt::format(" whether pack{} {} appl{}", group.packs.size() == 1 ? "" : "s",
                                listed(group.packs, true), group.packs.size() == 1 ? "ies" : "y");
        }
        if (!group.rules.empty()) {
            line += " (" + listed(group.rules, false, ", ") + ")";
        }
        if (group.upcoming > 0) {
            line += fmt::format("; {} not yet in force", group.upcoming);
        }
        return line + "\n";
    }

    [[nodiscard]] std::string not_evaluated_text(const NotEvaluated& entry) const {
        std::string out;
        if (entry.subject) {
            out += fmt::format("\n  {}  {}\n    {}: {} '{}'\n", paint(kBold, shown(entry.rule_id)),
                               shown(entry.title), location(*entry.subject), entry.subject->kind,
                               shown(entry.subject->id));
        } else {
            out += fmt::format("\n  {}\n", paint(kBold, shown(entry.title)));
        }
        if (!entry.witness.empty()) {
            out += fmt::format("    {} {}\n", paint(kDim, "path:"),
                               path_text(entry.witness, entry.witness_omitted));
        }
        out += fmt::format("    the model does not give: {}\n", joined(entry.missing, ", "));
        if (entry.upcoming) {
            out += fmt::format("    {} {}\n", paint(kDim, "in force from"), shown(entry.effective));
        }
        return out;
    }

    /// With --verbose: the subjects that passed on an assumption.
    void defaults_section(const Report& report, std::ostream& out) const {
        if (!verbose_ || report.decided_on_defaults.empty()) {
            return;
        }
        out << fmt::format("\n{}\n", paint(kBold, fmt::format("DECIDED ON DEFAULTS ({})",
                                                              report.decided_on_defaults.size())));
        for (const auto& entry : report.decided_on_defaults) {
            out << fmt::format("  {} {}: {} '{}' assumed {}\n", shown(entry.rule_id),
                               location(entry.subject), entry.subject.kind, shown(entry.subject.id),
                               joined(entry.assumed, ", "));
        }
    }

    [[nodiscard]] std::string summary(const Report& report) const {
        std::map<base::Severity, std::size_t, std::greater<>> counts;
        std::size_t gaps = 0;
        std::size_t upcoming = 0;
        for (const auto& finding : report.findings) {
            if (open(finding)) {
                ++counts[finding.severity];
                ++gaps;
            }
            upcoming += finding.upcoming ? 1 : 0;
        }
        std::vector<std::string> parts;
        for (const auto& [severity, number] : counts) {
            parts.push_back(fmt::format("{} {}", number, base::to_string(severity)));
        }
        auto line =
            gaps == 0 ? std::string("no gaps")
                      : fmt::format("{} gap{} ({})", gaps, gaps == 1 ? "" : "s", join(parts, ", "));
        if (upcoming > 0) {
            line += fmt::format("; {} upcoming", upcoming);
        }
        if (const auto waived = report.findings.size() - gaps - upcoming; waived > 0) {
            line += fmt::format("; {} waived", waived);
        }
        if (const auto& baseline = report.baseline) {
            line += fmt::format("; against the baseline: {} new, {} known, {} closed",
                                baseline->added, baseline->known, baseline->closed.size());
        }
        if (!report.not_evaluated.empty()) {
            line += fmt::format("; {} not evaluated", report.not_evaluated.size());
        }
        return fmt::format("\n{}\n", paint(kBold, line));
    }

    bool color_;
    bool verbose_;
    std::optional<std::size_t> max_per_rule_;  ///< none: every finding is listed
};

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(bool color, bool verbose,
                                               std::optional<std::size_t> max_per_rule) {
    return std::make_unique<TextWriter>(color, verbose, max_per_rule);
}

}  // namespace lexflow::report
