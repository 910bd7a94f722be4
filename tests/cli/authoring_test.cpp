// docs/authoring.md is executable: its rule is examples/authoring/rules/
// retention.lf, and the commands it teaches work on it as it says. The tests
// docs/language.md shows pass too.

#include <doctest/doctest.h>

#include "tests/support/markdown.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::block_after;
using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;
using lexflow::testing::source_path;

namespace {

/// The file without its leading comment lines and the blank line after them.
std::string without_header(const std::string& text) {
    std::size_t at = 0;
    while (at < text.size() && (text[at] == '#' || text[at] == '\n')) {
        at = text.find('\n', at) + 1;
    }
    return text.substr(at);
}

}  // namespace

TEST_CASE("the guide's rule is the example rule file") {
    const auto guide = read_text(source_path("docs/authoring.md"));
    const auto rule = read_text(source_path("examples/authoring/rules/retention.lf"));
    CHECK(block_after(guide, "in it a file `retention.lf`") == without_header(rule));
}

TEST_CASE("the guide's tests are the example's tests") {
    const auto guide = read_text(source_path("docs/authoring.md"));
    const auto tests = read_text(source_path("examples/authoring/tests/retention_test.lf"));
    const auto block = block_after(guide, "`my-tests/retention_test.lf`");
    std::size_t start = 0;
    std::size_t checked = 0;
    while (start < block.size()) {
        const auto end = std::min(block.find("\n\n", start), block.size());
        const auto test = block.substr(start, end - start);
        CAPTURE(test);
        CHECK(tests.find(test) != std::string::npos);
        ++checked;
        start = end + 2;
    }
    CHECK(checked == 2);
}

TEST_CASE("the guide's lint, test and explain steps work on the example") {
    const auto lint = run_lexflow("lint --strict examples/authoring/rules");
    CHECK(lint.exit_code == 0);
    CHECK(lint.out.empty());

    const auto test = run_lexflow("test examples/authoring/tests --rules examples/authoring/rules");
    CHECK(test.exit_code == 0);
    CHECK(test.out == "3 passed, 0 failed\n");

    const auto explain =
        run_lexflow("explain ACME-AUDIT-RETENTION --rules examples/authoring/rules");
    CHECK(explain.exit_code == 0);
    CHECK(explain.out.find("  pack:      acme-house (Acme house rules)\n") != std::string::npos);
}

TEST_CASE("explain shows a house rule's example from the test where it fires") {
    const auto explain = run_lexflow(
        "explain ACME-AUDIT-RETENTION --rules examples/authoring/rules --rules "
        "examples/authoring/tests");
    REQUIRE(explain.exit_code == 0);
    CHECK(explain.out.find("\nA model that trips it\n    # A one-year EU audit log") !=
          std::string::npos);
    CHECK(explain.out.find("    - {id: short-log, kind: audit_log") != std::string::npos);
    CHECK(
        explain.out.ends_with("\nWhat the rule reports on it\n    node 'short-log': Audit log "
                              "'short-log' keeps events for 1 year(s); Acme requires two\n"));
}

TEST_CASE("the language guide's tests pass against the shipped packs") {
    // Its first test names fires.yaml, the firing model of AIA-50-2-MARKING.
    const auto guide = read_text(source_path("docs/language.md"));
    const lexflow::testing::ScratchDir scratch;
    scratch.write("guide_test.lf", block_after(guide, "## Tests"));
    scratch.write("fires.yaml",
                  read_text(source_path("tests/rules/eu-ai-act/AIA-50-2-MARKING/fires.yaml")));
    const auto result = run_lexflow("test '" + scratch.path().string() + "'");
    CHECK(result.exit_code == 0);
    CHECK(result.out == "2 passed, 0 failed\n");
}

TEST_CASE("the guide's house rule runs beside the shipped packs") {
    const auto result = run_lexflow(
        "check --as-of 2026-11-25 --format json examples/acme-crm/estate.yaml --rules "
        "examples/authoring/rules");
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("\"id\": \"acme-house\"") != std::string::npos);
}
