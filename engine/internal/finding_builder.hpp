#pragma once

#include <string>
#include <vector>

#include "base/source.hpp"
#include "dsl/ast.hpp"
#include "engine/internal/condition_evaluator.hpp"
#include "engine/internal/path_search.hpp"
#include "engine/internal/query.hpp"
#include "model/value_space.hpp"
#include "report/report.hpp"

namespace lexflow::engine::internal {

/// The flows of a witness path, source first. A long path keeps only its
/// first and last kEnds flows: reports stay linear in the model however far
/// the targets are.
struct Witness {
    static constexpr std::size_t kEnds = LayeredSearch::kWitnessEnds;
    std::vector<std::uint32_t> flows;
    std::size_t length = 0;  ///< flows on the whole path

    /// Flows left out between the first and the last kEnds.
    [[nodiscard]] std::size_t omitted() const { return length - flows.size(); }
};

/// Turns what the evaluator decided into Findings and NotEvaluated entries:
/// names and locates subjects, renders messages, lays out witnesses.
class FindingBuilder {
  public:
    /// `as_of` ("YYYY-MM-DD", or empty for "every rule in force") decides
    /// which findings are upcoming.
    FindingBuilder(const model::ValueSpace& values, const base::SourceSet& sources,
                   std::string as_of)
        : values_(values), model_(values.model()), sources_(sources), as_of_(std::move(as_of)) {}

    [[nodiscard]] report::Subject subject(model::ElementRef element) const;
    /// The model as a whole: named by its `name` (else its first file) and
    /// located at the start of that file.
    [[nodiscard]] report::Subject model_subject() const;
    /// The element, or the model as a whole when there is none.
    [[nodiscard]] report::Subject subject_or_model(std::optional<model::ElementRef> element) const {
        return element ? subject(*element) : model_subject();
    }
    [[nodiscard]] std::string render(const CompiledTemplate& text,
                                     const ConditionEvaluator& conditions) const;
    /// Lays out a witness as the surfaces and flows of its path.
    void add_witness(const Witness& witness, std::vector<report::WitnessStep>& steps,
                     report::OmittedSteps& omitted) const;
    /// `effective`: the date the rule applies to the subject from (the rule's
    /// own, or the one its `effective ... when` gives the subject).
    [[nodiscard]] report::Finding finding(const dsl::Rule& rule,
                                          std::optional<model::ElementRef> element,
                                          const CompiledTemplate& message,
                                          const CompiledTemplate& remediation,
                                          const ConditionEvaluator& conditions,
                                          const std::string& effective) const;
    [[nodiscard]] report::NotEvaluated not_evaluated(const dsl::Rule& rule,
                                                     std::optional<model::ElementRef> element,
                                                     std::vector<std::string> missing,
                                                     const std::string& effective) const;
    /// Whether a gap of a rule in force from `effective` is still to come.
    [[nodiscard]] bool upcoming(const std::string& effective) const {
        return !as_of_.empty() && !effective.empty() && effective > as_of_;
    }

  private:
    const model::ValueSpace& values_;
    const model::Model& model_;
    const base::SourceSet& sources_;
    std::string as_of_;
};

}  // namespace lexflow::engine::internal
