#include "report/catalogue.hpp"

#include <doctest/doctest.h>

#include <sstream>

using lexflow::report::Catalogue;
using lexflow::report::CatalogueFormat;
using lexflow::report::RuleInfo;

namespace {

RuleInfo rule_citing(std::string id, std::vector<std::string> citations) {
    RuleInfo rule;
    rule.id = std::move(id);
    rule.title = "t";
    rule.form = "node";
    rule.citations = std::move(citations);
    return rule;
}

}  // namespace

TEST_CASE("provisions are listed in natural order, numbers of any length included") {
    Catalogue catalogue;
    catalogue.rules = {rule_citing("A", {"Art. 111(4)", "Art. 99999999999999999999999"}),
                       rule_citing("B", {"Art. 3(3)", "Art. 05", "Art. 5"})};
    std::ostringstream out;
    lexflow::report::write_matrix(catalogue, CatalogueFormat::text, out);
    CHECK(out.str() ==
          "FAILURE PATTERNS\n"
          "\nPROVISIONS\n"
          "  Art. 3(3)                          B\n"
          "  Art. 05                            B\n"
          "  Art. 5                             B\n"
          "  Art. 111(4)                        A\n"
          "  Art. 99999999999999999999999       A\n"
          "\n0 of 0 failure patterns covered\n");
}

TEST_CASE("what rules say is shown printable in text and cannot break a Markdown table") {
    Catalogue catalogue;
    auto rule = rule_citing("EVIL", {"Art. 1 | \x1b[2J"});
    rule.title = "line\nbreak";
    catalogue.rules = {rule};
    std::ostringstream text;
    lexflow::report::write_catalogue(catalogue, CatalogueFormat::text, text);
    CHECK(text.str().find("line\\nbreak") != std::string::npos);
    std::ostringstream markdown;
    lexflow::report::write_catalogue(catalogue, CatalogueFormat::markdown, markdown);
    CHECK(markdown.str().ends_with("| EVIL |  | info | line\\nbreak | Art. 1 \\| \\x1b[2J |\n"));
}
