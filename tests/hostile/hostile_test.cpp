// The hostile-input corpus: models, rule files and paths that anyone who opens
// a pull request can put in front of lexflow in CI. Every case must end in
// exit 0, 1 or 2 within seconds and bounded memory, with no raw control
// character on stdout or stderr and no byte of a file outside the case's tree
// in the output (see hostile_run.hpp). Above each case: why it is hostile and
// what the right outcome is. A case whose expectation lexflow does not meet
// today is marked "LEXFLOW BUG" and keeps the expectation that is right for a
// user. See tests/hostile/README.md.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "tests/hostile/hostile_run.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::check_hostile;
using lexflow::testing::Expected;
using lexflow::testing::kAnyOutcome;
using lexflow::testing::kGaps;
using lexflow::testing::kInvalid;
using lexflow::testing::kReport;
using lexflow::testing::quoted;
using lexflow::testing::read_text;
using lexflow::testing::ScratchDir;
using lexflow::testing::source_path;

namespace {

namespace fs = std::filesystem;

const std::string kFiles = "tests/hostile/files/";
const std::string kAsOf = " --as-of 2026-12-01";
const std::string kEstate = "examples/acme-crm/estate.yaml";

/// Planted in a file outside every case's tree: it must never be printed.
const std::string kMarker = "SECRET-3f9c2e";
/// A line that control characters in an input try to forge.
const std::string kForged = "FORGED-LINE";

const std::string kEsc = "\x1b";
const std::string kBel = "\x07";
/// The terminal controls a text file can carry: colour, clear screen, an OSC
/// 8 hyperlink, an OSC 0 window title, BEL, DEL. (NUL makes a rule file
/// binary, which lexflow refuses; CR ends a line in one.)
const std::string kControls = kEsc + "[31m" + kEsc + "[2J" + kEsc + "]8;;https:evil.example" +
                              kBel + "link" + kEsc + "]8;;" + kBel + kEsc + "]0;pwned" + kBel +
                              "\x7f";

std::string check_command(const std::string& model, const std::string& options = "") {
    return "check " + quoted(model) + kAsOf + options;
}

/// `text` with <ESC>, <BEL>, <CONTROLS>, <FORGED> and <MARKER> replaced.
std::string expanded(std::string text) {
    const std::vector<std::pair<std::string, std::string>> placeholders = {
        {"<ESC>", kEsc},       {"<BEL>", kBel},       {"<CONTROLS>", kControls},
        {"<FORGED>", kForged}, {"<MARKER>", kMarker},
    };
    for (const auto& [placeholder, value] : placeholders) {
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

/// The secret, as valid YAML whose first lines are no rule syntax, so that it
/// would show whether lexflow read it as a model (the surface id reaches the
/// report) or as rules (the syntax error quotes its line).
std::string secret_text() {
    return expanded(R"(# <MARKER>
<MARKER>: 1
jurisdictions: [EU]
surfaces:
  - id: <MARKER>
    kind: ai_generator
    jurisdictions: [EU]
)");
}

/// A file outside the case's tree, in a scratch folder of its own.
class Secret {
  public:
    Secret() : path_(folder_.write("secret.yaml", secret_text())) {}
    [[nodiscard]] const std::string& path() const { return path_; }

  private:
    ScratchDir folder_;
    std::string path_;
};

/// `open` `depth` times, then `middle`, then `close` `depth` times.
std::string nested(const std::string& open, const std::string& middle, const std::string& close,
                   int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i) {
        text += open;
    }
    text += middle;
    for (int i = 0; i < depth; ++i) {
        text += close;
    }
    return text;
}

/// A rule file with one rule, HOUSE-X, in force for every surface, and a
/// test of it whose model is `model` (the text after the `model` keyword).
std::string rule_with_test(const std::string& model) {
    return R"(rule HOUSE-X {
  title       "Surfaces name an owner"
  severity    low
  cite        "House rule 1"
  for every node s require s has owner
  message     "Surface '{s}' names no owner"
  remediation "Add 'owner' to '{s}'."
}

attribute owner { on node type string meaning "The team that owns the surface" }

test "the model names no owner" {
  rules       HOUSE-X
  model       )" +
           model + R"(
  expect      HOUSE-X on node "x"
}
)";
}

/// A rule file with control characters, raw, in the title, the citation, the
/// message, the remediation, a test's name and its expectation. The message
/// also holds a line break (the language's `\n`) in front of a forged line.
std::string rule_with_controls() {
    return expanded(R"(rule ESC-RULE {
  title       "Title <CONTROLS> end"
  severity    high
  cite        "Cite <CONTROLS>"
  for every node g where g.kind == "ai_generator" require g has marking
  message     "Gap on {g} <ESC>[31m red\n<FORGED> <ESC>[0m"
  remediation "Fix <CONTROLS> it"
}

test "a test <ESC>[31m<BEL> named with controls" {
  rules       ESC-RULE
  model       """
    surfaces:
      - id: "g\e[1mx\n<FORGED>"
        kind: ai_generator
  """
  expect      ESC-RULE on node "g<ESC>[1mx\n<FORGED>"
}
)");
}

/// A model with one AI generator in the EU: the shipped packs report gaps.
const std::string kGeneratorModel =
    "jurisdictions: [EU]\n"
    "surfaces:\n"
    "  - id: drafter\n"
    "    kind: ai_generator\n"
    "    jurisdictions: [EU]\n";

/// `surfaces` surfaces in a cycle s0 -> s1 -> ... -> s0. With `ai`, s0 is an
/// AI generator and every surface holds personal data of people in the EU
/// and faces customers, so that the path rules follow the whole cycle.
std::string cycle_model(int surfaces, bool ai) {
    std::string text = "jurisdictions: [EU]\nsurfaces:\n";
    for (int i = 0; i < surfaces; ++i) {
        const auto kind = ai && i == 0 ? "ai_generator" : "crm_object";
        text += "  - {id: s" + std::to_string(i) + ", kind: " + kind;
        text += ai ? ", jurisdictions: [EU], personal_data: true, audience: customer}\n" : "}\n";
    }
    text += "flows:\n";
    for (int i = 0; i < surfaces; ++i) {
        text += "  - {from: s" + std::to_string(i) + ", to: s" +
                std::to_string((i + 1) % surfaces) + "}\n";
    }
    return text;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace

// ---------------------------------------------------------------------------
// Malformed YAML

// A lone ',' made yaml-cpp 0.7 start a document at the same place for ever:
// a hang. Right: a YAML syntax error (exit 2, LF3001).
TEST_CASE("a model holding a single comma") {
    check_hostile(check_command(kFiles + "comma.yaml"),
                  {.exit_codes = kInvalid,
                   .on_stderr = {"comma.yaml:1:1: error:", "[LF3001]"},
                   .max_seconds = 5});
}

// The same lone ',' as a rule test's inline model. Right: exit 2, LF3001,
// located in the test file.
TEST_CASE("a rule test whose inline model is a single comma") {
    check_hostile("test " + kFiles + "comma-inline-model.lf",
                  {.exit_codes = kInvalid,
                   .on_stderr = {"comma-inline-model.lf:7:1: error:", "[LF3001]"},
                   .max_seconds = 5});
}

// Tabs used for indentation, which YAML forbids. Right: exit 2, LF3001,
// located on the line with the tab.
TEST_CASE("tabs used for indentation in a model") {
    REQUIRE(read_text(source_path(kFiles + "tab-indented.yaml")).find("\n\tkind") !=
            std::string::npos);
    check_hostile(check_command(kFiles + "tab-indented.yaml"),
                  {.exit_codes = kInvalid, .on_stderr = {"tab-indented.yaml:5:", "[LF3001]"}});
}

// ---------------------------------------------------------------------------
// Aliases and merge keys

// Billion laughs: 9 levels of anchors, each aliasing the previous one 9
// times (387 million values). Right: exit 2, LF5001, in under 2 s.
TEST_CASE("billion laughs") {
    check_hostile(
        check_command(kFiles + "billion-laughs.yaml"),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "alias-expansion"}, .max_seconds = 2});
}

// A chain of 30 `<<` merge keys, each doubling the map before it. Right: exit
// 2 with LF5001, or a correct report; never an exhausted machine.
TEST_CASE("a chain of merge keys doubling a map 30 times") {
    const auto run = check_hostile(check_command(kFiles + "merge-key-doubling.yaml"),
                                   {.exit_codes = kAnyOutcome, .max_seconds = 5});
    if (run.exit_code == 2) {
        CHECK_MESSAGE(run.err.find("[LF5001]") != std::string::npos, run.err);
    }
}

// ---------------------------------------------------------------------------
// Nesting

// 10,000 nested flow lists: a recursive parser would overflow its stack.
// Right: exit 2, LF5001 (yaml-depth).
TEST_CASE("flow lists nested 10000 deep in a model") {
    const ScratchDir scratch;
    const auto model = scratch.write("deep.yaml", "surfaces: " + nested("[", "", "]", 10'000));
    check_hostile(
        check_command(model),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "yaml-depth"}, .max_seconds = 5});
}

// 10,000 nested flow maps {a: {a: ...}} inside a surface. Right: exit 2,
// LF5001 (yaml-depth).
TEST_CASE("flow maps nested 10000 deep in a surface") {
    const ScratchDir scratch;
    const auto model = scratch.write("deep.yaml", "surfaces:\n  - {id: x, kind: crm_object, a: " +
                                                      nested("{a: ", "1", "}", 10'000) + "}\n");
    check_hostile(
        check_command(model),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "yaml-depth"}, .max_seconds = 5});
}

// 1,000 nested block maps (each key indented one column more). Right: exit
// 2, LF5001 (yaml-depth).
TEST_CASE("block maps nested 1000 deep in a surface") {
    std::string text = "surfaces:\n  - id: x\n    kind: crm_object\n    a:\n";
    for (int depth = 1; depth <= 1'000; ++depth) {
        text += std::string(4 + depth, ' ') + "a:" + (depth == 1'000 ? " 1\n" : "\n");
    }
    const ScratchDir scratch;
    check_hostile(
        check_command(scratch.write("deep.yaml", text)),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "yaml-depth"}, .max_seconds = 5});
}

// ---------------------------------------------------------------------------
// Size

// A 100 MB scalar as a flow's `to`. Right: exit 2, LF5001 (line-size: the
// line holding it is cut off before the parser has read it all), and a short
// error: the value is not echoed.
TEST_CASE("a 100 MB scalar as a flow's to") {
    const ScratchDir scratch;
    const auto model = scratch.file("huge.yaml");
    {
        std::ofstream out(model, std::ios::binary);
        out << "surfaces:\n  - id: a\n    kind: crm_object\nflows:\n  - from: a\n    to: ";
        out << std::string(100'000'000, 'x') << "\n";
    }
    check_hostile(
        check_command(model),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "line-size"}, .max_output = 16'384});
}

// A 400 MB scalar, in a model file well within the 'model-file-size' limit
// (2 GB). Right: exit 2, LF5001 (line-size), in seconds, as for 100 MB: the
// line is measured as it is read, not once the parser has read all of it.
TEST_CASE("a 400 MB scalar") {
    const ScratchDir scratch;
    const auto model = scratch.file("huge.yaml");
    {
        std::ofstream out(model, std::ios::binary);
        out << "surfaces:\n  - id: a\n    kind: crm_object\n    note: ";
        const std::string block(1'000'000, 'x');
        for (int i = 0; i < 400; ++i) {
            out << block;
        }
        out << "\n";
    }
    check_hostile(check_command(model), {.exit_codes = kInvalid,
                                         .on_stderr = {"[LF5001]", "line-size"},
                                         .max_seconds = 5,
                                         .max_output = 16'384});
}

// A 2 MB surface id. Right: exit 2 (LF5001, value-size), with a short error.
TEST_CASE("a 2 MB id") {
    const ScratchDir scratch;
    const auto model = scratch.write(
        "long-id.yaml", "surfaces:\n  - id: " + std::string(2'000'000, 'i') + "\n    kind: x\n");
    check_hostile(check_command(model), {.exit_codes = kInvalid,
                                         .on_stderr = {"[LF5001]"},
                                         .max_seconds = 5,
                                         .max_output = 16'384});
}

// ---------------------------------------------------------------------------
// Control characters in what lexflow prints

// Ids, the model's name and interpolated attributes holding NUL, BEL, ESC
// sequences, OSC 8 hyperlinks, CR, LF, DEL and C1 CSI, on an AI generator in
// the EU so that findings quote them. Right: exit 1, every control shown
// escaped, no line forged.
TEST_CASE("control characters in ids and names in the text report") {
    check_hostile(check_command(kFiles + "escape-ids.yaml"),
                  {.exit_codes = kGaps, .forged = kForged});
}

// The same in the JSON report. Right: exit 1, valid JSON that gives the ids
// exactly (JSON escapes), and no raw control byte, DEL included.
TEST_CASE("control characters in ids and names in the JSON report") {
    const auto run = check_hostile(check_command(kFiles + "escape-ids.yaml", " --format json"),
                                   {.exit_codes = kGaps, .json = true, .forged = kForged});
    if (!nlohmann::json::accept(run.out)) {
        return;
    }
    const auto report = nlohmann::json::parse(run.out);
    constexpr char kGenerator[] = "gen\0\a\x1b[31m\x1b[2J\r\nFORGED-LINE\x7f\xc2\x9b";
    const std::string generator(kGenerator, sizeof(kGenerator) - 1);
    const auto& findings = report["findings"];
    CHECK(std::any_of(findings.begin(), findings.end(), [&](const nlohmann::json& finding) {
        return finding["subject"]["id"] == generator;
    }));
}

// Model file names holding ESC, OSC 8, BEL, CR, LF and DEL, in a report and
// in a located error. Right: exit 1 and exit 2, the name shown escaped.
TEST_CASE("control characters in a model's file name") {
    const ScratchDir scratch;
    const auto name = "estate" + kEsc + "]8;;https:evil" + kBel + "\r\n" + kForged + "\x7f";
    const auto valid = scratch.write(name + ".yaml", kGeneratorModel);
    const auto broken = scratch.write(name + "-broken.yaml", kGeneratorModel +
                                                                 "flows:\n"
                                                                 "  - from: drafter\n"
                                                                 "    to: nowhere\n");
    check_hostile(check_command(valid), {.exit_codes = kGaps, .forged = kForged});
    check_hostile(check_command(valid, " --format json"),
                  {.exit_codes = kGaps, .json = true, .forged = kForged});
    check_hostile(check_command(broken),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF3005]"}, .forged = kForged});
}

// A rule file whose name holds control characters and whose rule has a
// syntax error. Right: exit 2, the name shown escaped in the located error.
TEST_CASE("control characters in a rule file's name") {
    const ScratchDir scratch;
    const auto rules = scratch.write("rules" + kEsc + "[31m\r\n" + kForged + kBel + ".lf",
                                     "rule R {\n  title \"t\"\n  oops\n}\n");
    const Expected invalid{.exit_codes = kInvalid, .on_stderr = {"[LF1001]"}, .forged = kForged};
    check_hostile("lint " + quoted(rules), invalid);
    check_hostile("rules --rules " + quoted(rules), invalid);
}

// A rule whose title, citation, message and remediation, and a test whose
// name and model, hold raw control characters, through every command that
// prints them. Right: exit 0 (1 for check), every control shown escaped,
// valid JSON, and the message's line break never starts a line.
TEST_CASE("control characters in a rule's title and message") {
    const ScratchDir scratch;
    const auto rules = quoted(scratch.write("escapes.lf", rule_with_controls()));
    const auto model = quoted(scratch.write("model.yaml",
                                            "surfaces:\n  - {id: g, kind: "
                                            "ai_generator}\n"));
    const Expected ok{.exit_codes = {0}, .forged = kForged};
    const Expected json{.exit_codes = {0}, .json = true, .forged = kForged};
    check_hostile("test --no-default-rules " + rules, ok);
    check_hostile("test --verbose --format json --no-default-rules " + rules, json);
    check_hostile("rules --rules " + rules, ok);
    check_hostile("rules --format json --rules " + rules, json);
    check_hostile("explain ESC-RULE --rules " + rules, ok);
    check_hostile("lint " + rules, ok);
    check_hostile("lint --format json " + rules, json);
    check_hostile("check " + model + kAsOf + " --rules " + rules,
                  {.exit_codes = kGaps, .forged = kForged});
    check_hostile("check " + model + kAsOf + " --format json --rules " + rules,
                  {.exit_codes = kGaps, .json = true, .forged = kForged});
}

// ---------------------------------------------------------------------------
// Encodings and line ends

// Bytes that are not UTF-8 in a model's id and attribute values. Right: exit
// 0, 1 or 2 (never 3), and JSON that parses (invalid bytes become U+FFFD).
TEST_CASE("invalid UTF-8 in a model string") {
    const ScratchDir scratch;
    const auto model =
        scratch.write("latin1.yaml",
                      "jurisdictions: [EU]\n"
                      "surfaces:\n"
                      "  - id: \"gen\xff\xfe\"\n"
                      "    kind: ai_generator\n"
                      "    jurisdictions: [EU]\n"
                      "    modality: \"\xc3\x28\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf\"\n"
                      "    caf\xe9: 1\n");
    check_hostile(check_command(model), {.exit_codes = kAnyOutcome});
    check_hostile(check_command(model, " --format json"),
                  {.exit_codes = kAnyOutcome, .json = true});
}

// Bytes that are not UTF-8 in a rule's title and message, and in a test.
// Right: exit 0, 1 or 2 (never 3), and JSON that parses.
TEST_CASE("invalid UTF-8 in a rule string") {
    const ScratchDir scratch;
    const auto rules =
        quoted(scratch.write("latin1.lf",
                             "rule LATIN-1 {\n"
                             "  title       \"Caf\xe9 \xff\xfe surfaces\"\n"
                             "  severity    low\n"
                             "  cite        \"Art. \xc0\xaf\"\n"
                             "  for every node s require s has owner\n"
                             "  message     \"'{s}' \xed\xa0\x80 has no owner\"\n"
                             "  remediation \"Add \xf4\x90\x80\x80 an owner.\"\n"
                             "}\n"
                             "attribute owner { on node type string meaning \"t\" }\n"
                             "\n"
                             "test \"caf\xe9\" {\n"
                             "  rules       LATIN-1\n"
                             "  model       \"\"\"\n"
                             "    surfaces:\n"
                             "      - {id: \"x\xff\", kind: crm_object}\n"
                             "  \"\"\"\n"
                             "  expect      LATIN-1 on node \"x\xff\"\n"
                             "}\n"));
    const Expected json{.exit_codes = kAnyOutcome, .json = true};
    check_hostile(check_command(kEstate, " --format json --rules " + rules), json);
    check_hostile("rules --format json --rules " + rules, json);
    check_hostile("lint --format json " + rules, json);
    check_hostile("test --format json --no-default-rules " + rules, json);
}

// A UTF-8 byte order mark at the start of a model and of a rule file, as
// some Windows editors write. Right: both accepted (exit 0 or 1), and a
// warning on the rule's first line is located at the column an editor shows.
TEST_CASE("a byte order mark at the start of a model and of a rule file") {
    const ScratchDir scratch;
    const auto model = scratch.write("bom.yaml", "\xef\xbb\xbf" + kGeneratorModel);
    const auto rules = scratch.write("bom.lf",
                                     "\xef\xbb\xbfrule BOM {\n"
                                     "  title \"Surfaces name an owner\"\n"
                                     "  severity low\n"
                                     "  remediation \"Add one.\"\n"
                                     "  for every node s require s has owner\n"
                                     "  message \"'{s}' has no owner\"\n"
                                     "}\n"
                                     "attribute owner { on node type string meaning \"t\" }\n");
    check_hostile(check_command(model), {.exit_codes = kGaps});
    check_hostile(check_command(model, " --rules " + quoted(rules)), {.exit_codes = kGaps});
    const auto lint = check_hostile("lint " + quoted(rules), {.exit_codes = {0}});
    CHECK_MESSAGE(
        lint.out.find("bom.lf:1:6: warning: rule 'BOM' cites no provision") != std::string::npos,
        lint.out);
}

// CRLF line ends in a model and a rule file. Right: accepted, and an error is
// located on its line and column, not shifted by the CRs.
TEST_CASE("CRLF line ends") {
    const ScratchDir scratch;
    const auto model = scratch.write("crlf.yaml",
                                     "jurisdictions: [EU]\r\n"
                                     "surfaces:\r\n"
                                     "  - id: drafter\r\n"
                                     "    kind: ai_generator\r\n"
                                     "    jurisdictions: [EU]\r\n");
    const auto broken = scratch.write("crlf-broken.yaml",
                                      "surfaces:\r\n  - id: a\r\n    kind: crm_object\r\nflows:\r\n"
                                      "  - from: a\r\n    to: b\r\n");
    const auto rules = scratch.write("crlf.lf",
                                     "rule CRLF {\r\n"
                                     "  title \"Surfaces name an owner\"\r\n"
                                     "  severity low\r\n"
                                     "  cite \"House rule 1\"\r\n"
                                     "  remediation \"Add one.\"\r\n"
                                     "  for every node s require s has owner\r\n"
                                     "  message \"'{s}' has no owner\"\r\n"
                                     "}\r\n"
                                     "attribute owner { on node type string meaning \"t\" }\r\n");
    check_hostile(check_command(model), {.exit_codes = kGaps});
    check_hostile(
        check_command(broken),
        {.exit_codes = kInvalid, .on_stderr = {"crlf-broken.yaml:6:9: error:", "[LF3005]"}});
    check_hostile("lint " + quoted(rules), {.exit_codes = {0}});
    check_hostile(check_command(model, " --rules " + quoted(rules)), {.exit_codes = kGaps});
}

// Lone CRs as line ends in a rule file (old Mac editors). Right: accepted,
// and an error on the third line is reported on line 3.
TEST_CASE("CR-only line ends in a rule file") {
    const ScratchDir scratch;
    const std::string rule =
        "rule CR-ONLY {\r  title \"Surfaces name an owner\"\r  severity SEVERITY\r"
        "  cite \"House rule 1\"\r  remediation \"Add one.\"\r"
        "  for every node s require s has owner\r  message \"'{s}' has no owner\"\r}\r"
        "attribute owner { on node type string meaning \"t\" }\r";
    auto valid = rule;
    valid.replace(valid.find("SEVERITY"), 8, "low");
    auto broken = rule;
    broken.replace(broken.find("SEVERITY"), 8, "hgih");
    check_hostile("lint " + quoted(scratch.write("cr.lf", valid)), {.exit_codes = {0}});
    check_hostile("lint " + quoted(scratch.write("cr-broken.lf", broken)),
                  {.exit_codes = kInvalid,
                   .on_stderr = {"cr-broken.lf:3:12: error: unknown severity 'hgih'", "[LF2002]"}});
}

// ---------------------------------------------------------------------------
// The shape of a model

// A surface that gives `kind` twice; a YAML library keeps one silently.
// Right: exit 2, LF3007.
TEST_CASE("duplicate keys in a surface") {
    check_hostile(
        check_command(kFiles + "duplicate-key.yaml"),
        {.exit_codes = kInvalid, .on_stderr = {"duplicate-key.yaml:8:5: error:", "[LF3007]"}});
}

// Two flows a -> b, neither with an id, so both get the id 'drafter->crm'.
// Right: a duplicate id (exit 2, LF3004): a report, a waiver or a baseline
// could not tell the two apart.
TEST_CASE("two flows between the same surfaces with no id") {
    check_hostile(check_command(kFiles + "two-flows-without-id.yaml"),
                  {.exit_codes = kInvalid, .on_stderr = {"two flows have the id", "[LF3004]"}});
}

// An AI generator whose output flows back into itself. Right: a report (exit
// 0 or 1): path searches end.
TEST_CASE("a self-loop flow") {
    check_hostile(check_command(kFiles + "self-loop.yaml"),
                  {.exit_codes = kReport, .max_seconds = 5});
}

// 10,000 surfaces in a cycle. Right: a report (exit 0 or 1) in under 5 s.
// Each of the 20,000 surfaces and flows lacks attributes the packs read, so
// the report is long: up to 1.5 KB per element (30 MB) is fair.
TEST_CASE("a cycle of 10000 surfaces") {
    const ScratchDir scratch;
    check_hostile(check_command(scratch.write("cycle.yaml", cycle_model(10'000, false))),
                  {.exit_codes = kReport, .max_seconds = 5, .max_output = 30U << 20U});
}

// 10,000 surfaces in a cycle fed by an AI generator, all facing customers in
// the EU, so that every path rule follows the whole cycle to every target.
// Right: a report (exit 0 or 1) in seconds, linear in the model: 60,000
// findings and undecided checks, each witness cut to its first and last 32
// flows. (Kept whole, the witnesses made the report quadratic: 5 GB of
// memory at 4,000 surfaces.)
TEST_CASE("a cycle of 10000 surfaces fed by an AI generator") {
    const ScratchDir scratch;
    check_hostile(check_command(scratch.write("cycle.yaml", cycle_model(10'000, true))),
                  {.exit_codes = kReport, .max_seconds = 8, .max_output = 48U << 20U});
}

// 20,000 flows to surfaces that do not exist. Right: exit 2, LF3005, in under
// 5 s, with at most 20 errors shown.
TEST_CASE("20000 flows to unknown surfaces") {
    std::string text = "surfaces:\n  - {id: a, kind: crm_object}\nflows:\n";
    for (int i = 0; i < 20'000; ++i) {
        text += "  - {from: a, to: missing-" + std::to_string(i) + "}\n";
    }
    const ScratchDir scratch;
    const auto run =
        check_hostile(check_command(scratch.write("unknown.yaml", text)),
                      {.exit_codes = kInvalid, .on_stderr = {"[LF3005]"}, .max_seconds = 5});
    CHECK(count_of(run.err, ": error: ") <= 20);
}

// ---------------------------------------------------------------------------
// Files that are not model or rule files

// An empty model would pass every check. Right: exit 2, LF3008.
TEST_CASE("an empty model file") {
    check_hostile(check_command(kFiles + "empty.yaml"),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF3008]"}});
}

// A folder named like a model. Right: exit 2, LF4001.
TEST_CASE("a model that is a folder") {
    const ScratchDir scratch;
    fs::create_directories(scratch.file("estate.yaml"));
    check_hostile(check_command(scratch.file("estate.yaml")),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4001]"}});
}

// A model that cannot be read. Right: exit 2 with an error naming it. Root
// reads it anyway, so the case is skipped there.
TEST_CASE("an unreadable model file") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: running as root, which reads a file whatever its mode");
        return;
    }
    const ScratchDir scratch;
    const auto model = scratch.write("estate.yaml", kGeneratorModel);
    fs::permissions(model, fs::perms::none);
    check_hostile(check_command(model), {.exit_codes = kInvalid, .on_stderr = {"estate.yaml"}});
}

// A FIFO named x.lf given with --rules: opening it blocks until someone
// writes. Right: exit 2, LF4005, at once.
TEST_CASE("a FIFO given as a rule file") {
    const ScratchDir scratch;
    const auto fifo = scratch.file("x.lf");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    check_hostile(check_command(kEstate, " --rules " + quoted(fifo)),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4005]"}, .max_seconds = 5});
}

// A FIFO named x.lf inside a rules folder. Right: exit 2, LF4005, at once.
TEST_CASE("a FIFO inside a rules folder") {
    const ScratchDir scratch;
    scratch.write("rules/owners.lf", rule_with_test("\"model.yaml\""));
    REQUIRE(::mkfifo(scratch.file("rules/x.lf").c_str(), 0600) == 0);
    check_hostile(check_command(kEstate, " --rules " + quoted(scratch.file("rules"))),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4005]"}, .max_seconds = 5});
}

// A device that never ends. Right: exit 2, LF4005, at once.
TEST_CASE("a device given as a rule file") {
    check_hostile(check_command(kEstate, " --rules /dev/zero"),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4005]"}, .max_seconds = 5});
}

// ---------------------------------------------------------------------------
// Paths that leave the tree

// A model in the pull request that is a symbolic link to a file elsewhere on
// the CI machine. Right: exit 2, LF4006, and nothing of the file shown.
TEST_CASE("a model that is a link to a file outside the tree") {
    const Secret secret;
    const ScratchDir work;
    fs::create_symlink(secret.path(), work.file("estate.yaml"));
    check_hostile("check estate.yaml" + kAsOf,
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4006]"}, .never = {kMarker}},
                  work.path().string());
}

// A rules folder holding evil.lf, a link to a file outside the folder.
// Right: exit 2, LF4006, and nothing of the file shown.
TEST_CASE("a rules folder holding a link to a file outside it") {
    const Secret secret;
    const ScratchDir work;
    work.write("rules/owners.lf", rule_with_test("\"model.yaml\""));
    fs::create_symlink(secret.path(), work.file("rules/evil.lf"));
    check_hostile(check_command(kEstate, " --rules " + quoted(work.file("rules"))),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4006]"}, .never = {kMarker}});
}

// Rule tests whose model is outside the test's folder: an absolute path, a
// path through '..', and a link in the folder. Right: `test` exits 2 with
// LF4006; `explain` and `lint`, which read tests too, end normally; none
// shows anything of the file.
TEST_CASE("rule tests whose model leaves the test's folder") {
    const Secret secret;
    const ScratchDir work;
    work.write("x.yaml", secret_text());
    fs::create_directories(work.file("link"));
    fs::create_symlink(secret.path(), work.file("link/model.yaml"));
    const std::vector<std::string> tests = {
        work.write("absolute/abs_test.lf", rule_with_test("\"" + secret.path() + "\"")),
        work.write("a/b/up_test.lf", rule_with_test("\"../../x.yaml\"")),
        work.write("link/link_test.lf", rule_with_test("\"model.yaml\"")),
    };
    for (const auto& test : tests) {
        CAPTURE(test);
        check_hostile("test --no-default-rules " + quoted(test),
                      {.exit_codes = kInvalid, .on_stderr = {"[LF4006]"}, .never = {kMarker}});
        check_hostile("explain HOUSE-X --no-default-rules --rules " + quoted(test),
                      {.exit_codes = kAnyOutcome, .never = {kMarker}});
        check_hostile("lint " + quoted(test), {.exit_codes = kAnyOutcome, .never = {kMarker}});
    }
}

// ---------------------------------------------------------------------------
// Rule files

// 10,000 nested parentheses in a condition: a recursive-descent parser would
// overflow its stack. Right: exit 2 with a located syntax error.
TEST_CASE("parentheses nested 10000 deep in a rule's condition") {
    const ScratchDir scratch;
    const auto rules = scratch.write("deep.lf",
                                     "rule DEEP {\n  title \"t\"\n  severity low\n  message \"m\"\n"
                                     "  for every node x require " +
                                         nested("(", "x has owner", ")", 10'000) + "\n}\n");
    const auto run = check_hostile("lint " + quoted(rules), {.exit_codes = kInvalid});
    CHECK_MESSAGE(std::regex_search(run.err, std::regex("deep\\.lf:[0-9]+:[0-9]+: error: ")),
                  run.err);
}

// A rule whose title is a 1 MB string literal, through the commands that
// print titles. Right: any normal outcome, no hang, output of a few MB: the
// text report cuts titles (the JSON report holds them whole).
TEST_CASE("a 1 MB string literal as a rule's title") {
    const ScratchDir scratch;
    const auto rules = quoted(scratch.write(
        "long-title.lf", "rule LONG {\n  title \"" + std::string(1'000'000, 't') +
                             "\"\n  severity low\n  cite \"c\"\n  remediation \"r\"\n"
                             "  for every node x require x has owner\n  message \"m\"\n}\n"));
    check_hostile("lint " + rules, {.exit_codes = kAnyOutcome, .max_seconds = 10});
    check_hostile("rules --rules " + rules, {.exit_codes = kAnyOutcome, .max_seconds = 10});
    check_hostile("explain LONG --rules " + rules, {.exit_codes = kAnyOutcome, .max_seconds = 10});
    check_hostile(check_command(kEstate, " --rules " + rules),
                  {.exit_codes = kAnyOutcome, .max_seconds = 10});
}

// Six nested `exists node` quantifiers under `for every node` on 50 surfaces:
// 50^7 evaluations. Right: exit 2, LF5001 (evaluation-steps), in under 5 s.
TEST_CASE("six nested exists quantifiers on a 50-surface model") {
    std::string text = "surfaces:\n";
    for (int i = 0; i < 50; ++i) {
        text += "  - {id: s" + std::to_string(i) + ", kind: crm_object}\n";
    }
    const ScratchDir scratch;
    check_hostile(
        check_command(scratch.write("fifty.yaml", text),
                      " --rules " + kFiles + "six-nested-quantifiers.lf"),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "evaluation-steps"}, .max_seconds = 5});
}

// 40,000 rules (about as many as the 'rules-size' limit lets in), each
// reading an attribute of its own that it declares, so that the vocabulary
// checks and lint see 40,000 names. Right: lint ends in under 15 s.
TEST_CASE("40000 rules each declaring and reading a distinct attribute through lint") {
    std::string text;
    for (int i = 0; i < 40'000; ++i) {
        const auto n = std::to_string(i);
        text += "rule R" + n + " { title \"t\" severity low cite \"c\" remediation \"r\" " +
                "message \"m\" for every node x require x has attribute_" + n + " }\n" +
                "attribute attribute_" + n + " { on node type boolean meaning \"m\" }\n";
    }
    const ScratchDir scratch;
    check_hostile("lint " + quoted(scratch.write("many.lf", text)),
                  {.exit_codes = {0}, .max_output = 64U << 20U});
}

// A rule file just within the 'rules-size' limit (8 MB): 45,000 rules, each
// with the attribute it reads, each a gap on every surface of the example
// estate (1.8 million findings).
// Right: exit 2 with LF5001 (a limit on the work or the report), or a report,
// within seconds and the fence; never an internal error. The 'findings'
// limit (a million) stops it with LF5001.
TEST_CASE("a rule file at the size limit checked against the example estate") {
    std::string text;
    for (int i = 0;; ++i) {
        const auto n = std::to_string(i);
        const auto rule = "rule R" + n + " { title \"t\" severity low cite \"c\" remediation " +
                          "\"r\" message \"m\" for every node x require x has attribute_" + n +
                          " }\nattribute attribute_" + n +
                          " { on node type boolean meaning \"m\" }\n";
        if (text.size() + rule.size() > 8U << 20U) {
            break;
        }
        text += rule;
    }
    const ScratchDir scratch;
    const auto run =
        check_hostile(check_command(kEstate, " --rules " + quoted(scratch.write("max.lf", text))),
                      {.exit_codes = {1, 2}, .max_output = 64U << 20U});
    if (run.exit_code == 2) {
        CHECK_MESSAGE(run.err.find("[LF5001]") != std::string::npos, run.err);
    }
}

// ---------------------------------------------------------------------------
// Options

// A limit that does not exist, and a limit of zero. Right: exit 2 with a clear
// message, and the page the message points to exists.
TEST_CASE("misused --limit options") {
    const auto unknown =
        check_hostile(check_command(kEstate, " --limit nope=1"),
                      {.exit_codes = kInvalid, .on_stderr = {"no limit 'nope'"}, .max_seconds = 5});
    check_hostile(check_command(kEstate, " --limit yaml-depth=0"),
                  {.exit_codes = kInvalid,
                   .on_stderr = {"'yaml-depth' must be a positive whole number"},
                   .max_seconds = 5});
    if (unknown.err.find("docs/limits.md") != std::string::npos) {
        CHECK_MESSAGE(fs::exists(source_path("docs/limits.md")),
                      "the message names docs/limits.md, which does not exist");
    }
}

namespace {

/// A rule file where predicate pN calls p(N-1) `calls` times, and rule BIG
/// calls the last one.
std::string predicate_chain(int length, int calls) {
    std::string text = "predicate p0(node x) = x has controls\n";
    for (int i = 1; i < length; ++i) {
        text += "predicate p" + std::to_string(i) + "(node x) = ";
        for (int call = 0; call < calls; ++call) {
            text += (call > 0 ? " and p" : "p") + std::to_string(i - 1) + "(x)";
        }
        text += "\n";
    }
    return text + "rule BIG { title \"t\" severity low message \"m\" for every node x require p" +
           std::to_string(length - 1) + "(x) }\n";
}

}  // namespace

// 100,000 predicates, each calling the one before: evaluating a call means
// evaluating the body it stands for, so a naive checker or evaluator recurses
// 100,000 deep and overflows its stack. Right: a located LF5001 at the rule,
// quickly.
TEST_CASE("a chain of 100000 predicates, each calling the one before") {
    const ScratchDir scratch;
    check_hostile(
        check_command(kEstate,
                      " --rules " + quoted(scratch.write("chain.lf", predicate_chain(100'000, 1)))),
        {.exit_codes = kInvalid,
         .on_stderr = {"chain.lf:100001:6: error: rule 'BIG' nests deeper than 1000 "
                       "conditions once its predicates are expanded [LF5001]"},
         .max_seconds = 10});
}

// A chain just short of the depth bound is evaluated, on every surface of the
// example estate. Right: a report (each surface without controls is a gap).
TEST_CASE("a chain of 900 predicates, each calling the one before, is evaluated") {
    const ScratchDir scratch;
    check_hostile(check_command(kEstate, " --rules " + quoted(scratch.write(
                                                           "chain.lf", predicate_chain(900, 1)))),
                  {.exit_codes = kGaps, .max_seconds = 10});
}

// 60 predicates, each calling the one before twice: 2^60 conditions once
// expanded, from a 5 KB file. Right: a located LF5001 at the rule, at once.
TEST_CASE("predicates that double at each step, 60 steps") {
    const ScratchDir scratch;
    check_hostile(check_command(kEstate, " --rules " + quoted(scratch.write(
                                                           "double.lf", predicate_chain(60, 2)))),
                  {.exit_codes = kInvalid,
                   .on_stderr = {"error: rule 'BIG' grows past 100000 conditions once its "
                                 "predicates are expanded [LF5001]"},
                   .max_seconds = 5});
}

// Counts nested three deep never stop early: n^3 steps on 5,000 surfaces.
// Right: the evaluation budget stops it with LF5001, quickly.
TEST_CASE("counts nested three deep on a 5000-surface model") {
    std::string model = "surfaces:\n";
    for (int i = 0; i < 5'000; ++i) {
        model += "  - {id: s" + std::to_string(i) + ", kind: crm_object}\n";
    }
    const ScratchDir scratch;
    const auto rules = scratch.write(
        "counts.lf",
        "rule COUNTS { title \"t\" severity low message \"m\" for the model require count(node a "
        "where count(node b where count(node c where c.kind == a.kind) > 0) > 0) > 0 }\n");
    check_hostile(
        check_command(scratch.write("many.yaml", model), " --rules " + quoted(rules)),
        {.exit_codes = kInvalid, .on_stderr = {"[LF5001]", "evaluation-steps"}, .max_seconds = 10});
}

// ---------------------------------------------------------------------------
// The inputs of a pull-request check: waivers, baselines, includes, config

// Billion laughs as a waiver file: it is read like a model (and after the
// rules and the model, hence 5 s). Right: exit 2, LF5001, at once.
TEST_CASE("billion laughs as a waiver file") {
    check_hostile(check_command(kEstate, " --waivers " + quoted(kFiles + "billion-laughs.yaml")),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF5001]"}, .max_seconds = 5});
}

// A FIFO given as the waiver file or the baseline: reading it would block.
// Right: exit 2, LF4005, at once.
TEST_CASE("a FIFO given as the waiver file or the baseline") {
    const ScratchDir scratch;
    const auto fifo = scratch.file("pipe.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string option : {" --waivers ", " --baseline "}) {
        check_hostile(check_command(kEstate, option + quoted(fifo)),
                      {.exit_codes = kInvalid, .on_stderr = {"[LF4005]"}, .max_seconds = 5});
    }
}

// A baseline of arrays nested two million deep: a recursive JSON parser
// would overflow its stack. Right: exit 2, LF6005, in bounded time.
TEST_CASE("a baseline nested two million deep") {
    const ScratchDir scratch;
    const auto baseline = scratch.write(
        "deep.json", "{\"format_version\": 1, \"findings\": " + nested("[", "", "]", 2'000'000) +
                         ", \"not_evaluated\": []}");
    check_hostile(check_command(kEstate, " --baseline " + quoted(baseline)),
                  {.exit_codes = kInvalid, .on_stderr = {"[LF6005]"}, .max_seconds = 10});
}

// Control characters in what a waiver says (owner, justification): they go
// into every report. Right: the gap is waived, and no raw control character
// reaches the terminal (checked for every case).
TEST_CASE("control characters in a waiver") {
    const ScratchDir scratch;
    // YAML's escapes (\e, \x07, \n) put the control characters in the values.
    const auto waivers =
        scratch.write("waivers.yaml",
                      "waivers:\n"
                      "  - rule: AIA-50-2-MARKING\n"
                      "    subject: lead-enrichment-model\n"
                      "    owner: \"\\e[31mred\\x07\\n" +
                          kForged +
                          "\"\n"
                          "    justification: \"\\e]8;;https://evil.example\\x07link\"\n"
                          "    approval: \"\\e[2J\"\n"
                          "    expires: 2027-01-31\n");
    for (const std::string format : {"text", "json", "sarif", "junit", "markdown"}) {
        CAPTURE(format);
        check_hostile(
            check_command(kEstate, " --waivers " + quoted(waivers) + " --format " + format),
            {.exit_codes = kGaps, .never = {"\n" + kForged}});
    }
}

// A model that includes a link to a file elsewhere on the CI machine, and one
// that includes its own parent folder's files. Right: exit 2, LF4006, and
// nothing of the file shown.
TEST_CASE("an include that leaves the model's folder") {
    const Secret secret;
    const ScratchDir work;
    work.write("model/estate.yaml", "include: [parts.yaml]\n" + kGeneratorModel);
    fs::create_symlink(secret.path(), work.file("model/parts.yaml"));
    check_hostile("check model/estate.yaml" + kAsOf,
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4006]"}, .never = {kMarker}},
                  work.path().string());
    work.write("model/up.yaml", "include: ['../secret.yaml']\n" + kGeneratorModel);
    check_hostile("check model/up.yaml" + kAsOf,
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4006]"}, .never = {kMarker}},
                  work.path().string());
}

// Two files that include each other, and a file that includes itself.
// Right: exit 2, LF3011, at once: never a hang.
TEST_CASE("include cycles") {
    const ScratchDir work;
    const auto a = work.write("a.yaml", "include: b.yaml\n" + kGeneratorModel);
    work.write("b.yaml", "include: [a.yaml]\n");
    const auto self = work.write("self.yaml", "include: self.yaml\n" + kGeneratorModel);
    for (const auto& model : {a, self}) {
        check_hostile(check_command(model),
                      {.exit_codes = kInvalid, .on_stderr = {"[LF3011]"}, .max_seconds = 5});
    }
}

// A .lexflow.yaml in the pull request that is a link to a file elsewhere on
// the CI machine: lexflow finds it by itself. Right: exit 2, LF4006, and
// nothing of the file shown (a syntax error would quote its first line).
TEST_CASE("a config file that is a link to a file outside its folder") {
    const Secret secret;
    const ScratchDir work;
    fs::create_directories(work.file(".git"));
    work.write("estate.yaml", kGeneratorModel);
    fs::create_symlink(secret.path(), work.file(".lexflow.yaml"));
    check_hostile("check estate.yaml" + kAsOf,
                  {.exit_codes = kInvalid, .on_stderr = {"[LF4006]"}, .never = {kMarker}},
                  work.path().string());
}
