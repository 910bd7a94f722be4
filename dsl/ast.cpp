#include "dsl/ast.hpp"

namespace lexflow::dsl {

std::string AttributePath::spelling() const {
    std::string text = variable;
    for (const auto& key : keys) {
        text += '.';
        text += key;
    }
    return text;
}

}  // namespace lexflow::dsl
