// A model is checked against the vocabulary the packs declare: the mistakes
// a new user makes are errors or warnings, never a silently changed verdict.

#include <doctest/doctest.h>

#include "base/diagnostic_ids.hpp"
#include "model/model_reader.hpp"
#include "report/diagnostic_renderer.hpp"

using lexflow::base::AllowedValue;
using lexflow::base::AttributeSpec;
using lexflow::base::Owner;
using lexflow::base::ValueType;

namespace {

AttributeSpec attribute(std::string name, std::vector<Owner> owners, ValueType type,
                        std::vector<std::string> values = {}, bool open = false) {
    AttributeSpec spec;
    spec.name = std::move(name);
    spec.owners = std::move(owners);
    spec.type = type;
    for (auto& value : values) {
        spec.values.push_back(AllowedValue{std::move(value), "meaning"});
    }
    spec.open = open;
    spec.meaning = "meaning";
    return spec;
}

lexflow::base::Vocabulary vocabulary() {
    lexflow::base::Vocabulary declared;
    declared.add(lexflow::base::KindSpec{"ai_generator", "", "An AI system", {}});
    declared.add(lexflow::base::KindSpec{"crm_object", "", "A CRM object", {}});
    declared.add(attribute("audience", {Owner::node}, ValueType::enumeration,
                           {"public", "customer", "employee", "none"}));
    declared.add(attribute("personal_data", {Owner::node}, ValueType::boolean));
    declared.add(attribute("placed_on_market", {Owner::node}, ValueType::date));
    declared.add(attribute("classification", {Owner::flow}, ValueType::enumeration,
                           {"human", "ai_assisted", "synthetic"}));
    declared.add(attribute("jurisdictions", {Owner::model, Owner::node},
                           ValueType::enumeration_list, {"EU", "US", "UK"}, /*open=*/true));
    declared.add(attribute("events", {Owner::node}, ValueType::enumeration_list,
                           {"synthetic_create", "synthetic_modify", "synthetic_delete"}, true));
    declared.add(attribute("model_version", {Owner::node}, ValueType::string));
    return declared;
}

/// What reading `yaml` against the vocabulary reports, rendered; and whether
/// a model came out.
struct Read {
    bool model = false;
    std::string errors;
    std::string warnings;
};

Read read(const std::string& yaml) {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics errors;
    lexflow::base::Diagnostics warnings;
    const auto declared = vocabulary();
    const auto file = sources.add("model.yaml", yaml);
    const auto model = lexflow::model::read_model({file}, sources, errors, {}, declared, &warnings);
    const lexflow::report::DiagnosticRenderer renderer(sources, false);
    return {model.has_value(), renderer.render_all(errors), renderer.render_all(warnings)};
}

const std::string kSurface = "surfaces:\n  - id: a\n    kind: crm_object\n";

}  // namespace

TEST_CASE("a value outside a closed enumeration is an error at the value") {
    const auto result = read(kSurface + "    audience: prospects\n");
    CHECK_FALSE(result.model);
    CHECK(result.errors.starts_with(
        "model.yaml:4:15: error: 'prospects' is not a value of 'audience' [LF3010]\n"));
    CHECK(result.errors.find("help: write one of: public, customer, employee or none") !=
          std::string::npos);
    CHECK(read(kSurface + "    audience: custmer\n").errors.find("did you mean 'customer'?") !=
          std::string::npos);
}

TEST_CASE("a value of the wrong type is an error at the value, not at the surface") {
    const auto boolean = read(kSurface + "    personal_data: no\n");
    CHECK_FALSE(boolean.model);
    CHECK(
        boolean.errors.starts_with("model.yaml:4:20: error: 'personal_data' must be true or "
                                   "false, not 'no' [LF3003]\n"));
    CHECK(read(kSurface + "    placed_on_market: soon\n")
              .errors.find("'placed_on_market' must be a date, not 'soon'") != std::string::npos);
    CHECK(read(kSurface + "    jurisdictions: EU\n")
              .errors.find("'jurisdictions' must be a list, not 'EU'") != std::string::npos);
}

TEST_CASE("a string attribute given a number keeps its text") {
    const auto result = read(kSurface + "    model_version: 3\n");
    CHECK(result.model);
    CHECK(result.errors.empty());
}

TEST_CASE("an unknown top-level key is an error, with the key meant") {
    const auto result = read("nodes:\n  - {id: a, kind: crm_object}\n" + kSurface);
    CHECK_FALSE(result.model);
    CHECK(
        result.errors.starts_with("model.yaml:1:1: error: a model file has no top-level key "
                                  "'nodes' [LF3009]\n"));
    CHECK(result.errors.find("help: did you mean 'surfaces'?") != std::string::npos);
    CHECK(read(kSurface + "jurisdiction: [EU]\n").errors.find("did you mean 'jurisdictions'?") !=
          std::string::npos);
}

TEST_CASE("an unknown kind is a warning, a typo gets a did-you-mean, a custom kind a hint") {
    const auto typo = read("surfaces:\n  - {id: g, kind: ai_genrator}\n");
    CHECK(typo.model);
    CHECK(typo.warnings.find("warning: 'g': kind 'ai_genrator' is not a kind the packs declare "
                             "[LF3101]") != std::string::npos);
    CHECK(typo.warnings.find("help: did you mean 'ai_generator'?") != std::string::npos);
    const auto custom = read("surfaces:\n  - {id: m, kind: moderation_classifier}\n");
    CHECK(custom.warnings.find("if it is one, say so: is: ai_generator") != std::string::npos);
    const auto declared = read(
        "surfaces:\n  - {id: m, kind: moderation_classifier, is: "
        "ai_generator}\n");
    CHECK(declared.warnings.empty());
    const auto wrong_is =
        read("surfaces:\n  - {id: m, kind: moderation_classifier, is: ai_generatr}\n");
    CHECK_FALSE(wrong_is.model);
    CHECK(wrong_is.errors.find("'ai_generatr' is not a kind the packs declare [LF3010]") !=
          std::string::npos);
}

TEST_CASE("'is' is checked whatever the kind, and names one kind") {
    const auto on_declared = read("surfaces:\n  - {id: c, kind: crm_object, is: ai_generatr}\n");
    CHECK_FALSE(on_declared.model);
    CHECK(on_declared.errors.find("'ai_generatr' is not a kind the packs declare [LF3010]") !=
          std::string::npos);
    const auto listed =
        read("surfaces:\n  - {id: m, kind: classifier, is: [ai_generator, crm_object]}\n");
    CHECK_FALSE(listed.model);
    CHECK(listed.errors.find("error: 'is' must be one kind, not a list [LF3003]") !=
          std::string::npos);
}

TEST_CASE("an undeclared key warns once, a did-you-mean only within two edits") {
    const auto near = read(kSurface + "    audiance: customer\n");
    CHECK(near.model);
    CHECK(near.warnings.find("did you mean 'audience'?") != std::string::npos);
    const auto far = read(kSurface +
                          "    max_classification: internal\n  - id: b\n    kind: "
                          "crm_object\n    max_classification: public\n");
    CHECK(far.warnings.find("did you mean") == std::string::npos);
    CHECK(far.warnings.ends_with("1 warning generated.\n"));
}

TEST_CASE("declared values of an open enumeration never warn, a near custom one does") {
    CHECK(read(kSurface + "    jurisdictions: [UK]\n    events: [synthetic_delete]\n")
              .warnings.empty());
    CHECK(read(kSurface + "    events: [synthetic_delet]\n")
              .warnings.find("did you mean 'synthetic_delete'?") != std::string::npos);
    CHECK(read(kSurface + "    jurisdictions: [NZ]\n").warnings.empty());
}

TEST_CASE("an attribute of flows given to a surface is a warning") {
    const auto result = read(kSurface + "    classification: synthetic\n");
    CHECK(result.model);
    CHECK(result.warnings.find("'a': 'classification' is an attribute of a flow, not of a node") !=
          std::string::npos);
}

TEST_CASE("two flows between the same surfaces without ids have the same id: an error") {
    const auto result = read(kSurface +
                             "  - {id: b, kind: crm_object}\nflows:\n  - {from: a, to: "
                             "b}\n  - {from: a, to: b, classification: human}\n");
    CHECK_FALSE(result.model);
    CHECK(result.errors.starts_with(
        "model.yaml:7:5: error: two flows have the id 'a->b' [LF3004]\n"));
    CHECK(read(kSurface + "  - {id: b, kind: crm_object}\nflows:\n  - {from: a, to: b}\n  - {id: "
                          "second, from: a, to: b}\n")
              .model);
}
