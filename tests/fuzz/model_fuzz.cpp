// A libFuzzer target for the model reader and everything after it: any bytes
// as a model file, checked against the shipped packs as `lexflow check`
// does, and the report written in every format. It traps on what is a bug
// whatever the input: JSON output that does not parse, and text output or a
// rendered diagnostic that lets an input's control characters through.
// Built with -DLEXFLOW_FUZZ=ON and run by scripts/fuzz.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/checker.hpp"
#include "dsl/rule_set.hpp"
#include "pipeline/check.hpp"
#include "pipeline/rule_loading.hpp"
#include "report/diagnostic_renderer.hpp"
#include "report/writer.hpp"

namespace {

/// Enough for any model that reaches the rules; larger inputs only slow the
/// search (the reader's own limits are tested by tests/model).
constexpr std::size_t kMaxInput = 1U << 20U;

/// Whether `text` holds a byte that base::printable() would have escaped: a
/// C0 control other than a line break or tab, DEL, or a C1 control (U+0080
/// to U+009F, in UTF-8 0xC2 0x80 to 0xC2 0x9F). Output with one of them can
/// move a terminal's cursor or forge a line of lexflow's output.
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

/// The shipped packs, loaded once: they are the same for every input, and
/// loading them would otherwise take most of each run.
struct ShippedRules {
    lexflow::base::SourceSet sources;
    lexflow::dsl::RuleSet rules;
};

const ShippedRules& shipped_rules() {
    static const ShippedRules shipped = [] {
        ShippedRules loaded;
        lexflow::base::Diagnostics diagnostics;
        auto rules = lexflow::pipeline::load_rules({true, {}, lexflow::dsl::RuleTests::ignore},
                                                   loaded.sources, diagnostics);
        if (!rules) {
            // Not a finding: the build is broken, and every input would fail.
            std::fputs(lexflow::report::DiagnosticRenderer(loaded.sources, false)
                           .render_all(diagnostics)
                           .c_str(),
                       stderr);
            std::abort();
        }
        loaded.rules = std::move(*rules);
        return loaded;
    }();
    return shipped;
}

/// Writes the report in every format and checks what a reader of each relies
/// on: the JSON parses, and the text without colour is printable.
void write_report(const lexflow::report::Report& report) {
    std::ostringstream coloured;
    lexflow::report::make_text_writer(true)->write(report, coloured);

    std::ostringstream plain;
    lexflow::report::make_text_writer(false)->write(report, plain);
    if (has_control_character(plain.str())) {
        __builtin_trap();
    }

    std::ostringstream json;
    lexflow::report::make_json_writer()->write(report, json);
    try {
        (void)nlohmann::json::parse(json.str());
    } catch (const nlohmann::json::exception&) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) {
        return 0;
    }
    const auto& shipped = shipped_rules();
    // A copy of the set that holds only the packs: the rules' file ids stay
    // valid, and nothing of an earlier input is left in it.
    auto sources = shipped.sources;
    const auto file =
        sources.add("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));

    lexflow::base::Diagnostics diagnostics;
    lexflow::pipeline::CheckSettings settings;
    settings.as_of = "2026-12-01";
    const auto outcome =
        lexflow::pipeline::check_model(shipped.rules, {file}, sources, diagnostics, settings);
    if (outcome.completed) {
        write_report(outcome.report);
    }

    const lexflow::report::DiagnosticRenderer renderer(sources, false);
    if (has_control_character(renderer.render_all(diagnostics)) ||
        has_control_character(renderer.render_all(outcome.warnings))) {
        __builtin_trap();
    }
    return 0;
}
