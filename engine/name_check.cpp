#include "engine/name_check.hpp"

#include <map>
#include <unordered_set>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"

namespace lexflow::engine {

using model::ElementKind;
using model::ElementRef;
using model::Symbol;
using model::Value;
using model::ValueKind;

namespace {

class NameChecker {
  public:
    NameChecker(const model::Model& model, const dsl::NamesRead& names,
                base::Diagnostics& diagnostics)
        : model_(model),
          names_(names),
          diagnostics_(diagnostics),
          keys_(std::vector<std::string>(names.keys.begin(), names.keys.end())) {
        for (const auto& [key, values] : names.values) {
            values_.emplace(key, std::vector<std::string>(values.begin(), values.end()));
        }
    }

    void element(ElementRef ref) {
        for (const auto& attribute : model_.entries(model_.attributes_of(ref))) {
            const auto key = model_.strings().text(attribute.key);
            // Each distinct name is judged once, and warned about at its first
            // use; Symbols make that cheap on a million flows.
            if (seen_keys_.insert(attribute.key).second) {
                check_key(ref, key);
            }
            check_values(ref, key, attribute.key, attribute.value);
        }
    }

  private:
    void warn(ElementRef ref, std::string message, std::string help) {
        diagnostics_.report({base::DiagnosticLevel::warning,
                             std::string(base::diagnostic_ids::unknown_name),
                             model_.range_of(ref),
                             std::move(message),
                             {},
                             std::move(help)});
    }

    void check_key(ElementRef ref, std::string_view key) {
        if (names_.keys.count(std::string(key)) > 0) {
            return;
        }
        if (const auto match = keys_.closest(key)) {
            warn(ref,
                 "'" + model_.display_id(ref) + "' has an attribute '" + std::string(key) +
                     "' that no rule reads",
                 "did you mean '" + *match + "'?");
        }
    }

    void check_values(ElementRef ref, std::string_view key, Symbol key_symbol, Value value) {
        const auto known = names_.values.find(std::string(key));
        if (known == names_.values.end()) {
            return;
        }
        if (value.kind() == ValueKind::list) {
            for (const auto item : model_.items(value.as_span())) {
                check_value(ref, key, key_symbol, item, known->second);
            }
            return;
        }
        check_value(ref, key, key_symbol, value, known->second);
    }

    void check_value(ElementRef ref, std::string_view key, Symbol key_symbol, Value value,
                     const std::set<std::string>& known) {
        if (value.kind() != ValueKind::string) {
            return;
        }
        const auto pair = (std::uint64_t{key_symbol} << 32U) | value.as_string();
        if (!seen_values_.insert(pair).second) {
            return;
        }
        const auto text = std::string(model_.strings().text(value.as_string()));
        if (known.count(text) > 0) {
            return;
        }
        if (const auto match = values_.at(std::string(key)).closest(text)) {
            warn(ref,
                 "'" + model_.display_id(ref) + "': " + std::string(key) + " '" + text +
                     "' is not a name the rules know",
                 "did you mean '" + *match + "'?");
        }
    }

    const model::Model& model_;
    const dsl::NamesRead& names_;
    base::Diagnostics& diagnostics_;
    base::NameIndex keys_;                           ///< the keys the rules read
    std::map<std::string, base::NameIndex> values_;  ///< per key, the values they compare with
    std::unordered_set<Symbol> seen_keys_;           ///< keys already judged
    std::unordered_set<std::uint64_t> seen_values_;  ///< (key, value) Symbol pairs judged
};

}  // namespace

void check_model_names(const model::Model& model, const dsl::NamesRead& names,
                       base::Diagnostics& diagnostics) {
    NameChecker checker(model, names, diagnostics);
    for (std::uint32_t i = 0; i < model.surfaces().size(); ++i) {
        checker.element({ElementKind::surface, i});
    }
    for (std::uint32_t i = 0; i < model.flows().size(); ++i) {
        checker.element({ElementKind::flow, i});
    }
    for (std::uint32_t i = 0; i < model.roles().size(); ++i) {
        checker.element({ElementKind::role, i});
    }
}

}  // namespace lexflow::engine
