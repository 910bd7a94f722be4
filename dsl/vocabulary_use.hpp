#pragma once

#include <optional>

#include "base/diagnostic.hpp"
#include "base/vocabulary.hpp"
#include "dsl/ast.hpp"

namespace lexflow::dsl {

/// Checks what a rule reads against the declared vocabulary: every attribute
/// it reads is declared for the element it reads it from, and every name it
/// compares an enumeration or a kind with is a declared value or kind. A typo
/// in a rule (`s has consequential_decisons`) would otherwise make it
/// silently never fire. Checks nothing when no vocabulary is declared.
class VocabularyUse {
  public:
    VocabularyUse(const base::Vocabulary& vocabulary, base::Diagnostics& diagnostics)
        : vocabulary_(vocabulary), diagnostics_(diagnostics) {}

    /// `path` read from an element of `domain`, or from the model when none.
    void read(const AttributePath& path, std::optional<Domain> domain) const;

    /// `path` compared with `literal` (==, !=, in, not in, either side).
    void compared(const AttributePath& path, const Literal& literal) const;

  private:
    void error(base::SourceRange range, std::string message, std::string help) const;
    void check_name(const AttributePath& path, const Literal& item) const;
    /// Whether `item` has the type of `key`; reports it if not.
    [[nodiscard]] bool check_type(const std::string& key, const Literal& item) const;

    const base::Vocabulary& vocabulary_;
    base::Diagnostics& diagnostics_;
};

}  // namespace lexflow::dsl
