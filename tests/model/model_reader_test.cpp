#include <doctest/doctest.h>

#include "base/diagnostic_ids.hpp"
#include "tests/model/model_test_support.hpp"

using lexflow::model::Value;
using lexflow::model::ValueKind;
using lexflow::testing::attribute;
using lexflow::testing::entry;
using lexflow::testing::flow;
using lexflow::testing::load_yaml;
using lexflow::testing::load_yaml_files;
using lexflow::testing::role;
using lexflow::testing::surface;
using lexflow::testing::text_of;

namespace ids = lexflow::base::diagnostic_ids;

namespace {

const std::string kValidModel = R"(model: demo
jurisdictions: [EU, US]
surfaces:
  - id: crm-db
    kind: crm_object
    personal_data: true
    audited: False
    retention_years: 7
    ratio: -1.5
    big: 2e3
    version: "1.10"
    quoted_true: "true"
    quoted_null: 'null'
    note: null
    empty:
    tilde: ~
    launched: 2026-08-02
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

}  // namespace

TEST_CASE("a valid model loads with its surfaces, flows, roles and name") {
    const auto loaded = load_yaml(kValidModel);
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    CHECK(loaded.rendered.empty());
    const auto& model = *loaded.model;
    CHECK(model.name() == "demo");
    CHECK(model.surfaces().size() == 2);
    CHECK(model.flows().size() == 2);
    CHECK(model.roles().size() == 1);
    CHECK(model.files().size() == 1);
    CHECK(model.display_id(surface(0)) == "crm-db");
    CHECK(model.display_id(surface(1)) == "drafter");
    CHECK(model.display_id(role(0)) == "admin");
    CHECK(text_of(model, attribute(model, surface(0), "kind")) == "crm_object");
    CHECK(text_of(model, attribute(model, surface(0), "id")) == "crm-db");

    const auto& where = model.range_of(surface(1));
    CHECK(where.line == 22);
    CHECK(where.column == 5);
}

TEST_CASE("plain scalars are typed, quoted ones stay strings, null and empty are missing") {
    const auto loaded = load_yaml(kValidModel);
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& model = *loaded.model;
    const auto crm = surface(0);

    const auto personal = attribute(model, crm, "personal_data");
    REQUIRE(personal.kind() == ValueKind::boolean);
    CHECK(personal.as_boolean());
    const auto audited = attribute(model, crm, "audited");
    REQUIRE(audited.kind() == ValueKind::boolean);
    CHECK_FALSE(audited.as_boolean());

    const auto years = attribute(model, crm, "retention_years");
    REQUIRE(years.kind() == ValueKind::number);
    CHECK(years.as_number() == 7);
    const auto ratio = attribute(model, crm, "ratio");
    REQUIRE(ratio.kind() == ValueKind::number);
    CHECK(ratio.as_number() == -1.5);
    const auto big = attribute(model, crm, "big");
    REQUIRE(big.kind() == ValueKind::number);
    CHECK(big.as_number() == 2000);

    for (const auto* key : {"version", "quoted_true", "quoted_null", "launched"}) {
        CAPTURE(key);
        CHECK(attribute(model, crm, key).kind() == ValueKind::string);
    }
    CHECK(text_of(model, attribute(model, crm, "version")) == "1.10");
    CHECK(text_of(model, attribute(model, crm, "quoted_true")) == "true");
    CHECK(text_of(model, attribute(model, crm, "quoted_null")) == "null");
    CHECK(text_of(model, attribute(model, crm, "launched")) == "2026-08-02");

    for (const auto* key : {"note", "empty", "tilde", "no_such_key"}) {
        CAPTURE(key);
        CHECK(attribute(model, crm, key).is_missing());
    }
}

TEST_CASE("lists and nested maps become list and map values") {
    const auto loaded = load_yaml(kValidModel);
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& model = *loaded.model;

    const auto controls = attribute(model, surface(0), "controls");
    REQUIRE(controls.kind() == ValueKind::list);
    const auto items = model.items(controls.as_span());
    REQUIRE(items.size() == 2);
    CHECK(text_of(model, items[0]) == "versioning");
    CHECK(text_of(model, items[1]) == "audit");
    CHECK(text_of(model, controls) == "versioning, audit");

    const auto owner = attribute(model, surface(0), "owner");
    REQUIRE(owner.kind() == ValueKind::map);
    CHECK(model.entries(owner.as_span()).size() == 2);
    CHECK(text_of(model, entry(model, owner, "team")) == "sales");
    const auto oncall = entry(model, owner, "oncall");
    REQUIRE(oncall.kind() == ValueKind::list);
    CHECK(text_of(model, oncall) == "ann, bob");

    const auto jurisdictions =
        model.find(model.model_attributes(), *model.strings().find("jurisdictions"));
    REQUIRE(jurisdictions.kind() == ValueKind::list);
    CHECK(text_of(model, jurisdictions) == "EU, US");
    const auto permissions = attribute(model, role(0), "permissions");
    CHECK(text_of(model, permissions) == "edit_synthetic");
}

TEST_CASE("a flow's from and to are resolved to the surfaces they name") {
    auto loaded = load_yaml(kValidModel);
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    auto& model = *loaded.model;

    const auto& first = model.flows()[0];
    CHECK(first.from == 1);  // drafter
    CHECK(first.to == 0);    // crm-db
    CHECK_FALSE(first.id.has_value());
    CHECK(model.display_id(flow(0)) == "drafter->crm-db");
    CHECK(model.display_id(flow(1)) == "back");

    const auto from = attribute(model, flow(0), "from");
    REQUIRE(from.kind() == ValueKind::element);
    CHECK(from.as_element() == surface(1));
    const auto to = attribute(model, flow(0), "to");
    REQUIRE(to.kind() == ValueKind::element);
    CHECK(to.as_element() == surface(0));
    CHECK(text_of(model, to) == "crm-db");
    // An element equals the string of its id, and only that one.
    lexflow::model::ValueSpace values(model);
    const auto crm_db = values.string("crm-db");
    const auto drafter = values.string("drafter");
    CHECK(values_equal(values, to, crm_db));
    CHECK(values_equal(values, crm_db, to));
    CHECK_FALSE(values_equal(values, to, drafter));
    CHECK(text_of(model, attribute(model, flow(0), "classification")) == "synthetic");
}

TEST_CASE("several files are merged, flows may name surfaces of another file") {
    const auto loaded = load_yaml_files({
        {"flows.yaml",
         "model: split\njurisdictions: [EU]\nflows:\n  - from: a\n    to: b\n    id: a-to-b\n"},
        {"surfaces.yaml",
         "jurisdictions: [EU]\nsurfaces:\n  - id: a\n    kind: k\n  - id: b\n    kind: k\n"
         "roles:\n  - id: r\n"},
    });
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& model = *loaded.model;
    CHECK(model.name() == "split");
    CHECK(model.files().size() == 2);
    CHECK(model.surfaces().size() == 2);
    CHECK(model.roles().size() == 1);
    REQUIRE(model.flows().size() == 1);
    CHECK(model.flows()[0].from == 0);
    CHECK(model.flows()[0].to == 1);
    CHECK(loaded.sources.name(model.range_of(flow(0)).file) == "flows.yaml");
    CHECK(loaded.sources.name(model.range_of(surface(0)).file) == "surfaces.yaml");
    // The same top-level value in both files is not a conflict.
    const auto jurisdictions =
        model.find(model.model_attributes(), *model.strings().find("jurisdictions"));
    CHECK(text_of(model, jurisdictions) == "EU");
}

TEST_CASE("malformed YAML is an error at the parser's position") {
    const auto loaded = load_yaml("surfaces:\n  - id: a\n    kind: [crm_object\n");
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 1);
    CHECK(loaded.diagnostics.all()[0].code == ids::malformed_yaml);
    CHECK(loaded.rendered ==
          "model.yaml:4:1: error: invalid YAML: end of sequence flow not found [LF3001]\n"
          "  4 | \n"
          "    | ^\n"
          "  help: fix the YAML syntax; nothing of this model was checked\n"
          "1 error generated.\n");
}

TEST_CASE("a model file whose root is not a map is an error") {
    SUBCASE("a list") {
        const auto loaded = load_yaml("- id: a\n  kind: k\n");
        CHECK_FALSE(loaded.model);
        CHECK(loaded.rendered ==
              "model.yaml:1:1: error: a model file must be a map with 'surfaces' and 'flows', "
              "not a list [LF3003]\n"
              "  1 | - id: a\n"
              "    | ^\n"
              "  help: start the file with 'surfaces:'\n"
              "1 error generated.\n");
    }
    SUBCASE("a scalar") {
        const auto loaded = load_yaml("surfaces\n");
        CHECK_FALSE(loaded.model);
        CHECK(loaded.rendered ==
              "model.yaml:1:1: error: a model file must be a map with 'surfaces' and 'flows', "
              "not a scalar [LF3003]\n"
              "  1 | surfaces\n"
              "    | ^~~~~~~~\n"
              "  help: start the file with 'surfaces:'\n"
              "1 error generated.\n");
    }
}

TEST_CASE("a surface without an id or a kind is an error at the surface") {
    const auto loaded = load_yaml("surfaces:\n  - kind: crm_object\n  - id: b\n");
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 2);
    CHECK(loaded.diagnostics.all()[0].code == ids::missing_key);
    CHECK(loaded.rendered ==
          "model.yaml:2:5: error: this surface has no 'id' [LF3002]\n"
          "  2 |   - kind: crm_object\n"
          "    |     ^\n"
          "  help: add 'id: ...' to it\n"
          "model.yaml:3:5: error: this surface has no 'kind' [LF3002]\n"
          "  3 |   - id: b\n"
          "    |     ^\n"
          "  help: add 'kind: ...' to it\n"
          "2 errors generated.\n");
}

TEST_CASE("a flow without from or to is an error at the flow") {
    const auto loaded = load_yaml(
        "surfaces:\n  - id: a\n    kind: k\nflows:\n  - from: a\n  - to: a\n    id: f2\n");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered ==
          "model.yaml:5:5: error: this flow has no 'to' [LF3002]\n"
          "  5 |   - from: a\n"
          "    |     ^\n"
          "  help: add 'to: ...' to it\n"
          "model.yaml:6:5: error: this flow has no 'from' [LF3002]\n"
          "  6 |   - to: a\n"
          "    |     ^\n"
          "  help: add 'from: ...' to it\n"
          "2 errors generated.\n");
}

TEST_CASE("a role without an id is an error") {
    const auto loaded =
        load_yaml("surfaces:\n  - id: a\n    kind: k\nroles:\n  - permissions: [x]\n");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered ==
          "model.yaml:5:5: error: this role has no 'id' [LF3002]\n"
          "  5 |   - permissions: [x]\n"
          "    |     ^\n"
          "  help: add 'id: ...' to it\n"
          "1 error generated.\n");
}

TEST_CASE("an id that is not a string is an error at the value") {
    SUBCASE("a list") {
        const auto loaded = load_yaml("surfaces:\n  - id: [a, b]\n    kind: k\n");
        CHECK_FALSE(loaded.model);
        REQUIRE(loaded.diagnostics.all().size() == 1);
        CHECK(loaded.diagnostics.all()[0].code == ids::wrong_type);
        CHECK(loaded.rendered ==
              "model.yaml:2:9: error: 'id' must be a string, not a list [LF3003]\n"
              "  2 |   - id: [a, b]\n"
              "    |         ^\n"
              "1 error generated.\n");
    }
    SUBCASE("null") {
        const auto loaded = load_yaml("surfaces:\n  - id: ~\n    kind: k\n");
        CHECK_FALSE(loaded.model);
        CHECK(loaded.rendered ==
              "model.yaml:2:5: error: 'id' has no value [LF3002]\n"
              "  2 |   - id: ~\n"
              "    |     ^~\n"
              "  help: write the name after 'id:'\n"
              "1 error generated.\n");
    }
}

// yaml-cpp reports an empty value at the next token (here "kind: k", line 3);
// the loader points at the key instead.
TEST_CASE("an empty id is reported on its own line") {
    const auto loaded = load_yaml("surfaces:\n  - id:\n    kind: k\n");
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 1);
    CHECK(loaded.diagnostics.all()[0].message == "'id' has no value");
    CHECK(loaded.diagnostics.all()[0].range.line == 2);
}

TEST_CASE("surfaces, flows and roles must be lists of maps") {
    SUBCASE("surfaces is a map") {
        const auto loaded = load_yaml("surfaces:\n  crm-db:\n    kind: k\n");
        CHECK_FALSE(loaded.model);
        CHECK(loaded.rendered ==
              "model.yaml:2:3: error: 'surfaces' must be a list, not a map [LF3003]\n"
              "  2 |   crm-db:\n"
              "    |   ^\n"
              "  help: write each item on its own line, starting with '- '\n"
              "1 error generated.\n");
    }
    SUBCASE("an item of flows is a scalar") {
        const auto loaded = load_yaml("surfaces:\n  - id: a\n    kind: k\nflows:\n  - a\n");
        CHECK_FALSE(loaded.model);
        CHECK(loaded.rendered ==
              "model.yaml:5:5: error: each item of 'flows' must be a map, not a scalar "
              "[LF3003]\n"
              "  5 |   - a\n"
              "    |     ^\n"
              "  help: write a flow as '- from: a' and 'to: b' on the next line\n"
              "1 error generated.\n");
    }
}

TEST_CASE("a duplicate surface id is an error with a note at the first definition") {
    const auto loaded = load_yaml(
        "surfaces:\n  - id: crm-db\n    kind: k\n  - id: other\n    kind: k\n"
        "  - id: crm-db\n    kind: k\n");
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 1);
    CHECK(loaded.diagnostics.all()[0].code == ids::duplicate_id);
    CHECK(loaded.rendered ==
          "model.yaml:6:9: error: duplicate surface id 'crm-db' [LF3004]\n"
          "  6 |   - id: crm-db\n"
          "    |         ^~~~~~\n"
          "  help: surface ids are unique across all model files\n"
          "model.yaml:2:5: note: first defined here\n"
          "  2 |   - id: crm-db\n"
          "    |     ^\n"
          "1 error generated.\n");
}

TEST_CASE("a duplicate surface id across two files points into both") {
    const auto loaded = load_yaml_files({{"a.yaml", "surfaces:\n  - id: x\n    kind: k\n"},
                                         {"b.yaml", "surfaces:\n  - {id: x, kind: k}\n"}});
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered ==
          "b.yaml:2:10: error: duplicate surface id 'x' [LF3004]\n"
          "  2 |   - {id: x, kind: k}\n"
          "    |          ^\n"
          "  help: surface ids are unique across all model files\n"
          "a.yaml:2:5: note: first defined here\n"
          "  2 |   - id: x\n"
          "    |     ^\n"
          "1 error generated.\n");
}

TEST_CASE("a duplicate flow or role id is an error") {
    const auto loaded = load_yaml(
        "surfaces:\n  - {id: a, kind: k}\nflows:\n  - {id: f, from: a, to: a}\n"
        "  - {id: f, from: a, to: a}\nroles:\n  - id: r\n  - id: r\n");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered ==
          "model.yaml:5:10: error: duplicate flow id 'f' [LF3004]\n"
          "  5 |   - {id: f, from: a, to: a}\n"
          "    |          ^\n"
          "  help: flow ids are unique across all model files\n"
          "model.yaml:4:10: note: first defined here\n"
          "  4 |   - {id: f, from: a, to: a}\n"
          "    |          ^\n"
          "model.yaml:8:9: error: duplicate role id 'r' [LF3004]\n"
          "  8 |   - id: r\n"
          "    |         ^\n"
          "  help: role ids are unique across all model files\n"
          "model.yaml:7:9: note: first defined here\n"
          "  7 |   - id: r\n"
          "    |         ^\n"
          "2 errors generated.\n");
}

TEST_CASE("a duplicate key in a surface is an error with a note at the first") {
    const auto loaded = load_yaml(
        "surfaces:\n  - id: a\n    kind: k\n    environment: test\n    environment: production\n");
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 1);
    CHECK(loaded.diagnostics.all()[0].code == ids::duplicate_key);
    CHECK(loaded.rendered ==
          "model.yaml:5:5: error: duplicate key 'environment' [LF3007]\n"
          "  5 |     environment: production\n"
          "    |     ^~~~~~~~~~~\n"
          "  help: YAML keeps only one of them; remove or rename one\n"
          "model.yaml:4:5: note: first given here\n"
          "  4 |     environment: test\n"
          "    |     ^~~~~~~~~~~\n"
          "1 error generated.\n");
}

TEST_CASE("a duplicate top-level key in one file is a duplicate key") {
    const auto loaded =
        load_yaml("jurisdictions: [EU]\nsurfaces:\n  - {id: a, kind: k}\njurisdictions: [US]\n");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered ==
          "model.yaml:4:1: error: duplicate key 'jurisdictions' [LF3007]\n"
          "  4 | jurisdictions: [US]\n"
          "    | ^~~~~~~~~~~~~\n"
          "  help: YAML keeps only one of them; merge the two into one\n"
          "model.yaml:1:1: note: first given here\n"
          "  1 | jurisdictions: [EU]\n"
          "    | ^~~~~~~~~~~~~\n"
          "1 error generated.\n");
}

TEST_CASE("a flow to or from an unknown surface is an error with a did-you-mean") {
    const auto loaded = load_yaml(
        "surfaces:\n  - id: crm-db\n    kind: k\n  - id: drafter\n    kind: k\n"
        "flows:\n  - from: drafter\n    to: crm-bd\n  - from: nowhere-at-all\n    to: crm-db\n");
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 2);
    CHECK(loaded.diagnostics.all()[0].code == ids::unknown_surface);
    CHECK(loaded.rendered ==
          "model.yaml:8:9: error: flow to unknown surface 'crm-bd' [LF3005]\n"
          "  8 |     to: crm-bd\n"
          "    |         ^~~~~~\n"
          "  help: did you mean 'crm-db'?\n"
          "model.yaml:9:11: error: flow from unknown surface 'nowhere-at-all' [LF3005]\n"
          "  9 |   - from: nowhere-at-all\n"
          "    |           ^~~~~~~~~~~~~~\n"
          "  help: declare the surface under 'surfaces', or fix the id\n"
          "2 errors generated.\n");
}

TEST_CASE("a top-level attribute given different values in two files is an error") {
    const auto loaded =
        load_yaml_files({{"a.yaml", "jurisdictions: [EU]\nsurfaces:\n  - {id: a, kind: k}\n"},
                         {"b.yaml", "model: m\njurisdictions: [EU, US]\n"}});
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.diagnostics.all().size() == 1);
    CHECK(loaded.diagnostics.all()[0].code == ids::conflicting_attribute);
    CHECK(loaded.rendered ==
          "b.yaml:2:1: error: 'jurisdictions' is given a different value than in an earlier "
          "model file [LF3006]\n"
          "  2 | jurisdictions: [EU, US]\n"
          "    | ^~~~~~~~~~~~~\n"
          "  help: give it one value, in one file\n"
          "a.yaml:1:1: note: first given here\n"
          "  1 | jurisdictions: [EU]\n"
          "    | ^~~~~~~~~~~~~\n"
          "1 error generated.\n");
}

TEST_CASE("a model without surfaces is an error, so that it cannot pass every check") {
    const std::string expected =
        "model.yaml: error: the model defines no surfaces [LF3008]\n"
        "  help: list the estate's surfaces under 'surfaces:'; an empty model would pass every "
        "check\n"
        "1 error generated.\n";
    for (const auto* text : {"", "# nothing yet\n", "model: m\n", "surfaces: []\nflows: []\n"}) {
        CAPTURE(text);
        const auto loaded = load_yaml(text);
        CHECK_FALSE(loaded.model);
        REQUIRE(loaded.diagnostics.all().size() == 1);
        CHECK(loaded.diagnostics.all()[0].code == ids::empty_model);
        CHECK(loaded.rendered == expected);
    }
}

TEST_CASE("every error of a file is collected, and the model is discarded") {
    const auto loaded = load_yaml(
        "surfaces:\n"
        "  - id: a\n"    // 2: no kind
        "  - kind: k\n"  // 3: no id
        "  - id: [x]\n"  // 4: id is a list
        "    kind: k\n"
        "  - id: ok\n"
        "    kind: k\n"
        "flows:\n"
        "  - from: ok\n"
        "    to: missing-surface\n"  // 10: unknown surface
        "roles: {}\n");              // 11: not a list
    CHECK_FALSE(loaded.model);
    CHECK(loaded.diagnostics.error_count() == 5);
    std::string located;
    for (const auto& diagnostic : loaded.diagnostics.all()) {
        located += std::to_string(diagnostic.range.line) + ":" +
                   std::to_string(diagnostic.range.column) + " " + diagnostic.code + "\n";
    }
    CHECK(located == "2:5 LF3002\n3:5 LF3002\n4:9 LF3003\n11:8 LF3003\n10:9 LF3005\n");
}

TEST_CASE("errors past the cap are counted, not shown") {
    std::string text = "surfaces:\n";
    for (int i = 0; i < 23; ++i) {
        text += "  - id: s" + std::to_string(i) + "\n";  // each lacks a kind
    }
    const auto loaded = load_yaml(text);
    CHECK_FALSE(loaded.model);
    CHECK(loaded.diagnostics.error_count() == 23);
    CHECK(loaded.diagnostics.all().size() == 20);
    CHECK(loaded.diagnostics.dropped() == 3);
    CHECK(loaded.rendered.ends_with("\n23 errors (3 not shown) generated.\n"));
}

TEST_CASE("anchors and aliases copy values, merge keys fill in missing keys") {
    const auto loaded = load_yaml(R"(x-defaults: &defaults
  environment: production
  personal_data: true
x-eu: &eu
  jurisdictions: [EU]
  environment: test
surfaces:
  - id: crm-db
    kind: crm_object
    <<: *defaults
    environment: staging
    controls: &controls [versioning, audit]
  - id: archive
    kind: records_system
    <<: [*eu, *defaults]
    owner: &owner {team: records}
    backup_owner: *owner
flows:
  - from: crm-db
    to: archive
    carries: *controls
)");
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& model = *loaded.model;
    // A key the map gives itself wins over a merged one.
    CHECK(text_of(model, attribute(model, surface(0), "environment")) == "staging");
    CHECK(text_of(model, attribute(model, surface(0), "personal_data")) == "true");
    CHECK(attribute(model, surface(0), "<<").is_missing());
    // With a list of maps, the first map that gives a key wins.
    CHECK(text_of(model, attribute(model, surface(1), "environment")) == "test");
    CHECK(text_of(model, attribute(model, surface(1), "jurisdictions")) == "EU");
    CHECK(text_of(model, attribute(model, surface(1), "personal_data")) == "true");
    CHECK(text_of(model, attribute(model, surface(1), "backup_owner")) == "{team: records}");
    CHECK(text_of(model, attribute(model, flow(0), "carries")) == "versioning, audit");
}

TEST_CASE("a merge key must merge a map") {
    const auto loaded = load_yaml("surfaces:\n  - id: a\n    kind: k\n    <<: 5\n");
    CHECK_FALSE(loaded.model);
    CHECK(loaded.rendered ==
          "model.yaml:4:9: error: '<<' must merge a map (or a list of maps) [LF3003]\n"
          "  4 |     <<: 5\n"
          "    |         ^\n"
          "1 error generated.\n");
}

TEST_CASE("a merge key may supply a surface's required keys") {
    const auto loaded = load_yaml(
        "x-crm: &crm\n  kind: crm_object\n  environment: production\n"
        "surfaces:\n  - <<: *crm\n    id: contacts\n");
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    CHECK(text_of(*loaded.model, attribute(*loaded.model, surface(0), "kind")) == "crm_object");
}

TEST_CASE("only YAML 1.2 core-schema numbers are numbers") {
    const auto loaded = load_yaml("surfaces:\n  - {id: a, kind: k, low: -inf, odd: -nan}\n");
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    CHECK(attribute(*loaded.model, surface(0), "low").kind() == ValueKind::string);
    CHECK(attribute(*loaded.model, surface(0), "odd").kind() == ValueKind::string);
}

TEST_CASE("positions in a YAML file carry their byte offset, to read the line back") {
    const std::string text = "surfaces:\n  - id: a\n    kind: k\n  - id: b\n    kind: k\n";
    const auto loaded = load_yaml(text);
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    const auto& second = loaded.model->range_of(surface(1));
    CHECK(second.line == 4);
    CHECK(second.offset == text.find("id: b"));
    CHECK(loaded.sources.line_of(second) == "  - id: b");
}
