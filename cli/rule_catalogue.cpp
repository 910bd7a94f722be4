#include "cli/rule_catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace lexflow::cli {

namespace {

using Json = nlohmann::ordered_json;

std::vector<const dsl::Rule*> sorted_rules(const dsl::RuleSet& rules) {
    std::vector<const dsl::Rule*> sorted;
    for (const auto& rule : rules.rules) {
        sorted.push_back(&rule);
    }
    std::sort(sorted.begin(), sorted.end(), [](const dsl::Rule* a, const dsl::Rule* b) {
        return std::tie(a->pack, a->id) < std::tie(b->pack, b->id);
    });
    return sorted;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : std::string(separator)) + item;
    }
    return out;
}

std::vector<std::string> citations_of(const dsl::Rule& rule) {
    std::vector<std::string> texts;
    for (const auto& citation : rule.citations) {
        texts.push_back(citation.text);
    }
    return texts;
}

std::vector<std::string> covers_of(const dsl::Rule& rule) {
    std::vector<std::string> ids;
    for (const auto& covered : rule.covers) {
        ids.push_back(covered.text);
    }
    return ids;
}

std::string_view form_of(const dsl::Rule& rule) {
    return rule.path ? "path" : dsl::to_string(rule.subject->domain);
}

/// Orders "Art. 3(3)" before "Art. 111(4)": runs of digits compare as numbers.
struct NaturalLess {
    bool operator()(const std::string& a, const std::string& b) const {
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < a.size() && j < b.size()) {
            if (std::isdigit(static_cast<unsigned char>(a[i])) &&
                std::isdigit(static_cast<unsigned char>(b[j]))) {
                const auto end_a = a.find_first_not_of("0123456789", i);
                const auto end_b = b.find_first_not_of("0123456789", j);
                const auto number_a = std::stoull(a.substr(i, end_a - i));
                const auto number_b = std::stoull(b.substr(j, end_b - j));
                if (number_a != number_b) {
                    return number_a < number_b;
                }
                i = end_a == std::string::npos ? a.size() : end_a;
                j = end_b == std::string::npos ? b.size() : end_b;
                continue;
            }
            if (a[i] != b[j]) {
                return a[i] < b[j];
            }
            ++i;
            ++j;
        }
        return a.size() - i < b.size() - j;
    }
};

/// Markdown table cells must not break the table.
std::string cell(const std::string& text) {
    std::string out;
    for (const char c : text) {
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    }
    return out;
}

Json rule_json(const dsl::Rule& rule) {
    return {{"id", rule.id},
            {"pack", rule.pack},
            {"title", *rule.title},
            {"severity", dsl::to_string(*rule.severity)},
            {"form", form_of(rule)},
            {"citations", citations_of(rule)},
            {"covers", covers_of(rule)},
            {"tags", rule.tags},
            {"effective", rule.effective.empty() ? Json() : Json(rule.effective)},
            {"description", rule.description ? Json(*rule.description) : Json()}};
}

}  // namespace

std::string render_catalogue(const dsl::RuleSet& rules, const std::string& format) {
    const auto sorted = sorted_rules(rules);
    if (format == "json") {
        Json list = Json::array();
        for (const auto* rule : sorted) {
            list.push_back(rule_json(*rule));
        }
        return Json{{"rules", list}}.dump(2) + "\n";
    }
    std::string out;
    if (format == "markdown") {
        out = "| Rule | Pack | Severity | Title | Citations |\n|---|---|---|---|---|\n";
        for (const auto* rule : sorted) {
            out += fmt::format("| {} | {} | {} | {} | {} |\n", rule->id, rule->pack,
                               dsl::to_string(*rule->severity), cell(*rule->title),
                               cell(join(citations_of(*rule), "; ")));
        }
        return out;
    }
    for (const auto* rule : sorted) {
        out += fmt::format("{:<30} {:<12} {:<8} {}\n", rule->id, rule->pack,
                           dsl::to_string(*rule->severity), *rule->title);
    }
    out += fmt::format("{} rule{}\n", sorted.size(), sorted.size() == 1 ? "" : "s");
    return out;
}

std::string render_matrix(const dsl::RuleSet& rules, const std::string& format) {
    const auto sorted = sorted_rules(rules);
    std::map<std::string, std::vector<std::string>> rules_per_pattern;
    std::map<std::string, std::vector<std::string>, NaturalLess> rules_per_provision;
    std::map<std::string, std::set<std::string>, NaturalLess> patterns_per_provision;
    for (const auto& pattern : rules.patterns) {
        rules_per_pattern[pattern.id];
    }
    for (const auto* rule : sorted) {
        for (const auto& covered : rule->covers) {
            rules_per_pattern[covered.text].push_back(rule->id);
        }
        for (const auto& citation : rule->citations) {
            rules_per_provision[citation.text].push_back(rule->id);
            for (const auto& covered : rule->covers) {
                patterns_per_provision[citation.text].insert(covered.text);
            }
        }
    }
    std::vector<const dsl::Pattern*> uncovered;
    for (const auto& pattern : rules.patterns) {
        if (rules_per_pattern[pattern.id].empty()) {
            uncovered.push_back(&pattern);
        }
    }
    if (format == "json") {
        Json patterns = Json::array();
        for (const auto& pattern : rules.patterns) {
            patterns.push_back({{"id", pattern.id},
                                {"description", pattern.description},
                                {"rules", rules_per_pattern[pattern.id]}});
        }
        Json provisions = Json::array();
        for (const auto& [citation, ids] : rules_per_provision) {
            const auto& covered = patterns_per_provision[citation];
            provisions.push_back(
                {{"citation", citation},
                 {"rules", ids},
                 {"patterns", std::vector<std::string>(covered.begin(), covered.end())}});
        }
        Json missing = Json::array();
        for (const auto* pattern : uncovered) {
            missing.push_back(pattern->id);
        }
        return Json{{"patterns", patterns},
                    {"provisions", provisions},
                    {"uncovered_patterns", missing}}
                   .dump(2) +
               "\n";
    }
    const bool markdown = format == "markdown";
    std::string out = markdown ? "# Coverage matrix\n\n## Failure patterns\n\n"
                                 "| Pattern | What goes wrong | Rules |\n|---|---|---|\n"
                               : "FAILURE PATTERNS\n";
    for (const auto& pattern : rules.patterns) {
        const auto& ids = rules_per_pattern[pattern.id];
        const auto covering = ids.empty() ? std::string("NOT COVERED") : join(ids, ", ");
        out += markdown ? fmt::format("| {} | {} | {} |\n", pattern.id, cell(pattern.description),
                                      covering)
                        : fmt::format("  {:<34} {}\n", pattern.id, covering);
    }
    out += markdown ? "\n## Provisions\n\n| Provision | Rules | Failure patterns |\n|---|---|---|\n"
                    : "\nPROVISIONS\n";
    for (const auto& [citation, ids] : rules_per_provision) {
        const auto& covered = patterns_per_provision[citation];
        const auto patterns = join(std::vector<std::string>(covered.begin(), covered.end()), ", ");
        out += markdown
                   ? fmt::format("| {} | {} | {} |\n", cell(citation), join(ids, ", "), patterns)
                   : fmt::format("  {:<34} {}\n", citation, join(ids, ", "));
    }
    out += fmt::format("{}{} of {} failure patterns covered\n", markdown ? "\n" : "\n",
                       rules.patterns.size() - uncovered.size(), rules.patterns.size());
    return out;
}

}  // namespace lexflow::cli
