#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/source.hpp"
#include "model/string_pool.hpp"
#include "model/value.hpp"

namespace lexflow::model {

/// A node of the data-flow graph: an AI generator, a CRM object, a portal...
struct Surface {
    Symbol id = 0;
    Span attributes;          ///< includes `id` and `kind`
    base::SourceRange range;  ///< the surface's map in its model file
};

/// An edge of the data-flow graph. `from` and `to` index Model::surfaces().
struct Flow {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::optional<Symbol> id;  ///< none when the model gives no `id`
    Span attributes;           ///< includes `from` and `to` as element values
    base::SourceRange range;
};

/// A role of the estate's access model (who may generate, edit, export...).
struct Role {
    Symbol id = 0;
    Span attributes;
    base::SourceRange range;
};

/// The validated model of a CRM estate, compact enough for a million flows:
/// strings are interned, attributes are sorted runs in shared pools, and no
/// file tree survives loading. Built by the ModelBuilder; read-only after.
class Model {
  public:
    // --- reading

    [[nodiscard]] const std::vector<Surface>& surfaces() const { return surfaces_; }
    [[nodiscard]] const std::vector<Flow>& flows() const { return flows_; }
    [[nodiscard]] const std::vector<Role>& roles() const { return roles_; }
    [[nodiscard]] const StringPool& strings() const { return strings_; }
    /// For the model builder; rules keep their literals in a ValueSpace.
    [[nodiscard]] StringPool& strings() { return strings_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    /// The files the model was loaded from, in command-line order.
    [[nodiscard]] const std::vector<base::FileId>& files() const { return files_; }

    /// The value of `key` in a run of attributes; missing if absent.
    [[nodiscard]] Value find(Span attributes, Symbol key) const;
    [[nodiscard]] Span attributes_of(ElementRef element) const;
    [[nodiscard]] Span model_attributes() const { return model_attributes_; }
    [[nodiscard]] std::span<const Attribute> entries(Span span) const {
        return {map_entries_.data() + span.begin, span.size};
    }
    [[nodiscard]] std::span<const Value> items(Span span) const {
        return {list_items_.data() + span.begin, span.size};
    }
    /// How many list items the model stores (rule literals are numbered after).
    [[nodiscard]] std::size_t list_item_count() const { return list_items_.size(); }
    [[nodiscard]] std::optional<std::uint32_t> find_surface(Symbol id) const;
    /// What users call the element: its id, or "FROM->TO" for a flow without one.
    [[nodiscard]] std::string display_id(ElementRef element) const;
    [[nodiscard]] const base::SourceRange& range_of(ElementRef element) const;
    /// The id Symbol an element compares equal to, if it has one.
    [[nodiscard]] std::optional<Symbol> id_symbol(ElementRef element) const;

    // --- building (used by the ModelBuilder)

    void set_name(std::string name) { name_ = std::move(name); }
    void add_file(base::FileId file) { files_.push_back(file); }
    /// Stores attributes (any order; no duplicate keys) and returns their run.
    Span store_entries(std::vector<Attribute> attributes);
    Span store_items(const std::vector<Value>& items);
    void set_model_attributes(std::vector<Attribute> attributes);
    /// Adds a surface; returns false if its id is already taken.
    bool add_surface(Surface surface);
    void add_flow(Flow flow) { flows_.push_back(flow); }
    void add_role(Role role) { roles_.push_back(role); }
    /// Connects flow `index` to the surfaces its ends name, once they are
    /// known: sets its ends and turns its `from` and `to` attributes into
    /// references to those surfaces.
    void connect_flow(std::size_t index, std::uint32_t from, std::uint32_t to, Symbol key_from,
                      Symbol key_to);

  private:
    StringPool strings_;
    std::string name_;
    std::vector<base::FileId> files_;
    std::vector<Surface> surfaces_;
    std::vector<Flow> flows_;
    std::vector<Role> roles_;
    std::vector<Attribute> map_entries_;
    std::vector<Value> list_items_;
    Span model_attributes_;
    std::unordered_map<Symbol, std::uint32_t> surface_index_;
};

}  // namespace lexflow::model
