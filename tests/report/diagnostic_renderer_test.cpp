#include "report/diagnostic_renderer.hpp"

#include <doctest/doctest.h>

using lexflow::base::Diagnostic;
using lexflow::base::DiagnosticLevel;
using lexflow::base::SourceRange;
using lexflow::base::SourceSet;
using lexflow::report::DiagnosticRenderer;

namespace {

Diagnostic error_at(SourceRange range, std::string message, std::string help = {}) {
    return {DiagnosticLevel::error, "LF9999", range, std::move(message), {}, std::move(help)};
}

}  // namespace

TEST_CASE("a diagnostic shows its line with a caret under the range") {
    SourceSet sources;
    const auto file = sources.add("x.yaml", "a: 1\n\tto: nowhere\n");
    const DiagnosticRenderer renderer(sources, false);
    CHECK(renderer.render(error_at({file, 2, 6, 7}, "unknown", "did you mean?")) ==
          "x.yaml:2:6: error: unknown [LF9999]\n"
          "  2 | \tto: nowhere\n"
          "    | \t    ^~~~~~~\n"
          "  help: did you mean?\n");
}

TEST_CASE("a long line is shown as a window around the caret") {
    SourceSet sources;
    const auto line = std::string(500, 'a') + "TARGET" + std::string(500, 'b');
    const auto file = sources.add("x.yaml", line + "\n");
    const auto rendered =
        DiagnosticRenderer(sources, false, 40).render(error_at({file, 1, 501, 6}, "here"));
    CHECK(rendered ==
          "x.yaml:1:501: error: here [LF9999]\n"
          "  1 | …" +
              std::string(13, 'a') + "TARGET" + std::string(21, 'b') +
              "…\n"
              "    | " +
              std::string(14, ' ') + "^~~~~~\n");
}

TEST_CASE("what an input put in a diagnostic is shown printable, its caret still aligned") {
    SourceSet sources;
    const auto file = sources.add("evil\x1b[2J.yaml", "to: \"\x1b]0;x\x07\" bad\n");
    const auto rendered =
        DiagnosticRenderer(sources, false)
            .render(error_at({file, 1, 14, 3}, "flow to 'a\rb\x1b[31m'", "did you mean '\x1b'?"));
    CHECK(rendered ==
          "evil\\x1b[2J.yaml:1:14: error: flow to 'a\\rb\\x1b[31m' [LF9999]\n"
          "  1 | to: \"\\x1b]0;x\\x07\" bad\n"
          "    |                    ^~~\n"
          "  help: did you mean '\\x1b'?\n");
}

TEST_CASE("a huge message is shortened") {
    SourceSet sources;
    const auto file = sources.add("x.yaml", "");
    const auto rendered = DiagnosticRenderer(sources, false)
                              .render(error_at({file, 0, 0, 1}, std::string(5000, 'x')));
    CHECK(rendered.size() < 1100);
    CHECK(rendered.find("…[4000 more bytes]") != std::string::npos);
}
