#include "report/undecided_groups.hpp"

#include <algorithm>
#include <map>

namespace lexflow::report {

namespace {

/// "g.ai_role" → "ai_role"; "model.jurisdictions" → "jurisdictions".
std::string attribute_of(const std::string& path) {
    const auto dot = path.find('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

void add_once(std::vector<std::string>& items, const std::string& item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) {
        items.push_back(item);
    }
}

}  // namespace

std::vector<UndecidedGroup> group_undecided(const std::vector<NotEvaluated>& undecided) {
    std::map<std::vector<std::string>, UndecidedGroup> by_attributes;
    for (const auto& entry : undecided) {
        std::vector<std::string> attributes;
        for (const auto& path : entry.missing) {
            add_once(attributes, attribute_of(path));
        }
        std::sort(attributes.begin(), attributes.end());
        auto& group = by_attributes[attributes];
        group.attributes = attributes;
        ++group.checks;
        group.upcoming += entry.upcoming ? 1 : 0;
        if (entry.subject) {
            add_once(group.subjects, entry.subject->id);
        } else {
            add_once(group.packs, entry.pack);
        }
        if (!entry.rule_id.empty()) {
            add_once(group.rules, entry.rule_id);
        }
    }
    std::vector<UndecidedGroup> groups;
    for (auto& [attributes, group] : by_attributes) {
        std::sort(group.rules.begin(), group.rules.end());
        groups.push_back(std::move(group));
    }
    std::stable_sort(
        groups.begin(), groups.end(),
        [](const UndecidedGroup& a, const UndecidedGroup& b) { return a.checks > b.checks; });
    return groups;
}

}  // namespace lexflow::report
