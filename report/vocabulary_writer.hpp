#pragma once

#include <ostream>

#include "base/vocabulary.hpp"
#include "report/catalogue.hpp"

namespace lexflow::report {

/// The model vocabulary (`lexflow rules --vocabulary`): the kinds of surface,
/// then the attributes of the model, surfaces, flows and roles with their
/// types, defaults and meanings, then the values of each enumeration. The
/// Markdown form is docs/vocabulary.md.
void write_vocabulary(const base::Vocabulary& vocabulary, CatalogueFormat format,
                      std::ostream& out);

/// An example of the attribute as a model writes it: `audience: customer`.
[[nodiscard]] std::string example_of(const base::AttributeSpec& attribute);

}  // namespace lexflow::report
