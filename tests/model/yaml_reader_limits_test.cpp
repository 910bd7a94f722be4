// A hostile model file stops at a limit, with an error located where it hit
// it, instead of hanging or filling the memory.

#include <doctest/doctest.h>

#include "base/diagnostic_ids.hpp"
#include "model/model_reader.hpp"
#include "tests/model/model_test_support.hpp"

using lexflow::base::Limits;
using lexflow::testing::load_yaml;

namespace ids = lexflow::base::diagnostic_ids;

namespace {

/// Reads `text` under `limits`; the diagnostics, rendered.
std::string errors_under(const std::string& text, const Limits& limits) {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add("model.yaml", text);
    CHECK_FALSE(lexflow::model::read_model({file}, sources, diagnostics, limits));
    return lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics);
}

const std::string kSurface = "surfaces:\n  - {id: a, kind: k}\n";

}  // namespace

TEST_CASE("a lone comma is a syntax error, not an endless loop") {
    const auto loaded = load_yaml(",");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered.starts_with(
        "model.yaml:1:1: error: invalid YAML: nothing here starts a value [LF3001]"));
}

TEST_CASE("nesting deeper than yaml-depth stops at the list that goes too deep") {
    Limits limits;
    limits.yaml_depth = 3;
    CHECK(errors_under(kSurface + "deep: [[[[1]]]]\n", limits)
              .starts_with("model.yaml:3:9: error: lists and maps nest more than 3 deep here "
                           "[LF5001]"));
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add("model.yaml", kSurface + "fine: [[1]]\n");
    CHECK(lexflow::model::read_model({file}, sources, diagnostics, limits));
}

TEST_CASE("aliases that copy more values than allowed stop before copying them") {
    std::string bomb = kSurface + "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        const char previous = static_cast<char>(level - 1);
        bomb += std::string(1, level) + ": &" + level + " [";
        for (int i = 0; i < 10; ++i) {
            bomb += std::string(i == 0 ? "" : ", ") + "*" + previous;
        }
        bomb += "]\n";
    }
    const auto rendered = errors_under(bomb, Limits{});
    CHECK(rendered.find("error: aliases and merge keys would copy more than") != std::string::npos);
    CHECK(rendered.find("[LF5001]") != std::string::npos);
    CHECK(rendered.find("--limit alias-expansion=N") != std::string::npos);
}

TEST_CASE("merge keys count as copies too") {
    Limits limits;
    limits.alias_expansion = 10;
    limits.alias_ratio = 1;
    std::string text = kSurface + "base: &base {a: 1, b: 2, c: 3, d: 4, e: 5}\nitems:\n";
    for (int i = 0; i < 10; ++i) {
        text += "  - {<<: *base, n: " + std::to_string(i) + "}\n";
    }
    CHECK(errors_under(text, limits).find("[LF5001]") != std::string::npos);
}

TEST_CASE("a value longer than value-size is an error at the value") {
    Limits limits;
    limits.value_size = 8;
    const auto rendered = errors_under(
        "surfaces:\n  - {id: a, kind: k}\nflows:\n  - {from: a, to: abcdefghij}\n", limits);
    CHECK(rendered.starts_with("model.yaml:4:19: error: this value has 10 bytes [LF5001]"));
}

TEST_CASE("a model with more elements than allowed is reported once") {
    Limits limits;
    limits.elements = 2;
    const auto rendered = errors_under(
        "surfaces:\n  - {id: a, kind: k}\n  - {id: b, kind: k}\n  - {id: c, kind: "
        "k}\n  - {id: d, kind: k}\n",
        limits);
    CHECK(
        rendered.starts_with("model.yaml:4:5: error: the model has more than 2 surfaces, flows "
                             "and roles [LF5001]"));
    CHECK(rendered.ends_with("1 error generated.\n"));
}

TEST_CASE("a model with lone CR line breaks is located on the right line") {
    const auto loaded = load_yaml("surfaces:\r  - id: a\r    kind: k\r  - id: a\r    kind: k\r");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered.starts_with(
        "model.yaml:4:9: error: duplicate surface id 'a' [LF3004]\n  4 |   - id: a\n"));
}
