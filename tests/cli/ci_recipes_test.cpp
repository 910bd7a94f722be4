// The CI recipes under examples/ci run lexflow as the README tells users to:
// every lexflow command in them must be one this lexflow accepts. Each is run
// here on the example estate, the model before the change being a copy of
// the model after it.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::testing::read_text;
using lexflow::testing::run_in_project;
using lexflow::testing::ScratchDir;
using lexflow::testing::source_path;

namespace {

/// The lexflow commands of a recipe: each line that starts with `lexflow `
/// (or `- lexflow ` in a YAML list), with its `\` continuations joined.
std::vector<std::string> lexflow_commands(const std::string& recipe) {
    std::vector<std::string> commands;
    std::istringstream lines(recipe);
    std::string line;
    const std::regex start(R"(^\s*(- )?lexflow (.*)$)");
    std::smatch match;
    while (std::getline(lines, line)) {
        if (!std::regex_match(line, match, start)) {
            continue;
        }
        auto command = "lexflow " + match[2].str();
        while (!command.empty() && command.back() == '\\' && std::getline(lines, line)) {
            command.pop_back();
            command += line;
        }
        commands.push_back(command);
    }
    return commands;
}

/// The recipe's `LEXFLOW_...: value` settings.
std::map<std::string, std::string> settings_of(const std::string& recipe) {
    std::map<std::string, std::string> settings;
    const std::regex setting(R"(^\s*(LEXFLOW_[A-Z_]+): (\S+)\s*$)");
    std::istringstream lines(recipe);
    std::string line;
    std::smatch match;
    while (std::getline(lines, line)) {
        if (std::regex_match(line, match, setting)) {
            settings[match[1].str()] = match[2].str();
        }
    }
    return settings;
}

void copy_model(const std::string& model, const std::filesystem::path& into) {
    const auto target = into / model;
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::copy_file(source_path(model), target);
}

}  // namespace

TEST_CASE("every lexflow command of the CI recipes runs on the example") {
    for (const std::string recipe_file :
         {"examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"}) {
        CAPTURE(recipe_file);
        const auto recipe = read_text(source_path(recipe_file));
        const auto settings = settings_of(recipe);
        REQUIRE(settings.contains("LEXFLOW_MODEL"));
        const auto commands = lexflow_commands(recipe);
        REQUIRE_FALSE(commands.empty());

        const ScratchDir scratch;
        const auto work = scratch.path() / "work";
        copy_model(settings.at("LEXFLOW_MODEL"), work);
        copy_model(settings.at("LEXFLOW_MODEL"), scratch.path() / "base");
        for (const auto& command : commands) {
            CAPTURE(command);
            std::ofstream(scratch.file("run.sh"))
                << "cd '" << work.string() << "'\n"
                << "lexflow() { '" << LEXFLOW_BINARY << "' \"$@\"; }\n"
                << "LEXFLOW_MODEL='" << settings.at("LEXFLOW_MODEL") << "'\n"
                << command << "\n";
            const auto result = run_in_project("sh '" + scratch.file("run.sh") + "'");
            CHECK_MESSAGE(result.exit_code == 0, result.err);  // the change is no change
            CHECK(result.err.find("error") == std::string::npos);
        }
        // What the later steps upload and post.
        const auto sarif = nlohmann::json::parse(read_text((work / "lexflow.sarif").string()));
        CHECK(sarif.at("version") == "2.1.0");
        CHECK(read_text((work / "lexflow.md").string()).size() > 100);
        CHECK(nlohmann::json::parse(read_text((work / "lexflow.json").string()))
                  .at("model_changes")
                  .empty());
        if (recipe.find("lexflow-junit.xml") != std::string::npos) {
            CHECK(read_text((work / "lexflow-junit.xml").string()).find("<testsuites") !=
                  std::string::npos);
        }
    }
}
