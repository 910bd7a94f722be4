#include "pipeline/rule_tests.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "engine/element_kind.hpp"
#include "pipeline/check.hpp"
#include "pipeline/input_files.hpp"

namespace lexflow::pipeline {

namespace {

namespace fs = std::filesystem;
using report::Report;
using report::TestDifference;
using report::WitnessStep;
using Status = dsl::Expectation::Status;

/// The subject kind of a finding about the model as a whole.
constexpr std::string_view kModelKind = "model";

/// What identifies one reported thing: the rule, how it reported, the subject
/// (for the model as a whole, its kind alone: a test's model has one).
struct ReportKey {
    std::string rule_id;
    Status status = Status::gap;
    std::string kind;
    std::string subject;

    friend auto operator<=>(const ReportKey&, const ReportKey&) = default;
};

/// Everything the rules under test reported (or a test expects), each with
/// the surfaces of its witness path when it has one.
using Reports = std::map<ReportKey, std::optional<std::vector<std::string>>>;

/// A string as the test language writes it, so it can be pasted into a test.
std::string in_quotes(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

std::string describe(const ReportKey& key, const std::optional<std::vector<std::string>>& witness) {
    const char* status = key.status == Status::upcoming        ? " upcoming"
                         : key.status == Status::not_evaluated ? " not evaluated"
                                                               : "";
    auto text = key.kind == kModelKind ? fmt::format("{}{} on model", key.rule_id, status)
                                       : fmt::format("{}{} on {} {}", key.rule_id, status, key.kind,
                                                     in_quotes(key.subject));
    if (witness) {
        std::string list;
        for (const auto& surface : *witness) {
            list += (list.empty() ? "" : ", ") + in_quotes(surface);
        }
        text += " witness [" + list + "]";
    }
    return text;
}

/// The surfaces a witness passes, in order; none for rules without paths.
std::optional<std::vector<std::string>> surfaces_of(const std::vector<WitnessStep>& witness) {
    if (witness.empty()) {
        return std::nullopt;
    }
    std::vector<std::string> surfaces;
    for (const auto& step : witness) {
        if (step.kind == "node") {
            surfaces.push_back(step.id);
        }
    }
    return surfaces;
}

Reports expected_reports(const dsl::TestCase& test) {
    Reports expected;
    for (const auto& expectation : test.expectations) {
        const auto kind = expectation.on_model ? std::string(kModelKind)
                                               : std::string(dsl::to_string(expectation.kind));
        expected[{expectation.rule_id, expectation.status, kind,
                  expectation.on_model ? std::string() : expectation.subject}] =
            expectation.witness;
    }
    return expected;
}

/// Whether a test's `model "PATH"` leaves the folder of the test's file.
bool leaves_test_folder(const std::string& model_path) {
    const auto normal = fs::path(model_path).lexically_normal();
    return normal.is_absolute() || normal.empty() || *normal.begin() == "..";
}

/// The test's model, registered in `sources`; nothing (and an error located
/// at the test's `model` line) if its file does not exist, leaves the test's
/// folder, or fails the checks of every input.
std::optional<base::FileId> model_source(const dsl::TestCase& test, base::SourceSet& sources,
                                         base::Diagnostics& errors, const base::Limits& limits) {
    const auto& test_file = sources.name(test.model_range.file);
    if (test.inline_model) {
        // Blank lines in front keep the model's lines those of the test file.
        auto text = std::string(test.inline_model_line - 1, '\n') + *test.inline_model;
        return sources.add(test_file, std::move(text));
    }
    const auto path = model_file_of(test, sources);
    if (leaves_test_folder(test.model_path)) {
        errors.report(
            {base::DiagnosticLevel::error,
             std::string(base::diagnostic_ids::outside_the_tree),
             test.model_range,
             fmt::format("the model '{}' is outside the folder of the test", test.model_path),
             {},
             "a test's model is a file in or below the folder of the test's file"});
        return std::nullopt;
    }
    if (sources.reader().kind(path) == base::FileKind::missing) {
        errors.report({base::DiagnosticLevel::error,
                       std::string(base::diagnostic_ids::unreadable_path),
                       test.model_range,
                       fmt::format("no model file '{}'", path),
                       {},
                       "the path is relative to the folder of the test's file"});
        return std::nullopt;
    }
    const auto folder = fs::path(test_file).parent_path().generic_string();
    const InputRule rule{"test model", &base::Limits::model_file_size,
                         folder.empty() ? "." : folder,
                         "the path is relative to the folder of the test's file", test.model_range};
    if (!admit_input(path, rule, limits, sources, errors)) {
        return std::nullopt;
    }
    return sources.add_on_disk(path);
}

Reports reported(const Report& report, std::vector<std::string>& notes) {
    Reports actual;
    const auto subject_id = [](const report::Subject& subject) {
        return subject.kind == kModelKind ? std::string() : subject.id;
    };
    for (const auto& finding : report.findings) {
        const auto status = finding.upcoming ? Status::upcoming : Status::gap;
        actual[{finding.rule_id, status, finding.subject.kind, subject_id(finding.subject)}] =
            surfaces_of(finding.witness);
    }
    for (const auto& entry : report.not_evaluated) {
        if (entry.subject) {
            actual[{entry.rule_id, Status::not_evaluated, entry.subject->kind,
                    subject_id(*entry.subject)}] = surfaces_of(entry.witness);
        }
    }
    for (const auto& pack : report.packs) {
        if (pack.state == report::PackStatus::State::not_applicable) {
            notes.push_back(fmt::format("pack '{}' does not apply to this model", pack.id));
        }
    }
    return actual;
}

/// "Not evaluated" without a subject: the model leaves a pack undecided. No
/// expectation can name these.
void undecided_without_subject(const Report& report, std::vector<TestDifference>& differences) {
    for (const auto& entry : report.not_evaluated) {
        if (entry.subject) {
            continue;
        }
        std::string missing;
        for (const auto& attribute : entry.missing) {
            missing += (missing.empty() ? "" : ", ") + attribute;
        }
        const auto what =
            entry.rule_id.empty() ? fmt::format("pack '{}'", entry.pack) : entry.rule_id;
        differences.push_back({TestDifference::Side::reported,
                               fmt::format("{} not evaluated: the model lacks {}", what, missing)});
    }
}

std::vector<TestDifference> compare(const Reports& expected, const Reports& actual) {
    std::vector<TestDifference> missing;
    std::vector<TestDifference> unexpected;
    for (const auto& [key, witness] : expected) {
        const auto found = actual.find(key);
        if (found == actual.end() || (witness && found->second != witness)) {
            missing.push_back({TestDifference::Side::expected, describe(key, witness)});
        }
    }
    for (const auto& [key, witness] : actual) {
        const auto wanted = expected.find(key);
        if (wanted == expected.end() || (wanted->second && wanted->second != witness)) {
            unexpected.push_back({TestDifference::Side::reported, describe(key, witness)});
        }
    }
    missing.insert(missing.end(), unexpected.begin(), unexpected.end());
    return missing;
}

/// The ids of the model's elements of one kind, sorted.
std::vector<std::string> element_ids(const model::Model& model, dsl::Domain domain) {
    const auto kind = engine::element_kind(domain);
    const auto count = kind == model::ElementKind::flow   ? model.flows().size()
                       : kind == model::ElementKind::role ? model.roles().size()
                                                          : model.surfaces().size();
    std::vector<std::string> ids;
    for (std::uint32_t index = 0; index < count; ++index) {
        ids.push_back(model.display_id({kind, index}));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// A note for each expectation about an element the model does not have: a
/// typo in the test is likelier than a rule reporting a phantom.
void note_unknown_subjects(const dsl::TestCase& test, const model::Model& model,
                           std::vector<std::string>& notes) {
    for (const auto& expectation : test.expectations) {
        if (expectation.on_model) {
            continue;
        }
        const auto ids = element_ids(model, expectation.kind);
        if (std::binary_search(ids.begin(), ids.end(), expectation.subject)) {
            continue;
        }
        const std::vector<std::string_view> candidates(ids.begin(), ids.end());
        const auto match = base::closest_match(expectation.subject, candidates);
        notes.push_back(fmt::format("the model has no {} '{}'{}", dsl::to_string(expectation.kind),
                                    expectation.subject,
                                    match ? "; did you mean '" + *match + "'?" : ""));
    }
}

}  // namespace

std::string model_file_of(const dsl::TestCase& test, const base::SourceSet& sources) {
    if (test.inline_model) {
        return {};
    }
    const auto& test_file = sources.name(test.model_range.file);
    return (fs::path(test_file).parent_path() / test.model_path)
        .lexically_normal()
        .generic_string();
}

std::optional<std::string> test_model_text(const dsl::TestCase& test, base::SourceSet& sources,
                                           const base::Limits& limits) {
    if (test.inline_model) {
        return std::nullopt;
    }
    base::Diagnostics ignored;
    const auto file = model_source(test, sources, ignored, limits);
    if (!file) {
        return std::nullopt;
    }
    std::string error;
    return base::read_whole_file(sources.reader(), sources.name(*file), error);
}

TestOutcome run_rule_test(const dsl::TestCase& test, const dsl::RuleSet& rules,
                          base::SourceSet& sources, const base::Limits& limits) {
    TestOutcome outcome;
    const auto file = model_source(test, sources, outcome.model_errors, limits);
    if (!file) {
        return outcome;
    }
    CheckSettings settings;
    settings.as_of = test.as_of;
    settings.limits = limits;
    const auto checked =
        check_model(rules.subset(test.rule_ids), {*file}, sources, outcome.model_errors, settings);
    if (!checked.completed) {
        return outcome;
    }
    outcome.differences = compare(expected_reports(test), reported(checked.report, outcome.notes));
    undecided_without_subject(checked.report, outcome.differences);
    if (!outcome.differences.empty()) {
        note_unknown_subjects(test, *checked.model, outcome.notes);
    }
    return outcome;
}

}  // namespace lexflow::pipeline
