#include "dsl/formatter.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "dsl/ast_printer.hpp"
#include "dsl/parser.hpp"
#include "tests/support/golden.hpp"

namespace fs = std::filesystem;

namespace {

std::string meaning(const std::string& text) {
    lexflow::dsl::SourceSet sources;
    lexflow::dsl::Diagnostics diagnostics;
    const auto parsed =
        lexflow::dsl::parse_rule_file(sources, sources.add("x.lf", text), diagnostics);
    REQUIRE(parsed);
    return lexflow::dsl::dump(*parsed);
}

std::vector<std::string> comment_lines(const std::string& text) {
    std::vector<std::string> comments;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto line = text.substr(start, end - start);
        if (const auto hash = line.find('#');
            hash != std::string::npos && line.find_first_not_of(' ') == hash) {
            comments.push_back(line.substr(hash));
        }
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return comments;
}

}  // namespace

TEST_CASE("fmt lays a messy rule out canonically") {
    const std::string messy =
        "\n\n# house rule\nrule R1 {\n\n   title \"t\"\n\tseverity    low   \n"
        "message \"m\"\n for every node x\nwhere x.kind == \"a\"\n  and x.b == 1\n"
        "        require x has c\n\n\n  remediation   \"r\"\n\n}\n\n\n";
    CHECK(lexflow::dsl::format_rule_file(messy) ==
          "# house rule\n"
          "rule R1 {\n"
          "  title       \"t\"\n"
          "  severity    low\n"
          "  message     \"m\"\n"
          "  for every node x\n"
          "    where x.kind == \"a\"\n"
          "      and x.b == 1\n"
          "    require x has c\n"
          "\n"
          "  remediation \"r\"\n"
          "}\n");
}

TEST_CASE("fmt never touches strings or comments") {
    const std::string text =
        "rule R1 {\n  title \"two  spaces {  } # not a comment\"  # note  \n"
        "  severity low message \"m\" for every node x require x has a\n}\n";
    const auto formatted = lexflow::dsl::format_rule_file(text);
    CHECK(formatted.find("\"two  spaces {  } # not a comment\"  # note\n") != std::string::npos);
    CHECK(meaning(formatted) == meaning(text));
}

TEST_CASE("fmt keeps the meaning and every comment of every shipped rule file, and is idempotent") {
    std::size_t files = 0;
    for (const auto& entry :
         fs::recursive_directory_iterator(lexflow::testing::source_path("rules"))) {
        if (entry.path().extension() != ".lf") {
            continue;
        }
        ++files;
        CAPTURE(entry.path().generic_string());
        const auto text = lexflow::testing::read_text(entry.path().string());
        const auto once = lexflow::dsl::format_rule_file(text);
        CHECK(meaning(once) == meaning(text));
        CHECK(lexflow::dsl::format_rule_file(once) == once);
        CHECK(comment_lines(once) == comment_lines(text));
    }
    CHECK(files >= 10);
}
