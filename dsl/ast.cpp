#include "dsl/ast.hpp"

namespace lexflow::dsl {

std::string_view to_string(Domain domain) {
    switch (domain) {
        case Domain::node:
            return "node";
        case Domain::flow:
            return "flow";
        case Domain::role:
            return "role";
    }
    return "node";
}

std::string AttributePath::spelling() const {
    std::string text = variable;
    for (const auto& key : keys) {
        text += '.';
        text += key;
    }
    return text;
}

}  // namespace lexflow::dsl
