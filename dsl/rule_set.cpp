#include "dsl/rule_set.hpp"

#include <algorithm>

namespace lexflow::dsl {

const Pack* RuleSet::find_pack(std::string_view id) const {
    const auto found =
        std::find_if(packs.begin(), packs.end(), [id](const Pack& pack) { return pack.id == id; });
    return found == packs.end() ? nullptr : &*found;
}

const Rule* RuleSet::find_rule(std::string_view id) const {
    const auto found =
        std::find_if(rules.begin(), rules.end(), [id](const Rule& rule) { return rule.id == id; });
    return found == rules.end() ? nullptr : &*found;
}

const Predicate* RuleSet::find_predicate(std::string_view name) const {
    const auto found = std::find_if(predicates.begin(), predicates.end(),
                                    [name](const Predicate& p) { return p.name == name; });
    return found == predicates.end() ? nullptr : &*found;
}

RuleSet RuleSet::subset(const std::vector<std::string>& rule_ids) const {
    RuleSet result;
    result.vocabulary = vocabulary;
    result.predicates = predicates;
    for (const auto& rule : rules) {
        if (std::find(rule_ids.begin(), rule_ids.end(), rule.id) != rule_ids.end()) {
            result.rules.push_back(rule);
        }
    }
    for (const auto& pack : packs) {
        if (std::any_of(result.rules.begin(), result.rules.end(),
                        [&pack](const Rule& rule) { return rule.pack == pack.id; })) {
            result.packs.push_back(pack);
        }
    }
    return result;
}

}  // namespace lexflow::dsl
