// A check report as a pull-request comment in GitHub Markdown: what a
// reviewer needs first (the counts, then the gaps the change opened), the
// rest folded away, and all of it under GitHub's size limit for a comment.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "base/printable.hpp"
#include "report/internal/markdown.hpp"
#include "report/internal/path.hpp"
#include "report/internal/text.hpp"
#include "report/writer.hpp"

namespace lexflow::report {

namespace {

using internal::markdown_code;
using internal::markdown_text;

/// GitHub refuses a comment of more than 65,536 characters. Entries stop
/// here; what always follows them (closing tags, counts, the note on what
/// was left out) takes well under the rest.
constexpr std::size_t kListingLimit = 60'000;
/// What one input may take in the comment, so one huge value cannot crowd
/// out the rest: the JSON and SARIF reports hold every byte.
constexpr std::size_t kNameBytes = 200;
constexpr std::size_t kProseBytes = 2'000;

/// A name from an input (an id, a file, a title), cut and escaped.
std::string name_text(std::string_view text) {
    return markdown_text(base::shortened(text, kNameBytes));
}

std::string name_code(std::string_view text) {
    return markdown_code(base::shortened(text, kNameBytes));
}

std::string prose(std::string_view text) {
    return markdown_text(base::shortened(text, kProseBytes));
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

/// "1 gap", "2 gaps".
std::string count(std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

/// How many gaps of one severity, or of one pack, are in each state.
struct Counts {
    std::size_t in_force = 0;
    std::size_t upcoming = 0;
    std::size_t waived = 0;
    std::size_t undecided = 0;

    void add(const Finding& finding) {
        ++(finding.upcoming ? upcoming : finding.waiver ? waived : in_force);
    }
    [[nodiscard]] std::string row() const {
        return fmt::format("| {} | {} | {} | {} |", in_force, upcoming, waived, undecided);
    }
};

bool in_force(const Finding& finding) {
    return !finding.upcoming && !finding.waiver;
}

/// The counts of each pack, in the report's order of packs, then the rules
/// outside any pack, then packs only findings name.
class PackCounts {
  public:
    explicit PackCounts(const Report& report) {
        for (const auto& pack : report.packs) {
            entry(pack.id).status = pack.state;
            entry(pack.id).title = pack.title;
            entry(pack.id).listed = true;
        }
        for (const auto& finding : report.findings) {
            entry(finding.pack).counts.add(finding);
        }
        for (const auto& undecided : report.not_evaluated) {
            ++entry(undecided.pack).counts.undecided;
        }
    }

    struct Entry {
        std::string id;
        std::string title;
        PackStatus::State status = PackStatus::State::applied;
        bool listed = false;  ///< the report lists the pack, with its status
        Counts counts;
    };
    [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

  private:
    Entry& entry(const std::string& id) {
        for (auto& existing : entries_) {
            if (existing.id == id) {
                return existing;
            }
        }
        return entries_.emplace_back(Entry{id, {}, PackStatus::State::applied, false, {}});
    }
    std::vector<Entry> entries_;
};

std::string_view status_text(const PackStatus::State state) {
    switch (state) {
        case PackStatus::State::applied:
            return "applied";
        case PackStatus::State::not_applicable:
            return "does not apply";
        case PackStatus::State::not_evaluated:
            break;
    }
    return "undecided";
}

/// The comment as it is written, counting its bytes (which are at least its
/// characters). Once an entry does not fit, no later one is written either,
/// so what is listed is always the start of each ordered list.
class Comment {
  public:
    explicit Comment(std::ostream& out) : out_(out) {}

    /// Text that is always written: headings, counts, closing tags.
    void write(std::string_view text) {
        out_ << text;
        written_ += text.size();
    }
    /// An entry, if it fits with all before it; false if it is left out.
    bool list(std::string_view entry) {
        if (full_ || written_ + entry.size() > kListingLimit) {
            full_ = true;
            return false;
        }
        write(entry);
        return true;
    }
    [[nodiscard]] bool full() const { return full_; }

  private:
    std::ostream& out_;
    std::size_t written_ = 0;
    bool full_ = false;
};

std::string waiver_text(const WaiverRef& waiver) {
    auto text = fmt::format("by {} until {}", name_text(waiver.owner), name_text(waiver.expires));
    if (!waiver.approval.empty()) {
        text += fmt::format(" (approval {})", name_text(waiver.approval));
    }
    return waiver.justification.empty() ? text : text + ": " + prose(waiver.justification);
}

/// One gap: what, where, why, and what to do.
std::string gap_entry(const Finding& finding) {
    const auto& subject = finding.subject;
    auto text = fmt::format("#### {} · {} · {}\n\n", upper(base::to_string(finding.severity)),
                            name_code(finding.rule_id), name_text(finding.title));
    text +=
        fmt::format("{} {} at {}\n\n", name_text(subject.kind), name_code(subject.id),
                    name_code(fmt::format("{}:{}:{}", subject.file, subject.line, subject.column)));
    text += prose(finding.message) + "\n\n";
    for (const auto& failed : finding.failed_requirements) {
        text += "- **Fails:** " + prose(failed) + "\n";
    }
    if (!finding.witness.empty()) {
        text += "- **Path:** " +
                internal::path_text(
                    finding.witness, finding.witness_omitted,
                    [](std::string_view id) { return name_text(id); }, kProseBytes) +
                "\n";
    }
    if (!finding.citations.empty()) {
        std::vector<std::string> citations;
        for (const auto& citation : finding.citations) {
            citations.push_back(name_text(citation));
        }
        text += "- **Cites:** " + internal::join(citations, "; ") + "\n";
    }
    if (!finding.remediation.empty()) {
        text += "- **Fix:** " + prose(finding.remediation) + "\n";
    }
    if (finding.upcoming) {
        text += "- **In force from:** " + name_text(finding.effective) + "\n";
    }
    if (finding.waiver) {
        text += "- **Waived** " + waiver_text(*finding.waiver) + "\n";
    }
    return text + "\n";
}

/// One undecided check, on a line.
std::string undecided_entry(const NotEvaluated& entry) {
    const auto missing = entry.missing.empty() ? std::string("what the rule reads") : [&] {
        std::vector<std::string> names;
        for (const auto& path : entry.missing) {
            names.push_back(name_code(path));
        }
        return internal::join(names, ", ");
    }();
    if (!entry.subject) {
        return fmt::format("- {}: declare {}\n", name_text(entry.title), missing);
    }
    return fmt::format("- {} on {} {}: declare {}\n", name_code(entry.rule_id),
                       name_text(entry.subject->kind), name_code(entry.subject->id), missing);
}

class MarkdownWriter final : public ReportWriter {
  public:
    void write(const Report& report, std::ostream& out) const override {
        Comment comment(out);
        comment.write(header(report));
        comment.write(severity_table(report));
        pack_table(report, comment);
        std::size_t gaps_left_out = 0;
        if (report.baseline) {
            gaps_left_out += baseline_gaps(report, *report.baseline, comment);
        } else {
            gaps_left_out += gaps(report, comment);
        }
        gaps_left_out += folded(report, "Upcoming: not yet in force", comment,
                                [](const Finding& f) { return f.upcoming; });
        gaps_left_out += folded(report, "Waived", comment,
                                [](const Finding& f) { return !f.upcoming && f.waiver; });
        const auto undecided_left_out = undecided(report, comment);
        const auto changes_left_out = model_changes(report, comment);
        std::vector<std::string> left_out;
        if (gaps_left_out > 0) {
            left_out.push_back(count(gaps_left_out, "more gap"));
        }
        if (undecided_left_out > 0) {
            left_out.push_back(count(undecided_left_out, "more undecided check"));
        }
        if (changes_left_out > 0) {
            left_out.push_back(count(changes_left_out, "more model change"));
        }
        if (!left_out.empty()) {
            comment.write(
                fmt::format("_{} not listed, to keep this comment under GitHub's limit of 65,536 "
                            "characters: the JSON and SARIF reports list them all._\n",
                            internal::join(left_out, " and ")));
        }
    }

  private:
    static std::string header(const Report& report) {
        const auto open = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(), in_force));
        const auto name = report.model_name.empty() && !report.model_files.empty()
                              ? report.model_files.front()
                              : report.model_name;
        auto text = fmt::format("## lexflow check: {}\n\n**{} in force** · {} rules evaluated",
                                name_text(name), count(open, "gap"), report.rules_evaluated);
        if (!report.as_of.empty()) {
            text += " as of " + name_text(report.as_of);
        }
        return text + "\n\n";
    }

    static std::string severity_table(const Report& report) {
        std::array<Counts, 5> by_severity{};
        Counts total;
        for (const auto& finding : report.findings) {
            by_severity.at(static_cast<std::size_t>(finding.severity)).add(finding);
            total.add(finding);
        }
        for (const auto& entry : report.not_evaluated) {
            ++by_severity.at(static_cast<std::size_t>(entry.severity)).undecided;
            ++total.undecided;
        }
        std::string text =
            "| Severity | In force | Upcoming | Waived | Undecided |\n"
            "|---|--:|--:|--:|--:|\n";
        for (int level = 4; level >= 0; --level) {
            const auto severity = static_cast<base::Severity>(level);
            text += fmt::format("| {} {}\n", base::to_string(severity),
                                by_severity.at(static_cast<std::size_t>(level)).row());
        }
        return text + fmt::format("| **total** {}\n\n", total.row());
    }

    /// A line per pack, and one for the rules outside any pack if they found
    /// anything.
    static void pack_table(const Report& report, Comment& comment) {
        const PackCounts packs(report);
        if (packs.entries().empty()) {
            return;
        }
        comment.write(
            "| Regulation | Status | In force | Upcoming | Waived | Undecided |\n"
            "|---|---|--:|--:|--:|--:|\n");
        std::size_t left_out = 0;
        for (const auto& pack : packs.entries()) {
            const auto name = pack.id.empty()      ? std::string("house rules")
                              : pack.title.empty() ? name_text(pack.id)
                                                   : fmt::format("{} ({})", name_text(pack.title),
                                                                 name_text(pack.id));
            const auto status = pack.listed ? status_text(pack.status) : "—";
            if (!comment.list(fmt::format("| {} | {} {}\n", name, status, pack.counts.row()))) {
                ++left_out;
            }
        }
        comment.write(left_out == 0
                          ? "\n"
                          : fmt::format("\n_{} not listed._\n\n", count(left_out, "more pack")));
    }

    /// Without a baseline: every gap in force, most severe first.
    static std::size_t gaps(const Report& report, Comment& comment) {
        const auto open = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(), in_force));
        if (open == 0) {
            comment.write("No gaps in force.\n\n");
            return 0;
        }
        comment.write(fmt::format("### Gaps in force ({})\n\n", open));
        return list(report, comment, [](const Finding& f) { return in_force(f); });
    }

    /// With a baseline: the gaps the change opened first, those it inherited
    /// folded, then what it closed.
    static std::size_t baseline_gaps(const Report& report, const BaselineSummary& baseline,
                                     Comment& comment) {
        const auto is_new = [](const Finding& f) {
            return in_force(f) && f.baseline != BaselineState::known;
        };
        const auto is_known = [](const Finding& f) {
            return in_force(f) && f.baseline == BaselineState::known;
        };
        const auto new_count = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(), is_new));
        const auto known_count = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(), is_known));
        std::size_t left_out = 0;
        if (new_count == 0) {
            comment.write("### New gaps (0)\n\nThis change opens no gap.\n\n");
        } else {
            comment.write(fmt::format("### New gaps ({})\n\n", new_count));
            left_out += list(report, comment, is_new);
        }
        if (known_count > 0) {
            comment.write(fmt::format(
                "<details><summary>Known gaps ({}): in the baseline already</summary>\n\n",
                known_count));
            left_out += list(report, comment, is_known);
            comment.write("</details>\n\n");
        }
        comment.write(fmt::format("{} of the baseline {} closed.\n\n",
                                  count(baseline.closed.size(), "gap"),
                                  baseline.closed.size() == 1 ? "is" : "are"));
        return left_out;
    }

    /// A folded section of the findings that `selected` picks, if any.
    template <typename Selected>
    static std::size_t folded(const Report& report, std::string_view title, Comment& comment,
                              Selected selected) {
        const auto n = static_cast<std::size_t>(
            std::count_if(report.findings.begin(), report.findings.end(), selected));
        if (n == 0) {
            return 0;
        }
        if (comment.full()) {
            return n;
        }
        comment.write(fmt::format("<details><summary>{} ({})</summary>\n\n", title, n));
        const auto left_out = list(report, comment, selected);
        comment.write("</details>\n\n");
        return left_out;
    }

    /// The entries of the findings `selected` picks, in report order; returns
    /// how many did not fit.
    template <typename Selected>
    static std::size_t list(const Report& report, Comment& comment, Selected selected) {
        std::size_t left_out = 0;
        for (const auto& finding : report.findings) {
            if (selected(finding) && !comment.list(gap_entry(finding))) {
                ++left_out;
            }
        }
        return left_out;
    }

    /// What `lexflow diff` found changed in the model, folded; returns how
    /// many changes did not fit.
    static std::size_t model_changes(const Report& report, Comment& comment) {
        if (!report.model_changes || report.model_changes->empty()) {
            return 0;
        }
        const auto& changes = *report.model_changes;
        if (comment.full()) {
            return changes.size();
        }
        comment.write(
            fmt::format("<details><summary>Model changes ({})</summary>\n\n", changes.size()));
        std::size_t left_out = 0;
        for (const auto& change : changes) {
            auto entry = fmt::format("- {} {} {}\n", name_text(change.change),
                                     name_text(change.kind), name_code(change.id));
            for (const auto& attribute : change.attributes) {
                entry += fmt::format(
                    "  - {}: {} → {}\n", name_code(attribute.key),
                    attribute.before ? name_code(*attribute.before) : std::string("_absent_"),
                    attribute.after ? name_code(*attribute.after) : std::string("_absent_"));
            }
            if (!comment.list(entry)) {
                ++left_out;
            }
        }
        comment.write("\n</details>\n\n");
        return left_out;
    }

    static std::size_t undecided(const Report& report, Comment& comment) {
        if (report.not_evaluated.empty()) {
            return 0;
        }
        if (comment.full()) {
            return report.not_evaluated.size();
        }
        comment.write(
            fmt::format("<details><summary>Undecided ({}): what the model must declare to "
                        "decide</summary>\n\n",
                        report.not_evaluated.size()));
        std::size_t left_out = 0;
        for (const auto& entry : report.not_evaluated) {
            if (!comment.list(undecided_entry(entry))) {
                ++left_out;
            }
        }
        comment.write("\n</details>\n\n");
        return left_out;
    }
};

}  // namespace

std::unique_ptr<ReportWriter> make_markdown_writer() {
    return std::make_unique<MarkdownWriter>();
}

}  // namespace lexflow::report
