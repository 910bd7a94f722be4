// `lexflow schema`: the JSON Schema of model files, checked with a real JSON
// Schema validator (python3-jsonschema, through tests/cli/tools/) on every
// shipped example and test model, and on the mistakes lexflow rejects.

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_in_project;
using lexflow::testing::run_lexflow;
using lexflow::testing::RunResult;
using lexflow::testing::ScratchDir;
using lexflow::testing::source_path;

namespace fs = std::filesystem;

namespace {

const std::string kValidator = "tests/cli/tools/validate_models.py";

/// Writes the schema of the shipped vocabulary (and `options`) into `scratch`.
std::string schema_in(const ScratchDir& scratch, const std::string& options = "") {
    const auto path = scratch.file("model.schema.json");
    const auto result = run_lexflow("schema" + options + " --output '" + path + "'");
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return path;
}

RunResult validate(const std::string& schema, const std::string& models) {
    const auto result = run_in_project("python3 " + kValidator + " '" + schema + "' " + models);
    REQUIRE_MESSAGE(result.err.find("ModuleNotFoundError") == std::string::npos,
                    "these tests need python3-jsonschema and python3-yaml: run scripts/setup "
                    "--tests\n"
                        << result.err);
    REQUIRE_MESSAGE(result.exit_code <= 1, result.err);
    return result;
}

/// Every model file under the folders, relative to the project root.
std::string model_files_under(const std::vector<std::string>& folders) {
    std::vector<std::string> files;
    for (const auto& folder : folders) {
        for (const auto& entry : fs::recursive_directory_iterator(source_path(folder))) {
            if (entry.path().extension() == ".yaml") {
                files.push_back(fs::relative(entry.path(), source_path(".")).string());
            }
        }
    }
    std::sort(files.begin(), files.end());
    std::string joined;
    for (const auto& file : files) {
        joined += " '" + file + "'";
    }
    return joined;
}

const std::string kModel = R"(model: small
jurisdictions: [EU]
surfaces:
  - id: drafter
    kind: ai_generator
    audience: customer
    personal_data: true
    retention_years: 2
flows:
  - from: drafter
    to: drafter
    classification: synthetic
)";

}  // namespace

TEST_CASE("the schema is JSON Schema draft-07 with the declared kinds, keys and values") {
    const auto result = run_lexflow("schema");
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    const auto schema = nlohmann::json::parse(result.out);
    CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
    CHECK(schema["additionalProperties"] == false);
    const auto& surface = schema["definitions"]["surface"];
    CHECK(surface["required"] == nlohmann::json::array({"id", "kind"}));
    const auto& audience = surface["properties"]["audience"];
    CHECK(audience["description"].is_string());
    CHECK(audience["anyOf"][0]["oneOf"][0]["const"].is_string());
    CHECK(schema["definitions"]["flow"]["properties"].contains("classification"));
    CHECK_FALSE(schema["definitions"]["flow"]["properties"].contains("audience"));
    CHECK(schema["properties"].contains("jurisdictions"));
}

TEST_CASE("every shipped example and test model is valid under the schema") {
    const ScratchDir scratch;
    const auto models = model_files_under({"examples", "tests/rules"});
    REQUIRE(models.find("'examples/acme-crm/estate.yaml'") != std::string::npos);
    REQUIRE(models.find("'tests/rules/gdpr/") != std::string::npos);
    const auto result = validate(schema_in(scratch), models);
    CHECK_MESSAGE(result.exit_code == 0, result.out << result.err);
}

TEST_CASE("the schema rejects what lexflow rejects and accepts what it only warns about") {
    const ScratchDir scratch;
    const auto schema = schema_in(scratch);
    CHECK(validate(schema, "'" + scratch.write("fine.yaml", kModel) + "'").exit_code == 0);

    struct Mistake {
        std::string from;
        std::string to;
        std::string problem;  ///< what the validator says, after "FILE: "
    };
    const std::vector<Mistake> mistakes = {
        {"audience: customer", "audience: prospects", "surfaces/0/audience: 'prospects'"},
        {"personal_data: true", "personal_data: no", "surfaces/0/personal_data: 'no'"},
        {"retention_years: 2", "retention_years: two", "surfaces/0/retention_years: 'two'"},
        {"jurisdictions: [EU]", "jurisdictions: EU", "jurisdictions: 'EU'"},
        {"surfaces:", "nodes:", "(top): 'nodes' does not match any of the regexes: '^x-'"},
        {"    to: drafter\n", "", "flows/0: 'to' is a required property"},
    };
    std::string files;
    for (std::size_t i = 0; i < mistakes.size(); ++i) {
        auto text = kModel;
        text.replace(text.find(mistakes[i].from), mistakes[i].from.size(), mistakes[i].to);
        files += " '" + scratch.write("mistake-" + std::to_string(i) + ".yaml", text) + "'";
    }
    const auto result = validate(schema, files);
    CHECK(result.exit_code == 1);
    for (std::size_t i = 0; i < mistakes.size(); ++i) {
        CHECK_MESSAGE(result.out.find("mistake-" + std::to_string(i) +
                                      ".yaml: " + mistakes[i].problem) != std::string::npos,
                      mistakes[i].to << "\n"
                                     << result.out);
    }

    // Warnings in lexflow, so no errors for an editor either.
    auto warned = kModel;
    warned.replace(warned.find("kind: ai_generator"), 18, "kind: ai_genrator\n    owner: sales");
    CHECK(validate(schema, "'" + scratch.write("warned.yaml", warned) + "'").exit_code == 0);
}

TEST_CASE("a house pack's attributes are in the schema when it is loaded") {
    const ScratchDir scratch;
    const auto schema = nlohmann::json::parse(
        read_text(schema_in(scratch, " --rules tests/cli/fixtures/rules/owners.lf")));
    CHECK(schema["definitions"]["surface"]["properties"]["owner"]["description"] ==
          "The team that owns the surface");
    const auto shipped = nlohmann::json::parse(run_lexflow("schema").out);
    CHECK_FALSE(shipped["definitions"]["surface"]["properties"].contains("owner"));
}

TEST_CASE("schema --output writes the file and nothing to stdout") {
    const ScratchDir scratch;
    const auto path = scratch.file("s.json");
    const auto result = run_lexflow("schema -o '" + path + "'");
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(read_text(path) == run_lexflow("schema").out);
}
