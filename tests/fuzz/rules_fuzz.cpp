// A libFuzzer target for the rule language: any bytes as a rule file, then
// everything `lexflow lint`, `test` and `fmt` do with it. It traps on what
// is a bug whatever the input: formatting that changes what a file means,
// and a rendered diagnostic that lets an input's control characters through.
// Built with -DLEXFLOW_FUZZ=ON and run by scripts/fuzz.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/ast_printer.hpp"
#include "dsl/checker.hpp"
#include "dsl/formatter.hpp"
#include "dsl/lint.hpp"
#include "dsl/parser.hpp"
#include "report/diagnostic_renderer.hpp"

namespace {

/// Real rule files are a few kilobytes; a larger input only slows the search.
constexpr std::size_t kMaxInput = 1U << 20U;

/// Whether `text` holds a byte that base::printable() would have escaped: a
/// C0 control other than a line break or tab, DEL, or a C1 control (U+0080
/// to U+009F, in UTF-8 0xC2 0x80 to 0xC2 0x9F). Rendered text with one of
/// them can move a terminal's cursor or forge a line of lexflow's output.
bool has_control_character(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f) {
            return true;
        }
        if (byte == 0xc2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9f) {
                return true;
            }
        }
    }
    return false;
}

/// `lexflow fmt` promises to change only white space outside strings and
/// comments, and to be idempotent: the formatted text must parse, mean what
/// the original meant (dsl::dump, which `fmt` itself is checked against),
/// and format to itself.
void check_formatting(const std::string& meaning, const std::string& formatted,
                      lexflow::base::SourceSet& sources) {
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add("fuzz-formatted.lf", formatted);
    const auto reparsed = lexflow::dsl::parse_rule_file(sources, file, diagnostics);
    if (!reparsed || lexflow::dsl::dump(*reparsed) != meaning) {
        __builtin_trap();
    }
    if (lexflow::dsl::format_rule_file(formatted) != formatted) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) {
        return 0;
    }
    const std::string text(reinterpret_cast<const char*>(data), size);

    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add("fuzz.lf", text);
    auto parsed = lexflow::dsl::parse_rule_file(sources, file, diagnostics);
    // The formatter runs on text that does not parse as well (`fmt` only
    // refuses to write it), so it must survive any bytes.
    const auto formatted = lexflow::dsl::format_rule_file(text);
    if (parsed) {
        check_formatting(lexflow::dsl::dump(*parsed), formatted, sources);
        const auto rules = lexflow::dsl::check_rules({std::move(*parsed)}, diagnostics,
                                                     lexflow::dsl::RuleTests::check);
        // A RuleSet is only meaningful without errors; `lexflow lint` lints
        // no other (pipeline/lint.cpp).
        if (!diagnostics.has_errors()) {
            lexflow::dsl::LintScope scope;
            scope.files.insert(file);
            lexflow::dsl::lint_rules(rules, scope, diagnostics);
        }
    }
    const auto rendered =
        lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics);
    if (has_control_character(rendered)) {
        __builtin_trap();
    }
    return 0;
}
