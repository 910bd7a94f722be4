#include "model/model.hpp"

#include <algorithm>

namespace lexflow::model {

namespace {

bool key_less(const Attribute& a, const Attribute& b) {
    return a.key < b.key;
}

}  // namespace

Value Model::find(Span attributes, Symbol key) const {
    const auto run = entries(attributes);
    const auto found = std::lower_bound(run.begin(), run.end(), Attribute{key, {}}, key_less);
    return found != run.end() && found->key == key ? found->value : Value();
}

Span Model::attributes_of(ElementRef element) const {
    switch (element.kind) {
        case ElementKind::surface:
            return surfaces_[element.index].attributes;
        case ElementKind::flow:
            return flows_[element.index].attributes;
        case ElementKind::role:
            return roles_[element.index].attributes;
    }
    return {};
}

std::optional<std::uint32_t> Model::find_surface(Symbol id) const {
    const auto found = surface_index_.find(id);
    return found == surface_index_.end() ? std::nullopt : std::optional(found->second);
}

std::optional<Symbol> Model::id_symbol(ElementRef element) const {
    switch (element.kind) {
        case ElementKind::surface:
            return surfaces_[element.index].id;
        case ElementKind::flow:
            return flows_[element.index].id;
        case ElementKind::role:
            return roles_[element.index].id;
    }
    return std::nullopt;
}

std::string Model::display_id(ElementRef element) const {
    if (const auto id = id_symbol(element)) {
        return std::string(strings_.text(*id));
    }
    const auto& flow = flows_[element.index];
    return std::string(strings_.text(surfaces_[flow.from].id)) + "->" +
           std::string(strings_.text(surfaces_[flow.to].id));
}

const base::SourceRange& Model::range_of(ElementRef element) const {
    switch (element.kind) {
        case ElementKind::flow:
            return flows_[element.index].range;
        case ElementKind::role:
            return roles_[element.index].range;
        case ElementKind::surface:
            break;
    }
    return surfaces_[element.index].range;
}

Span Model::store_entries(std::vector<Attribute> attributes) {
    std::sort(attributes.begin(), attributes.end(), key_less);
    const Span span{static_cast<std::uint32_t>(map_entries_.size()),
                    static_cast<std::uint32_t>(attributes.size())};
    map_entries_.insert(map_entries_.end(), attributes.begin(), attributes.end());
    return span;
}

Span Model::store_items(const std::vector<Value>& items) {
    const Span span{static_cast<std::uint32_t>(list_items_.size()),
                    static_cast<std::uint32_t>(items.size())};
    list_items_.insert(list_items_.end(), items.begin(), items.end());
    return span;
}

void Model::set_model_attributes(std::vector<Attribute> attributes) {
    model_attributes_ = store_entries(std::move(attributes));
}

bool Model::add_surface(Surface surface) {
    const auto index = static_cast<std::uint32_t>(surfaces_.size());
    if (!surface_index_.emplace(surface.id, index).second) {
        return false;
    }
    surfaces_.push_back(surface);
    return true;
}

void Model::connect_flow(std::size_t index, std::uint32_t from, std::uint32_t to, Symbol key_from,
                         Symbol key_to) {
    auto& flow = flows_[index];
    flow.from = from;
    flow.to = to;
    auto* begin = map_entries_.data() + flow.attributes.begin;
    auto* end = begin + flow.attributes.size;
    for (auto* entry = begin; entry != end; ++entry) {
        if (entry->key == key_from) {
            entry->value = Value::element({ElementKind::surface, from});
        } else if (entry->key == key_to) {
            entry->value = Value::element({ElementKind::surface, to});
        }
    }
}

}  // namespace lexflow::model
