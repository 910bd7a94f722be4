#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/checker.hpp"
#include "dsl/parser.hpp"
#include "report/diagnostic_renderer.hpp"

namespace lexflow::testing {

/// Parses and checks rule files given as (name, text) and keeps what a user
/// would see: the rule set and the rendered diagnostics (no colour).
struct Checked {
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    std::optional<dsl::RuleSet> rules;
    std::string rendered;
};

inline Checked check_texts(const std::vector<std::pair<std::string, std::string>>& files) {
    Checked result;
    std::vector<dsl::RuleFile> parsed;
    for (const auto& [name, text] : files) {
        const auto id = result.sources.add(name, text);
        if (auto file = dsl::parse_rule_file(result.sources, id, result.diagnostics)) {
            parsed.push_back(std::move(*file));
        }
    }
    if (!result.diagnostics.has_errors()) {
        auto rules = dsl::check_rules(std::move(parsed), result.diagnostics);
        if (!result.diagnostics.has_errors()) {
            result.rules = std::move(rules);
        }
    }
    result.rendered =
        report::DiagnosticRenderer(result.sources, false).render_all(result.diagnostics);
    return result;
}

inline Checked check_text(const std::string& text) {
    return check_texts({{"test.lf", text}});
}

}  // namespace lexflow::testing
