#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "base/edit_distance.hpp"
#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/rule_options.hpp"
#include "cli/terminal.hpp"
#include "pipeline/check.hpp"
#include "pipeline/rule_tests.hpp"
#include "rules/embedded_rules.hpp"

namespace lexflow::cli {

namespace {

/// What `lexflow explain` was asked to do.
struct ExplainOptions {
    std::string rule_id;
    RuleOptions rules;
};

std::string indented(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto line = text.substr(start, end == std::string_view::npos ? end : end - start);
        out += line.empty() ? "\n" : "    " + std::string(line) + "\n";
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

/// Lines `first` to `last` of a file, as they are.
std::string source_lines(const base::SourceSet& sources, base::FileId file, std::uint32_t first,
                         std::uint32_t last) {
    std::string text;
    for (auto line = first; line <= last; ++line) {
        text += sources.line(file, line).value_or("") + "\n";
    }
    return text;
}

/// The predicates a rule calls, and those they call, in the order met.
std::vector<const dsl::Predicate*> called_predicates(const dsl::Rule& rule,
                                                     const dsl::RuleSet& rules) {
    std::vector<const dsl::Predicate*> called;
    std::vector<const dsl::Expr*> pending;
    const auto push = [&pending](const std::optional<dsl::Expr>& expr) {
        if (expr) {
            pending.push_back(&*expr);
        }
    };
    push(rule.condition);
    for (const auto& requirement : rule.requirements) {
        pending.push_back(&requirement.condition);
    }
    for (const auto& conditional : rule.effective_when) {
        pending.push_back(&conditional.condition);
    }
    if (rule.path) {
        for (const auto* expr : {&rule.path->source_condition, &rule.path->target_condition,
                                 &rule.path->via_condition, &rule.path->through_condition}) {
            push(*expr);
        }
    }
    while (!pending.empty()) {
        const auto* expr = pending.back();
        pending.pop_back();
        if (const auto* predicate =
                expr->kind == dsl::Expr::Kind::call ? rules.find_predicate(expr->callee) : nullptr;
            predicate != nullptr &&
            std::find(called.begin(), called.end(), predicate) == called.end()) {
            called.push_back(predicate);
            pending.push_back(&predicate->body);
        }
        for (const auto& operand : expr->operands) {
            pending.push_back(&operand);
        }
    }
    return called;
}

/// "from 2026-08-02; from 2026-12-02 when ...", or "always".
std::string in_force(const dsl::Rule& rule) {
    std::string text = rule.effective.empty() ? "always" : "from " + rule.effective;
    for (const auto& conditional : rule.effective_when) {
        text += "; from " + conditional.date + " when " + conditional.text;
    }
    return base::printable(text);
}

/// Text without the indentation all its non-blank lines share.
std::string dedented(std::string_view text) {
    std::size_t common = std::string_view::npos;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        if (const auto first = line.find_first_not_of(' '); first != std::string_view::npos) {
            common = std::min(common, first);
        }
        start = end + 1;
    }
    std::string out;
    start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        out += line.size() > common ? line.substr(common) : std::string_view();
        out += '\n';
        start = end + 1;
    }
    return out;
}

/// The model of a loaded test that expects the rule to report a gap.
std::optional<std::string> model_of_a_firing_test(const dsl::Rule& rule, const dsl::RuleSet& rules,
                                                  base::SourceSet& sources) {
    for (const auto& test : rules.tests) {
        const bool fires =
            std::any_of(test.expectations.begin(), test.expectations.end(),
                        [&rule](const dsl::Expectation& expectation) {
                            return expectation.rule_id == rule.id &&
                                   expectation.status == dsl::Expectation::Status::gap;
                        });
        if (!fires) {
            continue;
        }
        if (test.inline_model) {
            return dedented(*test.inline_model);
        }
        if (auto text = pipeline::test_model_text(test, sources)) {
            return text;
        }
    }
    return std::nullopt;
}

/// A model that trips the rule: the one the shipped packs embed for it, or
/// else the model of a loaded test where it fires.
std::string example_for(const dsl::Rule& rule, const dsl::RuleSet& rules,
                        base::SourceSet& sources) {
    const auto wanted = rule.pack + "/" + rule.id + "/fires.yaml";
    for (const auto& example : rules::embedded_rule_examples()) {
        if (example.path == wanted) {
            return example.text;
        }
    }
    return model_of_a_firing_test(rule, rules, sources).value_or("");
}

/// What the rule alone reports on its example model, one line per gap.
std::string example_gaps(const dsl::Rule& rule, const dsl::RuleSet& rules,
                         const std::string& example) {
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    const auto file = sources.add("example.yaml", example);
    pipeline::CheckSettings every_rule_in_force;
    const auto outcome = pipeline::check_model(rules.subset({rule.id}), {file}, sources,
                                               diagnostics, every_rule_in_force);
    if (!outcome.completed) {
        return {};  // the shipped examples load; their tests prove it
    }
    std::string out;
    for (const auto& finding : outcome.report.findings) {
        out += fmt::format("{} '{}': {}\n", finding.subject.kind,
                           base::printable(finding.subject.id), base::printable(finding.message));
    }
    return out;
}

std::string explanation(const dsl::Rule& rule, const dsl::RuleSet& rules,
                        base::SourceSet& sources) {
    // One-line fields are made printable here, so that a line break in them
    // cannot start a line of its own; run_explain makes the rest printable.
    using base::printable;
    std::string out = fmt::format("{}  {}\n\n", rule.id, printable(*rule.title));
    const auto* pack = rules.find_pack(rule.pack);
    out += fmt::format(
        "  pack:      {}\n",
        pack ? fmt::format("{} ({})", pack->id, printable(pack->title)) : std::string("none"));
    out += fmt::format("  severity:  {}\n", base::to_string(*rule.severity));
    out += fmt::format("  in force:  {}\n", in_force(rule));
    for (const auto& citation : rule.citations) {
        out += fmt::format("  cites:     {}\n", printable(citation.text));
    }
    for (const auto& covered : rule.covers) {
        out += fmt::format("  detects:   {}\n", printable(covered.text));
    }
    if (!rule.tags.empty()) {
        std::string tags;
        for (const auto& tag : rule.tags) {
            tags += (tags.empty() ? "" : ", ") + printable(tag);
        }
        out += fmt::format("  tags:      {}\n", tags);
    }
    if (rule.description) {
        out += fmt::format("\nWhy it matters\n{}", indented(*rule.description));
    }
    if (rule.remediation) {
        out += fmt::format("\nHow to fix a gap\n{}", indented(rule.remediation->raw));
    }
    out += fmt::format(
        "\nThe rule ({}:{})\n{}", printable(sources.name(rule.id_range.file)), rule.id_range.line,
        indented(source_lines(sources, rule.id_range.file, rule.id_range.line, rule.last_line)));
    for (const auto* predicate : called_predicates(rule, rules)) {
        const auto& range = predicate->range;
        out += fmt::format(
            "\nThe predicate it calls ({}:{})\n{}", printable(sources.name(range.file)), range.line,
            indented(source_lines(sources, range.file, range.line, predicate->last_line)));
    }
    if (const auto example = example_for(rule, rules, sources); !example.empty()) {
        out += fmt::format("\nA model that trips it\n{}", indented(example));
        out += fmt::format("\nWhat the rule reports on it\n{}",
                           indented(example_gaps(rule, rules, example)));
    }
    return out;
}

ExitStatus run_explain(const ExplainOptions& options) {
    const auto limits = options.rules.limits.limits();
    if (!limits) {
        return ExitStatus::invalid_input;
    }
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    const auto rules = pipeline::load_rules(options.rules.sources(dsl::RuleTests::check), sources,
                                            diagnostics, *limits);
    if (!rules) {
        print_diagnostics(sources, diagnostics, ColorMode::automatic, *limits);
        return ExitStatus::invalid_input;
    }
    std::vector<std::string_view> ids;
    for (const auto& rule : rules->rules) {
        if (rule.id == options.rule_id) {
            // Rule text, models and messages come from inputs: shown printable.
            const auto text = base::printable_lines(explanation(rule, *rules, sources));
            std::fwrite(text.data(), 1, text.size(), stdout);
            return ExitStatus::clean;
        }
        ids.push_back(rule.id);
    }
    std::sort(ids.begin(), ids.end());
    const auto match = base::closest_match(options.rule_id, ids);
    print_error(fmt::format("no rule '{}' is loaded{}", options.rule_id,
                            match ? "; did you mean '" + *match + "'?" : ""),
                "Run 'lexflow rules' for the list.");
    return ExitStatus::invalid_input;
}

}  // namespace

void attach_explain(CLI::App& command, ExitStatus& status) {
    auto options = std::make_shared<ExplainOptions>();
    auto* explain = &command;
    explain->footer("Example: lexflow explain AIA-50-2-MARKING");
    explain->add_option("rule", options->rule_id, "The rule id")->required()->type_name("RULE-ID");
    add_rule_options(*explain, options->rules);
    explain->callback([options, &status] { status = run_explain(*options); });
}

}  // namespace lexflow::cli
