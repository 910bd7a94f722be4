#include "cli/rule_fixtures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl/diagnostic_renderer.hpp"
#include "engine/evaluator.hpp"
#include "engine/model_loader.hpp"

namespace lexflow::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExpectMarker = "# expect: ";
constexpr const char* kFarFuture = "2030-01-01";

std::set<std::string> expected_subjects(const std::string& text) {
    std::set<std::string> expected;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(kExpectMarker, 0) == 0) {
            expected.insert(line.substr(kExpectMarker.size()));
        }
    }
    return expected;
}

FixtureOutcome run_one(const std::string& rule_id, const fs::path& path, bool near_miss,
                       const dsl::RuleSet& rules, dsl::SourceSet& sources) {
    FixtureOutcome outcome;
    outcome.rule_id = rule_id;
    outcome.model = path.generic_string();
    outcome.near_miss = near_miss;
    const auto text = read_file(path.string()).value_or("");
    if (!near_miss) {
        outcome.expected = expected_subjects(text);
    }
    dsl::Diagnostics diagnostics;
    const auto file = sources.add(outcome.model, text);
    auto model = engine::load_model({file}, sources, diagnostics);
    if (!model) {
        outcome.error = dsl::DiagnosticRenderer(sources, false).render_all(diagnostics);
        return outcome;
    }
    const auto report = engine::evaluate(rules, *model, sources, {kFarFuture});
    for (const auto& finding : report.findings) {
        if (finding.rule_id == rule_id) {
            outcome.reported.insert(finding.subject.kind + " '" + finding.subject.id + "'");
        }
    }
    for (const auto& entry : report.not_evaluated) {
        if (entry.rule_id == rule_id && entry.subject) {
            outcome.undecided.insert(entry.subject->kind + " '" + entry.subject->id + "'");
        }
    }
    return outcome;
}

}  // namespace

std::vector<std::string> find_fixture_folders(const std::vector<std::string>& roots) {
    std::set<std::string> folders;
    for (const auto& root : roots) {
        std::error_code error;
        for (auto it = fs::recursive_directory_iterator(root, error);
             !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
            const auto name = it->path().filename();
            if (it->is_regular_file() && (name == "fires.yaml" || name == "near-miss.yaml")) {
                folders.insert(it->path().parent_path().generic_string());
            }
        }
    }
    return {folders.begin(), folders.end()};
}

std::vector<FixtureOutcome> run_fixtures(const std::vector<std::string>& folders,
                                         const dsl::RuleSet& rules, dsl::SourceSet& sources) {
    std::vector<FixtureOutcome> outcomes;
    for (const auto& folder : folders) {
        const auto rule_id = fs::path(folder).filename().string();
        for (const auto* name : {"fires.yaml", "near-miss.yaml"}) {
            const auto path = fs::path(folder) / name;
            if (fs::exists(path)) {
                outcomes.push_back(
                    run_one(rule_id, path, std::string(name) == "near-miss.yaml", rules, sources));
            }
        }
    }
    return outcomes;
}

std::string describe_failure(const FixtureOutcome& outcome) {
    auto out = fmt::format("FAIL {} on {}\n", outcome.rule_id, outcome.model);
    if (!outcome.error.empty()) {
        return out + outcome.error;
    }
    if (!outcome.near_miss && outcome.expected.empty()) {
        out += "  the model has no '# expect: kind 'id'' line\n";
    }
    for (const auto& subject : outcome.expected) {
        if (outcome.reported.count(subject) == 0) {
            out += fmt::format("  - expected {}\n", subject);
        }
    }
    for (const auto& subject : outcome.reported) {
        if (outcome.expected.count(subject) == 0) {
            out += fmt::format("  + reported {}\n", subject);
        }
    }
    for (const auto& subject : outcome.undecided) {
        out += fmt::format("  ? not evaluated {}\n", subject);
    }
    return out;
}

}  // namespace lexflow::cli
