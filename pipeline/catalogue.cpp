#include "pipeline/catalogue.hpp"

#include "engine/rule_info.hpp"

namespace lexflow::pipeline {

report::Catalogue catalogue_of(const dsl::RuleSet& rules, std::string_view pack) {
    report::Catalogue catalogue;
    for (const auto& rule : rules.rules) {
        if (pack.empty() || rule.pack == pack) {
            catalogue.rules.push_back(engine::rule_info(rule));
        }
    }
    for (const auto& pattern : rules.patterns) {
        catalogue.patterns.push_back({pattern.id, pattern.description});
    }
    return catalogue;
}

}  // namespace lexflow::pipeline
