// The JSON reader: a model file named *.json is read into the same builder
// as a YAML file, with the same checks and located diagnostics.

#include "model/json_reader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic_ids.hpp"
#include "model/yaml_reader.hpp"
#include "tests/model/model_test_support.hpp"

using lexflow::base::Limits;
using lexflow::model::DocumentSink;
using lexflow::model::Node;
using lexflow::model::ValueKind;
using lexflow::testing::attribute;
using lexflow::testing::entry;
using lexflow::testing::flow;
using lexflow::testing::load_yaml_files;
using lexflow::testing::LoadedModel;
using lexflow::testing::role;
using lexflow::testing::surface;
using lexflow::testing::text_of;

namespace ids = lexflow::base::diagnostic_ids;

namespace {

LoadedModel load_json(const std::string& text) {
    return load_yaml_files({{"estate.json", text}});
}

/// Reads `text` as estate.json under `limits`; the diagnostics, rendered.
std::string json_errors_under(const std::string& text, const Limits& limits) {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add("estate.json", text);
    CHECK_FALSE(lexflow::model::read_model({file}, sources, diagnostics, limits));
    return lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics);
}

/// Every call a reader makes, written out: what it hands over, in order,
/// without positions (two formats place the same value differently).
class RecordingSink final : public DocumentSink {
  public:
    std::vector<std::string> calls;

    void begin_file(lexflow::base::FileId) override { calls.emplace_back("begin"); }
    void root_not_a_map(const Node& root) override { calls.push_back("root " + show(root)); }
    void top_level(const Node& key, const Node& value) override {
        calls.push_back("top " + show(key) + " = " + show(value));
    }
    [[nodiscard]] bool is_item_list(std::string_view key) const override {
        return key == "surfaces" || key == "flows" || key == "roles";
    }
    void list_item(std::string_view list_key, const Node& item) override {
        calls.push_back("item " + std::string(list_key) + " " + show(item));
    }

    static std::string show(const Node& node) {
        switch (node.type) {
            case Node::Type::null:
                return "null";
            case Node::Type::boolean:
                return node.boolean ? "bool:true" : "bool:false";
            case Node::Type::number:
                return "num:" + node.text + "=" + std::to_string(node.number);
            case Node::Type::string:
                return "str:" + node.text;
            case Node::Type::sequence:
            case Node::Type::map: {
                std::string text = node.type == Node::Type::map ? "{" : "[";
                for (const auto& child : node.children) {
                    text += show(child) + " ";
                }
                return text + (node.type == Node::Type::map ? "}" : "]");
            }
        }
        return "?";
    }
};

std::vector<std::string> json_calls(const std::string& text, const Limits& limits = {}) {
    RecordingSink sink;
    lexflow::base::Diagnostics diagnostics;
    std::istringstream in(text);
    lexflow::model::read_json(0, in, sink, diagnostics, limits);
    CHECK_FALSE(diagnostics.has_errors());
    return sink.calls;
}

std::vector<std::string> yaml_calls(const std::string& text) {
    RecordingSink sink;
    lexflow::base::Diagnostics diagnostics;
    std::istringstream in(text);
    lexflow::model::read_yaml(0, in, sink, diagnostics, {});
    CHECK_FALSE(diagnostics.has_errors());
    return sink.calls;
}

const std::string kYamlEstate = R"(model: demo
jurisdictions: [EU, US]
surfaces:
  - id: crm-db
    kind: crm_object
    personal_data: true
    audited: false
    retention_years: 7
    ratio: -1.5
    version: "1.10"
    quoted_true: "true"
    note: null
    launched: "2026-08-02"
    controls: [versioning, audit]
    owner:
      team: sales
      oncall: [ann, bob]
  - id: drafter
    kind: ai_generator
flows:
  - from: drafter
    to: crm-db
    classification: synthetic
  - id: back
    from: crm-db
    to: drafter
roles:
  - id: admin
    permissions: [edit_synthetic]
)";

const std::string kJsonEstate = R"({
  "model": "demo",
  "jurisdictions": ["EU", "US"],
  "surfaces": [
    {
      "id": "crm-db",
      "kind": "crm_object",
      "personal_data": true,
      "audited": false,
      "retention_years": 7,
      "ratio": -1.5,
      "version": "1.10",
      "quoted_true": "true",
      "note": null,
      "launched": "2026-08-02",
      "controls": ["versioning", "audit"],
      "owner": {"team": "sales", "oncall": ["ann", "bob"]}
    },
    {"id": "drafter", "kind": "ai_generator"}
  ],
  "flows": [
    {"from": "drafter", "to": "crm-db", "classification": "synthetic"},
    {"id": "back", "from": "crm-db", "to": "drafter"}
  ],
  "roles": [{"id": "admin", "permissions": ["edit_synthetic"]}]
}
)";

}  // namespace

TEST_CASE("a JSON estate is the same model as the same estate in YAML") {
    const auto yaml = load_yaml_files({{"estate.yaml", kYamlEstate}});
    const auto json = load_json(kJsonEstate);
    REQUIRE_MESSAGE(yaml.model, yaml.rendered);
    REQUIRE_MESSAGE(json.model, json.rendered);
    CHECK(json.rendered.empty());
    const auto& a = *yaml.model;
    const auto& b = *json.model;
    CHECK(b.name() == "demo");
    REQUIRE(b.surfaces().size() == a.surfaces().size());
    REQUIRE(b.flows().size() == a.flows().size());
    REQUIRE(b.roles().size() == a.roles().size());
    CHECK(b.surfaces().size() == 2);
    CHECK(b.flows().size() == 2);
    CHECK(b.roles().size() == 1);
    for (std::uint32_t i = 0; i < a.surfaces().size(); ++i) {
        CHECK(b.display_id(surface(i)) == a.display_id(surface(i)));
        CHECK(b.entries(b.attributes_of(surface(i))).size() ==
              a.entries(a.attributes_of(surface(i))).size());
    }
    for (std::uint32_t i = 0; i < a.flows().size(); ++i) {
        CHECK(b.display_id(flow(i)) == a.display_id(flow(i)));
        CHECK(b.flows()[i].from == a.flows()[i].from);
        CHECK(b.flows()[i].to == a.flows()[i].to);
    }
    CHECK(b.display_id(role(0)) == "admin");
    for (const auto* key : {"kind", "personal_data", "audited", "retention_years", "ratio",
                            "version", "quoted_true", "launched", "controls", "owner"}) {
        CAPTURE(key);
        const auto left = attribute(a, surface(0), key);
        const auto right = attribute(b, surface(0), key);
        CHECK(right.kind() == left.kind());
        CHECK(text_of(b, right) == text_of(a, left));
    }
    CHECK(text_of(b, entry(b, attribute(b, surface(0), "owner"), "oncall")) == "ann, bob");
    CHECK(text_of(b, attribute(b, flow(0), "classification")) == "synthetic");
    CHECK(text_of(b, attribute(b, role(0), "permissions")) == "edit_synthetic");
    const auto jurisdictions = b.find(b.model_attributes(), *b.strings().find("jurisdictions"));
    CHECK(text_of(b, jurisdictions) == "EU, US");
}

TEST_CASE("the JSON reader hands the builder what the YAML reader does, in the same order") {
    const auto json = json_calls(kJsonEstate);
    CHECK(json == yaml_calls(kYamlEstate));
    // Items one by one, then their list's key with no items.
    REQUIRE(json.size() == 11);
    CHECK(json[3].starts_with("item surfaces {str:id str:crm-db "));
    CHECK(json[5] == "top str:surfaces = []");
}

TEST_CASE("numbers, booleans and nulls keep their types, strings stay strings") {
    const auto calls = json_calls(
        R"({"a": 1.50, "b": -2e3, "c": 12345678901234567890, "d": true, "e": false, "f": null,)"
        R"( "g": "true", "h": "2026-08-02", "i": "na\u00efve \"q\"", "k\u0065y": [], "j": {}})");
    const std::vector<std::string> expected = {
        "begin",
        "top str:a = num:1.50=1.500000",
        "top str:b = num:-2e3=-2000.000000",
        "top str:c = num:12345678901234567890=12345678901234567168.000000",
        "top str:d = bool:true",
        "top str:e = bool:false",
        "top str:f = null",
        "top str:g = str:true",
        "top str:h = str:2026-08-02",
        "top str:i = str:na\xc3\xafve \"q\"",
        "top str:key = []",
        "top str:j = {}",
    };
    CHECK(calls == expected);

    const auto loaded = load_json(
        R"({"surfaces": [{"id": "a", "kind": "k", "n": 7, "yes": true, "no": null, "s": "7"}]})");
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& model = *loaded.model;
    REQUIRE(attribute(model, surface(0), "n").kind() == ValueKind::number);
    CHECK(attribute(model, surface(0), "n").as_number() == 7);
    REQUIRE(attribute(model, surface(0), "yes").kind() == ValueKind::boolean);
    CHECK(attribute(model, surface(0), "yes").as_boolean());
    CHECK(attribute(model, surface(0), "no").is_missing());
    CHECK(attribute(model, surface(0), "s").kind() == ValueKind::string);
}

TEST_CASE("values are located at their first byte, lines and columns counted from 1") {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add("estate.json",
                                  "{\"surfaces\": [\r\n  {\"id\": \"a\", \"kind\": \"k\"},\n"
                                  "  {\"id\": \"b\",\n   \"kind\": \"k\"}]}");
    const auto model = lexflow::model::read_model({file}, sources, diagnostics);
    REQUIRE(model);
    const auto& second = model->range_of(surface(1));
    CHECK(second.line == 3);
    CHECK(second.column == 3);
    CHECK(second.offset == 46);
    CHECK(model->range_of(surface(0)).line == 2);
}

TEST_CASE("a duplicate surface id in JSON is reported at its line and column") {
    const auto loaded = load_json(R"({
  "model": "demo",
  "surfaces": [
    {"id": "a", "kind": "k"},
    {
      "kind": "k",
      "id": "a"
    }
  ]
}
)");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:7:13: error: duplicate surface id 'a' "
                                              "[LF3004]\n  7 |       \"id\": \"a\"\n"),
                  loaded.rendered);
    CHECK(loaded.rendered.find("estate.json:4:5: note: first defined here\n  4 |     {") !=
          std::string::npos);
}

TEST_CASE("a flow to an unknown surface in JSON is reported at the surface it names") {
    const auto loaded = load_json(R"({
  "surfaces": [{"id": "a", "kind": "k"}],
  "flows": [
    {"from": "a", "to": "b"}
  ]
}
)");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(loaded.rendered.starts_with(
                      "estate.json:4:25: error: flow to unknown surface 'b' [LF3005]"),
                  loaded.rendered);
}

TEST_CASE("a key given twice in a JSON object is kept for the builder to report") {
    const auto loaded =
        load_json("{\"surfaces\": [\n  {\"id\": \"a\", \"kind\": \"k\", \"kind\": \"j\"}]}");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(
        loaded.rendered.starts_with("estate.json:2:28: error: duplicate key 'kind' [LF3007]"),
        loaded.rendered);
}

TEST_CASE("a surfaces key that holds no list is the builder's error") {
    const auto loaded = load_json("{\"surfaces\": {\"id\": \"a\"}}");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(loaded.rendered.starts_with(
                      "estate.json:1:14: error: 'surfaces' must be a list, not a map [LF3003]"),
                  loaded.rendered);
}

TEST_CASE("malformed JSON is an error at the parser's position, and reading stops") {
    SUBCASE("a trailing comma in a list") {
        const auto loaded =
            load_json("{\n  \"surfaces\": [\n    {\"id\": \"a\", \"kind\": \"k\"},\n  ]\n}\n");
        CHECK_FALSE(loaded.model);
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:4:3: error: malformed JSON: "),
                      loaded.rendered);
        CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
        CHECK(loaded.rendered.ends_with("1 error generated.\n"));
    }
    SUBCASE("a trailing comma in a map") {
        const auto loaded = load_json("{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\",}]}");
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:1:39: error: malformed JSON: "),
                      loaded.rendered);
    }
    SUBCASE("a missing quote") {
        const auto loaded = load_json("{\"surfaces\": [\n  {\"id\": \"a, \"kind\": \"k\"}]}");
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:2:"), loaded.rendered);
        CHECK(loaded.rendered.find("error: malformed JSON: ") != std::string::npos);
        CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
    }
    SUBCASE("an unclosed list") {
        // Located where the list should have gone on: the end of the file.
        const auto loaded = load_json("{\"surfaces\": [\n  {\"id\": \"a\", \"kind\": \"k\"}\n");
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:3:1: error: malformed JSON: "),
                      loaded.rendered);
        CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
    }
    SUBCASE("an unclosed map") {
        const auto loaded = load_json("{\"surfaces\": [\n  {\"id\": \"a\", \"kind\": \"k\"]\n");
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:1:1: error: malformed JSON: "),
                      loaded.rendered);
        CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
    }
    SUBCASE("a second value after the root") {
        const auto loaded = load_json("{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\"}]}\n {}\n");
        CHECK_MESSAGE(
            loaded.rendered.starts_with("estate.json:2:2: error: malformed JSON: Unexpected "
                                        "trailing content in the JSON input. [LF3001]"),
            loaded.rendered);
    }
    SUBCASE("garbage after the root") {
        const auto loaded = load_json("{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\"}]} x\n");
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:1:1: error: malformed JSON: "),
                      loaded.rendered);
        CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
    }
    SUBCASE("a misspelled literal") {
        const auto loaded =
            load_json("{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\",\n \"x\": nul}]}");
        CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:2:7: error: malformed JSON: "),
                      loaded.rendered);
    }
}

TEST_CASE("invalid UTF-8 in a JSON string is malformed JSON at its byte") {
    const auto loaded = load_json("{\n  \"surfaces\": [{\"id\": \"a\xff\", \"kind\": \"k\"}]\n}\n");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:2:25: error: malformed JSON: "),
                  loaded.rendered);
    CHECK(loaded.rendered.find("UTF-8") != std::string::npos);
    CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
}

TEST_CASE("a control character in a JSON string is malformed JSON at its byte") {
    const auto loaded = load_json("{\"surfaces\": [\n {\"id\": \"a\tb\", \"kind\": \"k\"}]}");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:2:11: error: malformed JSON: "),
                  loaded.rendered);
}

TEST_CASE("lists nested 100000 deep stop at yaml-depth, quickly") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    const std::string prefix = R"({"surfaces": [{"id": "a", "kind": "k", "deep": )";
    const auto start = std::chrono::steady_clock::now();
    const auto rendered = json_errors_under(prefix + deep + "}]}", Limits{});
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Surface items are at depth 2 (the root, the list): their values' lists
    // from depth 3, so the 62nd '[' is the one too deep.
    CHECK_MESSAGE(rendered.starts_with("estate.json:1:" + std::to_string(prefix.size() + 62) +
                                       ": error: lists and maps nest more than 64 deep here "
                                       "[LF5001]"),
                  rendered);
    CHECK(rendered.find("--limit yaml-depth=N") != std::string::npos);
    CHECK(seconds < 2);

    // Raised far past what the reader follows, the depth still stops it.
    Limits raised;
    raised.yaml_depth = 1'000'000;
    const auto beyond = json_errors_under("{\"deep\": " + deep + "}", raised);
    CHECK_MESSAGE(beyond.find("error: lists and maps nest deeper here than the JSON reader can "
                              "follow [LF5001]") != std::string::npos,
                  beyond);
}

TEST_CASE("nesting deeper than yaml-depth stops at the list that goes too deep, as in YAML") {
    Limits limits;
    limits.yaml_depth = 3;
    CHECK(json_errors_under("{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\"}],\n"
                            "\"deep\": [[[[1]]]]}",
                            limits)
              .starts_with("estate.json:2:11: error: lists and maps nest more than 3 deep here "
                           "[LF5001]"));
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto file = sources.add(
        "estate.json", "{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\"}], \"fine\": [[1]]}");
    CHECK(lexflow::model::read_model({file}, sources, diagnostics, limits));
}

TEST_CASE("a string longer than value-size is an error at the string") {
    Limits limits;
    limits.value_size = 1U << 20U;
    const std::string prefix = R"({"surfaces": [{"id": "a", "kind": "k", "note": )";
    const auto rendered =
        json_errors_under(prefix + "\"" + std::string(2U << 20U, 'x') + "\"}]}", limits);
    CHECK_MESSAGE(rendered.starts_with("estate.json:1:" + std::to_string(prefix.size() + 1) +
                                       ": error: this value has 2097152 bytes [LF5001]"),
                  rendered.substr(0, 300));
    CHECK(rendered.find("--limit value-size=N") != std::string::npos);
    CHECK(rendered.size() < 2000);  // the value is not echoed
}

TEST_CASE("a stream longer than model-file-size stops before it is all read") {
    Limits limits;
    limits.model_file_size = 64;
    const auto rendered =
        json_errors_under("{\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\"}], \"x\": \"" +
                              std::string(100, 'x') + "\"}",
                          limits);
    CHECK_MESSAGE(rendered.starts_with("estate.json: error: the model file has more than 64 bytes "
                                       "[LF5001]"),
                  rendered);
}

TEST_CASE("a byte order mark is skipped, and columns start after it") {
    const std::string bom = "\xEF\xBB\xBF";
    const auto loaded = load_json(bom + R"({"surfaces": [{"id": "a", "kind": "k"}]})");
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    CHECK(loaded.model->range_of(surface(0)).column == 15);
    CHECK(loaded.model->range_of(surface(0)).offset == 17);

    const auto duplicate =
        load_json(bom + R"({"surfaces": [{"id": "a", "kind": "k"}, {"id": "a", "kind": "k"}]})");
    CHECK_MESSAGE(duplicate.rendered.starts_with(
                      "estate.json:1:48: error: duplicate surface id 'a' [LF3004]\n"
                      "  1 | {\"surfaces\": [{\"id\": \"a\", \"kind\": \"k\"}, {\"id\": \"a\", "
                      "\"kind\": \"k\"}]}\n"),
                  duplicate.rendered);
}

TEST_CASE("a JSON root that is not an object is the builder's error") {
    const auto loaded = load_json("\n  [1, 2]\n");
    CHECK_FALSE(loaded.model);
    CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:2:3: error: a model file must be a map "
                                              "with 'surfaces' and 'flows', not a list [LF3003]"),
                  loaded.rendered);
    const auto scalar = load_json("\"surfaces\"");
    CHECK(
        scalar.rendered.starts_with("estate.json:1:1: error: a model file must be a map with "
                                    "'surfaces' and 'flows', not a scalar [LF3003]"));
}

TEST_CASE("an empty JSON file is an empty model, as an empty YAML file is") {
    const auto yaml = load_yaml_files({{"estate.yaml", ""}});
    for (const auto* text : {"", " \n\t\n", "\xEF\xBB\xBF", "null\n"}) {
        CAPTURE(text);
        const auto json = load_json(text);
        CHECK_FALSE(json.model);
        CHECK(json.diagnostics.all().size() == 1);
        CHECK(json.diagnostics.all().front().code == ids::empty_model);
        CHECK(json.diagnostics.all().front().message == yaml.diagnostics.all().front().message);
    }
}

TEST_CASE("a null root followed by more is malformed, not an empty model") {
    const auto loaded = load_json("null\n{}\n");
    CHECK_MESSAGE(loaded.rendered.starts_with("estate.json:2:1: error: malformed JSON: Unexpected "
                                              "trailing content in the JSON input. [LF3001]"),
                  loaded.rendered);
    CHECK(loaded.rendered.find("[LF3001]") != std::string::npos);
}

TEST_CASE("an estate may mix YAML and JSON files") {
    const auto loaded = load_yaml_files({
        {"surfaces.yaml",
         "model: mixed\nsurfaces:\n  - id: a\n    kind: k\n  - id: b\n    kind: k\n"},
        {"flows.json", R"({"flows": [{"from": "a", "to": "b", "id": "a-to-b"}]})"},
    });
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& model = *loaded.model;
    CHECK(model.name() == "mixed");
    CHECK(model.files().size() == 2);
    REQUIRE(model.flows().size() == 1);
    CHECK(model.flows()[0].from == 0);
    CHECK(model.flows()[0].to == 1);
    CHECK(loaded.sources.name(model.range_of(flow(0)).file) == "flows.json");
    CHECK(model.range_of(flow(0)).column == 12);

    // A file named .json is read as JSON, whatever it holds.
    const auto misnamed = load_yaml_files({{"estate.json", "surfaces:\n  - id: a\n"}});
    CHECK_FALSE(misnamed.model);
    CHECK(misnamed.rendered.find("error: malformed JSON: ") != std::string::npos);
}
