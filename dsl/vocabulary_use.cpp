#include "dsl/vocabulary_use.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"

namespace lexflow::dsl {

namespace {

/// Keys every element has whatever the vocabulary: its identity and ends.
constexpr std::array<std::string_view, 4> kStructuralKeys = {"id", "kind", "from", "to"};

bool is_structural(std::string_view key) {
    return std::find(kStructuralKeys.begin(), kStructuralKeys.end(), key) != kStructuralKeys.end();
}

base::Owner owner_of(std::optional<Domain> domain) {
    if (!domain) {
        return base::Owner::model;
    }
    switch (*domain) {
        case Domain::node:
            return base::Owner::node;
        case Domain::flow:
            return base::Owner::flow;
        case Domain::role:
            return base::Owner::role;
    }
    return base::Owner::model;
}

std::string owners_text(const base::AttributeSpec& spec) {
    std::string text;
    for (const auto owner : spec.owners) {
        text += (text.empty() ? "" : " or ") + std::string(base::to_string(owner));
    }
    return text;
}

/// The literal a value of `type` (or an item of it, for lists) compares with.
std::optional<Literal::Kind> literal_kind_of(base::ValueType type) {
    switch (type) {
        case base::ValueType::boolean:
            return Literal::Kind::boolean;
        case base::ValueType::number:
            return Literal::Kind::number;
        case base::ValueType::map:
            return std::nullopt;
        default:
            return Literal::Kind::string;
    }
}

std::string_view example_of(Literal::Kind kind) {
    switch (kind) {
        case Literal::Kind::boolean:
            return "true or false";
        case Literal::Kind::number:
            return "a number";
        default:
            return "a string in double quotes";
    }
}

std::string literal_text(const Literal& literal) {
    switch (literal.kind) {
        case Literal::Kind::string:
            return "the string \"" + literal.text + "\"";
        case Literal::Kind::boolean:
            return literal.boolean ? "true" : "false";
        case Literal::Kind::number:
            return "a number";
        case Literal::Kind::list:
            break;
    }
    return "a list";
}

template <typename Map>
std::string suggestion(std::string_view word, const Map& declared) {
    std::vector<std::string_view> names;
    names.reserve(declared.size());
    for (const auto& [name, spec] : declared) {
        names.push_back(name);
    }
    return base::did_you_mean(word, names);
}

}  // namespace

void VocabularyUse::error(base::SourceRange range, std::string message, std::string help) const {
    diagnostics_.report({base::DiagnosticLevel::error,
                         std::string(base::diagnostic_ids::undeclared_name),
                         range,
                         std::move(message),
                         {},
                         std::move(help)});
}

void VocabularyUse::read(const AttributePath& path, std::optional<Domain> domain) const {
    if (vocabulary_.empty() || path.keys.empty() || is_structural(path.keys.front())) {
        return;
    }
    const auto& key = path.keys.front();
    const auto owner = owner_of(domain);
    const auto* spec = vocabulary_.attribute(key);
    if (spec == nullptr) {
        auto help = suggestion(key, vocabulary_.attributes());
        error(path.range, "'" + key + "' is not a declared attribute",
              help.empty() ? "declare it in the pack that reads it: attribute " + key + " { on " +
                                 std::string(base::to_string(owner)) + " type ... meaning \"...\" }"
                           : std::move(help));
        return;
    }
    if (!spec->belongs_to(owner)) {
        error(path.range,
              "'" + key + "' is declared on " + owners_text(*spec) + ", not on " +
                  std::string(base::to_string(owner)),
              "read it from a " + owners_text(*spec) + ", or add 'on " +
                  std::string(base::to_string(owner)) + "' to its declaration");
    }
}

bool VocabularyUse::check_type(const std::string& key, const Literal& item) const {
    const auto* spec = vocabulary_.attribute(key);
    if (spec == nullptr) {
        return true;
    }
    const auto expected = literal_kind_of(spec->type);
    if (!expected || item.kind == *expected) {
        return true;
    }
    error(item.range,
          "'" + key + "' is of type " + std::string(base::to_string(spec->type)) +
              ": it never equals " + literal_text(item),
          "compare it with " + std::string(example_of(*expected)));
    return false;
}

void VocabularyUse::compared(const AttributePath& path, const Literal& literal) const {
    if (vocabulary_.empty() || path.keys.size() != 1) {
        return;
    }
    if (literal.kind == Literal::Kind::list) {
        for (const auto& item : literal.items) {
            check_name(path, item);
        }
        return;
    }
    check_name(path, literal);
}

void VocabularyUse::check_name(const AttributePath& path, const Literal& item) const {
    const auto& key = path.keys.front();
    if (!check_type(key, item) || item.kind != Literal::Kind::string) {
        return;
    }
    if (key == "kind") {
        if (!vocabulary_.kinds().empty() && vocabulary_.kind(item.text) == nullptr) {
            auto help = suggestion(item.text, vocabulary_.kinds());
            error(item.range, "'" + item.text + "' is not a declared kind",
                  help.empty() ? "declare it: kind " + item.text + " \"what it is\""
                               : std::move(help));
        }
        return;
    }
    const auto* spec = vocabulary_.attribute(key);
    if (spec == nullptr || !spec->is_enumeration() || spec->declares(item.text)) {
        return;
    }
    std::vector<std::string_view> values;
    for (const auto& value : spec->values) {
        values.push_back(value.name);
    }
    auto help = base::did_you_mean(item.text, values);
    error(item.range, "'" + item.text + "' is not a declared value of '" + key + "'",
          help.empty()
              ? "declare it in '" + key + "': value \"" + item.text + "\" \"what it means\""
              : std::move(help));
}

}  // namespace lexflow::dsl
