// JUnit XML, the test report CI systems read (GitLab, Jenkins, the GitHub
// test-report actions): each pack is a test suite, each rule a passing test
// case, or one test case per subject it failed, could not decide, or was
// waived or not yet in force for.

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "base/printable.hpp"
#include "base/utf8.hpp"
#include "report/internal/path.hpp"
#include "report/internal/text.hpp"
#include "report/writer.hpp"

namespace lexflow::report {

namespace {

/// The suite of the rules outside any pack.
constexpr std::string_view kHouseRules = "house-rules";

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Text from an input, as XML 1.0 character data or an attribute value. The
/// five markup characters are escaped; what XML 1.0 forbids (C0 controls,
/// U+FFFE, U+FFFF, bytes that are not UTF-8) and what would hide, reorder or
/// break the text (line breaks, DEL, C1 controls, bidirectional and
/// zero-width characters) becomes U+FFFD. So input can neither break the
/// document nor forge a line of a failure's text; a tab stays a tab.
std::string xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto length = base::utf8_sequence_length(text.substr(i));
        if (length == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        const auto code_point = base::utf8_code_point(text.substr(i), length);
        switch (code_point) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";  // a raw tab in an attribute would read back as a space
                break;
            default:
                if (base::is_unsafe_to_show(code_point) || code_point == 0xFFFE ||
                    code_point == 0xFFFF) {
                    out += kReplacement;
                } else {
                    out.append(text.substr(i, length));
                }
        }
        i += length;
    }
    return out;
}

/// "RULE-1 on node 'drafter'".
std::string case_name(const std::string& rule_id, const Subject& subject) {
    return fmt::format("{} on {} '{}'", rule_id, subject.kind, subject.id);
}

/// One test case, as pointers into the report, so that a suite's counts
/// can be written before its cases without holding any of their text: a
/// finding (failed, or skipped if waived or not yet in force), an undecided
/// check (skipped), or a rule (skipped if it did not run, else passed).
struct Case {
    const Finding* finding = nullptr;
    const NotEvaluated* undecided = nullptr;
    const RuleRun* rule = nullptr;

    [[nodiscard]] bool failed() const {
        return finding != nullptr && !finding->upcoming && !finding->waiver;
    }
    [[nodiscard]] bool skipped() const {
        return (finding != nullptr && !failed()) || undecided != nullptr ||
               (rule != nullptr && rule->outcome != RuleRun::Outcome::evaluated);
    }
    [[nodiscard]] const std::string& rule_id() const {
        return finding != nullptr     ? finding->rule_id
               : undecided != nullptr ? undecided->rule_id
                                      : rule->rule.id;
    }
};

/// A suite as it will be written: its name, its cases, and their counts.
struct Suite {
    std::string name;
    std::vector<Case> cases;
    std::size_t failures = 0;
    std::size_t skipped = 0;

    void add(const Case& c) {
        failures += c.failed() ? 1 : 0;
        skipped += c.skipped() ? 1 : 0;
        cases.push_back(c);
    }
};

std::string why_skipped(const Finding& finding) {
    if (finding.upcoming) {
        return fmt::format("not yet in force: the rule applies from {}", finding.effective);
    }
    if (finding.waiver) {
        const auto& waiver = *finding.waiver;
        auto why = fmt::format("waived by {} until {}", waiver.owner, waiver.expires);
        if (!waiver.approval.empty()) {
            why += fmt::format(" (approval {})", waiver.approval);
        }
        return waiver.justification.empty() ? why : why + ": " + waiver.justification;
    }
    return {};
}

std::string why_undecided(const NotEvaluated& entry) {
    return fmt::format("could not be decided: the model does not give {}",
                       entry.missing.empty() ? std::string("attributes the rule reads")
                                             : internal::join(entry.missing, ", "));
}

std::string why_not_run(const RuleRun& run) {
    return run.outcome == RuleRun::Outcome::not_applied
               ? fmt::format("pack '{}' does not apply to the model", run.rule.pack)
               : fmt::format("pack '{}' could not decide whether it applies", run.rule.pack);
}

/// Why a case that skipped() is skipped.
std::string why(const Case& c) {
    return c.finding != nullptr     ? why_skipped(*c.finding)
           : c.undecided != nullptr ? why_undecided(*c.undecided)
                                    : why_not_run(*c.rule);
}

/// The report's findings and undecided checks by rule id, in report order.
struct ByRule {
    std::map<std::string, std::vector<const Finding*>> findings;
    std::map<std::string, std::vector<const NotEvaluated*>> undecided;
};

/// Every case in suites, in the order of the report's rules; a finding of
/// a rule the report does not list goes in its pack's suite after them.
std::vector<Suite> plan(const Report& report) {
    ByRule by_rule;
    for (const auto& finding : report.findings) {
        by_rule.findings[finding.rule_id].push_back(&finding);
    }
    for (const auto& entry : report.not_evaluated) {
        if (!entry.rule_id.empty() && entry.subject) {
            by_rule.undecided[entry.rule_id].push_back(&entry);
        }
    }
    std::vector<Suite> suites;
    const auto suite_of = [&](const std::string& pack) -> Suite& {
        const auto name = pack.empty() ? std::string(kHouseRules) : pack;
        for (auto& suite : suites) {
            if (suite.name == name) {
                return suite;
            }
        }
        return suites.emplace_back(Suite{name, {}, 0, 0});
    };
    const auto add_subjects = [&](Suite& suite, const std::string& rule_id) {
        std::size_t added = 0;
        if (const auto found = by_rule.findings.find(rule_id); found != by_rule.findings.end()) {
            for (const auto* finding : found->second) {
                suite.add(Case{finding, nullptr, nullptr});
                ++added;
            }
            by_rule.findings.erase(found);
        }
        if (const auto found = by_rule.undecided.find(rule_id); found != by_rule.undecided.end()) {
            for (const auto* entry : found->second) {
                suite.add(Case{nullptr, entry, nullptr});
                ++added;
            }
            by_rule.undecided.erase(found);
        }
        return added;
    };
    for (const auto& run : report.rules) {
        auto& suite = suite_of(run.rule.pack);
        if (run.outcome != RuleRun::Outcome::evaluated) {
            suite.add(Case{nullptr, nullptr, &run});
            add_subjects(suite, run.rule.id);
        } else if (add_subjects(suite, run.rule.id) == 0) {
            suite.add(Case{nullptr, nullptr, &run});  // it passed for every subject
        }
    }
    for (const auto& finding : report.findings) {
        add_subjects(suite_of(finding.pack), finding.rule_id);
    }
    for (const auto& entry : report.not_evaluated) {
        if (!entry.rule_id.empty() && entry.subject) {
            add_subjects(suite_of(entry.pack), entry.rule_id);
        }
    }
    return suites;
}

std::string location(const Subject& subject) {
    return fmt::format("{}:{}:{}", xml(subject.file), subject.line, subject.column);
}

/// A failure's text: the message, then where, why and what to do, a line each.
std::string failure_text(const Finding& finding) {
    auto text = fmt::format("{}\nat {} ({} '{}')", xml(finding.message), location(finding.subject),
                            xml(finding.subject.kind), xml(finding.subject.id));
    for (const auto& failed : finding.failed_requirements) {
        text += "\nfails: " + xml(failed);
    }
    if (!finding.witness.empty()) {
        text += "\npath: " + internal::path_text(finding.witness, finding.witness_omitted,
                                                 [](std::string_view id) { return xml(id); });
    }
    if (!finding.citations.empty()) {
        std::vector<std::string> citations;
        for (const auto& citation : finding.citations) {
            citations.push_back(xml(citation));
        }
        text += "\ncites: " + internal::join(citations, "; ");
    }
    if (!finding.remediation.empty()) {
        text += "\nfix: " + xml(finding.remediation);
    }
    return text;
}

void write_case(std::ostream& out, const std::string& suite, const Case& c) {
    const Subject* subject = c.finding != nullptr     ? &c.finding->subject
                             : c.undecided != nullptr ? &*c.undecided->subject
                                                      : nullptr;
    out << fmt::format("    <testcase name=\"{}\" classname=\"{}\"",
                       xml(subject == nullptr ? c.rule_id() : case_name(c.rule_id(), *subject)),
                       xml(suite));
    if (subject != nullptr && !subject->file.empty()) {
        out << fmt::format(" file=\"{}\"", xml(subject->file));
    }
    out << " time=\"0\"";
    if (c.failed()) {
        out << fmt::format(">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           xml(c.finding->message), base::to_string(c.finding->severity),
                           failure_text(*c.finding))
            << "    </testcase>\n";
    } else if (c.skipped()) {
        out << fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml(why(c)));
    } else {
        out << "/>\n";
    }
}

/// `tests`, `failures`, `errors` and `skipped`, as both levels give them.
std::string counts(std::size_t tests, std::size_t failures, std::size_t skipped) {
    return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\"", tests, failures,
                       skipped);
}

class JunitWriter final : public ReportWriter {
  public:
    void write(const Report& report, std::ostream& out) const override {
        const auto suites = plan(report);
        std::size_t tests = 0;
        std::size_t failures = 0;
        std::size_t skipped = 0;
        for (const auto& suite : suites) {
            tests += suite.cases.size();
            failures += suite.failures;
            skipped += suite.skipped;
        }
        // No timestamp and no host name: the same report gives the same bytes.
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            << fmt::format("<testsuites name=\"lexflow\" {} time=\"0\">\n",
                           counts(tests, failures, skipped));
        for (const auto& suite : suites) {
            out << fmt::format("  <testsuite name=\"{}\" {} time=\"0\">\n", xml(suite.name),
                               counts(suite.cases.size(), suite.failures, suite.skipped));
            for (const auto& c : suite.cases) {
                write_case(out, suite.name, c);
            }
            out << "  </testsuite>\n";
        }
        out << "</testsuites>\n";
    }
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer() {
    return std::make_unique<JunitWriter>();
}

}  // namespace lexflow::report
