#include "dsl/vocabulary_checker.hpp"

#include <map>
#include <set>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "base/iso_date.hpp"

namespace lexflow::dsl {

namespace {

namespace ids = base::diagnostic_ids;

class VocabularyChecker {
  public:
    explicit VocabularyChecker(base::Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

    base::Vocabulary run(const std::vector<RuleFile>& files) {
        for (const auto& file : files) {
            for (const auto& kind : file.kinds) {
                add_kind(kind);
            }
            for (const auto& attribute : file.attributes) {
                add_attribute(attribute);
            }
        }
        check_parents();
        return std::move(vocabulary_);
    }

  private:
    void error(std::string_view code, base::SourceRange range, std::string message,
               std::string help = {}, std::vector<base::DiagnosticNote> notes = {}) {
        diagnostics_.report({base::DiagnosticLevel::error, std::string(code), range,
                             std::move(message), std::move(notes), std::move(help)});
    }

    /// Reports `name` declared twice; returns whether it was.
    bool declared_twice(std::map<std::string, base::SourceRange>& seen, const std::string& name,
                        base::SourceRange range, std::string_view what) {
        const auto [first, inserted] = seen.emplace(name, range);
        if (!inserted) {
            error(ids::duplicate_declaration, range,
                  std::string(what) + " '" + name + "' is declared more than once",
                  "declare it once; a house pack adds new names beside the shipped ones",
                  {{"first declared here", first->second}});
        }
        return !inserted;
    }

    void add_kind(const KindDecl& kind) {
        if (declared_twice(kinds_seen_, kind.name, kind.range, "kind")) {
            return;
        }
        vocabulary_.add(base::KindSpec{kind.name, kind.is, kind.meaning, kind.range});
        parents_.emplace_back(&kind);
    }

    /// A kind's `is` names a declared kind, and following them never loops.
    void check_parents() {
        std::vector<std::string_view> names;
        for (const auto& [name, spec] : vocabulary_.kinds()) {
            names.push_back(name);
        }
        for (const auto* kind : parents_) {
            if (kind->is.empty()) {
                continue;
            }
            if (vocabulary_.kind(kind->is) == nullptr) {
                error(ids::unknown_kind, kind->is_range, "no kind '" + kind->is + "' is declared",
                      base::did_you_mean(kind->is, names));
                continue;
            }
            std::set<std::string_view> visited = {kind->name};
            for (const auto* step = vocabulary_.kind(kind->is); step != nullptr;
                 step = step->is.empty() ? nullptr : vocabulary_.kind(step->is)) {
                if (!visited.insert(step->name).second) {
                    error(ids::invalid_declaration, kind->is_range,
                          "kind '" + kind->name + "' counts as itself through 'is'",
                          "a kind counts as a more general one; break the cycle");
                    break;
                }
            }
        }
    }

    void add_attribute(const AttributeDecl& attribute) {
        for (const auto& [field, range] : attribute.repeated_fields) {
            error(ids::duplicate_field, range,
                  "'" + field + "' is given more than once in attribute '" + attribute.name + "'",
                  "keep one");
        }
        if (declared_twice(attributes_seen_, attribute.name, attribute.range, "attribute")) {
            return;
        }
        const auto missing = missing_fields(attribute);
        if (!missing.empty()) {
            error(ids::missing_field, attribute.range,
                  "attribute '" + attribute.name + "' has no " + missing,
                  "an attribute says where it goes ('on node'), its type and its meaning");
            return;
        }
        base::AttributeSpec spec;
        spec.name = attribute.name;
        for (const auto& [owner, range] : attribute.owners) {
            spec.owners.push_back(owner);
        }
        spec.type = *attribute.type;
        spec.open = attribute.open;
        spec.meaning = *attribute.meaning;
        spec.declared_at = attribute.range;
        check_values(attribute, spec);
        if (attribute.default_value) {
            spec.default_value = default_of(*attribute.default_value, spec);
        }
        vocabulary_.add(std::move(spec));
    }

    static std::string missing_fields(const AttributeDecl& attribute) {
        std::vector<std::string> missing;
        if (attribute.owners.empty()) {
            missing.emplace_back("'on'");
        }
        if (!attribute.type) {
            missing.emplace_back("'type'");
        }
        if (!attribute.meaning) {
            missing.emplace_back("'meaning'");
        }
        std::string text;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            text += (i == 0 ? "" : i + 1 == missing.size() ? " or " : ", ") + missing[i];
        }
        return text;
    }

    void check_values(const AttributeDecl& attribute, base::AttributeSpec& spec) {
        if (!spec.is_enumeration()) {
            if (!attribute.values.empty() || attribute.open) {
                error(ids::invalid_declaration,
                      attribute.values.empty() ? attribute.range : attribute.values.front().range,
                      "attribute '" + attribute.name + "' of type " +
                          std::string(base::to_string(spec.type)) + " lists values",
                      "only 'enum' and 'list of enum' attributes have values (and 'open')");
            }
            return;
        }
        if (attribute.values.empty()) {
            error(ids::invalid_declaration, attribute.type_range,
                  "enumeration '" + attribute.name + "' lists no values",
                  "add a line 'value \"NAME\" \"what it means\"' for each value");
            return;
        }
        std::map<std::string, base::SourceRange> seen;
        for (const auto& value : attribute.values) {
            if (!declared_twice(seen, value.name, value.range, "value")) {
                spec.values.push_back({value.name, value.meaning});
            }
        }
    }

    std::optional<base::DefaultValue> default_of(const Literal& literal,
                                                 const base::AttributeSpec& spec) {
        using Type = base::ValueType;
        const auto wrong = [&](std::string why) -> std::optional<base::DefaultValue> {
            error(ids::invalid_declaration, literal.range,
                  "the default of '" + spec.name + "' " + why,
                  "a default has the attribute's type, and is one of its values");
            return std::nullopt;
        };
        switch (spec.type) {
            case Type::boolean:
                if (literal.kind != Literal::Kind::boolean) {
                    return wrong("is not true or false");
                }
                return literal.boolean;
            case Type::number:
                if (literal.kind != Literal::Kind::number) {
                    return wrong("is not a number");
                }
                return literal.number;
            case Type::date:
                if (literal.kind != Literal::Kind::string || !base::is_iso_date(literal.text)) {
                    return wrong("is not a date such as \"2026-08-02\"");
                }
                return literal.text;
            case Type::string:
            case Type::enumeration:
                if (literal.kind != Literal::Kind::string) {
                    return wrong("is not a string");
                }
                if (!spec.allows(literal.text)) {
                    return wrong("is not one of its values");
                }
                return literal.text;
            case Type::string_list:
            case Type::enumeration_list:
                return list_default(literal, spec, wrong);
            case Type::map:
                return wrong("cannot be given: maps have no default");
        }
        return std::nullopt;
    }

    template <typename Wrong>
    std::optional<base::DefaultValue> list_default(const Literal& literal,
                                                   const base::AttributeSpec& spec, Wrong wrong) {
        if (literal.kind != Literal::Kind::list) {
            return wrong("is not a list");
        }
        std::vector<std::string> items;
        for (const auto& item : literal.items) {
            if (item.kind != Literal::Kind::string) {
                return wrong("holds an item that is not a string");
            }
            if (!spec.allows(item.text)) {
                return wrong("holds '" + item.text + "', which is not one of its values");
            }
            items.push_back(item.text);
        }
        return items;
    }

    base::Diagnostics& diagnostics_;
    base::Vocabulary vocabulary_;
    std::map<std::string, base::SourceRange> kinds_seen_;
    std::map<std::string, base::SourceRange> attributes_seen_;
    std::vector<const KindDecl*> parents_;
};

}  // namespace

base::Vocabulary check_vocabulary(const std::vector<RuleFile>& files,
                                  base::Diagnostics& diagnostics) {
    return VocabularyChecker(diagnostics).run(files);
}

}  // namespace lexflow::dsl
