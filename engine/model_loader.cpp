#include "engine/model_loader.hpp"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dsl/diagnostic_ids.hpp"
#include "dsl/edit_distance.hpp"
#include "engine/internal/yaml_tree.hpp"
#include "engine/value_ops.hpp"

namespace lexflow::engine {

namespace {

using internal::YamlNode;
namespace ids = dsl::diagnostic_ids;

/// Above this many surfaces, "did you mean" is not worth its quadratic cost.
constexpr std::size_t kMaxSuggestionCandidates = 50'000;

const char* type_name(YamlNode::Type type) {
    switch (type) {
        case YamlNode::Type::null:
            return "empty";
        case YamlNode::Type::scalar:
            return "a scalar";
        case YamlNode::Type::sequence:
            return "a list";
        case YamlNode::Type::map:
            return "a map";
    }
    return "a value";
}

bool is_boolean(std::string_view text, bool& value) {
    if (text == "true" || text == "True" || text == "TRUE") {
        value = true;
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        value = false;
        return true;
    }
    return false;
}

bool is_null(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

/// YAML 1.2 core-schema decimal numbers: 3, -1.5, 2e3. "2026-08-02" is not one.
bool is_number(std::string_view text, double& value) {
    if (text.empty()) {
        return false;
    }
    const char first = text.front();
    if (!(std::isdigit(static_cast<unsigned char>(first)) || first == '-' || first == '+' ||
          first == '.')) {
        return false;
    }
    // from_chars also reads "inf" and "nan", which YAML 1.2 spells ".inf"/".nan".
    const bool decimal_only = text.find_first_not_of("0123456789+-.eE") == std::string_view::npos;
    if (!decimal_only || text.find_first_of("0123456789") == std::string_view::npos) {
        return false;
    }
    const auto* begin = text.data() + (first == '+' ? 1 : 0);
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(begin, end, value);
    return error == std::errc() && stop == end;
}

struct PendingEnd {
    Symbol id = 0;
    dsl::SourceRange range;
};

/// Flow ends are resolved once every file is read: a flow may name a surface
/// defined later or in another file.
struct PendingFlow {
    PendingEnd from;
    PendingEnd to;
};

class ModelLoader final : public internal::YamlSink {
  public:
    ModelLoader(const dsl::SourceSet& sources, dsl::Diagnostics& diagnostics)
        : sources_(sources), diagnostics_(diagnostics) {
        key_id_ = intern("id");
        key_kind_ = intern("kind");
        key_from_ = intern("from");
        key_to_ = intern("to");
    }

    void load_file(dsl::FileId file);
    std::optional<Model> finish();

    // YamlSink
    void root_not_a_map(const YamlNode& root) override;
    void top_level(const YamlNode& key, const YamlNode& value) override;
    void list_item(const std::string& list_key, const YamlNode& item) override;
    [[nodiscard]] bool streamed_key(const std::string& key) const override {
        return key == "surfaces" || key == "flows" || key == "roles";
    }

  private:
    Symbol intern(std::string_view text) { return model_.strings().intern(text); }
    void error(std::string_view code, dsl::SourceRange range, std::string message,
               std::string help = {}, std::vector<dsl::DiagnosticNote> notes = {}) {
        diagnostics_.report({dsl::DiagnosticLevel::error, std::string(code), range,
                             std::move(message), std::move(notes), std::move(help)});
    }

    Value convert(const YamlNode& node);
    Value scalar_value(const YamlNode& node);
    std::vector<Attribute> map_attributes(const YamlNode& map);
    void merge_into(std::vector<Attribute>& attributes, const YamlNode& source);
    const YamlNode* value_of(const YamlNode& map, std::string_view key) const;
    std::optional<Symbol> required_name(const YamlNode& map, std::string_view key,
                                        std::string_view what, std::vector<Attribute>& attributes);
    std::optional<Symbol> optional_name(const YamlNode& map, std::string_view key,
                                        std::vector<Attribute>& attributes);
    std::optional<Symbol> name_value(const YamlNode& value, std::string_view key);
    void set_string(std::vector<Attribute>& attributes, Symbol key, Symbol value);

    void add_surface(const YamlNode& item);
    void add_flow(const YamlNode& item);
    void add_role(const YamlNode& item);
    void add_model_attribute(const YamlNode& key, const YamlNode& value);
    void resolve_flows();
    std::optional<std::uint32_t> resolve_end(const PendingEnd& end, std::size_t flow_index,
                                             const char* direction);
    std::string suggestion(Symbol unknown) const;

    const dsl::SourceSet& sources_;
    dsl::Diagnostics& diagnostics_;
    Model model_;
    Symbol key_id_ = 0, key_kind_ = 0, key_from_ = 0, key_to_ = 0;
    std::vector<PendingFlow> pending_flows_;
    std::map<Symbol, dsl::SourceRange> flow_ids_;
    std::map<Symbol, dsl::SourceRange> role_ids_;
    /// Top-level keys of each file, to catch a key given twice in one file.
    std::map<std::pair<dsl::FileId, std::string>, dsl::SourceRange> top_level_keys_;
    /// Surfaces rejected for another error: flows to them are not errors too.
    std::set<Symbol> rejected_surfaces_;
    /// Top-level attributes with where each was first given.
    std::map<Symbol, std::pair<Value, dsl::SourceRange>> model_attributes_;
};

void ModelLoader::load_file(dsl::FileId file) {
    const auto& name = sources_.name(file);
    const auto text = sources_.text(file);
    std::ifstream disk;
    std::istringstream memory;
    std::istream* input = &memory;
    if (sources_.is_on_disk(file)) {
        disk.open(name, std::ios::binary);
        if (!disk) {
            error(ids::unreadable_path, {file, 0, 0, 1}, "cannot open model file '" + name + "'",
                  "check the path and its permissions");
            return;
        }
        input = &disk;
    } else {
        memory.str(std::string(text));
    }
    model_.add_file(file);
    internal::TreeBuilder builder(file, *this);
    try {
        YAML::Parser parser(*input);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const YAML::Exception& failure) {
        error(ids::malformed_yaml,
              {file, static_cast<std::uint32_t>(failure.mark.line + 1),
               static_cast<std::uint32_t>(failure.mark.column + 1), 1},
              "invalid YAML: " + failure.msg,
              "fix the YAML syntax; nothing of this model was checked");
    }
}

void ModelLoader::root_not_a_map(const YamlNode& root) {
    error(ids::wrong_type, root.range,
          std::string("a model file must be a map with 'surfaces' and 'flows', not ") +
              type_name(root.type),
          "start the file with 'surfaces:'");
}

Value ModelLoader::scalar_value(const YamlNode& node) {
    if (!node.plain) {
        return Value::string(intern(node.text));
    }
    bool boolean = false;
    double number = 0;
    if (is_null(node.text)) {
        return {};
    }
    if (is_boolean(node.text, boolean)) {
        return Value::boolean(boolean);
    }
    if (is_number(node.text, number)) {
        return Value::number(number);
    }
    return Value::string(intern(node.text));
}

Value ModelLoader::convert(const YamlNode& node) {
    switch (node.type) {
        case YamlNode::Type::null:
            return {};
        case YamlNode::Type::scalar:
            return scalar_value(node);
        case YamlNode::Type::sequence: {
            std::vector<Value> items;
            items.reserve(node.children.size());
            for (const auto& child : node.children) {
                if (auto item = convert(child); !item.is_missing()) {
                    items.push_back(item);
                }
            }
            return Value::list(model_.store_items(items));
        }
        case YamlNode::Type::map:
            return Value::map(model_.store_entries(map_attributes(node)));
    }
    return {};
}

void ModelLoader::merge_into(std::vector<Attribute>& attributes, const YamlNode& source) {
    // `<<: *base` merges the keys of an anchored map that the map lacks.
    if (source.type == YamlNode::Type::sequence) {
        for (const auto& item : source.children) {
            merge_into(attributes, item);
        }
        return;
    }
    if (source.type != YamlNode::Type::map) {
        error(ids::wrong_type, source.range, "'<<' must merge a map (or a list of maps)");
        return;
    }
    for (const auto& merged : map_attributes(source)) {
        const bool present = std::any_of(attributes.begin(), attributes.end(),
                                         [&](const Attribute& a) { return a.key == merged.key; });
        if (!present) {
            attributes.push_back(merged);
        }
    }
}

std::vector<Attribute> ModelLoader::map_attributes(const YamlNode& map) {
    std::vector<Attribute> attributes;
    std::vector<const YamlNode*> merges;
    std::map<std::string_view, const YamlNode*> seen;
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
        const auto& key = map.children[i];
        const auto& value = map.children[i + 1];
        if (key.type != YamlNode::Type::scalar) {
            error(ids::wrong_type, key.range, "map keys must be plain strings");
            continue;
        }
        if (key.text == "<<" && key.plain) {
            merges.push_back(&value);
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
    for (const auto* merge : merges) {
        merge_into(attributes, *merge);
    }
    return attributes;
}

const YamlNode* ModelLoader::value_of(const YamlNode& map, std::string_view key) const {
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
        if (map.children[i].type == YamlNode::Type::scalar && map.children[i].text == key) {
            return &map.children[i + 1];
        }
    }
    // A key the map lacks may come from a `<<` merge, as in map_attributes.
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
        if (map.children[i].type != YamlNode::Type::scalar || map.children[i].text != "<<") {
            continue;
        }
        const auto& merged = map.children[i + 1];
        if (merged.type == YamlNode::Type::map) {
            if (const auto* found = value_of(merged, key)) {
                return found;
            }
        }
        for (const auto& item :
             merged.type == YamlNode::Type::sequence ? merged.children : std::vector<YamlNode>{}) {
            if (const auto* found =
                    item.type == YamlNode::Type::map ? value_of(item, key) : nullptr) {
                return found;
            }
        }
    }
    return nullptr;
}

std::optional<Symbol> ModelLoader::name_value(const YamlNode& value, std::string_view key) {
    const bool empty = value.type == YamlNode::Type::null ||
                       (value.type == YamlNode::Type::scalar && value.plain && is_null(value.text));
    if (empty) {
        error(ids::missing_key, value.range, "'" + std::string(key) + "' has no value",
              "write the name after '" + std::string(key) + ":'");
        return std::nullopt;
    }
    if (value.type != YamlNode::Type::scalar) {
        error(ids::wrong_type, value.range,
              "'" + std::string(key) + "' must be a string, not " + type_name(value.type));
        return std::nullopt;
    }
    return intern(value.text);
}

void ModelLoader::set_string(std::vector<Attribute>& attributes, Symbol key, Symbol value) {
    for (auto& attribute : attributes) {
        if (attribute.key == key) {
            attribute.value = Value::string(value);
            return;
        }
    }
    attributes.push_back({key, Value::string(value)});
}

std::optional<Symbol> ModelLoader::required_name(const YamlNode& map, std::string_view key,
                                                 std::string_view what,
                                                 std::vector<Attribute>& attributes) {
    const auto* value = value_of(map, key);
    if (!value) {
        error(ids::missing_key, map.range, std::string(what) + " has no '" + std::string(key) + "'",
              "add '" + std::string(key) + ": ...' to it");
        return std::nullopt;
    }
    auto name = name_value(*value, key);
    if (name) {
        set_string(attributes, intern(key), *name);
    }
    return name;
}

std::optional<Symbol> ModelLoader::optional_name(const YamlNode& map, std::string_view key,
                                                 std::vector<Attribute>& attributes) {
    const auto* value = value_of(map, key);
    if (!value) {
        return std::nullopt;
    }
    auto name = name_value(*value, key);
    if (name) {
        set_string(attributes, intern(key), *name);
    }
    return name;
}

void ModelLoader::list_item(const std::string& list_key, const YamlNode& item) {
    if (item.type != YamlNode::Type::map) {
        const auto singular = list_key.substr(0, list_key.size() - 1);
        error(ids::wrong_type, item.range,
              "each item of '" + list_key + "' must be a map, not " + type_name(item.type),
              singular == "flow" ? "write a flow as '- from: a' and 'to: b' on the next line"
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

void ModelLoader::add_surface(const YamlNode& item) {
    auto attributes = map_attributes(item);
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

void ModelLoader::add_flow(const YamlNode& item) {
    auto attributes = map_attributes(item);
    const auto from = required_name(item, "from", "this flow", attributes);
    const auto to = required_name(item, "to", "this flow", attributes);
    const auto id = optional_name(item, "id", attributes);
    if (!from || !to) {
        return;
    }
    if (id) {
        if (const auto [first, inserted] = flow_ids_.emplace(*id, value_of(item, "id")->range);
            !inserted) {
            error(ids::duplicate_id, value_of(item, "id")->range,
                  "duplicate flow id '" + std::string(model_.strings().text(*id)) + "'",
                  "flow ids are unique across all model files",
                  {{"first defined here", first->second}});
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

void ModelLoader::add_role(const YamlNode& item) {
    auto attributes = map_attributes(item);
    const auto id = required_name(item, "id", "this role", attributes);
    if (!id) {
        return;
    }
    if (const auto [first, inserted] = role_ids_.emplace(*id, value_of(item, "id")->range);
        !inserted) {
        error(ids::duplicate_id, value_of(item, "id")->range,
              "duplicate role id '" + std::string(model_.strings().text(*id)) + "'",
              "role ids are unique across all model files",
              {{"first defined here", first->second}});
        return;
    }
    model_.add_role({*id, model_.store_entries(std::move(attributes)), item.range});
}

void ModelLoader::top_level(const YamlNode& key, const YamlNode& value) {
    if (key.type != YamlNode::Type::scalar) {
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
    if (streamed_key(key.text)) {
        // Items were streamed; what arrives here is the (emptied) list itself.
        if (value.type != YamlNode::Type::sequence && value.type != YamlNode::Type::null) {
            error(ids::wrong_type, value.range,
                  "'" + key.text + "' must be a list, not " + type_name(value.type),
                  "write each item on its own line, starting with '- '");
        }
        return;
    }
    if (key.text == "model" && value.type == YamlNode::Type::scalar) {
        model_.set_name(value.text);
    }
    add_model_attribute(key, value);
}

void ModelLoader::add_model_attribute(const YamlNode& key, const YamlNode& value) {
    const auto converted = convert(value);
    if (converted.is_missing()) {
        return;
    }
    const auto symbol = intern(key.text);
    const auto [existing, inserted] =
        model_attributes_.emplace(symbol, std::pair{converted, key.range});
    if (!inserted && !values_equal(model_, existing->second.first, converted)) {
        error(ids::conflicting_attribute, key.range,
              "'" + key.text + "' is given a different value than in an earlier model file",
              "give it one value, in one file", {{"first given here", existing->second.second}});
    }
}

std::string ModelLoader::suggestion(Symbol unknown) const {
    if (model_.surfaces().size() > kMaxSuggestionCandidates) {
        return {};
    }
    std::vector<std::string_view> candidates;
    for (const auto& surface : model_.surfaces()) {
        candidates.push_back(model_.strings().text(surface.id));
    }
    std::sort(candidates.begin(), candidates.end());
    const auto match = dsl::closest_match(model_.strings().text(unknown), candidates);
    return match ? "did you mean '" + *match + "'?" : std::string();
}

std::optional<std::uint32_t> ModelLoader::resolve_end(const PendingEnd& end, std::size_t flow_index,
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
    (void)flow_index;
    error(ids::unknown_surface, end.range,
          std::string("flow ") + direction + " unknown surface '" +
              std::string(model_.strings().text(end.id)) + "'",
          std::move(help));
    return std::nullopt;
}

void ModelLoader::resolve_flows() {
    auto& flows = model_.mutable_flows();
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const auto from = resolve_end(pending_flows_[i].from, i, "from");
        const auto to = resolve_end(pending_flows_[i].to, i, "to");
        if (!from || !to) {
            continue;
        }
        flows[i].from = *from;
        flows[i].to = *to;
        model_.replace(flows[i].attributes, key_from_,
                       Value::element({ElementKind::surface, *from}));
        model_.replace(flows[i].attributes, key_to_, Value::element({ElementKind::surface, *to}));
    }
}

std::optional<Model> ModelLoader::finish() {
    resolve_flows();
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

}  // namespace

std::optional<Model> load_model(const std::vector<dsl::FileId>& files,
                                const dsl::SourceSet& sources, dsl::Diagnostics& diagnostics) {
    ModelLoader loader(sources, diagnostics);
    for (const auto file : files) {
        loader.load_file(file);
    }
    return loader.finish();
}

}  // namespace lexflow::engine
