#include "model/vocabulary_check.hpp"

#include <algorithm>
#include <array>

#include "base/diagnostic_ids.hpp"
#include "base/iso_date.hpp"

namespace lexflow::model {

namespace {

namespace ids = base::diagnostic_ids;

/// Warnings about names that may be custom suggest only what one or two
/// edits make of them: farther names are someone's own, not typos.
constexpr std::size_t kWarningDistance = 2;

/// Keys that the model's structure gives, not the vocabulary.
constexpr std::array<std::string_view, 5> kStructuralKeys = {"id", "kind", "is", "from", "to"};
constexpr std::array<std::string_view, 4> kTopLevelLists = {"model", "surfaces", "flows", "roles"};

std::string node_text(const Node& node) {
    switch (node.type) {
        case Node::Type::sequence:
            return "a list";
        case Node::Type::map:
            return "a map";
        case Node::Type::null:
            return "empty";
        default:
            return "'" + node.text + "'";
    }
}

/// What other tools call the model's lists: no edit distance finds these.
std::optional<std::string> synonym_of(std::string_view key) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSynonyms = {{
        {"nodes", "surfaces"},
        {"systems", "surfaces"},
        {"components", "surfaces"},
        {"services", "surfaces"},
        {"edges", "flows"},
        {"links", "flows"},
        {"connections", "flows"},
        {"permissions", "roles"},
    }};
    for (const auto& [synonym, key_meant] : kSynonyms) {
        if (synonym == key) {
            return std::string(key_meant);
        }
    }
    return std::nullopt;
}

std::string values_list(const base::AttributeSpec& spec) {
    std::string list;
    for (std::size_t i = 0; i < spec.values.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == spec.values.size() ? " or " : ", ") + spec.values[i].name;
    }
    return list;
}

}  // namespace

VocabularyCheck::VocabularyCheck(const base::Vocabulary& vocabulary, base::Diagnostics& errors,
                                 base::Diagnostics& warnings)
    : vocabulary_(vocabulary), errors_(errors), warnings_(warnings) {
    std::vector<std::string> attributes;
    std::vector<std::string> top_level(kTopLevelLists.begin(), kTopLevelLists.end());
    for (const auto& [name, spec] : vocabulary.attributes()) {
        attributes.push_back(name);
        if (spec.belongs_to(base::Owner::model)) {
            top_level.push_back(name);
        }
    }
    std::vector<std::string> kinds;
    for (const auto& [name, spec] : vocabulary.kinds()) {
        kinds.push_back(name);
    }
    attribute_names_ = base::NameIndex(std::move(attributes));
    kind_names_ = base::NameIndex(std::move(kinds));
    std::sort(top_level.begin(), top_level.end());
    top_level_names_ = base::NameIndex(std::move(top_level));
}

void VocabularyCheck::error(std::string_view code, const base::SourceRange& range,
                            std::string message, std::string help) {
    errors_.report({base::DiagnosticLevel::error,
                    std::string(code),
                    range,
                    std::move(message),
                    {},
                    std::move(help)});
}

void VocabularyCheck::warn(const base::SourceRange& range, std::string message, std::string help) {
    warnings_.report({base::DiagnosticLevel::warning,
                      std::string(ids::unknown_name),
                      range,
                      std::move(message),
                      {},
                      std::move(help)});
}

bool VocabularyCheck::top_level_key(const Node& key) {
    if (!active()) {
        return true;
    }
    const auto* spec = vocabulary_.attribute(key.text);
    const bool structural =
        std::find(kTopLevelLists.begin(), kTopLevelLists.end(), key.text) != kTopLevelLists.end();
    if (structural || (spec != nullptr && spec->belongs_to(base::Owner::model))) {
        return true;
    }
    const auto match =
        synonym_of(key.text).value_or(top_level_names_.closest(key.text).value_or(""));
    error(ids::unknown_top_level_key, key.range,
          "a model file has no top-level key '" + key.text + "'",
          !match.empty()
              ? "did you mean '" + match + "'?"
              : "a model file holds surfaces, flows, roles, model and its declared attributes "
                "(such as jurisdictions); keys of your own start with 'x-'");
    return false;
}

VocabularyCheck::Verdict VocabularyCheck::attribute(base::Owner owner, std::string_view element,
                                                    const Node& key, const Node& value) {
    if (!active() || value.type == Node::Type::null ||
        std::find(kStructuralKeys.begin(), kStructuralKeys.end(), key.text) !=
            kStructuralKeys.end()) {
        return Verdict::keep;
    }
    const auto* spec = vocabulary_.attribute(key.text);
    if (spec == nullptr) {
        unknown_key(element, key);
        return Verdict::keep;  // an attribute of the modeller's own, for rules of their own
    }
    if (!spec->belongs_to(owner)) {
        std::string owners;
        for (const auto where : spec->owners) {
            owners += (owners.empty() ? "" : " or ") + std::string(base::to_string(where));
        }
        warn(key.range,
             "'" + std::string(element) + "': '" + key.text + "' is an attribute of a " + owners +
                 ", not of a " + std::string(base::to_string(owner)),
             "no rule reads it here; move it to the element it describes");
        return Verdict::keep;
    }
    if (!this->value(*spec, element, value)) {
        return Verdict::drop;
    }
    return spec->type == base::ValueType::string && value.type != Node::Type::string
               ? Verdict::as_text
               : Verdict::keep;
}

void VocabularyCheck::unknown_key(std::string_view element, const Node& key) {
    if (!warned_.insert(key.text).second) {
        return;  // each name once, at its first use
    }
    const auto match = attribute_names_.closest(key.text, kWarningDistance);
    warn(key.range,
         "'" + std::string(element) + "' has an attribute '" + key.text + "' that no pack declares",
         match ? "did you mean '" + *match + "'?"
               : "no rule reads it; a house pack that reads it declares it with 'attribute'");
}

bool VocabularyCheck::value(const base::AttributeSpec& spec, std::string_view element,
                            const Node& value) {
    using Type = base::ValueType;
    const auto list_of = [&](Type item) {
        if (value.type != Node::Type::sequence) {
            error(ids::wrong_type, value.range,
                  "'" + spec.name + "' must be a list, not " + node_text(value),
                  "write it as a list, such as [" + (value.is_scalar() ? value.text : "...") + "]");
            return false;
        }
        bool fine = true;
        base::AttributeSpec items = spec;
        items.type = item;
        for (const auto& child : value.children) {
            fine = this->value(items, element, child) && fine;
        }
        return fine;
    };
    switch (spec.type) {
        case Type::enumeration_list:
            return list_of(Type::enumeration);
        case Type::string_list:
            return list_of(Type::string);
        case Type::map:
            if (value.type != Node::Type::map) {
                error(ids::wrong_type, value.range,
                      "'" + spec.name + "' must be a map, not " + node_text(value),
                      "write its keys on the lines below it, indented");
                return false;
            }
            return true;
        case Type::enumeration:
            return enumeration_value(spec, element, value);
        default:
            return scalar_of_type(spec, value);
    }
}

bool VocabularyCheck::scalar_of_type(const base::AttributeSpec& spec, const Node& value) {
    using Type = base::ValueType;
    const auto wrong = [&](std::string expected, std::string help) {
        error(ids::wrong_type, value.range,
              "'" + spec.name + "' must be " + expected + ", not " + node_text(value),
              std::move(help));
        return false;
    };
    switch (spec.type) {
        case Type::boolean:
            return value.type == Node::Type::boolean ||
                   wrong("true or false", "write true or false, without quotes");
        case Type::number:
            return value.type == Node::Type::number ||
                   wrong("a number", "write the number without quotes, such as 2 or 0.5");
        case Type::date:
            return (value.is_scalar() && base::is_iso_date(value.text)) ||
                   wrong("a date", "write the date as \"YYYY-MM-DD\", such as \"2026-08-02\"");
        default:
            return value.is_scalar() || wrong("text", "write it as one value, not a list or map");
    }
}

bool VocabularyCheck::enumeration_value(const base::AttributeSpec& spec, std::string_view element,
                                        const Node& value) {
    if (value.type != Node::Type::string) {
        if (!value.is_scalar()) {
            error(ids::wrong_type, value.range,
                  "'" + spec.name + "' must be one value, not " + node_text(value),
                  "write one of: " + values_list(spec));
            return false;
        }
    }
    if (std::any_of(spec.values.begin(), spec.values.end(), [&](const base::AllowedValue& allowed) {
            return allowed.name == value.text;
        })) {
        return true;
    }
    const auto& names = values_of(spec);
    if (!spec.open) {
        const auto match = names.closest(value.text);
        error(ids::unknown_value, value.range,
              "'" + value.text + "' is not a value of '" + spec.name + "'",
              match ? "did you mean '" + *match + "'?" : "write one of: " + values_list(spec));
        return false;
    }
    // An open enumeration allows values of the modeller's own; one that is an
    // edit or two from a declared value is likelier a typo.
    if (const auto match = names.closest(value.text, kWarningDistance);
        match && warned_.insert(spec.name + "=" + value.text).second) {
        warn(value.range,
             "'" + std::string(element) + "': " + spec.name + " '" + value.text +
                 "' is not a value the packs declare",
             "did you mean '" + *match + "'?");
    }
    return true;
}

const base::NameIndex& VocabularyCheck::values_of(const base::AttributeSpec& spec) {
    const auto found = value_names_.find(spec.name);
    if (found != value_names_.end()) {
        return found->second;
    }
    std::vector<std::string> names;
    for (const auto& allowed : spec.values) {
        names.push_back(allowed.name);
    }
    return value_names_.emplace(spec.name, base::NameIndex(std::move(names))).first->second;
}

void VocabularyCheck::kind(std::string_view element, const Node& kind, const Node* is) {
    if (!active() || !kind.is_scalar()) {
        return;
    }
    if (is != nullptr) {
        check_is(*is);
        return;  // a kind of one's own that says what it is
    }
    if (vocabulary_.kind(kind.text) != nullptr || !warned_.insert("kind=" + kind.text).second) {
        return;
    }
    const auto message =
        "'" + std::string(element) + "': kind '" + kind.text + "' is not a kind the packs declare";
    if (const auto match = kind_names_.closest(kind.text, kWarningDistance)) {
        warn(kind.range, message, "did you mean '" + *match + "'?");
        return;
    }
    warn(kind.range, message,
         "rules that look for a kind will not see it; if it is one, say so: is: ai_generator "
         "(lexflow rules --vocabulary lists the kinds)");
}

void VocabularyCheck::check_is(const Node& is) {
    if (!is.is_scalar()) {
        error(ids::wrong_type, is.range, "'is' must be one kind, not " + node_text(is),
              "name the one declared kind that this kind counts as");
        return;
    }
    if (vocabulary_.kind(is.text) == nullptr) {
        const auto match = kind_names_.closest(is.text);
        error(ids::unknown_value, is.range, "'" + is.text + "' is not a kind the packs declare",
              match ? "did you mean '" + *match + "'?"
                    : "'is' names the declared kind that a custom kind counts as");
    }
}

}  // namespace lexflow::model
