#include "dsl/formatter.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "dsl/ast_printer.hpp"
#include "dsl/parser.hpp"
#include "tests/support/golden.hpp"

namespace fs = std::filesystem;

namespace {

std::string meaning(const std::string& text) {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
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

/// The text with extra white space between tokens: every space between two
/// tokens tripled, and a space inside every bracket and before every comma.
/// Strings, comments, indentation and inline models stay as they are.
std::string with_loose_spacing(const std::string& text) {
    std::string out;
    bool in_string = false;
    bool in_comment = false;
    bool in_inline_model = false;
    bool at_line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (text.compare(i, 3, "\"\"\"") == 0 && !in_comment) {
            in_inline_model = !in_inline_model;
            out += "\"\"\"";
            i += 2;
            continue;
        }
        if (c == '\n') {
            in_comment = false;
            at_line_start = true;
            out += c;
            continue;
        }
        if (in_inline_model || in_comment) {
            out += c;
            continue;
        }
        if (in_string) {
            out += c;
            if (c == '\\') {
                out += text[++i];
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        at_line_start = at_line_start && c == ' ';
        if (c == '"') {
            in_string = true;
        } else if (c == '#') {
            in_comment = true;
        } else if (c == ' ' && !at_line_start) {
            out += "  ";
        } else if (c == ')' || c == ']' || c == ',') {
            out += ' ';
        }
        out += c;
        if (c == '(' || c == '[') {
            out += ' ';
        }
    }
    return out;
}

/// Formats `text` and checks the result against `expected`, that it means
/// what `text` meant, and that formatting it again changes nothing.
void check_formats_to(const std::string& text, const std::string& expected) {
    const auto formatted = lexflow::dsl::format_rule_file(text);
    CHECK(formatted == expected);
    CHECK(meaning(formatted) == meaning(text));
    CHECK(lexflow::dsl::format_rule_file(formatted) == formatted);
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

TEST_CASE("fmt indents the lines that continue a predicate's condition, and only those") {
    const std::string text =
        "predicate p(node s) =\ns.a == 1\n    and (s.b == 2\nor s.c == 3)\n"
        "predicate q(node s) = s.a == 2\nrule R1 {\n  title \"t\"\n}\n";
    CHECK(lexflow::dsl::format_rule_file(text) ==
          "predicate p(node s) =\n"
          "  s.a == 1\n"
          "  and (s.b == 2\n"
          "    or s.c == 3)\n"
          "predicate q(node s) = s.a == 2\n"
          "rule R1 {\n"
          "  title       \"t\"\n"
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

TEST_CASE(
    "fmt keeps the meaning and every comment of every shipped rule and test file, and is "
    "idempotent") {
    std::size_t files = 0;
    for (const auto* folder : {"rules", "tests/rules", "examples"}) {
        for (const auto& entry :
             fs::recursive_directory_iterator(lexflow::testing::source_path(folder))) {
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
            // One layout: the spacing between tokens does not change it.
            const auto loose = with_loose_spacing(text);
            CHECK(loose != text);
            CHECK(meaning(loose) == meaning(text));
            CHECK(lexflow::dsl::format_rule_file(loose) == once);
        }
    }
    CHECK(files >= 60);
}

TEST_CASE("fmt gives each field and clause written on one line a line of its own") {
    const std::string text =
        "rule R1 { title \"t\" severity low message \"m\" "
        "for every node x where x.kind == \"a\" require x has c }\n";
    check_formats_to(text,
                     "rule R1 {\n"
                     "  title       \"t\"\n"
                     "  severity    low\n"
                     "  message     \"m\"\n"
                     "  for every node x\n"
                     "    where x.kind == \"a\"\n"
                     "    require x has c\n"
                     "}\n");
}

TEST_CASE("fmt gives tokens canonical spacing, but never touches strings or comments") {
    const std::string text =
        "rule R1{\n  title \"a  ,b ( [\"\n  severity low    # why  so   low\n"
        "  message \"m\"\n  for every node x\n"
        "    where  x.kind==\"a\"  and   x.b  not   in [ \"a\",\"b\" , ]\n"
        "      and ( x.c>=-1 or not(x.d<2) )\n"
        "    require x has c\n}\n";
    check_formats_to(text,
                     "rule R1 {\n"
                     "  title       \"a  ,b ( [\"\n"
                     "  severity    low  # why  so   low\n"
                     "  message     \"m\"\n"
                     "  for every node x\n"
                     "    where x.kind == \"a\" and x.b not in [\"a\", \"b\",]\n"
                     "      and (x.c >= -1 or not(x.d < 2))\n"
                     "    require x has c\n"
                     "}\n");
}

TEST_CASE("fmt splits a path rule into its clauses") {
    const std::string text =
        "rule P { title \"t\" severity low message \"m\" for every path from node g where "
        "g.kind == \"a\" to node s through flow f where f.ok == true require passes node d "
        "where d.kind == \"b\" report per source }\n";
    check_formats_to(text,
                     "rule P {\n"
                     "  title       \"t\"\n"
                     "  severity    low\n"
                     "  message     \"m\"\n"
                     "  for every path\n"
                     "    from node g\n"
                     "    where g.kind == \"a\"\n"
                     "    to node s\n"
                     "    through flow f where f.ok == true\n"
                     "    require passes node d where d.kind == \"b\"\n"
                     "  report per source\n"
                     "}\n");
}

TEST_CASE("fmt aligns a test's fields and puts a witness under the expectation") {
    const std::string text =
        "test \"t\" { rules R1, R2 as   of \"2026-01-01\" model \"m.yaml\" "
        "expect R1 upcoming on node \"x\" witness [\"a\", \"x\"] expect R2 not evaluated on "
        "flow \"f\" }\n";
    check_formats_to(text,
                     "test \"t\" {\n"
                     "  rules       R1, R2\n"
                     "  as of       \"2026-01-01\"\n"
                     "  model       \"m.yaml\"\n"
                     "  expect      R1 upcoming on node \"x\"\n"
                     "              witness [\"a\", \"x\"]\n"
                     "  expect      R2 not evaluated on flow \"f\"\n"
                     "}\n");
}

TEST_CASE("fmt keeps an inline model byte for byte") {
    const std::string yaml =
        "surfaces:\n"
        "      - {id: a, kind: crm_object}   \n"
        "\n"
        "\n"
        "# } a brace and a comment inside the YAML\n"
        "      - id: b\n";
    const std::string text =
        "test \"t\" {\n    rules R1\n  model \"\"\"\n" + yaml + "\"\"\"\n expect none\n}\n";
    check_formats_to(text, "test \"t\" {\n  rules       R1\n  model       \"\"\"\n" + yaml +
                               "\"\"\"\n  expect      none\n}\n");
}

TEST_CASE("fmt takes a line that starts with 'model.' for a condition, not a field") {
    const std::string text =
        "pack p \"P\" {\n  applies when \"EU\" in model.jurisdictions\n"
        "and\nmodel.size > 1\n}\n";
    const auto formatted = lexflow::dsl::format_rule_file(text);
    CHECK(formatted.find("model.size > 1\n") != std::string::npos);
    CHECK(formatted.find("model ") == std::string::npos);
    CHECK(meaning(formatted) == meaning(text));
}

TEST_CASE("fmt leaves an empty pack body on its line") {
    const std::string text = "pack p \"P\" { }\n";
    CHECK(lexflow::dsl::format_rule_file(text) == text);
}

TEST_CASE("fmt spaces predicates and splits a rule about the model into its clauses") {
    const std::string text =
        "predicate   personal( node n )=n.kind==\"crm_object\"  and n.personal_data==true\n"
        "rule R { title \"t\" severity low message \"m\" for the model where count( node n "
        "where personal(n) )>=1 require count(distinct n.vendor for node n)<=1 }\n";
    check_formats_to(
        text,
        "predicate personal(node n) = n.kind == \"crm_object\" and n.personal_data == true\n"
        "rule R {\n"
        "  title       \"t\"\n"
        "  severity    low\n"
        "  message     \"m\"\n"
        "  for the model\n"
        "    where count(node n where personal(n)) >= 1\n"
        "    require count(distinct n.vendor for node n) <= 1\n"
        "}\n");
}

TEST_CASE("fmt spaces a date's shift and keeps a conditional effective date on its line") {
    const std::string text =
        "rule R { title \"t\" severity low message \"m\" effective \"2026-08-02\" effective "
        "\"2026-12-02\"   when g.p<\"2026-08-02\" for every node g where g.a >= today - 12 months "
        "require g.b+2 years>today }\n";
    check_formats_to(text,
                     "rule R {\n"
                     "  title       \"t\"\n"
                     "  severity    low\n"
                     "  message     \"m\"\n"
                     "  effective   \"2026-08-02\"\n"
                     "  effective   \"2026-12-02\" when g.p < \"2026-08-02\"\n"
                     "  for every node g\n"
                     "    where g.a >= today - 12 months\n"
                     "    require g.b + 2 years > today\n"
                     "}\n");
}
