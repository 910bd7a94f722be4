#include "model/model_builder.hpp"

#include <algorithm>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "model/value_ops.hpp"
#include "model/value_space.hpp"

namespace lexflow::model {

namespace {

namespace ids = base::diagnostic_ids;

/// Above this many surfaces, "did you mean" is not worth its quadratic cost.
constexpr std::size_t kMaxSuggestionCandidates = 50'000;

/// Top-level keys that start with it are not the model's (see top_level).
constexpr std::string_view kExtensionPrefix = "x-";
/// The top-level key that names other files of the model.
constexpr std::string_view kIncludeKey = "include";

const char* type_name(Node::Type type) {
    switch (type) {
        case Node::Type::null:
            return "empty";
        case Node::Type::boolean:
        case Node::Type::number:
        case Node::Type::string:
            return "a scalar";
        case Node::Type::sequence:
            return "a list";
        case Node::Type::map:
            return "a map";
    }
    return "a value";
}

/// The value of `key` in a map node, if the map has it.
const Node* value_of(const Node& map, std::string_view key) {
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
        if (map.children[i].is_scalar() && map.children[i].text == key) {
            return &map.children[i + 1];
        }
    }
    return nullptr;
}

void set_string(std::vector<Attribute>& attributes, Symbol key, Symbol value) {
    for (auto& attribute : attributes) {
        if (attribute.key == key) {
            attribute.value = Value::string(value);
            return;
        }
    }
    attributes.push_back({key, Value::string(value)});
}

}  // namespace

ModelBuilder::ModelBuilder(base::Diagnostics& diagnostics, base::Diagnostics& warnings,
                           const base::Limits& limits, const base::Vocabulary& vocabulary)
    : diagnostics_(diagnostics), limits_(limits), vocabulary_(vocabulary, diagnostics, warnings) {
    key_from_ = intern("from");
    key_to_ = intern("to");
}

void ModelBuilder::error(std::string_view code, base::SourceRange range, std::string message,
                         std::string help, std::vector<base::DiagnosticNote> notes) {
    diagnostics_.report({base::DiagnosticLevel::error, std::string(code), range, std::move(message),
                         std::move(notes), std::move(help)});
}

void ModelBuilder::begin_file(base::FileId file) {
    model_.add_file(file);
}

void ModelBuilder::root_not_a_map(const Node& root) {
    error(ids::wrong_type, root.range,
          std::string("a model file must be a map with 'surfaces' and 'flows', not ") +
              type_name(root.type),
          "start the file with 'surfaces:'");
}

bool ModelBuilder::is_item_list(std::string_view key) const {
    return key == "surfaces" || key == "flows" || key == "roles";
}

Value ModelBuilder::convert(const Node& node) {
    switch (node.type) {
        case Node::Type::null:
            return {};
        case Node::Type::boolean:
            return Value::boolean(node.boolean);
        case Node::Type::number:
            return Value::number(node.number);
        case Node::Type::string:
            return Value::string(intern(node.text));
        case Node::Type::sequence: {
            std::vector<Value> items;
            items.reserve(node.children.size());
            for (const auto& child : node.children) {
                if (auto item = convert(child); !item.is_missing()) {
                    items.push_back(item);
                }
            }
            return Value::list(model_.store_items(items));
        }
        case Node::Type::map:
            return Value::map(model_.store_entries(map_attributes(node)));
    }
    return {};
}

std::vector<Attribute> ModelBuilder::map_attributes(const Node& map) {
    std::vector<Attribute> attributes;
    std::map<std::string_view, const Node*> seen;
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
        const auto& key = map.children[i];
        const auto& value = map.children[i + 1];
        if (!key.is_scalar()) {
            error(ids::wrong_type, key.range, "map keys must be plain strings");
            continue;
        }
        if (const auto [first, inserted] = seen.emplace(key.text, &key); !inserted) {
            error(ids::duplicate_key, key.range, "duplicate key '" + key.text + "'",
                  "YAML keeps only one of them; remove or rename one",
                  {{"first given here", first->second->range}});
            continue;
        }
        if (auto converted = convert(value); !converted.is_missing()) {
            attributes.push_back({intern(key.text), converted});
        }
    }
    return attributes;
}

std::vector<Attribute> ModelBuilder::element_attributes(const Node& item, base::Owner owner,
                                                        std::string_view element) {
    std::vector<Attribute> attributes;
    std::map<std::string_view, const Node*> seen;
    for (std::size_t i = 0; i + 1 < item.children.size(); i += 2) {
        const auto& key = item.children[i];
        const auto& value = item.children[i + 1];
        if (!key.is_scalar()) {
            error(ids::wrong_type, key.range, "map keys must be plain strings");
            continue;
        }
        if (const auto [first, inserted] = seen.emplace(key.text, &key); !inserted) {
            error(ids::duplicate_key, key.range, "duplicate key '" + key.text + "'",
                  "YAML keeps only one of them; remove or rename one",
                  {{"first given here", first->second->range}});
            continue;
        }
        const auto verdict = vocabulary_.attribute(owner, element, key, value);
        if (verdict == VocabularyCheck::Verdict::drop) {
            continue;
        }
        const auto converted = verdict == VocabularyCheck::Verdict::as_text
                                   ? Value::string(intern(value.text))
                                   : convert(value);
        if (!converted.is_missing()) {
            attributes.push_back({intern(key.text), converted});
        }
    }
    return attributes;
}

std::optional<Symbol> ModelBuilder::name_value(const Node& value, std::string_view key) {
    if (value.type == Node::Type::null) {
        error(ids::missing_key, value.range, "'" + std::string(key) + "' has no value",
              "write the name after '" + std::string(key) + ":'");
        return std::nullopt;
    }
    if (!value.is_scalar()) {
        error(ids::wrong_type, value.range,
              "'" + std::string(key) + "' must be a string, not " + type_name(value.type));
        return std::nullopt;
    }
    return intern(value.text);
}

std::optional<Symbol> ModelBuilder::required_name(const Node& map, std::string_view key,
                                                  std::string_view what,
                                                  std::vector<Attribute>& attributes) {
    if (value_of(map, key) == nullptr) {
        error(ids::missing_key, map.range, std::string(what) + " has no '" + std::string(key) + "'",
              "add '" + std::string(key) + ": ...' to it");
        return std::nullopt;
    }
    return optional_name(map, key, attributes);
}

std::optional<Symbol> ModelBuilder::optional_name(const Node& map, std::string_view key,
                                                  std::vector<Attribute>& attributes) {
    const auto* value = value_of(map, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    auto name = name_value(*value, key);
    if (name) {
        set_string(attributes, intern(key), *name);
    }
    return name;
}

void ModelBuilder::check_unique(std::map<Symbol, base::SourceRange>& ids, Symbol id,
                                const base::SourceRange& range, std::string_view what) {
    if (const auto [first, inserted] = ids.emplace(id, range); !inserted) {
        error(ids::duplicate_id, range,
              "duplicate " + std::string(what) + " id '" + std::string(model_.strings().text(id)) +
                  "'",
              std::string(what) + " ids are unique across all model files",
              {{"first defined here", first->second}});
    }
}

bool ModelBuilder::within_element_limit(const Node& item) {
    if (++elements_ <= limits_.elements) {
        return true;
    }
    if (elements_ == limits_.elements + 1) {
        error(ids::limit_exceeded, item.range,
              "the model has more than " + std::to_string(limits_.elements) +
                  " surfaces, flows and roles",
              base::limit_help(limits_, &base::Limits::elements));
    }
    return false;
}

void ModelBuilder::list_item(std::string_view list_key, const Node& item) {
    if (!within_element_limit(item)) {
        return;
    }
    if (item.type != Node::Type::map) {
        error(ids::wrong_type, item.range,
              "each item of '" + std::string(list_key) + "' must be a map, not " +
                  type_name(item.type),
              list_key == "flows" ? "write a flow as '- from: a' and 'to: b' on the next line"
                                  : "write it as '- id: ...' followed by its keys");
        return;
    }
    if (list_key == "surfaces") {
        add_surface(item);
    } else if (list_key == "flows") {
        add_flow(item);
    } else {
        add_role(item);
    }
}

namespace {

/// How messages name an element: its id, or what it is when it has none.
std::string element_name(const Node& item, std::string_view what) {
    const auto* id = value_of(item, "id");
    return id != nullptr && id->is_scalar() ? id->text : std::string(what);
}

}  // namespace

void ModelBuilder::add_surface(const Node& item) {
    const auto name = element_name(item, "this surface");
    auto attributes = element_attributes(item, base::Owner::node, name);
    if (const auto* kind = value_of(item, "kind")) {
        vocabulary_.kind(name, *kind, value_of(item, "is"));
    }
    const auto id = required_name(item, "id", "this surface", attributes);
    const auto kind = required_name(item, "kind", "this surface", attributes);
    if (!id || !kind) {
        if (id) {
            rejected_surfaces_.insert(*id);
        }
        return;
    }
    const Surface surface{*id, model_.store_entries(std::move(attributes)), item.range};
    if (!model_.add_surface(surface)) {
        const auto& first = model_.surfaces()[*model_.find_surface(*id)];
        error(ids::duplicate_id, value_of(item, "id")->range,
              "duplicate surface id '" + std::string(model_.strings().text(*id)) + "'",
              "surface ids are unique across all model files",
              {{"first defined here", first.range}});
    }
}

void ModelBuilder::add_flow(const Node& item) {
    auto attributes = element_attributes(item, base::Owner::flow, element_name(item, "this flow"));
    const auto from = required_name(item, "from", "this flow", attributes);
    const auto to = required_name(item, "to", "this flow", attributes);
    const auto id = optional_name(item, "id", attributes);
    if (!from || !to) {
        return;
    }
    if (id) {
        const auto errors = diagnostics_.error_count();
        check_unique(flow_ids_, *id, value_of(item, "id")->range, "flow");
        if (diagnostics_.error_count() != errors) {
            return;
        }
    }
    Flow flow;
    flow.id = id;
    flow.attributes = model_.store_entries(std::move(attributes));
    flow.range = item.range;
    model_.add_flow(flow);
    pending_flows_.push_back(
        {{*from, value_of(item, "from")->range}, {*to, value_of(item, "to")->range}});
}

void ModelBuilder::add_role(const Node& item) {
    auto attributes = element_attributes(item, base::Owner::role, element_name(item, "this role"));
    const auto id = required_name(item, "id", "this role", attributes);
    if (!id) {
        return;
    }
    const auto errors = diagnostics_.error_count();
    check_unique(role_ids_, *id, value_of(item, "id")->range, "role");
    if (diagnostics_.error_count() == errors) {
        model_.add_role({*id, model_.store_entries(std::move(attributes)), item.range});
    }
}

void ModelBuilder::top_level(const Node& key, const Node& value) {
    if (!key.is_scalar()) {
        error(ids::wrong_type, key.range, "top-level keys must be plain strings");
        return;
    }
    if (const auto [first, inserted] =
            top_level_keys_.emplace(std::pair{key.range.file, key.text}, key.range);
        !inserted) {
        error(ids::duplicate_key, key.range, "duplicate key '" + key.text + "'",
              "YAML keeps only one of them; merge the two into one",
              {{"first given here", first->second}});
        return;
    }
    // Extension keys ("x-defaults") hold YAML anchors and other tools' data,
    // as in Compose files and OpenAPI; nothing reads them.
    if (key.text.starts_with(kExtensionPrefix)) {
        return;
    }
    if (key.text == kIncludeKey) {
        add_includes(value);
        return;
    }
    if (!vocabulary_.top_level_key(key)) {
        unknown_top_level_key_ = true;
        return;
    }
    if (is_item_list(key.text)) {
        if (value.type != Node::Type::sequence && value.type != Node::Type::null) {
            error(ids::wrong_type, value.range,
                  "'" + key.text + "' must be a list, not " + type_name(value.type),
                  "write each item on its own line, starting with '- '");
        }
        return;
    }
    if (key.text == "model" && value.is_scalar()) {
        model_.set_name(value.text);
    }
    add_model_attribute(key, value);
}

void ModelBuilder::add_includes(const Node& value) {
    if (value.type == Node::Type::string) {
        includes_.push_back({value.text, value.range.file, value.range});
        return;
    }
    if (value.type != Node::Type::sequence) {
        error(ids::wrong_type, value.range,
              std::string("'include' must be a path or a list of paths, not ") +
                  type_name(value.type),
              "write 'include: [surfaces.yaml, flows.yaml]', paths relative to this file");
        return;
    }
    for (const auto& item : value.children) {
        if (item.type != Node::Type::string) {
            error(ids::wrong_type, item.range,
                  std::string("an included file is a path, not ") + type_name(item.type));
            continue;
        }
        includes_.push_back({item.text, item.range.file, item.range});
    }
}

void ModelBuilder::add_model_attribute(const Node& key, const Node& value) {
    const auto verdict = vocabulary_.attribute(base::Owner::model, "the model", key, value);
    if (verdict == VocabularyCheck::Verdict::drop) {
        return;
    }
    const auto converted = verdict == VocabularyCheck::Verdict::as_text
                               ? Value::string(intern(value.text))
                               : convert(value);
    if (converted.is_missing()) {
        return;
    }
    const auto symbol = intern(key.text);
    const auto [existing, inserted] =
        model_attributes_.emplace(symbol, std::pair{converted, key.range});
    if (!inserted && !values_equal(ValueSpace(model_), existing->second.first, converted)) {
        error(ids::conflicting_attribute, key.range,
              "'" + key.text + "' is given a different value than in an earlier model file",
              "give it one value, in one file", {{"first given here", existing->second.second}});
    }
}

std::string ModelBuilder::suggestion(Symbol unknown) {
    // Only a diagnostic that will be shown gets one; the index of names is
    // built once, so thousands of unknown ends cost no more than twenty.
    if (model_.surfaces().size() > kMaxSuggestionCandidates ||
        !diagnostics_.keeps(base::DiagnosticLevel::error)) {
        return {};
    }
    if (!surface_names_) {
        std::vector<std::string> names;
        for (const auto& surface : model_.surfaces()) {
            names.emplace_back(model_.strings().text(surface.id));
        }
        std::sort(names.begin(), names.end());
        surface_names_.emplace(std::move(names));
    }
    const auto match = surface_names_->closest(model_.strings().text(unknown));
    return match ? "did you mean '" + *match + "'?" : std::string();
}

std::optional<std::uint32_t> ModelBuilder::resolve_end(const PendingEnd& end,
                                                       const char* direction) {
    if (const auto surface = model_.find_surface(end.id)) {
        return surface;
    }
    if (rejected_surfaces_.count(end.id) > 0) {
        return std::nullopt;  // its surface's own error says what is wrong
    }
    auto help = suggestion(end.id);
    if (help.empty()) {
        help = "declare the surface under 'surfaces', or fix the id";
    }
    error(ids::unknown_surface, end.range,
          std::string("flow ") + direction + " unknown surface '" +
              std::string(model_.strings().text(end.id)) + "'",
          std::move(help));
    return std::nullopt;
}

void ModelBuilder::resolve_flows() {
    for (std::size_t i = 0; i < pending_flows_.size(); ++i) {
        const auto from = resolve_end(pending_flows_[i].from, "from");
        const auto to = resolve_end(pending_flows_[i].to, "to");
        if (from && to) {
            model_.connect_flow(i, *from, *to, key_from_, key_to_);
        }
    }
}

/// Flow ids are unique, the default ones ("FROM->TO") included: two flows
/// from a to b without ids cannot be told apart in a report or a waiver.
void ModelBuilder::check_flow_ids() {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < model_.flows().size(); ++i) {
        const auto& flow = model_.flows()[i];
        const auto id = model_.display_id({ElementKind::flow, static_cast<std::uint32_t>(i)});
        const auto [found, inserted] = first.emplace(id, i);
        if (inserted || (flow.id && model_.flows()[found->second].id)) {
            continue;  // two explicit ids were compared as they were read
        }
        error(ids::duplicate_id, flow.range, "two flows have the id '" + id + "'",
              flow.id ? "another flow from and to the same surfaces has no id; give it one"
                      : "give each flow between the same surfaces an id ('id: ...')",
              {{"the other is here", model_.flows()[found->second].range}});
    }
}

std::optional<Model> ModelBuilder::finish() {
    // A misnamed list ('nodes:' for 'surfaces:') would make every flow's
    // surfaces unknown: one error says it, not one per flow.
    if (unknown_top_level_key_) {
        return std::nullopt;
    }
    resolve_flows();
    if (!diagnostics_.has_errors()) {
        check_flow_ids();
    }
    if (model_.surfaces().empty() && !diagnostics_.has_errors()) {
        const auto file = model_.files().empty() ? 0 : model_.files().front();
        error(
            ids::empty_model, {file, 0, 0, 1}, "the model defines no surfaces",
            "list the estate's surfaces under 'surfaces:'; an empty model would pass every check");
    }
    if (diagnostics_.has_errors()) {
        return std::nullopt;
    }
    std::vector<Attribute> attributes;
    for (const auto& [key, value] : model_attributes_) {
        attributes.push_back({key, value.first});
    }
    model_.set_model_attributes(std::move(attributes));
    return std::move(model_);
}

}  // namespace lexflow::model
