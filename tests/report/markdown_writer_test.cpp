// The Markdown writer: a pull-request comment that puts the gaps a change
// opened first, renders every input as plain text, and stays under GitHub's
// size limit for a comment.

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "tests/report/sample_report.hpp"

using lexflow::base::Severity;
using lexflow::report::BaselineState;
using lexflow::report::Report;
using lexflow::testing::gap;
using lexflow::testing::rule_run;
using lexflow::testing::sample_report;
using lexflow::testing::written;

namespace {

std::string markdown(const Report& report) {
    return written(*lexflow::report::make_markdown_writer(), report);
}

/// The sample without a baseline or its marks.
Report without_baseline() {
    auto report = sample_report();
    report.baseline.reset();
    for (auto& finding : report.findings) {
        finding.baseline = BaselineState::none;
    }
    return report;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

/// Where `part` is in `text`; fails if it is not there.
std::size_t position(const std::string& text, const std::string& part) {
    const auto at = text.find(part);
    REQUIRE_MESSAGE(at != std::string::npos, "no '" << part << "' in\n" << text);
    return at;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// `text` without its code spans, whose text Markdown shows as it is.
std::string outside_code(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '`') {
            out += text[i++];
            continue;
        }
        const auto fence_end = text.find_first_not_of('`', i);
        const auto fence = text.substr(i, fence_end - i);
        const auto close = text.find(fence, fence_end);
        REQUIRE_MESSAGE(close != std::string::npos, "an unclosed code span at " << i);
        i = close + fence.size();
    }
    return out;
}

/// How many times `c` is in `text` without a backslash that escapes it.
std::size_t unescaped(const std::string& text, char c) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == c) {
            ++n;
        }
    }
    return n;
}

}  // namespace

TEST_CASE("Markdown: a title, a table by severity and a line per regulation") {
    const auto text = markdown(without_baseline());
    CHECK(
        text.starts_with("## lexflow check: acme\n"
                         "\n"
                         "**2 gaps in force** · 5 rules evaluated as of 2026-12-02\n"
                         "\n"
                         "| Severity | In force | Upcoming | Waived | Undecided |\n"
                         "|---|--:|--:|--:|--:|\n"
                         "| critical | 0 | 1 | 0 | 0 |\n"
                         "| high | 1 | 0 | 1 | 0 |\n"
                         "| medium | 0 | 0 | 0 | 1 |\n"
                         "| low | 1 | 0 | 0 | 0 |\n"
                         "| info | 0 | 0 | 0 | 1 |\n"
                         "| **total** | 2 | 1 | 1 | 2 |\n"
                         "\n"
                         "| Regulation | Status | In force | Upcoming | Waived | Undecided |\n"
                         "|---|---|--:|--:|--:|--:|\n"
                         "| EU AI Act (eu-ai-act) | applied | 1 | 1 | 1 | 1 |\n"
                         "| GDPR (gdpr) | does not apply | 0 | 0 | 0 | 0 |\n"
                         "| NIST AI RMF (nist) | undecided | 0 | 0 | 0 | 1 |\n"
                         "| house rules | — | 1 | 0 | 0 | 0 |\n"
                         "\n"
                         "### Gaps in force (2)\n"
                         "\n"));
    CHECK(text.find("New gaps") == std::string::npos);
    CHECK(text.find("closed") == std::string::npos);
}

TEST_CASE("Markdown: each gap gives severity, rule, subject, location, message, cites, fix, path") {
    const auto text = markdown(without_baseline());
    CHECK(text.find("#### HIGH · `AIA-50-2` · Title of AIA-50-2\n"
                    "\n"
                    "node `drafter` at `estate/surfaces.yaml:4:5`\n"
                    "\n"
                    "AI system 'drafter' declares no \"marking\"\n"
                    "\n"
                    "- **Cites:** EU AI Act Art. 50(2); EU AI Act Recital 133\n"
                    "- **Fix:** Mark the output of the generator.\n"
                    "\n") != std::string::npos);
    CHECK(text.find("#### LOW · `FREE-1` · Title of FREE-1\n"
                    "\n"
                    "flow `a->b` at `estate/flows.yaml:2:5`\n"
                    "\n"
                    "Flow 'a-\\>b' has no class\n"
                    "\n"
                    "- **Path:** a → b\n") != std::string::npos);
    // Upcoming, waived and undecided checks are folded, each after the gaps in force.
    const auto upcoming = position(text, "<details><summary>Upcoming: not yet in force (1)");
    const auto waived = position(text, "<details><summary>Waived (1)</summary>");
    const auto undecided = position(text, "<details><summary>Undecided (2)");
    CHECK(position(text, "#### LOW · `FREE-1`") < upcoming);
    CHECK(upcoming < waived);
    CHECK(waived < undecided);
    CHECK(text.find("- **In force from:** 2027-08-02\n") > upcoming);
    CHECK(text.find("- **Waived** by privacy-team until 2027-01-31 (approval CHG-42): The vendor "
                    "marks it\n") > waived);
    CHECK(text.find("- `AIA-ROLE` on node `summariser`: declare `summariser.ai_role`, "
                    "`summariser.modality`\n") > undecided);
    CHECK(text.find("- pack 'nist' could not decide whether it applies: declare "
                    "`model.jurisdictions`\n") > undecided);
    CHECK(occurrences(text, "<details>") == occurrences(text, "</details>"));
}

TEST_CASE("Markdown: with a baseline, new gaps come first, known ones folded, then the closed") {
    auto report = sample_report();
    // Known before new in the report's order: the comment puts the new first all the same.
    std::swap(report.findings[1], report.findings[3]);
    report.findings.push_back(gap("AIA-50-2", "eu-ai-act", Severity::medium,
                                  {"node", "later", "estate/surfaces.yaml", 20, 5},
                                  "AI system 'later' declares no \"marking\""));
    report.findings.back().baseline = BaselineState::added;
    const auto text = markdown(report);
    const auto new_heading = position(text, "### New gaps (2)\n\n");
    const auto drafter = position(text, "node `drafter` at");
    const auto later = position(text, "node `later` at");
    const auto known =
        position(text, "<details><summary>Known gaps (1): in the baseline already</summary>\n\n");
    const auto flow = position(text, "flow `a->b` at");
    const auto known_end = text.find("</details>", known);
    const auto closed = position(text, "\n1 gap of the baseline is closed.\n");
    CHECK(new_heading < drafter);
    CHECK(drafter < later);
    CHECK(later < known);
    CHECK(known < flow);
    CHECK(flow < known_end);
    CHECK(known_end < closed);
    // Waived and upcoming gaps are neither new nor known gaps in force.
    CHECK(text.find("node `summariser` at") > position(text, "<summary>Waived (1)"));

    report.findings.clear();
    report.baseline->closed.push_back(report.baseline->closed.front());
    const auto clean = markdown(report);
    CHECK(clean.find("### New gaps (0)\n\nThis change opens no gap.\n") != std::string::npos);
    CHECK(clean.find("Known gaps") == std::string::npos);
    CHECK(clean.find("\n2 gaps of the baseline are closed.\n") != std::string::npos);
}

TEST_CASE("Markdown: what comes from inputs cannot inject links, HTML, mentions or table breaks") {
    Report report;
    report.model_name = "acme <img src=x onerror=alert(1)>";
    report.packs = {{"p|q", "Pack | <b>bold</b>", lexflow::report::PackStatus::State::applied, 1}};
    const std::string evil_id = "R-1|<img src=x>[link](http://x)``tick";
    report.rules = {rule_run(evil_id, "p|q", Severity::high)};
    auto finding = gap(evil_id, "p|q", Severity::high, {"node", "n`", "dir/[a](b).yaml", 3, 1},
                       "see [link](http://evil.example) <img src=x> a|b @team www.evil.example $x$ "
                       "**bold** \x1b[2J\n# Heading\n- item");
    finding.title = "![img](http://x/i.png) _t_";
    finding.citations = {"Art. 5 <script>"};
    finding.remediation = "1. do [this](javascript:alert(1))";
    finding.witness = {{"node", "<b>a</b>", "f", 1, 1}, {"node", "b|c", "f", 2, 1}};
    report.findings = {finding};
    const auto text = markdown(report);

    // Outside code spans, no markup character is left unescaped: no HTML tag,
    // link, image, emphasis or math can open; no URL or mention is recognised.
    const auto prose = outside_code(text);
    for (const char c : std::string("<>[]!_$&~")) {
        CAPTURE(c);
        CHECK(unescaped(prose, c) == 0);
    }
    // Only this writer's own: "## lexflow", "### Gaps", "#### HIGH"; "**2 gaps in
    // force**", "**total**", "**Cites:**", "**Fix:**", "**Path:**".
    CHECK(unescaped(prose, '#') == 2 + 3 + 4);
    CHECK(unescaped(prose, '*') == 4 * 5);
    CHECK(prose.find("http://") == std::string::npos);
    CHECK(prose.find("www.evil") == std::string::npos);
    CHECK(prose.find("@team") == std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);

    CHECK(text.starts_with("## lexflow check: acme \\<img src=x onerror=alert(1)\\>\n"));
    CHECK(
        text.find("\nsee \\[link\\](http\\://evil.example) \\<img src=x\\> a\\|b `@`team "
                  "www\\.evil.example \\$x\\$ \\*\\*bold\\*\\* \\\\x1b\\[2J\\\\n\\# Heading\\\\n- "
                  "item\n") != std::string::npos);
    // A rule id goes in a code span whose fence is longer than any run of backticks in it.
    CHECK(text.find("#### HIGH · ```R-1|<img src=x>[link](http://x)``tick``` · \\!\\[img\\]("
                    "http\\://x/i.png) \\_t\\_\n") != std::string::npos);
    CHECK(text.find("node `` n` `` at `dir/[a](b).yaml:3:1`") != std::string::npos);
    CHECK(text.find("- **Cites:** Art. 5 \\<script\\>\n") != std::string::npos);
    CHECK(text.find("- **Fix:** 1\\. do \\[this\\](javascript\\:alert(1))\n") != std::string::npos);
    CHECK(text.find("- **Path:** \\<b\\>a\\</b\\> → b\\|c\n") != std::string::npos);
    // No input starts a line of its own, and each table row keeps its cells.
    for (const auto& line : lines_of(text)) {
        CHECK(line.find("# Heading") != 0);
        CHECK(line.find("- item") != 0);
        if (line.starts_with("| Pack")) {
            CHECK(unescaped(line, '|') == 7);
            CHECK(line.starts_with("| Pack \\| \\<b\\>bold\\</b\\> (p\\|q) | applied |"));
        }
    }
}

TEST_CASE("Markdown: one huge value is cut, the whole comment stays under GitHub's limit") {
    auto report = without_baseline();
    report.findings[1].message = std::string(1'000'000, 'm');
    report.findings[1].rule_id = std::string(100'000, 'r');
    const auto text = markdown(report);
    CHECK(text.size() < 10'000);
    CHECK(text.find(std::string(2'000, 'm') + "…\\[998000 more bytes\\]\n") != std::string::npos);
    CHECK(text.find("`" + std::string(200, 'r') + "…[99800 more bytes]`") != std::string::npos);
}

TEST_CASE("Markdown: past about 60,000 characters gaps are counted, not listed") {
    Report report;
    report.model_files = {"m.yaml"};
    constexpr std::size_t kGaps = 3'000;
    for (std::size_t i = 0; i < kGaps; ++i) {
        report.findings.push_back(gap("R-" + std::to_string(i), "", Severity::high,
                                      {"node", "n" + std::to_string(i), "m.yaml", 1, 1},
                                      std::string(100, 'x')));
    }
    lexflow::report::NotEvaluated undecided;
    undecided.rule_id = "U-1";
    undecided.subject = lexflow::report::Subject{"node", "n", "m.yaml", 1, 1};
    undecided.missing = {"n.role"};
    report.not_evaluated.assign(50, undecided);
    const auto text = markdown(report);
    CHECK(text.size() > 55'000);
    CHECK(text.size() < 65'536);
    const auto listed = occurrences(text, "\n#### HIGH");
    CHECK(listed > 100);
    CHECK(listed < kGaps);
    const auto note = "_" + std::to_string(kGaps - listed) +
                      " more gaps and 50 more undecided checks not listed, to keep this comment "
                      "under GitHub's limit of 65,536 characters: the JSON and SARIF reports list "
                      "them all._\n";
    CHECK(text.ends_with(note));
    // The gaps listed are the first, in order.
    CHECK(text.find("`R-" + std::to_string(listed - 1) + "`") != std::string::npos);
    CHECK(text.find("`R-" + std::to_string(listed) + "`") == std::string::npos);
}

TEST_CASE("Markdown: a clean check says so, and make_writer gives the same comment") {
    Report report;
    report.model_files = {"estate.yaml"};
    report.rules_evaluated = 3;
    const auto text = markdown(report);
    CHECK(text ==
          "## lexflow check: estate.yaml\n"
          "\n"
          "**0 gaps in force** · 3 rules evaluated\n"
          "\n"
          "| Severity | In force | Upcoming | Waived | Undecided |\n"
          "|---|--:|--:|--:|--:|\n"
          "| critical | 0 | 0 | 0 | 0 |\n"
          "| high | 0 | 0 | 0 | 0 |\n"
          "| medium | 0 | 0 | 0 | 0 |\n"
          "| low | 0 | 0 | 0 | 0 |\n"
          "| info | 0 | 0 | 0 | 0 |\n"
          "| **total** | 0 | 0 | 0 | 0 |\n"
          "\n"
          "No gaps in force.\n"
          "\n");
    const auto sample = sample_report();
    CHECK(markdown(sample) ==
          written(*lexflow::report::make_writer(lexflow::report::Format::markdown, true, true),
                  sample));
}

TEST_CASE("Markdown: a diff's model changes are folded, each attribute before and after") {
    auto report = sample_report();
    report.model_changes = std::vector<lexflow::report::ModelChange>{
        {"surface", "help-centre", "changed", {{"controls", "[disclosure_label]", std::nullopt}}},
        {"flow", "to-kiosk", "added", {}},
        {"surface", "x<img src=y>", "removed", {}},
    };
    const auto text = markdown(report);
    CHECK(text.find("<details><summary>Model changes (3)</summary>") != std::string::npos);
    CHECK(text.find("- changed surface `help-centre`\n  - `controls`: `[disclosure_label]` → "
                    "_absent_\n") != std::string::npos);
    CHECK(text.find("- added flow `to-kiosk`\n") != std::string::npos);
    // An id is shown in a code span, where HTML is text.
    CHECK(text.find("- removed surface `x<img src=y>`") != std::string::npos);
    CHECK(markdown(without_baseline()).find("Model changes") == std::string::npos);
}
