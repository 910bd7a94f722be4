#include "report/model_schema.hpp"

#include <string_view>

#include "report/json_stream.hpp"

namespace lexflow::report {

namespace {

using base::AttributeSpec;
using base::Owner;
using base::ValueType;

/// The YAML scalars lexflow reads as text: it keeps `version: 1.10` as written.
void scalar_text(JsonStream& json) {
    json.key("type").begin_array().value("string").value("number").value("boolean").end_array();
}

/// `{"const": name, "description": meaning}` for each value, then, for an
/// open set, any other name.
void enumeration(JsonStream& json, const AttributeSpec& attribute) {
    json.key(attribute.open ? "anyOf" : "oneOf").begin_array();
    for (const auto& value : attribute.values) {
        json.begin_object()
            .key("const")
            .value(value.name)
            .key("description")
            .value(value.meaning)
            .end_object();
    }
    if (attribute.open) {
        json.begin_object().key("type").value("string").end_object();
    }
    json.end_array();
}

/// The schema of one value (or list item) of `type`.
void typed_value(JsonStream& json, const AttributeSpec& attribute, ValueType type) {
    json.begin_object();
    switch (type) {
        case ValueType::boolean:
            json.key("type").value("boolean");
            break;
        case ValueType::number:
            json.key("type").value("number");
            break;
        case ValueType::date:
            json.key("type").value("string").key("pattern").value("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            break;
        case ValueType::string:
            scalar_text(json);
            break;
        case ValueType::enumeration:
            enumeration(json, attribute);
            break;
        case ValueType::enumeration_list:
            json.key("type").value("array").key("items");
            typed_value(json, attribute, ValueType::enumeration);
            break;
        case ValueType::string_list:
            json.key("type").value("array").key("items");
            typed_value(json, attribute, ValueType::string);
            break;
        case ValueType::map:
            json.key("type").value("object");
            break;
    }
    json.end_object();
}

void attribute_schema(JsonStream& json, const AttributeSpec& attribute) {
    json.key(attribute.name).begin_object().key("description").value(attribute.meaning);
    json.key("anyOf").begin_array();
    typed_value(json, attribute, attribute.type);
    json.begin_object().key("type").value("null").end_object().end_array();
    json.end_object();
}

void attributes_of(JsonStream& json, const base::Vocabulary& vocabulary, Owner owner) {
    for (const auto& [name, attribute] : vocabulary.attributes()) {
        if (attribute.belongs_to(owner)) {
            attribute_schema(json, attribute);
        }
    }
}

void kind_names(JsonStream& json, const base::Vocabulary& vocabulary, bool open) {
    json.key(open ? "anyOf" : "oneOf").begin_array();
    for (const auto& [name, kind] : vocabulary.kinds()) {
        json.begin_object().key("const").value(name).key("description").value(kind.meaning);
        json.end_object();
    }
    if (open) {
        json.begin_object().key("type").value("string").end_object();
    }
    json.end_array();
}

void identifier(JsonStream& json, std::string_view key, std::string_view description) {
    json.key(key).begin_object().key("description").value(description);
    scalar_text(json);
    json.end_object();
}

void surface(JsonStream& json, const base::Vocabulary& vocabulary) {
    json.key("surface").begin_object().key("type").value("object");
    json.key("required").begin_array().value("id").value("kind").end_array();
    json.key("properties").begin_object();
    identifier(json, "id", "Unique across the model");
    json.key("kind")
        .begin_object()
        .key("description")
        .value("What the surface is: a declared kind, or one of your own");
    kind_names(json, vocabulary, true);
    json.end_object();
    json.key("is")
        .begin_object()
        .key("description")
        .value("For a kind of your own: the declared kind it counts as");
    kind_names(json, vocabulary, false);
    json.end_object();
    attributes_of(json, vocabulary, Owner::node);
    json.end_object().end_object();
}

void flow(JsonStream& json, const base::Vocabulary& vocabulary) {
    json.key("flow").begin_object().key("type").value("object");
    json.key("required").begin_array().value("from").value("to").end_array();
    json.key("properties").begin_object();
    identifier(json, "from", "The id of the surface the data leaves");
    identifier(json, "to", "The id of the surface the data reaches");
    identifier(json, "id", "Optional; \"FROM->TO\" by default, and unique");
    attributes_of(json, vocabulary, Owner::flow);
    json.end_object().end_object();
}

void role(JsonStream& json, const base::Vocabulary& vocabulary) {
    json.key("role").begin_object().key("type").value("object");
    json.key("required").begin_array().value("id").end_array();
    json.key("properties").begin_object();
    identifier(json, "id", "Unique among roles");
    attributes_of(json, vocabulary, Owner::role);
    json.end_object().end_object();
}

void list_of(JsonStream& json, std::string_view key, std::string_view definition,
             std::string_view description) {
    json.key(key).begin_object().key("description").value(description);
    json.key("type").begin_array().value("array").value("null").end_array();
    json.key("items").begin_object().key("$ref").value(std::string("#/definitions/") +
                                                       std::string(definition));
    json.end_object().end_object();
}

/// `include`: a path, or a list of paths, of other files of the model.
void include(JsonStream& json) {
    json.key("include")
        .begin_object()
        .key("description")
        .value("Other files of the model, relative to this file's folder and inside it")
        .key("anyOf")
        .begin_array()
        .begin_object()
        .key("type")
        .value("string")
        .end_object()
        .begin_object()
        .key("type")
        .value("array")
        .key("items")
        .begin_object()
        .key("type")
        .value("string")
        .end_object()
        .end_object()
        .end_array()
        .end_object();
}

}  // namespace

void write_model_schema(const base::Vocabulary& vocabulary, std::ostream& out) {
    JsonStream json(out);
    json.begin_object()
        .key("$schema")
        .value("http://json-schema.org/draft-07/schema#")
        .key("title")
        .value("lexflow model")
        .key("description")
        .value(
            "A data-flow model of an estate, checked by lexflow. Generated by 'lexflow "
            "schema' from the declared vocabulary.")
        .key("type")
        .value("object")
        .key("properties")
        .begin_object();
    list_of(json, "surfaces", "surface", "The surfaces: the nodes of the graph");
    list_of(json, "flows", "flow", "The flows of data between surfaces: the edges");
    list_of(json, "roles", "role", "Who may do what, and who owns which duty");
    include(json);
    attributes_of(json, vocabulary, Owner::model);
    json.end_object();
    // "x-" keys are extensions: anchors for the repetitive keys of a model.
    json.key("patternProperties").begin_object().key("^x-").begin_object().end_object();
    json.end_object().key("additionalProperties").value(false).key("definitions").begin_object();
    surface(json, vocabulary);
    flow(json, vocabulary);
    role(json, vocabulary);
    json.end_object().end_object();
    out << '\n';
}

}  // namespace lexflow::report
