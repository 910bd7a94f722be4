#pragma once

#include "dsl/ast.hpp"
#include "model/value.hpp"

namespace lexflow::engine {

/// The kind of model element a rule's domain ranges over: node → surface.
[[nodiscard]] constexpr model::ElementKind element_kind(dsl::Domain domain) {
    switch (domain) {
        case dsl::Domain::flow:
            return model::ElementKind::flow;
        case dsl::Domain::role:
            return model::ElementKind::role;
        case dsl::Domain::node:
            break;
    }
    return model::ElementKind::surface;
}

}  // namespace lexflow::engine
