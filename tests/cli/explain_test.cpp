// `lexflow explain RULE-ID` on the real binary.

#include <doctest/doctest.h>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

TEST_CASE("explain prints a rule's metadata, its text and a model that trips it") {
    const auto result = run_lexflow("explain GDPR-CROSS-TENANT");
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out.starts_with("GDPR-CROSS-TENANT  "));
    CHECK(result.out.find("  pack:      gdpr (GDPR (Regulation (EU) 2016/679))\n") !=
          std::string::npos);
    CHECK(result.out.find("  cites:     GDPR Art. 28(3)(a)\n") != std::string::npos);
    CHECK(result.out.find("  detects:   cross-tenant-propagation\n") != std::string::npos);
    CHECK(result.out.find("\nThe rule (<builtin>/gdpr/sharing.lf:") != std::string::npos);
    CHECK(result.out.find("    rule GDPR-CROSS-TENANT {\n") != std::string::npos);
    CHECK(result.out.find("\nA model that trips it\n    # AI-suggested values") !=
          std::string::npos);
}

TEST_CASE("explain shows what the rule reports on its example, and only that rule") {
    const auto result = run_lexflow("explain GDPR-CROSS-TENANT");
    REQUIRE(result.exit_code == 0);
    const auto section = result.out.find("\nWhat the rule reports on it\n");
    REQUIRE(section != std::string::npos);
    CHECK(result.out.substr(section) ==
          "\nWhat the rule reports on it\n"
          "    flow 'contacts-to-partner': Flow 'contacts-to-partner' carries AI content derived "
          "from personal data of people in the EU from 'sf-contacts' into 'partner-share' in "
          "tenant 'acme-partner-eu', with no tenant governance\n");
}

TEST_CASE("explain of a rule with an effective date says when it applies") {
    const auto result = run_lexflow("explain AIA-50-2-MARK-PERSISTS-LEGACY");
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("  in force:  from 2026-12-02\n") != std::string::npos);
}

TEST_CASE("explain of an unknown rule exits 2 with a did-you-mean") {
    const auto result = run_lexflow("explain AIA-50-2-MARKNG");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "lexflow: error: no rule 'AIA-50-2-MARKNG' is loaded; did you mean "
          "'AIA-50-2-MARKING'?\nRun 'lexflow rules' for the list.\n");
}

TEST_CASE("explain without a rule id is a usage error") {
    const auto result = run_lexflow("explain");
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("rule is required") != std::string::npos);
}

TEST_CASE("explain of a rule whose date depends on its subject gives each date and its condition") {
    const auto result = run_lexflow("explain AIA-50-2-MARKING");
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("  in force:  from 2026-08-02; from 2026-12-02 when "
                          "g.placed_on_market < \"2026-08-02\"\n") != std::string::npos);
}

TEST_CASE("explain shows the predicates a rule calls, and only a rule that calls one") {
    const auto calls = run_lexflow("explain AIA-HR-CLASSIFY");
    REQUIRE(calls.exit_code == 0);
    CHECK(calls.out.find("\nThe predicate it calls (<builtin>/predicates.lf:7)\n"
                         "    predicate carries_machine_data(flow f) = f has machine_data and "
                         "f.machine_data == true\n\nA model that trips it\n") != std::string::npos);
    const auto none = run_lexflow("explain AIA-5-1-F-EMOTION");
    REQUIRE(none.exit_code == 0);
    CHECK(none.out.find("The predicate it calls") == std::string::npos);
}
