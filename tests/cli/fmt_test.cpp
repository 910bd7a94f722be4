// `lexflow fmt` on the real binary.

#include <doctest/doctest.h>

#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_lexflow;

namespace {

/// A scratch folder holding one rule file, rule.lf.
struct Scratch {
    explicit Scratch(const std::string& text) : file(dir.write("rule.lf", text)) {}
    lexflow::testing::ScratchDir dir;
    std::string file;
};

const std::string kMessy =
    "rule R1 {\n title  \"t\"\nseverity low\n message \"m\"\n"
    "for every node x require x has a\n}\n";

}  // namespace

TEST_CASE("fmt --check lists files that are not formatted and changes nothing") {
    const Scratch scratch(kMessy);
    const auto result = run_lexflow("fmt --check " + scratch.file);
    CHECK(result.exit_code == 1);
    CHECK(result.out == scratch.file + ": not formatted\n");
    CHECK(read_text(scratch.file) == kMessy);
}

TEST_CASE("fmt rewrites the file, after which --check is clean") {
    const Scratch scratch(kMessy);
    const auto result = run_lexflow("fmt " + scratch.dir.path().string());
    CHECK(result.exit_code == 0);
    CHECK(result.out == "formatted " + scratch.file + "\n");
    CHECK(read_text(scratch.file) ==
          "rule R1 {\n  title       \"t\"\n  severity    low\n  message     \"m\"\n"
          "  for every node x\n    require x has a\n}\n");
    CHECK(run_lexflow("fmt --check " + scratch.file).exit_code == 0);
}

TEST_CASE("fmt of a file with a syntax error reports it and rewrites nothing") {
    const std::string broken = "rule R1 {\n title \"t\n}\n";
    const Scratch scratch(broken);
    const auto result = run_lexflow("fmt " + scratch.file);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("error: unterminated string") != std::string::npos);
    CHECK(read_text(scratch.file) == broken);
}

TEST_CASE("the shipped packs are formatted") {
    const auto result = run_lexflow("fmt --check rules");
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
}
