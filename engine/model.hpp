#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/source.hpp"
#include "engine/string_pool.hpp"
#include "engine/value.hpp"

namespace lexflow::engine {

/// A node of the data-flow graph: an AI generator, a CRM object, a portal...
struct Surface {
    Symbol id = 0;
    Span attributes;         ///< includes `id` and `kind`
    dsl::SourceRange range;  ///< the surface's map in its model file
};

/// An edge of the data-flow graph. `from` and `to` index Model::surfaces().
struct Flow {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::optional<Symbol> id;  ///< none when the model gives no `id`
    Span attributes;           ///< includes `from` and `to` as element values
    dsl::SourceRange range;
};

/// A role of the estate's access model (who may generate, edit, export...).
struct Role {
    Symbol id = 0;
    Span attributes;
    dsl::SourceRange range;
};

/// The validated model of a CRM estate, compact enough for a million flows:
/// strings are interned, attributes are sorted runs in shared pools, and no
/// YAML tree survives loading. Built by the model loader; read-only after.
class Model {
  public:
    // --- reading

    [[nodiscard]] const std::vector<Surface>& surfaces() const { return surfaces_; }
    [[nodiscard]] const std::vector<Flow>& flows() const { return flows_; }
    [[nodiscard]] const std::vector<Role>& roles() const { return roles_; }
    [[nodiscard]] const StringPool& strings() const { return strings_; }
    /// Interning after loading is allowed: rules intern their literals once.
    [[nodiscard]] StringPool& strings() { return strings_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    /// The files the model was loaded from, in command-line order.
    [[nodiscard]] const std::vector<dsl::FileId>& files() const { return files_; }

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
    [[nodiscard]] std::optional<std::uint32_t> find_surface(Symbol id) const;
    /// What users call the element: its id, or "FROM->TO" for a flow without one.
    [[nodiscard]] std::string display_id(ElementRef element) const;
    [[nodiscard]] const dsl::SourceRange& range_of(ElementRef element) const;
    /// The id Symbol an element compares equal to, if it has one.
    [[nodiscard]] std::optional<Symbol> id_symbol(ElementRef element) const;

    // --- building (used by the model loader)

    void set_name(std::string name) { name_ = std::move(name); }
    void add_file(dsl::FileId file) { files_.push_back(file); }
    /// Stores attributes (any order; no duplicate keys) and returns their run.
    Span store_entries(std::vector<Attribute> attributes);
    Span store_items(const std::vector<Value>& items);
    void set_model_attributes(std::vector<Attribute> attributes);
    /// Adds a surface; returns false if its id is already taken.
    bool add_surface(Surface surface);
    void add_flow(Flow flow) { flows_.push_back(flow); }
    void add_role(Role role) { roles_.push_back(role); }
    /// Replaces the value of `key` in a stored run (e.g. `from` once resolved).
    void replace(Span attributes, Symbol key, Value value);
    [[nodiscard]] std::vector<Flow>& mutable_flows() { return flows_; }

  private:
    StringPool strings_;
    std::string name_;
    std::vector<dsl::FileId> files_;
    std::vector<Surface> surfaces_;
    std::vector<Flow> flows_;
    std::vector<Role> roles_;
    std::vector<Attribute> map_entries_;
    std::vector<Value> list_items_;
    Span model_attributes_;
    std::unordered_map<Symbol, std::uint32_t> surface_index_;
};

}  // namespace lexflow::engine
