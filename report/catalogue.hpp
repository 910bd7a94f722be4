#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace lexflow::report {

/// A failure pattern from the domain (`pattern ID "..."` in a rule file).
struct PatternInfo {
    std::string id;
    std::string description;
};

/// The loaded rules and failure patterns: what `lexflow rules` describes.
struct Catalogue {
    std::vector<RuleInfo> rules;  ///< in load order
    std::vector<PatternInfo> patterns;
};

enum class CatalogueFormat { text, json, markdown };

/// The catalogue of rules (`lexflow rules`): one entry per rule, in pack and
/// id order.
void write_catalogue(const Catalogue& catalogue, CatalogueFormat format, std::ostream& out);

/// The coverage matrix (`lexflow rules --matrix`): which rules detect each
/// failure pattern, and which rules and patterns each cited provision has.
/// Patterns no rule covers are listed as such.
void write_matrix(const Catalogue& catalogue, CatalogueFormat format, std::ostream& out);

}  // namespace lexflow::report
