#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/diagnostic_json.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_renderer.hpp"
#include "dsl/lint.hpp"
#include "engine/model_loader.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow lint` was asked to do.
struct LintOptions {
    std::vector<std::string> rule_paths;  ///< empty: lint the shipped packs
    std::vector<std::string> models;
    bool no_default_rules = false;
    bool strict = false;
    std::string format = "text";
};

constexpr std::string_view kBuiltinPrefix = "<builtin>/";

/// The attribute keys used anywhere in the models in scope.
std::set<std::string> model_keys(const engine::Model& model) {
    std::set<std::string> keys;
    const auto add = [&](engine::Span attributes) {
        for (const auto& attribute : model.entries(attributes)) {
            keys.emplace(model.strings().text(attribute.key));
        }
    };
    for (const auto& surface : model.surfaces()) {
        add(surface.attributes);
    }
    for (const auto& flow : model.flows()) {
        add(flow.attributes);
    }
    for (const auto& role : model.roles()) {
        add(role.attributes);
    }
    return keys;
}

ExitStatus run_lint(const LintOptions& options) {
    dsl::SourceSet sources;
    dsl::Diagnostics diagnostics(200);
    const bool lint_shipped = options.rule_paths.empty();
    if (lint_shipped && options.no_default_rules) {
        std::fputs("lexflow: error: --no-default-rules leaves no rules to lint; name rule files\n",
                   stderr);
        return ExitStatus::invalid_input;
    }
    const auto rules =
        load_rules({!options.no_default_rules, options.rule_paths, dsl::RuleTests::check}, sources,
                   diagnostics);
    dsl::LintScope scope;
    std::vector<dsl::FileId> model_files;
    for (const auto& path : options.models) {
        model_files.push_back(sources.add_on_disk(path));
    }
    if (rules && !model_files.empty()) {
        if (const auto model = engine::load_model(model_files, sources, diagnostics)) {
            scope.model_keys = model_keys(*model);
            scope.has_models = true;
        }
    }
    if (!rules || diagnostics.has_errors()) {
        print_diagnostics(sources, diagnostics);
        return ExitStatus::invalid_input;
    }
    for (dsl::FileId file = 0; file < sources.size(); ++file) {
        const bool builtin = sources.name(file).starts_with(kBuiltinPrefix);
        if (lint_shipped == builtin) {
            scope.files.insert(file);
        }
    }
    dsl::lint_rules(*rules, scope, diagnostics);
    const auto text =
        options.format == "json"
            ? nlohmann::ordered_json{{"diagnostics", diagnostics_as_json(diagnostics, sources)}}
                      .dump(2) +
                  "\n"
            : dsl::DiagnosticRenderer(sources, use_color(ColorMode::automatic, stdout))
                  .render_all(diagnostics);
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (options.strict && diagnostics.warning_count() > 0) {
        std::fputs(
            fmt::format("lexflow: {} warning{} treated as errors (--strict)\n",
                        diagnostics.warning_count(), diagnostics.warning_count() == 1 ? "" : "s")
                .c_str(),
            stderr);
        return ExitStatus::gaps_found;
    }
    return ExitStatus::clean;
}

}  // namespace

void attach_lint(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<LintOptions>();
    auto* lint = &command;
    lint->footer(
        "Without RULES, lints the shipped packs. Exit status: 0 no error (warnings allowed); 1 "
        "warnings with --strict; 2 errors.\nExample: lexflow lint my-rules/ --model estate.yaml");
    lint->add_option("rules", options->rule_paths, "Rule files or folders to lint")
        ->type_name("RULES");
    lint->add_option("--model", options->models,
                     "A model whose attributes the rules may read (repeatable)")
        ->type_name("FILE")
        ->take_all()
        ->expected(1)
        ->allow_extra_args(false);
    lint->add_flag("--no-default-rules", options->no_default_rules,
                   "Do not load the shipped packs as context");
    lint->add_flag("--strict", options->strict, "Make warnings fail (exit status 1)");
    lint->add_option("--format", options->format, "Output format (json for editors)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    lint->callback([options, &status] { status = run_lint(*options); });
}

}  // namespace lexflow::cli
