// `lexflow rules`: the catalogue and the coverage matrix, on the real binary.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kFixtures = "tests/cli/fixtures/";

}  // namespace

TEST_CASE("rules lists every rule with its pack, severity and title") {
    const auto result =
        run_lexflow("rules --no-default-rules --rules " + kFixtures + "rules/owners.lf");
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out.find("HOUSE-OWNER") != std::string::npos);
    CHECK(result.out.ends_with("rule\n"));
}

TEST_CASE("rules --format json gives each rule's metadata") {
    const auto result = run_lexflow("rules --format json");
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(json["rules"].size() >= 19);
    const auto& first = json["rules"][0];
    for (const auto* key : {"id", "pack", "title", "severity", "form", "citations", "covers",
                            "tags", "effective", "effective_when", "description"}) {
        CAPTURE(key);
        CHECK(first.contains(key));
    }
    bool saw_path_rule = false;
    for (const auto& rule : json["rules"]) {
        saw_path_rule = saw_path_rule || rule["form"] == "path";
        if (rule["id"] == "AIA-50-2-MARKING") {
            CHECK(rule["effective"] == "2026-08-02");
            CHECK(rule["effective_when"] == nlohmann::json::parse(R"([{"date": "2026-12-02",
                      "when": "g.placed_on_market < \"2026-08-02\""}])"));
        } else if (rule["id"] == "NIST-CLASSIFICATION") {
            CHECK(rule["effective_when"].empty());
        }
    }
    CHECK(saw_path_rule);
}

TEST_CASE("rules --pack keeps one pack, an unknown pack is an error") {
    const auto gdpr = run_lexflow("rules --pack gdpr --format json");
    REQUIRE(gdpr.exit_code == 0);
    const auto listed = nlohmann::json::parse(gdpr.out);
    for (const auto& rule : listed["rules"]) {
        CHECK(rule["pack"] == "gdpr");
    }
    const auto unknown = run_lexflow("rules --pack gpdr");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err == "lexflow: error: no pack 'gpdr' is loaded\n");
}

TEST_CASE("rules --matrix maps patterns and provisions to rules") {
    const auto result = run_lexflow("rules --matrix --format json");
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(json["patterns"].size() >= 20);
    CHECK(json.contains("uncovered_patterns"));
    bool found_art_50_2 = false;
    for (const auto& provision : json["provisions"]) {
        if (provision["citation"] == "EU AI Act Art. 50(2)") {
            found_art_50_2 = true;
            CHECK(provision["rules"].size() >= 1);
        }
    }
    CHECK(found_art_50_2);
    // A pattern is uncovered exactly when no rule lists it.
    for (const auto& pattern : json["patterns"]) {
        const bool uncovered =
            std::find(json["uncovered_patterns"].begin(), json["uncovered_patterns"].end(),
                      pattern["id"]) != json["uncovered_patterns"].end();
        CHECK(uncovered == pattern["rules"].empty());
    }
}

TEST_CASE("rules --matrix --format markdown is a document with two tables") {
    const auto result = run_lexflow("rules --matrix --format markdown");
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.starts_with("# Coverage matrix\n\n## Failure patterns\n\n"));
    CHECK(result.out.find("\n## Provisions\n\n| Provision | Rules | Failure patterns |\n") !=
          std::string::npos);
    CHECK(result.out.find("| EU AI Act Art. 3(3) |") < result.out.find("| EU AI Act Art. 50(1) |"));
}

TEST_CASE("rules with a broken rule file exits 2 with the located error") {
    const auto result =
        run_lexflow("rules --no-default-rules --rules " + kFixtures + "bad-syntax.lf");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with(kFixtures + "bad-syntax.lf:"));
}

TEST_CASE("docs/coverage.md is the current coverage matrix of the shipped packs") {
    const auto result = run_lexflow("rules --matrix --format markdown");
    REQUIRE(result.exit_code == 0);
    lexflow::testing::check_golden("docs/coverage.md", result.out);
}

TEST_CASE("every failure pattern of the shipped packs is covered by a rule") {
    const auto result = run_lexflow("rules --matrix --format json");
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    CHECK_MESSAGE(json["uncovered_patterns"].empty(), "uncovered: " << json["uncovered_patterns"]);
}

TEST_CASE("docs/vocabulary.md is the current vocabulary of the shipped packs") {
    const auto result = run_lexflow("rules --vocabulary --format markdown");
    REQUIRE(result.exit_code == 0);
    lexflow::testing::check_golden("docs/vocabulary.md", result.out);
}

TEST_CASE("rules --vocabulary lists kinds and attributes with types, defaults and values") {
    const auto json = nlohmann::json::parse(run_lexflow("rules --vocabulary --format json").out);
    const auto attribute = [&](const std::string& name) {
        for (const auto& entry : json["attributes"]) {
            if (entry["name"] == name) {
                return entry;
            }
        }
        FAIL("no attribute " << name);
        return nlohmann::json();
    };
    CHECK(attribute("audience")["type"] == "enum");
    CHECK(attribute("audience")["open"] == false);
    CHECK(attribute("audience")["default"].is_null());
    CHECK(attribute("disclosure_accessible")["default"] == false);
    CHECK(attribute("controls")["on"] == nlohmann::json::array({"node", "flow"}));
    CHECK(attribute("controls")["values"][0]["meaning"].is_string());
    CHECK(json["kinds"][0].contains("is"));

    const auto text = run_lexflow("rules --vocabulary");
    CHECK(text.exit_code == 0);
    CHECK(text.out.starts_with("Surface kinds:\n"));
    CHECK(text.out.find("\n  disclosure_accessible        boolean, default false\n") !=
          std::string::npos);
}

TEST_CASE("rules --vocabulary includes what a house pack declares, even without the packs") {
    const auto result = run_lexflow("rules --vocabulary --no-default-rules --rules " + kFixtures +
                                    "rules/owners.lf");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("\n  owner                        string\n") != std::string::npos);
    CHECK(result.out.find("\n  audience ") != std::string::npos);
}

TEST_CASE("rules --vocabulary and --matrix are exclusive") {
    const auto result = run_lexflow("rules --vocabulary --matrix");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--matrix excludes --vocabulary") != std::string::npos);
}
