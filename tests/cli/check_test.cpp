// End-to-end tests of `lexflow check`: the real binary, run from the project
// root as a user or a CI job would run it.

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::check_golden;
using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;
using lexflow::testing::ScratchDir;
using lexflow::testing::source_path;

namespace {

const std::string kEstate = "examples/acme-crm/estate.yaml";
const std::string kRemediated = "examples/acme-crm-remediated/estate.yaml";
const std::string kFixtures = "tests/cli/fixtures/";
const std::string kTextGolden = "examples/acme-crm/expected-report.txt";
const std::string kJsonGolden = "examples/acme-crm/expected-report.json";

constexpr char kEscape = '\x1b';

/// Runs lexflow in a pseudo-terminal (util-linux script(1)), so that `--color
/// auto` sees a terminal; returns everything it printed.
std::string run_in_terminal(const std::string& arguments, const std::string& environment) {
    REQUIRE_MESSAGE(std::system("command -v script >/dev/null 2>&1") == 0,
                    "this test needs script(1) from util-linux");
    const ScratchDir scratch;
    const auto out = scratch.file("out");
    const auto command = "cd '" + std::string(LEXFLOW_SOURCE_DIR) + "' && " + environment +
                         " script -qec \"'" + std::string(LEXFLOW_BINARY) + "' " + arguments +
                         "\" /dev/null >'" + out + "' 2>&1 </dev/null";
    (void)std::system(command.c_str());
    return read_text(out);
}

const std::string kSmallModelReport =
    "lexflow check: small\n"
    "  model: 2 surfaces, 1 flow, 0 roles from tests/cli/fixtures/small-model.yaml\n"
    "  rules: 2 evaluated as of 2026-11-25; packs: none\n"
    "\n"
    "MEDIUM (1)\n"
    "\n"
    "  HOUSE-OWNER  Surfaces name an owning team\n"
    "    tests/cli/fixtures/small-model.yaml:7:5: node 'drafter'\n"
    "    Surface 'drafter' names no owning team\n"
    "    fix:  Add 'owner: TEAM' to 'drafter'.\n"
    "\n"
    "LOW (1)\n"
    "\n"
    "  HOUSE-FLOW-CLASS  Flows into CRM objects are classified\n"
    "    tests/cli/fixtures/small-model.yaml:10:5: flow 'drafter->crm-db'\n"
    "    Flow 'drafter->crm-db' into 'crm-db' has no classification\n"
    "\n"
    "2 gaps (1 medium, 1 low)\n";

/// The golden JSON report of the example estate.
nlohmann::json golden_report() {
    return nlohmann::json::parse(read_text(source_path(kJsonGolden)));
}

/// The closing stderr line lexflow must print for `report` at `threshold`:
/// gaps and undecided checks in force at or above it (upcoming ones never count).
std::string fail_line(const nlohmann::json& report, const std::string& threshold) {
    const std::vector<std::string> order = {"info", "low", "medium", "high", "critical"};
    const auto rank = [&](const std::string& severity) {
        return std::find(order.begin(), order.end(), severity) - order.begin();
    };
    const auto counted = [&](const nlohmann::json& list) {
        return std::count_if(list.begin(), list.end(), [&](const nlohmann::json& entry) {
            return !entry["upcoming"].get<bool>() &&
                   rank(entry["severity"].get<std::string>()) >= rank(threshold);
        });
    };
    const auto gaps = counted(report["findings"]);
    const auto undecided = counted(report["not_evaluated"]);
    auto line = "lexflow: " + std::to_string(gaps) + " gap" + (gaps == 1 ? "" : "s");
    if (undecided > 0) {
        line +=
            " and " + std::to_string(undecided) + " undecided check" + (undecided == 1 ? "" : "s");
    }
    return line + " at or above '" + threshold + "'\n";
}

/// How many rules the shipped packs hold.
std::size_t shipped_rule_count() {
    const auto result = run_lexflow("rules --format json");
    return nlohmann::json::parse(result.out)["rules"].size();
}

}  // namespace

// ------------------------------------------------------------ the examples

TEST_CASE("the example estate has gaps: exit 1 and the expected text report") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate);
    CHECK(result.exit_code == 1);
    check_golden(kTextGolden, result.out);
    CHECK(result.err == fail_line(golden_report(), "low"));
}

TEST_CASE("the example estate's JSON report is the expected one and parses") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --format json");
    CHECK(result.exit_code == 1);
    check_golden(kJsonGolden, result.out);
    const auto json = nlohmann::json::parse(result.out);
    CHECK(json["model"]["name"] == "acme-crm");
    CHECK(json["model"]["files"] == nlohmann::json::array({kEstate}));
    const auto& summary = json["summary"];
    CHECK(json["findings"].size() ==
          summary["findings"].get<std::size_t>() + summary["upcoming"].get<std::size_t>());
    CHECK(json["not_evaluated"].size() == summary["not_evaluated"].get<std::size_t>());
    std::size_t by_severity = 0;
    for (const auto& [severity, count] : summary["by_severity"].items()) {
        by_severity += count.get<std::size_t>();
    }
    CHECK(by_severity == summary["findings"].get<std::size_t>());
    // Every pack trips at least one rule in the example.
    for (const auto* pack : {"eu-ai-act", "gdpr", "nist-ai-rmf"}) {
        CAPTURE(pack);
        CHECK(std::any_of(json["findings"].begin(), json["findings"].end(),
                          [&](const nlohmann::json& f) { return f["pack"] == pack; }));
    }
}

TEST_CASE("the remediated estate has no gaps: exit 0") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kRemediated);
    CHECK(result.exit_code == 0);
    CHECK(result.out.starts_with("lexflow check: acme-crm-remediated\n"));
    CHECK(result.out.find("\n  rules: " + std::to_string(shipped_rule_count()) +
                          " evaluated as of 2026-11-25; packs: eu-ai-act, gdpr, nist-ai-rmf\n") !=
          std::string::npos);
    CHECK(result.out.ends_with("\n\nno gaps\n"));
    CHECK(result.err.empty());
}

// ------------------------------------------------------------ --fail-on

TEST_CASE("--fail-on sets the lowest severity that fails the check") {
    SUBCASE("high: the high gaps and the high undecided check count") {
        const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --fail-on high");
        CHECK(result.exit_code == 1);
        CHECK(result.err == fail_line(golden_report(), "high"));
        check_golden(kTextGolden, result.out);
    }
    SUBCASE("critical: only the critical gaps count") {
        const auto result =
            run_lexflow("check --as-of 2026-11-25 " + kEstate + " --fail-on critical");
        CHECK(result.exit_code == 1);
        CHECK(result.err == fail_line(golden_report(), "critical"));
        check_golden(kTextGolden, result.out);
    }
    SUBCASE("none: never fails, but still reports") {
        const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --fail-on none");
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
        check_golden(kTextGolden, result.out);
    }
    SUBCASE("info on a clean estate") {
        const auto result =
            run_lexflow("check --as-of 2026-11-25 " + kRemediated + " --fail-on info");
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
    }
    SUBCASE("an unknown severity is a usage error") {
        const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --fail-on hgih");
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err ==
              "lexflow: error: --fail-on: hgih not in {critical,high,medium,low,info,none}\n"
              "Run 'lexflow --help' for usage.\n");
    }
}

TEST_CASE("a pack that cannot decide whether it applies fails the check") {
    // The model gives no 'jurisdictions', so the EU packs cannot decide.
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kFixtures +
                                    "split/surfaces.yaml " + kFixtures + "split/flows.yaml");
    CHECK(result.exit_code == 1);
    CHECK(result.out.find(" packs: eu-ai-act (not_evaluated), gdpr (not_evaluated), "
                          "nist-ai-rmf\n") != std::string::npos);
    CHECK(result.out.find("\n  declare jurisdictions to decide 2 checks whether packs "
                          "'eu-ai-act' and 'gdpr' apply\n") != std::string::npos);
    CHECK(result.err.find("undecided checks at or above 'low'") != std::string::npos);

    const auto verbose = run_lexflow("check --verbose --as-of 2026-11-25 " + kFixtures +
                                     "split/surfaces.yaml " + kFixtures + "split/flows.yaml");
    CHECK(verbose.exit_code == 1);
    CHECK(verbose.out.find("\n  pack 'eu-ai-act' could not decide whether it applies\n"
                           "    the model does not give: model.jurisdictions\n") !=
          std::string::npos);
    CHECK(verbose.out.find("\n  pack 'gdpr' could not decide whether it applies\n"
                           "    the model does not give: model.jurisdictions\n") !=
          std::string::npos);
}

// ------------------------------------------------------------ output and formats

TEST_CASE("--output writes the report to the file and nothing to stdout") {
    const ScratchDir scratch;
    SUBCASE("text") {
        const auto path = scratch.file("report.txt");
        const auto result =
            run_lexflow("check --as-of 2026-11-25 " + kEstate + " --output '" + path + "'");
        CHECK(result.exit_code == 1);
        CHECK(result.out.empty());
        CHECK(result.err == fail_line(golden_report(), "low"));
        CHECK(read_text(path) == read_text(source_path(kTextGolden)));
    }
    SUBCASE("json, with -o") {
        const auto path = scratch.file("report.json");
        const auto result =
            run_lexflow("check --as-of 2026-11-25 " + kEstate + " --format json -o '" + path + "'");
        CHECK(result.exit_code == 1);
        CHECK(result.out.empty());
        CHECK(read_text(path) == read_text(source_path(kJsonGolden)));
    }
    SUBCASE("an existing file is replaced") {
        const auto path = scratch.file("report.txt");
        std::ofstream(path) << std::string(20000, 'x');
        const auto result =
            run_lexflow("check --as-of 2026-11-25 " + kRemediated + " --output '" + path + "'");
        CHECK(result.exit_code == 0);
        CHECK(read_text(path).starts_with("lexflow check: acme-crm-remediated\n"));
        CHECK(read_text(path).ends_with("\nno gaps\n"));
    }
}

TEST_CASE("a report that cannot be written is an error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kRemediated + " --output " +
                                    kFixtures + "no-such-dir/report.txt");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(
        result.err ==
        "lexflow: error: cannot write the report to 'tests/cli/fixtures/no-such-dir/report.txt'\n");
}

TEST_CASE("--format json on a clean estate") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kRemediated + " --format json");
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    const auto json = nlohmann::json::parse(result.out);
    CHECK(json["format_version"] == 1);
    CHECK(json["findings"] == nlohmann::json::array());
    CHECK(json["not_evaluated"] == nlohmann::json::array());
    CHECK(json["summary"]["findings"] == 0);
    CHECK(json["rules_evaluated"] == shipped_rule_count());
    CHECK(json["packs"].size() == 3);
}

TEST_CASE("an unknown --format is a usage error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --format xml");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "lexflow: error: --format: xml not in {text,json,sarif,junit,markdown}\nRun 'lexflow "
          "--help' for usage.\n");
}

// ------------------------------------------------------------ rules

TEST_CASE("--rules adds a folder of rule files, searched recursively") {
    const auto result =
        run_lexflow("check --as-of 2026-11-25 " + kFixtures +
                    "small-model.yaml --no-default-rules " + "--rules " + kFixtures + "rules");
    CHECK(result.exit_code == 1);
    CHECK(result.out == kSmallModelReport);
    CHECK(result.err == "lexflow: 2 gaps at or above 'low'\n");
}

TEST_CASE("--rules adds a single rule file") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kFixtures +
                                    "small-model.yaml --no-default-rules " + "--rules " +
                                    kFixtures + "rules/owners.lf --fail-on high");
    CHECK(result.exit_code == 0);
    CHECK(
        result.out.starts_with("lexflow check: small\n"
                               "  model: 2 surfaces, 1 flow, 0 roles from "
                               "tests/cli/fixtures/small-model.yaml\n"
                               "  rules: 1 evaluated as of 2026-11-25; packs: none\n"));
    CHECK(result.out.find("HOUSE-OWNER") != std::string::npos);
    CHECK(result.out.find("HOUSE-FLOW-CLASS") == std::string::npos);
    CHECK(result.out.ends_with("\n1 gap (1 medium)\n"));
    CHECK(result.err.empty());
}

TEST_CASE("rule tests loaded with --rules are no input to the check") {
    // The tests name GDPR-CROSS-TENANT, which is not loaded: `lexflow test`
    // would reject them, but check only reads rules.
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kFixtures +
                                    "small-model.yaml --no-default-rules --rules " + kFixtures +
                                    "rules/owners.lf --rules tests/rules/gdpr/GDPR-CROSS-TENANT");
    CHECK(result.exit_code == 1);
    CHECK(result.err == "lexflow: 1 gap at or above 'low'\n");
    CHECK(result.out.ends_with("\n1 gap (1 medium)\n"));
}

TEST_CASE("--rules is repeatable and adds to the built-in packs") {
    const auto repeated = run_lexflow(
        "check --as-of 2026-11-25 " + kFixtures + "small-model.yaml --no-default-rules --rules " +
        kFixtures + "rules/owners.lf --rules " + kFixtures + "rules/flows/classes.lf");
    CHECK(repeated.exit_code == 1);
    CHECK(repeated.out == kSmallModelReport);

    const auto added =
        run_lexflow("check --as-of 2026-11-25 " + kEstate + " --rules " + kFixtures + "rules");
    CHECK(added.exit_code == 1);
    CHECK(added.out.find("  rules: " + std::to_string(shipped_rule_count() + 2) +
                         " evaluated as of 2026-11-25; packs: eu-ai-act, gdpr, nist-ai-rmf\n") !=
          std::string::npos);
    CHECK(added.out.find("  HOUSE-OWNER  Surfaces name an owning team\n"
                         "    examples/acme-crm/estate.yaml:") != std::string::npos);
}

TEST_CASE("--no-default-rules without --rules is an error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --no-default-rules");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "lexflow: error: --no-default-rules leaves no rules to check; add --rules PATH\n");
}

TEST_CASE("a --rules path that does not exist is an error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --rules " +
                                    kFixtures + "no-such-rules");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "tests/cli/fixtures/no-such-rules: error: no such file or folder [LF4001]\n"
          "  help: check the spelling of the path\n"
          "1 error generated.\n");
}

TEST_CASE("a --rules folder without rule files is an error") {
    const auto result =
        run_lexflow("check --as-of 2026-11-25 " + kEstate + " --rules " + kFixtures + "no-rules");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "tests/cli/fixtures/no-rules: error: the folder contains no rule files (*.lf) "
          "[LF4002]\n"
          "  help: pass a folder that holds .lf files, or the files themselves\n"
          "1 error generated.\n");
}

TEST_CASE("a rule file with a syntax error stops the check with a located error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --rules " +
                                    kFixtures + "bad-syntax.lf");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "tests/cli/fixtures/bad-syntax.lf:5:35: error: '=' is not an operator; use '==' to "
          "compare values [LF1001]\n"
          "  5 |   for every node x require x.kind = \"crm_object\"\n"
          "    |                                   ^\n"
          "1 error generated.\n");
}

// ------------------------------------------------------------ models

TEST_CASE("a missing model file stops the check with a located error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kFixtures + "no-such-model.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "tests/cli/fixtures/no-such-model.yaml: error: no such model file [LF4001]\n"
          "  help: pass the YAML or JSON file(s) of the model, or a folder of them\n"
          "1 error generated.\n");
}

TEST_CASE("a folder without model files given as the model is an error") {
    const auto result = run_lexflow("check --as-of 2026-11-25 tests/cli/fixtures/rules");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "tests/cli/fixtures/rules: error: the folder contains no model files (*.yaml, *.yml, *.json) "
          "[LF4001]\n"
          "  help: pass the YAML or JSON file(s) of the model, or a folder of them\n"
          "1 error generated.\n");
}

TEST_CASE("a model with errors stops the check with every error located") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kFixtures + "bad-model.yaml");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "tests/cli/fixtures/bad-model.yaml:8:9: error: duplicate surface id 'crm-db' [LF3004]\n"
          "  8 |   - id: crm-db\n"
          "    |         ^~~~~~\n"
          "  help: surface ids are unique across all model files\n"
          "tests/cli/fixtures/bad-model.yaml:4:5: note: first defined here\n"
          "  4 |   - id: crm-db\n"
          "    |     ^\n"
          "tests/cli/fixtures/bad-model.yaml:12:9: error: flow to unknown surface 'crm-bd' "
          "[LF3005]\n"
          "  12 |     to: crm-bd\n"
          "     |         ^~~~~~\n"
          "  help: did you mean 'crm-db'?\n"
          "2 errors generated.\n");
}

TEST_CASE("errors in the rules and a missing model are reported together") {
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kFixtures +
                                    "no-such-model.yaml --rules " + kFixtures + "bad-syntax.lf");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("tests/cli/fixtures/bad-syntax.lf:5:35: error: "));
    CHECK(result.err.find("tests/cli/fixtures/no-such-model.yaml: error: no such model file") !=
          std::string::npos);
    CHECK(result.err.ends_with("\n2 errors generated.\n"));
}

TEST_CASE("several model files are merged into one model") {
    const auto result =
        run_lexflow("check --as-of 2026-11-25 " + kFixtures + "split/surfaces.yaml " + kFixtures +
                    "split/flows.yaml --no-default-rules --rules " + kFixtures + "rules");
    CHECK(result.exit_code == 1);
    CHECK(result.out ==
          "lexflow check: split\n"
          "  model: 2 surfaces, 1 flow, 0 roles from tests/cli/fixtures/split/surfaces.yaml, "
          "tests/cli/fixtures/split/flows.yaml\n"
          "  rules: 2 evaluated as of 2026-11-25; packs: none\n"
          "\n"
          "MEDIUM (1)\n"
          "\n"
          "  HOUSE-OWNER  Surfaces name an owning team\n"
          "    tests/cli/fixtures/split/surfaces.yaml:7:5: node 'drafter'\n"
          "    Surface 'drafter' names no owning team\n"
          "    fix:  Add 'owner: TEAM' to 'drafter'.\n"
          "\n"
          "1 gap (1 medium)\n");
}

// ------------------------------------------------------------ commands and options

TEST_CASE("--version prints the version") {
    const auto result = run_lexflow("--version");
    CHECK(result.exit_code == 0);
    CHECK(result.out.starts_with("lexflow "));
    CHECK(result.out.ends_with("\n"));
    const auto version = result.out.substr(8, result.out.size() - 9);
    CHECK(std::count(version.begin(), version.end(), '.') == 2);
    CHECK(version.find_first_not_of("0123456789.") == std::string::npos);
    CHECK(result.err.empty());
}

TEST_CASE("--help lists the commands") {
    const auto result = run_lexflow("--help");
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    check_golden("tests/cli/fixtures/help/lexflow.txt", result.out);
}

TEST_CASE("check --help and diff --help list their options") {
    for (const std::string command : {"check", "diff"}) {
        CAPTURE(command);
        const auto result = run_lexflow(command + " --as-of 2026-11-25 --help");
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
        check_golden("tests/cli/fixtures/help/" + command + ".txt", result.out);
    }
    CHECK(run_lexflow("check --help").out.find("  model MODEL ... REQUIRED") != std::string::npos);
}

TEST_CASE("check --help shows the model positional once") {
    const auto result = run_lexflow("check --as-of 2026-11-25 --help");
    CHECK(result.out.find("MODEL... ...") == std::string::npos);
    CHECK(result.out.find("... ...") == std::string::npos);
}

TEST_CASE("an unknown command is an error with a did-you-mean") {
    const auto typo = run_lexflow("chek " + kEstate);
    CHECK(typo.exit_code == 2);
    CHECK(typo.out.empty());
    CHECK(typo.err ==
          "lexflow: error: unknown command 'chek'; did you mean 'check'?\n"
          "Run 'lexflow --help' for the list of commands.\n");

    const auto unrelated = run_lexflow("frobnicate");
    CHECK(unrelated.exit_code == 2);
    CHECK(unrelated.err ==
          "lexflow: error: unknown command 'frobnicate'\n"
          "Run 'lexflow --help' for the list of commands.\n");
}

TEST_CASE("usage errors exit 2 and print nothing on stdout") {
    SUBCASE("no command") {
        const auto result = run_lexflow("");
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err ==
              "lexflow: error: A subcommand is required\nRun 'lexflow --help' for usage.\n");
    }
    SUBCASE("no model") {
        const auto result = run_lexflow("check");
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err == "lexflow: error: model is required\nRun 'lexflow --help' for usage.\n");
    }
    SUBCASE("an unknown option") {
        const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --frobnicate");
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err ==
              "lexflow: error: The following argument was not expected: --frobnicate\n"
              "Run 'lexflow --help' for usage.\n");
    }
}

// ------------------------------------------------------------ colour

TEST_CASE("output has no colour unless asked for") {
    // run_lexflow sets NO_COLOR=1 and redirects both streams to files.
    const auto report = run_lexflow("check --as-of 2026-11-25 " + kEstate);
    CHECK(report.out.find(kEscape) == std::string::npos);
    CHECK(report.err.find(kEscape) == std::string::npos);
    const auto errors = run_lexflow("check --as-of 2026-11-25 " + kFixtures + "bad-model.yaml");
    CHECK(errors.err.find(kEscape) == std::string::npos);
    const auto never =
        run_lexflow("check --as-of 2026-11-25 " + kEstate + " --color never", "NO_COLOR=");
    CHECK(never.out.find(kEscape) == std::string::npos);
}

TEST_CASE("--color always forces colour, even with NO_COLOR set and no terminal") {
    const auto report = run_lexflow("check --as-of 2026-11-25 " + kEstate + " --color always");
    CHECK(report.exit_code == 1);
    CHECK(report.out.starts_with("\x1b[1mlexflow check:\x1b[0m acme-crm\n"));
    const auto high = golden_report()["summary"]["by_severity"]["high"].get<int>();
    CHECK(report.out.find("\n\x1b[1;31mHIGH (" + std::to_string(high) + ")\x1b[0m\n") !=
          std::string::npos);

    const auto errors =
        run_lexflow("check --as-of 2026-11-25 " + kFixtures + "bad-model.yaml --color always");
    CHECK(errors.exit_code == 2);
    CHECK(errors.err.starts_with(
        "\x1b[1mtests/cli/fixtures/bad-model.yaml:8:9\x1b[0m: \x1b[1;31merror:\x1b[0m "));
}

TEST_CASE("a report written to a file is never coloured") {
    const ScratchDir scratch;
    const auto path = scratch.file("report.txt");
    const auto result = run_lexflow("check --as-of 2026-11-25 " + kEstate +
                                    " --color always --output '" + path + "'");
    CHECK(result.exit_code == 1);
    CHECK(read_text(path) == read_text(source_path(kTextGolden)));
}

TEST_CASE("on a terminal, colour is on by default and NO_COLOR turns it off") {
    const auto arguments = "check " + kRemediated;
    const auto coloured = run_in_terminal(arguments, "env -u NO_COLOR");
    CHECK(coloured.find("\x1b[1mlexflow check:\x1b[0m acme-crm-remediated") != std::string::npos);
    const auto plain = run_in_terminal(arguments, "env NO_COLOR=1");
    CHECK(plain.find("lexflow check: acme-crm-remediated") != std::string::npos);
    CHECK(plain.find(kEscape) == std::string::npos);
    const auto never = run_in_terminal(arguments + " --color never", "env -u NO_COLOR");
    CHECK(never.find("lexflow check: acme-crm-remediated") != std::string::npos);
    CHECK(never.find(kEscape) == std::string::npos);
}
