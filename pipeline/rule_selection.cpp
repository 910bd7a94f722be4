#include "pipeline/rule_selection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"

namespace lexflow::pipeline {

namespace {

namespace ids = base::diagnostic_ids;

/// The selection as it was written on the command line, one option per
/// line, so that an error can point at the id it is about.
class CommandLine {
  public:
    explicit CommandLine(const RuleSelection& selection) {
        add("--pack", selection.packs);
        add("--rule", selection.rules);
        add("--skip-rule", selection.skipped);
    }

    /// The range of the `index`-th value of `option`.
    [[nodiscard]] base::SourceRange range(base::FileId file, std::string_view option,
                                          std::size_t index) const {
        std::uint32_t line = 0;
        for (const auto& [name, value_length] : lines_) {
            ++line;
            if (name == option && index-- == 0) {
                return {file, line, static_cast<std::uint32_t>(option.size() + 2),
                        std::max<std::uint32_t>(value_length, 1)};
            }
        }
        return {file, 0, 0, 1};
    }
    [[nodiscard]] const std::string& text() const { return text_; }

  private:
    void add(std::string_view option, const std::vector<std::string>& values) {
        for (const auto& value : values) {
            text_ += fmt::format("{} {}\n", option, value);
            lines_.emplace_back(std::string(option), static_cast<std::uint32_t>(value.size()));
        }
    }
    std::string text_;
    std::vector<std::pair<std::string, std::uint32_t>> lines_;
};

std::vector<std::string> pack_ids(const dsl::RuleSet& rules) {
    std::vector<std::string> ids;
    for (const auto& pack : rules.packs) {
        ids.push_back(pack.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> rule_ids(const dsl::RuleSet& rules) {
    std::vector<std::string> ids;
    for (const auto& rule : rules.rules) {
        ids.push_back(rule.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// Reports each value of `option` that is not among `known` (sorted).
void check_known(const std::vector<std::string>& values, const std::vector<std::string>& known,
                 std::string_view option, std::string_view what, const CommandLine& line,
                 base::FileId file, base::Diagnostics& diagnostics) {
    const base::NameIndex names(known);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::binary_search(known.begin(), known.end(), values[i])) {
            continue;
        }
        const auto suggestion = names.closest(values[i]);
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::unknown_rule),
                            line.range(file, option, i),
                            fmt::format("no {} '{}' is loaded", what, values[i]),
                            {},
                            suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                                       : fmt::format("'lexflow rules' lists the {}s", what)});
    }
}

}  // namespace

std::optional<SelectedRules> select_rules(const dsl::RuleSet& rules, const RuleSelection& selection,
                                          base::SourceSet& sources,
                                          base::Diagnostics& diagnostics) {
    if (selection.empty()) {
        return SelectedRules{rules, {}};
    }
    const CommandLine line(selection);
    const auto file = sources.add("command line", line.text());
    const auto errors_before = diagnostics.error_count();
    const auto all_rules = rule_ids(rules);
    check_known(selection.packs, pack_ids(rules), "--pack", "pack", line, file, diagnostics);
    check_known(selection.rules, all_rules, "--rule", "rule", line, file, diagnostics);
    check_known(selection.skipped, all_rules, "--skip-rule", "rule", line, file, diagnostics);
    if (diagnostics.error_count() > errors_before) {
        return std::nullopt;
    }
    const std::set<std::string> packs(selection.packs.begin(), selection.packs.end());
    const std::set<std::string> named(selection.rules.begin(), selection.rules.end());
    const std::set<std::string> skipped(selection.skipped.begin(), selection.skipped.end());
    const bool everything = packs.empty() && named.empty();
    SelectedRules result;
    std::vector<std::string> kept;
    for (const auto& rule : rules.rules) {
        const bool chosen = everything || packs.contains(rule.pack) || named.contains(rule.id);
        (chosen && !skipped.contains(rule.id) ? kept : result.left_out).push_back(rule.id);
    }
    if (kept.empty()) {
        diagnostics.report({base::DiagnosticLevel::error,
                            std::string(ids::unknown_rule),
                            {file, 1, 1, 1},
                            "this selection of packs and rules leaves no rule to check",
                            {},
                            "drop a --skip-rule, or name another pack or rule"});
        return std::nullopt;
    }
    std::sort(result.left_out.begin(), result.left_out.end());
    result.rules = rules.subset(kept);
    return result;
}

}  // namespace lexflow::pipeline
