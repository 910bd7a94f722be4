// End-to-end tests of the model vocabulary: the mistakes a new user makes in
// a model, each made once in a copy of the example estate, must each get
// their error or warning from the real binary, located at the value.

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;
using lexflow::testing::RunResult;
using lexflow::testing::ScratchDir;
using lexflow::testing::source_path;

namespace {

const std::string kEstate = "examples/acme-crm/estate.yaml";
const std::string kAsOf = " --as-of 2026-11-25";

/// The example estate with the first `from` replaced by `to`.
std::string estate_with(const std::string& from, const std::string& to) {
    auto text = read_text(source_path(kEstate));
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "the example no longer holds: " << from);
    return text.replace(at, from.size(), to);
}

/// "LINE:COLUMN" of the first occurrence of `needle` (1-based, bytes).
std::string position_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const auto line =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const auto line_start = text.rfind('\n', at);
    const auto column = at - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
    return std::to_string(line + 1) + ":" + std::to_string(column);
}

struct Mistake {
    ScratchDir scratch;
    std::string text;
    std::string path;

    Mistake(const std::string& from, const std::string& to)
        : text(estate_with(from, to)), path(scratch.write("estate.yaml", text)) {}

    RunResult check(const std::string& options = "") const {
        return run_lexflow("check" + kAsOf + options + " '" + path + "'");
    }
};

/// The rule ids of the findings on `surface` in a JSON report.
std::set<std::string> rules_on(const std::string& json_report, const std::string& surface) {
    std::set<std::string> rules;
    const auto report = nlohmann::json::parse(json_report);
    for (const auto& finding : report["findings"]) {
        if (finding["subject"]["id"] == surface) {
            rules.insert(finding["rule_id"].get<std::string>());
        }
    }
    return rules;
}

const std::string kDrafterRole =
    "    ai_role: provider                 # built in-house on a third-party LLM API\n";

}  // namespace

TEST_CASE("an audience that is not a declared value is an error at the value") {
    // The sloppy reading: 'prospects' are people, so a disclosure rule should
    // still see them; a closed enumeration says what to write instead.
    const Mistake mistake("    audience: customer", "    audience: prospects");
    const auto result = mistake.check();
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("estate.yaml:" + position_of(mistake.text, "prospects") +
                          ": error: 'prospects' is not a value of 'audience' [LF3010]") !=
          std::string::npos);
    CHECK(result.err.find("customer") != std::string::npos);
}

TEST_CASE("a boolean written as 'no' is an error at the value, not a string") {
    const Mistake mistake(
        "    personal_data: true               # reads contact and activity history",
        "    personal_data: no                 # reads contact and activity history");
    const auto result = mistake.check();
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("estate.yaml:" + position_of(mistake.text, "no    ") +
                          ": error: 'personal_data' must be true or false, not 'no' [LF3003]") !=
          std::string::npos);
    CHECK(result.err.find("help: write true or false") != std::string::npos);
}

TEST_CASE("a misspelt kind is a warning with did-you-mean, and an error with --strict") {
    const Mistake mistake(
        "  - id: llm-email-drafter             # drafts sales emails for reps\n"
        "    kind: ai_generator",
        "  - id: llm-email-drafter             # drafts sales emails for reps\n"
        "    kind: ai_genrator");
    const auto lenient = mistake.check();
    CHECK(lenient.exit_code == 1);
    CHECK(lenient.err.find("estate.yaml:" + position_of(mistake.text, "ai_genrator") +
                           ": warning: 'llm-email-drafter': kind 'ai_genrator' is not a kind the "
                           "packs declare [LF3101]") != std::string::npos);
    CHECK(lenient.err.find("help: did you mean 'ai_generator'?") != std::string::npos);
    CHECK(lenient.err.find("1 warning generated.") != std::string::npos);

    const auto strict = mistake.check(" --strict");
    CHECK(strict.exit_code == 2);
    CHECK(strict.out.empty());
    CHECK(strict.err.find("[LF3101]") != std::string::npos);
    CHECK(strict.err.find("1 warning treated as an error (--strict)") != std::string::npos);
}

TEST_CASE("a custom kind that declares what it is gets the rules of that kind") {
    const auto original = run_lexflow("check" + kAsOf + " --format json " + kEstate);
    const auto expected = rules_on(original.out, "llm-email-drafter");
    REQUIRE(expected.count("AIA-50-2-MARKING") == 1);

    const Mistake custom("    kind: ai_generator\n" + kDrafterRole,
                         "    kind: email_drafter\n    is: ai_generator\n" + kDrafterRole);
    const auto declared = custom.check(" --format json");
    CHECK(declared.exit_code == 1);
    CHECK(rules_on(declared.out, "llm-email-drafter") == expected);
    CHECK(declared.err.find("[LF3101]") == std::string::npos);

    // The near miss: without 'is', the AI rules cannot know, and say so.
    const Mistake silent("    kind: ai_generator\n" + kDrafterRole,
                         "    kind: email_drafter\n" + kDrafterRole);
    const auto unknown = silent.check(" --format json");
    CHECK(rules_on(unknown.out, "llm-email-drafter").count("AIA-50-2-MARKING") == 0);
    CHECK(unknown.err.find("kind 'email_drafter' is not a kind the packs declare [LF3101]") !=
          std::string::npos);
    CHECK(unknown.err.find("say so: is: ai_generator") != std::string::npos);
}

TEST_CASE("a custom kind that claims to be an undeclared kind is an error") {
    const Mistake mistake("    kind: ai_generator\n" + kDrafterRole,
                          "    kind: email_drafter\n    is: ai_generatr\n" + kDrafterRole);
    const auto result = mistake.check();
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("estate.yaml:" + position_of(mistake.text, "ai_generatr") +
                          ": error: 'ai_generatr' is not a kind the packs declare [LF3010]") !=
          std::string::npos);
    CHECK(result.err.find("did you mean 'ai_generator'?") != std::string::npos);
}

TEST_CASE("'nodes:' for 'surfaces:' is one error with did-you-mean, not one per flow") {
    const Mistake mistake("\nsurfaces:\n", "\nnodes:\n");
    const auto result = mistake.check();
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(": error: a model file has no top-level key 'nodes' [LF3009]") !=
          std::string::npos);
    CHECK(result.err.find("help: did you mean 'surfaces'?") != std::string::npos);
    CHECK(result.err.find("[LF3005]") == std::string::npos);
    CHECK(result.err.ends_with("1 error generated.\n"));
}

TEST_CASE("a documentation key near a declared one gets no false did-you-mean") {
    const Mistake mistake("    inventory_id: \"AI-001\"\n",
                          "    inventory_id: \"AI-001\"\n    max_classification: internal\n");
    const auto result = mistake.check();
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("estate.yaml:" + position_of(mistake.text, "max_classification") +
                          ": warning: 'llm-email-drafter' has an attribute 'max_classification' "
                          "that no pack declares [LF3101]") != std::string::npos);
    CHECK(result.err.find("did you mean") == std::string::npos);
}

TEST_CASE("declared values near another declared value are accepted without a suggestion") {
    const Mistake mistake("jurisdictions: [EU, US]\n", "jurisdictions: [EU, US, UK, CH]\n");
    const auto result = mistake.check();
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("warning") == std::string::npos);
    CHECK(result.err.find("did you mean") == std::string::npos);
}

TEST_CASE("two flows between the same surfaces without ids are an error") {
    const auto flows = read_text(source_path(kEstate)).find("\nflows:\n");
    REQUIRE(flows != std::string::npos);
    const Mistake mistake(
        "\nflows:\n",
        "\nflows:\n"
        "  - from: sf-contacts\n    to: llm-email-drafter\n    data: [contact]\n"
        "  - from: sf-contacts\n    to: llm-email-drafter\n    data: [activity]\n");
    const auto result = mistake.check();
    CHECK(result.exit_code == 2);
    CHECK(
        result.err.find("error: two flows have the id 'sf-contacts->llm-email-drafter' [LF3004]") !=
        std::string::npos);
}

TEST_CASE("a finding that rests on a default says so in JSON and with --verbose") {
    // Roles that do not say how they are granted are taken as granted to a
    // whole profile: least privilege then fails on them, as an assumption.
    const Mistake mistake("    assignment: named\n    access_review: \"2026-10-01\"\n",
                          "    access_review: \"2026-10-01\"\n");
    const auto json = mistake.check(" --format json");
    const auto report = nlohmann::json::parse(json.out);
    bool assumed = false;
    for (const auto& finding : report["findings"]) {
        if (finding["rule_id"] == "GDPR-LEAST-PRIVILEGE" &&
            finding["subject"]["id"] == "crm-admin") {
            assumed = finding["assumed"] == nlohmann::json::array({"r.assignment"});
        }
    }
    CHECK(assumed);

    const auto text = mistake.check(" --verbose");
    CHECK(text.out.find("assumed") != std::string::npos);
    CHECK(mistake.check().out.find("assumed") == std::string::npos);
}

TEST_CASE("YAML anchors and merge keys fill in repetitive keys, and x- keys hold the anchors") {
    const ScratchDir scratch;
    const auto model = scratch.write("estate.yaml", R"(x-eu-production: &eu-production
  jurisdictions: [EU]
  environment: production
surfaces:
  - <<: *eu-production
    id: contacts
    kind: crm_object
  - <<: *eu-production
    id: sandbox
    kind: crm_object
    environment: test
)");
    const auto rules = scratch.write("house.lf", R"(rule HOUSE-PROD {
  title    "Only production surfaces"
  severity low
  message  "'{s}' is not in production"
  for every node s where "EU" in s.jurisdictions require s.environment == "production"
}
)");
    const auto result = run_lexflow("check" + kAsOf + " --no-default-rules --rules '" + rules +
                                    "' '" + model + "'");
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("warning") == std::string::npos);
    CHECK(result.out.find("node 'sandbox'\n    'sandbox' is not in production") !=
          std::string::npos);
    CHECK(result.out.find("'contacts' is not") == std::string::npos);
    CHECK(result.out.ends_with("\n1 gap (1 low)\n"));
}
