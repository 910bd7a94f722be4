#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "base/edit_distance.hpp"
#include "base/vocabulary.hpp"
#include "model/node.hpp"

namespace lexflow::model {

/// Checks what a model says against the vocabulary the packs declare, value
/// by value as the ModelBuilder reads it, so that a plausible mistake cannot
/// silently change a verdict:
/// - a value of the wrong type is an error at the value (`personal_data: no`);
/// - a value outside a closed enumeration is an error with a did-you-mean
///   (`audience: prospects`);
/// - an unknown top-level key is an error (`nodes:` for `surfaces:`);
/// - a key no pack declares, or a kind no pack knows, is a warning (once per
///   name), with a did-you-mean only when it is one or two edits from a
///   declared name; a custom kind can say what it is (`is: ai_generator`);
/// - a declared key on the wrong element is a warning.
/// With an empty vocabulary it checks nothing.
class VocabularyCheck {
  public:
    VocabularyCheck(const base::Vocabulary& vocabulary, base::Diagnostics& errors,
                    base::Diagnostics& warnings);

    [[nodiscard]] bool active() const { return !vocabulary_.empty(); }
    /// Whether `key` may be a top-level key; reports it if not.
    bool top_level_key(const Node& key);
    /// What to do with a value, once checked.
    enum class Verdict {
        keep,     ///< store it as it is
        as_text,  ///< store its text: a number or boolean given to a string attribute
        drop,     ///< it is wrong (and reported): store nothing
    };
    /// Checks `value` as attribute `key` of an element of `owner` (named
    /// `element` in messages), reporting what is wrong.
    [[nodiscard]] Verdict attribute(base::Owner owner, std::string_view element, const Node& key,
                                    const Node& value);
    /// Checks a surface's kind and, if it gives one, what its custom kind is.
    void kind(std::string_view element, const Node& kind, const Node* is);

  private:
    void error(std::string_view code, const base::SourceRange& range, std::string message,
               std::string help);
    void warn(const base::SourceRange& range, std::string message, std::string help);
    bool value(const base::AttributeSpec& spec, std::string_view element, const Node& value);
    bool scalar_of_type(const base::AttributeSpec& spec, const Node& value);
    bool enumeration_value(const base::AttributeSpec& spec, std::string_view element,
                           const Node& value);
    void unknown_key(std::string_view element, const Node& key);
    void check_is(const Node& is);
    [[nodiscard]] const base::NameIndex& values_of(const base::AttributeSpec& spec);

    const base::Vocabulary& vocabulary_;
    base::Diagnostics& errors_;
    base::Diagnostics& warnings_;
    base::NameIndex attribute_names_;
    base::NameIndex kind_names_;
    base::NameIndex top_level_names_;
    std::map<std::string, base::NameIndex, std::less<>> value_names_;
    /// Names already warned about, so that a custom name is reported once.
    std::set<std::string, std::less<>> warned_;
};

}  // namespace lexflow::model
