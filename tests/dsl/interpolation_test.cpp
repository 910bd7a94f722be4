#include "dsl/interpolation.hpp"

#include <doctest/doctest.h>

using lexflow::base::Diagnostics;
using lexflow::dsl::Template;

namespace {

Template make(std::string raw) {
    Template text;
    text.raw = std::move(raw);
    text.range = {0, 3, 11, 1};  // the opening quote is at line 3, column 11
    return text;
}

}  // namespace

TEST_CASE("a template splits into text and paths") {
    auto text = make("'{g}' sends {g.modality.kind} to \\\"{s}\\\"");
    Diagnostics diagnostics;
    REQUIRE(lexflow::dsl::split_template(text, diagnostics));
    REQUIRE(text.segments.size() == 7);
    CHECK(text.segments[0].text == "'");
    CHECK(text.segments[1].path->spelling() == "g");
    CHECK(text.segments[3].path->variable == "g");
    CHECK(text.segments[3].path->keys == std::vector<std::string>{"modality", "kind"});
    CHECK(text.segments[4].text == " to \"");
    CHECK(text.segments[6].text == "\"");
}

TEST_CASE("doubled braces are literal braces") {
    auto text = make("{{not a hole}} {x}");
    Diagnostics diagnostics;
    REQUIRE(lexflow::dsl::split_template(text, diagnostics));
    REQUIRE(text.segments.size() == 2);
    CHECK(text.segments[0].text == "{not a hole} ");
    CHECK(text.segments[1].path->spelling() == "x");
}

TEST_CASE("a hole's range points into the source line") {
    auto text = make("ab {x.y}");
    Diagnostics diagnostics;
    REQUIRE(lexflow::dsl::split_template(text, diagnostics));
    const auto& path = *text.segments[1].path;
    CHECK(path.variable_range.line == 3);
    CHECK(path.variable_range.column == 11 + 1 + 4);  // quote, then "ab {"
    CHECK(path.range.length == 5);
}

TEST_CASE("malformed holes are reported at their position") {
    for (const auto* raw : {"open {x", "stray } brace", "{1x}", "{x.}", "{}"}) {
        CAPTURE(raw);
        auto text = make(raw);
        Diagnostics diagnostics;
        CHECK_FALSE(lexflow::dsl::split_template(text, diagnostics));
        REQUIRE(diagnostics.all().size() == 1);
        CHECK(diagnostics.all()[0].code == "LF2004");
        CHECK(diagnostics.all()[0].range.line == 3);
    }
}
