// What `lexflow diff` reports as changed in a model: elements by id, and
// attributes by value, whatever the layout.

#include "model/model_diff.hpp"

#include <doctest/doctest.h>

#include "tests/model/model_test_support.hpp"

using lexflow::model::diff_models;
using lexflow::model::ElementChange;
using lexflow::testing::load_yaml_files;

namespace {

const std::string kBefore =
    "model: shop\n"
    "jurisdictions: [EU]\n"
    "surfaces:\n"
    "  - {id: drafter, kind: ai_generator, controls: [marking, rollback_runbook]}\n"
    "  - {id: portal, kind: customer_portal, controls: [disclosure_label]}\n"
    "  - {id: old-archive, kind: records_system}\n"
    "flows:\n"
    "  - {from: drafter, to: portal}\n";

lexflow::model::Model model_of(const std::string& yaml) {
    auto loaded = load_yaml_files({{"estate.yaml", yaml}});
    REQUIRE_MESSAGE(loaded.model, loaded.rendered);
    return std::move(*loaded.model);
}

}  // namespace

TEST_CASE("a model written another way has no change") {
    const auto before = model_of(kBefore);
    const auto after = model_of(
        "flows:\n"
        "  - to: portal\n"
        "    from: drafter\n"
        "surfaces:\n"
        "  - {id: old-archive, kind: records_system}\n"
        "  - id: portal\n"
        "    controls: [disclosure_label]\n"
        "    kind: customer_portal\n"
        "  - {id: drafter, kind: ai_generator, controls: [rollback_runbook, marking]}\n"
        "jurisdictions: [EU]\n"
        "model: shop\n");
    CHECK(diff_models(before, after).empty());
}

TEST_CASE("added, removed and changed elements, with each attribute before and after") {
    const auto before = model_of(kBefore);
    const auto after = model_of(
        "model: shop\n"
        "jurisdictions: [EU, UK]\n"
        "surfaces:\n"
        "  - {id: drafter, kind: ai_generator, controls: [marking], owner: ai-team}\n"
        "  - {id: portal, kind: customer_portal}\n"
        "  - {id: kiosk, kind: customer_portal}\n"
        "flows:\n"
        "  - {from: drafter, to: portal}\n"
        "  - {id: to-kiosk, from: drafter, to: kiosk}\n");
    const auto changes = diff_models(before, after);
    REQUIRE(changes.size() == 6);
    // Sorted: the model, then surfaces, flows and roles, each by id.
    CHECK(changes[0].kind == "model");
    REQUIRE(changes[0].attributes.size() == 1);
    CHECK(changes[0].attributes[0].key == "jurisdictions");
    CHECK(changes[0].attributes[0].before == "[EU]");
    CHECK(changes[0].attributes[0].after == "[EU, UK]");

    CHECK(changes[1].id == "drafter");
    CHECK(changes[1].change == ElementChange::Change::changed);
    REQUIRE(changes[1].attributes.size() == 2);
    CHECK(changes[1].attributes[0].key == "controls");
    CHECK(changes[1].attributes[0].before == "[marking, rollback_runbook]");
    CHECK(changes[1].attributes[0].after == "[marking]");
    CHECK(changes[1].attributes[1].key == "owner");
    CHECK_FALSE(changes[1].attributes[1].before.has_value());
    CHECK(changes[1].attributes[1].after == "ai-team");

    CHECK(changes[2].id == "kiosk");
    CHECK(changes[2].change == ElementChange::Change::added);
    CHECK(changes[3].id == "old-archive");
    CHECK(changes[3].change == ElementChange::Change::removed);
    CHECK(changes[4].id == "portal");
    REQUIRE(changes[4].attributes.size() == 1);
    CHECK_FALSE(changes[4].attributes[0].after.has_value());
    CHECK(changes[5].kind == "flow");
    CHECK(changes[5].id == "to-kiosk");
    CHECK(changes[5].change == ElementChange::Change::added);
}
