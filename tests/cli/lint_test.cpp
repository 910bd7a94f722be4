// `lexflow lint` on the real binary, on good rules and on broken input.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/run_lexflow.hpp"

using lexflow::testing::run_lexflow;

namespace {

const std::string kFixtures = "tests/cli/fixtures/";

/// A scratch file under the system's temporary folder, removed at the end.
struct ScratchFile {
    explicit ScratchFile(const std::string& name, const std::string& text)
        : path((std::filesystem::temp_directory_path() /
                ("lexflow-lint-" + std::to_string(::getpid()) + "-" + name))
                   .string()) {
        std::ofstream(path, std::ios::binary) << text;
    }
    ~ScratchFile() { std::filesystem::remove(path); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    std::string path;
};

}  // namespace

TEST_CASE("lint of the shipped packs finds nothing") {
    const auto result = run_lexflow("lint --strict");
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
}

TEST_CASE("lint prints located warnings with their check name and exits 0") {
    const auto result = run_lexflow("lint " + kFixtures + "rules/owners.lf");
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(kFixtures + "rules/owners.lf:") == 0);
    CHECK(result.out.find("[missing-citation]") != std::string::npos);
}

TEST_CASE("lint --strict makes warnings fail") {
    const auto result = run_lexflow("lint --strict " + kFixtures + "rules/owners.lf");
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("treated as errors (--strict)") != std::string::npos);
}

TEST_CASE("lint --format json gives editors one object per diagnostic") {
    const auto result = run_lexflow("lint --format json " + kFixtures + "rules/owners.lf");
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(!json["diagnostics"].empty());
    const auto& first = json["diagnostics"][0];
    CHECK(first["file"] == kFixtures + "rules/owners.lf");
    CHECK(first["level"] == "warning");
    CHECK(first["line"].is_number());
    CHECK(first["check"].is_string());
}

TEST_CASE("lint on broken input: a clear located message and exit 2, never a crash") {
    SUBCASE("a path that does not exist") {
        const auto result = run_lexflow("lint no/such/rules.lf");
        CHECK(result.exit_code == 2);
        CHECK(result.err.starts_with("no/such/rules.lf: error: no such file or folder [LF4001]"));
    }
    SUBCASE("a folder without rule files") {
        const auto result = run_lexflow("lint " + kFixtures + "no-rules");
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("the folder contains no rule files (*.lf) [LF4002]") !=
              std::string::npos);
    }
    SUBCASE("an empty file") {
        const ScratchFile empty("empty.lf", "");
        const auto result = run_lexflow("lint " + empty.path);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("error: this rule file holds no rules [LF4003]") !=
              std::string::npos);
    }
    SUBCASE("a binary file") {
        const ScratchFile binary("binary.lf", std::string("\x7f"
                                                          "ELF\0\0\x01\x02",
                                                          8));
        const auto result = run_lexflow("lint " + binary.path);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("this is not a text file") != std::string::npos);
    }
    SUBCASE("a syntax error on the last line of a 10 MB file") {
        std::string text;
        const std::string rule =
            "rule R{} { title \"t\" severity low message \"m\" cite \"c\" "
            "remediation \"r\" for every node x require x has a }\n";
        for (int i = 0; text.size() < 10'000'000; ++i) {
            auto numbered = rule;
            numbered.replace(numbered.find("{}"), 2, std::to_string(i));
            text += numbered;
        }
        text += "rule broken {";
        const ScratchFile large("large.lf", text);
        const auto result = run_lexflow("lint " + large.path);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("error: expected a rule field") != std::string::npos);
    }
}
