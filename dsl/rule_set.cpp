#include "dsl/rule_set.hpp"

#include <algorithm>

namespace lexflow::dsl {

const Pack* RuleSet::find_pack(std::string_view id) const {
    const auto found =
        std::find_if(packs.begin(), packs.end(), [id](const Pack& pack) { return pack.id == id; });
    return found == packs.end() ? nullptr : &*found;
}

}  // namespace lexflow::dsl
