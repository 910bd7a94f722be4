#include "dsl/test_checker.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "base/iso_date.hpp"

namespace lexflow::dsl {

namespace {

class TestChecker {
  public:
    TestChecker(const RuleSet& rules, base::Diagnostics& diagnostics)
        : rules_(rules), diagnostics_(diagnostics) {
        for (const auto& rule : rules.rules) {
            rule_ids_.push_back(rule.id);
        }
        std::sort(rule_ids_.begin(), rule_ids_.end());
    }

    /// Whether the test is sound enough to run.
    bool check(const TestCase& test) {
        const auto errors_before = diagnostics_.error_count();
        check_name(test);
        check_required_fields(test);
        for (const auto& [field, range] : test.repeated_fields) {
            error(base::diagnostic_ids::duplicate_field, range,
                  "'" + field + "' is given more than once in test \"" + test.name + "\"",
                  "a test has one model and one date; write a second test for another");
        }
        for (std::size_t i = 0; i < test.rule_ids.size(); ++i) {
            check_rule_exists(test.rule_ids[i], test.rule_ranges[i]);
        }
        if (!test.as_of.empty() && !base::is_iso_date(test.as_of)) {
            error(base::diagnostic_ids::invalid_date, test.as_of_range,
                  "'" + test.as_of + "' is not a date",
                  "write it as \"YYYY-MM-DD\", e.g. \"2026-08-02\"");
        }
        check_expectations(test);
        return diagnostics_.error_count() == errors_before;
    }

  private:
    void error(std::string_view code, base::SourceRange range, std::string message,
               std::string help = {}, std::vector<base::DiagnosticNote> notes = {}) {
        diagnostics_.report({base::DiagnosticLevel::error, std::string(code), range,
                             std::move(message), std::move(notes), std::move(help)});
    }

    void check_name(const TestCase& test) {
        const auto key = std::make_pair(test.name_range.file, test.name);
        if (const auto [first, inserted] = names_.emplace(key, test.name_range); !inserted) {
            error(base::diagnostic_ids::duplicate_test, test.name_range,
                  "a test named \"" + test.name + "\" is already in this file",
                  "give each test a name that says what it shows",
                  {{"first used here", first->second}});
        }
    }

    void check_required_fields(const TestCase& test) {
        const auto require = [&](bool present, const char* field, const char* example) {
            if (!present) {
                error(base::diagnostic_ids::missing_field, test.name_range,
                      "test \"" + test.name + "\" has no '" + field + "'",
                      std::string("add a line such as: ") + example);
            }
        };
        require(!test.rule_ids.empty(), "rules", "rules AIA-50-2-MARKING");
        require(!test.model_path.empty() || test.inline_model.has_value(), "model",
                "model \"fires.yaml\"");
        require(test.expects_nothing || !test.expectations.empty(), "expect",
                "expect AIA-50-2-MARKING on node \"generator\"  (or: expect none)");
    }

    void check_rule_exists(const std::string& id, base::SourceRange range) {
        if (std::binary_search(rule_ids_.begin(), rule_ids_.end(), id)) {
            return;
        }
        auto help = base::did_you_mean(id, rule_ids_);
        error(base::diagnostic_ids::unknown_rule, range, "no rule '" + id + "' is loaded",
              help.empty() ? "load the rule's file with --rules, or correct the id"
                           : std::move(help));
    }

    void check_expectations(const TestCase& test) {
        if (test.expects_nothing && !test.expectations.empty()) {
            error(base::diagnostic_ids::conflicting_expectations, test.expect_none_range,
                  "'expect none' contradicts the other expectations of test \"" + test.name + "\"",
                  "keep either 'expect none' or the findings the test expects");
        }
        for (const auto& expectation : test.expectations) {
            const bool under_test = std::find(test.rule_ids.begin(), test.rule_ids.end(),
                                              expectation.rule_id) != test.rule_ids.end();
            if (!under_test) {
                error(base::diagnostic_ids::expectation_not_under_test, expectation.rule_range,
                      "rule '" + expectation.rule_id + "' is not under test here",
                      "add it to the test's 'rules' line, or correct the id");
            }
            if (expectation.witness && expectation.witness->empty()) {
                error(base::diagnostic_ids::conflicting_expectations, expectation.range,
                      "a witness names at least the path's two ends",
                      "list the surfaces the path passes, such as [\"generator\", \"portal\"]");
            }
            if (const auto* rule = rules_.find_rule(expectation.rule_id);
                rule && expectation.witness && !rule->path) {
                error(base::diagnostic_ids::conflicting_expectations, expectation.range,
                      "rule '" + expectation.rule_id + "' is not a path rule and has no witness",
                      "remove the witness");
            }
            if (expectation.status == Expectation::Status::upcoming && test.as_of.empty()) {
                error(base::diagnostic_ids::conflicting_expectations, expectation.range,
                      "without 'as of', every rule is in force and nothing is upcoming",
                      "add a date before the rule's effective date, such as: as of \"2026-01-01\"");
            }
        }
    }

    const RuleSet& rules_;
    base::Diagnostics& diagnostics_;
    std::vector<std::string_view> rule_ids_;
    std::map<std::pair<base::FileId, std::string>, base::SourceRange> names_;
};

}  // namespace

void check_tests(std::vector<TestCase> tests, RuleSet& rules, base::Diagnostics& diagnostics) {
    TestChecker checker(rules, diagnostics);
    std::vector<TestCase> valid;
    for (auto& test : tests) {
        if (checker.check(test)) {
            valid.push_back(std::move(test));
        }
    }
    rules.tests = std::move(valid);
}

}  // namespace lexflow::dsl
