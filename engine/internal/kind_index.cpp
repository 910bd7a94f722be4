#include "engine/internal/kind_index.hpp"

#include <algorithm>

namespace lexflow::engine::internal {

namespace {

/// The kinds `kind` counts as through declared `is`, itself excluded.
void add_parents(std::string_view kind, const base::Vocabulary& vocabulary,
                 std::vector<std::string>& kinds) {
    for (const auto* spec = vocabulary.kind(kind); spec != nullptr && !spec->is.empty();
         spec = vocabulary.kind(spec->is)) {
        if (std::find(kinds.begin(), kinds.end(), spec->is) != kinds.end()) {
            return;  // a cycle, which the checker reports
        }
        kinds.push_back(spec->is);
    }
}

}  // namespace

KindIndex::KindIndex(const model::Model& model, model::ValueSpace& values,
                     const base::Vocabulary& vocabulary) {
    const auto kind_key = model.strings().find("kind");
    const auto is_key = model.strings().find("is");
    also_.resize(model.surfaces().size());
    for (std::uint32_t i = 0; i < model.surfaces().size(); ++i) {
        const auto attributes = model.surfaces()[i].attributes;
        std::vector<std::string> kinds;
        if (kind_key) {
            const auto own = model.find(attributes, *kind_key);
            if (own.kind() == model::ValueKind::string) {
                add_parents(model.strings().text(own.as_string()), vocabulary, kinds);
            }
        }
        if (is_key) {
            const auto is = model.find(attributes, *is_key);
            if (is.kind() == model::ValueKind::string) {
                const std::string said(model.strings().text(is.as_string()));
                kinds.push_back(said);
                add_parents(said, vocabulary, kinds);
            }
        }
        for (const auto& kind : kinds) {
            also_[i].push_back(values.string(kind).as_string());
        }
    }
}

const std::vector<model::Symbol>& KindIndex::also(std::uint32_t surface) const {
    return surface < also_.size() ? also_[surface] : none_;
}

}  // namespace lexflow::engine::internal
