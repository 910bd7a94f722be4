#pragma once

#include <cstddef>
#include <string_view>

#include "dsl/ast.hpp"

namespace lexflow::pipeline {

/// The stages of a check, in the order they run.
enum class Stage {
    load_rules,    ///< read, parse and check the rule files
    read_model,    ///< read the model files into one model, checked against the vocabulary
    evaluate,      ///< run every applicable rule
    post_process,  ///< the report stages (waivers, baselines)
    decide,        ///< does the check fail?
};

[[nodiscard]] std::string_view to_string(Stage stage);

/// Watches a check as it runs; the benchmark times it this way. Every call
/// does nothing unless overridden.
class Observer {
  public:
    virtual ~Observer() = default;
    virtual void stage_done(Stage, double /*seconds*/) {}
    virtual void rule_done(const dsl::Rule&, double /*seconds*/, std::size_t /*findings*/,
                           std::size_t /*not_evaluated*/) {}
};

}  // namespace lexflow::pipeline
