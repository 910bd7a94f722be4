#include "report/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "base/printable.hpp"
#include "report/internal/text.hpp"
#include "report/json_stream.hpp"

namespace lexflow::report {

namespace {

using internal::join;

std::vector<const RuleInfo*> sorted_rules(const Catalogue& catalogue) {
    std::vector<const RuleInfo*> sorted;
    for (const auto& rule : catalogue.rules) {
        sorted.push_back(&rule);
    }
    std::sort(sorted.begin(), sorted.end(), [](const RuleInfo* a, const RuleInfo* b) {
        return std::tie(a->pack, a->id) < std::tie(b->pack, b->id);
    });
    return sorted;
}

/// Orders "Art. 3(3)" before "Art. 111(4)": runs of digits compare as numbers.
struct NaturalLess {
    bool operator()(const std::string& a, const std::string& b) const {
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < a.size() && j < b.size()) {
            if (is_digit(a[i]) && is_digit(b[j])) {
                const auto end_a = std::min(a.find_first_not_of("0123456789", i), a.size());
                const auto end_b = std::min(b.find_first_not_of("0123456789", j), b.size());
                if (const auto order = compare_numbers(std::string_view(a).substr(i, end_a - i),
                                                       std::string_view(b).substr(j, end_b - j));
                    order != 0) {
                    return order < 0;
                }
                i = end_a;
                j = end_b;
                continue;
            }
            if (a[i] != b[j]) {
                return a[i] < b[j];
            }
            ++i;
            ++j;
        }
        if (a.size() - i != b.size() - j) {
            return a.size() - i < b.size() - j;
        }
        return a < b;  // "Art. 05" and "Art. 5" are told apart, never merged
    }

  private:
    static bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

    /// Compares two runs of digits as numbers of any length.
    static int compare_numbers(std::string_view a, std::string_view b) {
        const auto significant = [](std::string_view digits) {
            const auto first = digits.find_first_not_of('0');
            return first == std::string_view::npos ? std::string_view() : digits.substr(first);
        };
        a = significant(a);
        b = significant(b);
        if (a.size() != b.size()) {
            return a.size() < b.size() ? -1 : 1;
        }
        return a.compare(b);
    }
};

std::string cell(const std::string& text) {
    return internal::markdown_cell(text);
}

void write_rule_json(JsonStream& json, const RuleInfo& rule) {
    json.begin_object()
        .key("id")
        .value(rule.id)
        .key("pack")
        .value(rule.pack)
        .key("title")
        .value(rule.title)
        .key("severity")
        .value(base::to_string(rule.severity))
        .key("form")
        .value(rule.form)
        .key("citations")
        .strings(rule.citations)
        .key("covers")
        .strings(rule.covers)
        .key("tags")
        .strings(rule.tags)
        .key("effective")
        .string_or_null(rule.effective)
        .key("effective_when")
        .begin_array();
    for (const auto& conditional : rule.effective_when) {
        json.begin_object()
            .key("date")
            .value(conditional.date)
            .key("when")
            .value(conditional.when)
            .end_object();
    }
    json.end_array().key("description");
    if (rule.description) {
        json.value(*rule.description);
    } else {
        json.null();
    }
    json.end_object();
}

}  // namespace

void write_catalogue(const Catalogue& catalogue, CatalogueFormat format, std::ostream& out) {
    const auto sorted = sorted_rules(catalogue);
    if (format == CatalogueFormat::json) {
        JsonStream json(out);
        json.begin_object().key("rules").begin_array();
        for (const auto* rule : sorted) {
            write_rule_json(json, *rule);
        }
        json.end_array().end_object();
        out << '\n';
        return;
    }
    if (format == CatalogueFormat::markdown) {
        out << "| Rule | Pack | Severity | Title | Citations |\n|---|---|---|---|---|\n";
        for (const auto* rule : sorted) {
            out << fmt::format("| {} | {} | {} | {} | {} |\n", cell(rule->id), cell(rule->pack),
                               base::to_string(rule->severity), cell(rule->title),
                               cell(join(rule->citations, "; ")));
        }
        return;
    }
    for (const auto* rule : sorted) {
        out << fmt::format("{:<30} {:<12} {:<8} {}\n", base::printable(rule->id),
                           base::printable(rule->pack), base::to_string(rule->severity),
                           base::printable(rule->title));
    }
    out << fmt::format("{} rule{}\n", sorted.size(), sorted.size() == 1 ? "" : "s");
}

namespace {

/// Which rules cover each pattern, and which rules and patterns each provision has.
struct Coverage {
    std::map<std::string, std::vector<std::string>> rules_per_pattern;
    std::map<std::string, std::vector<std::string>, NaturalLess> rules_per_provision;
    std::map<std::string, std::set<std::string>, NaturalLess> patterns_per_provision;
    std::vector<const PatternInfo*> uncovered;
};

Coverage coverage_of(const Catalogue& catalogue) {
    Coverage coverage;
    for (const auto& pattern : catalogue.patterns) {
        coverage.rules_per_pattern[pattern.id];
    }
    for (const auto* rule : sorted_rules(catalogue)) {
        for (const auto& covered : rule->covers) {
            coverage.rules_per_pattern[covered].push_back(rule->id);
        }
        for (const auto& citation : rule->citations) {
            coverage.rules_per_provision[citation].push_back(rule->id);
            for (const auto& covered : rule->covers) {
                coverage.patterns_per_provision[citation].insert(covered);
            }
        }
    }
    for (const auto& pattern : catalogue.patterns) {
        if (coverage.rules_per_pattern[pattern.id].empty()) {
            coverage.uncovered.push_back(&pattern);
        }
    }
    return coverage;
}

void write_matrix_json(const Catalogue& catalogue, Coverage& coverage, std::ostream& out) {
    JsonStream json(out);
    json.begin_object().key("patterns").begin_array();
    for (const auto& pattern : catalogue.patterns) {
        json.begin_object()
            .key("id")
            .value(pattern.id)
            .key("description")
            .value(pattern.description)
            .key("rules")
            .strings(coverage.rules_per_pattern[pattern.id])
            .end_object();
    }
    json.end_array().key("provisions").begin_array();
    for (const auto& [citation, ids] : coverage.rules_per_provision) {
        const auto& covered = coverage.patterns_per_provision[citation];
        json.begin_object()
            .key("citation")
            .value(citation)
            .key("rules")
            .strings(ids)
            .key("patterns")
            .strings(std::vector<std::string>(covered.begin(), covered.end()))
            .end_object();
    }
    json.end_array().key("uncovered_patterns").begin_array();
    for (const auto* pattern : coverage.uncovered) {
        json.value(pattern->id);
    }
    json.end_array().end_object();
    out << '\n';
}

}  // namespace

void write_matrix(const Catalogue& catalogue, CatalogueFormat format, std::ostream& out) {
    auto coverage = coverage_of(catalogue);
    if (format == CatalogueFormat::json) {
        write_matrix_json(catalogue, coverage, out);
        return;
    }
    const bool markdown = format == CatalogueFormat::markdown;
    out << (markdown ? "# Coverage matrix\n\n## Failure patterns\n\n"
                       "| Pattern | What goes wrong | Rules |\n|---|---|---|\n"
                     : "FAILURE PATTERNS\n");
    for (const auto& pattern : catalogue.patterns) {
        const auto& ids = coverage.rules_per_pattern[pattern.id];
        const auto covering = ids.empty() ? std::string("NOT COVERED") : join(ids, ", ");
        out << (markdown ? fmt::format("| {} | {} | {} |\n", cell(pattern.id),
                                       cell(pattern.description), cell(covering))
                         : fmt::format("  {:<34} {}\n", base::printable(pattern.id),
                                       base::printable(covering)));
    }
    out << (markdown
                ? "\n## Provisions\n\n| Provision | Rules | Failure patterns |\n|---|---|---|\n"
                : "\nPROVISIONS\n");
    for (const auto& [citation, ids] : coverage.rules_per_provision) {
        const auto& covered = coverage.patterns_per_provision[citation];
        const auto patterns = join(std::vector<std::string>(covered.begin(), covered.end()), ", ");
        out << (markdown ? fmt::format("| {} | {} | {} |\n", cell(citation), cell(join(ids, ", ")),
                                       cell(patterns))
                         : fmt::format("  {:<34} {}\n", base::printable(citation),
                                       base::printable(join(ids, ", "))));
    }
    out << fmt::format("\n{} of {} failure patterns covered\n",
                       catalogue.patterns.size() - coverage.uncovered.size(),
                       catalogue.patterns.size());
}

}  // namespace lexflow::report
