#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/source.hpp"

namespace lexflow::base {

/// Where an attribute may appear.
enum class Owner { node, flow, role, model };

[[nodiscard]] std::string_view to_string(Owner owner);

/// The type of an attribute's value.
enum class ValueType {
    boolean,
    number,
    date,    ///< a string holding an ISO date, "YYYY-MM-DD"
    string,  ///< free text: a name, a reference, a version
    enumeration,
    enumeration_list,
    string_list,
    map,
};

/// The type as the rule language writes it: "list of enum".
[[nodiscard]] std::string_view to_string(ValueType type);

/// An allowed value of an enumeration, with what it means.
struct AllowedValue {
    std::string name;
    std::string meaning;
};

/// A default value: what a rule reads when the model does not give the
/// attribute, and a report says it assumed.
using DefaultValue = std::variant<bool, double, std::string, std::vector<std::string>>;

/// One attribute the packs declare.
struct AttributeSpec {
    std::string name;
    std::vector<Owner> owners;
    ValueType type = ValueType::string;
    std::vector<AllowedValue> values;  ///< for enumerations
    bool open = false;                 ///< an enumeration that allows other values
    std::optional<DefaultValue> default_value;
    std::string meaning;
    SourceRange declared_at;

    [[nodiscard]] bool belongs_to(Owner owner) const;
    [[nodiscard]] bool is_enumeration() const {
        return type == ValueType::enumeration || type == ValueType::enumeration_list;
    }
    /// Whether `value` is one of the declared values.
    [[nodiscard]] bool declares(std::string_view value) const;
    /// Whether a model may give `value`: declared, or the enumeration is open.
    [[nodiscard]] bool allows(std::string_view value) const;
};

/// One kind of surface the packs declare; `is` names a kind it counts as.
struct KindSpec {
    std::string name;
    std::string is;  ///< empty: a kind of its own
    std::string meaning;
    SourceRange declared_at;
};

/// What a model may say: the kinds of surface and the attributes of
/// surfaces, flows, roles and the model, declared by the loaded packs.
/// The model builder checks models against it, the evaluator reads its
/// defaults, and the schema and the docs are written from it. An empty
/// vocabulary (rules that declare none) checks nothing.
class Vocabulary {
  public:
    void add(KindSpec kind) { kinds_.emplace(kind.name, std::move(kind)); }
    void add(AttributeSpec attribute) { attributes_.emplace(attribute.name, std::move(attribute)); }

    [[nodiscard]] bool empty() const { return kinds_.empty() && attributes_.empty(); }
    [[nodiscard]] const KindSpec* kind(std::string_view name) const;
    [[nodiscard]] const AttributeSpec* attribute(std::string_view name) const;
    /// Every kind or attribute, by name.
    [[nodiscard]] const std::map<std::string, KindSpec, std::less<>>& kinds() const {
        return kinds_;
    }
    [[nodiscard]] const std::map<std::string, AttributeSpec, std::less<>>& attributes() const {
        return attributes_;
    }
    /// Whether a surface of kind `kind` counts as `wanted`: it is it, or it
    /// `is` a kind that counts as it.
    [[nodiscard]] bool counts_as(std::string_view kind, std::string_view wanted) const;

  private:
    std::map<std::string, KindSpec, std::less<>> kinds_;
    std::map<std::string, AttributeSpec, std::less<>> attributes_;
};

}  // namespace lexflow::base
