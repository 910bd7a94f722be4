// Times each phase of a check (reading rules, loading the model, evaluating
// each rule) and reports peak memory, so that speed and memory goals are
// measured, not guessed. See bench/README.md.

#include <fmt/format.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/rule_loading.hpp"
#include "dsl/diagnostic_renderer.hpp"
#include "engine/evaluator.hpp"
#include "engine/model_loader.hpp"
#include "engine/vocabulary.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

/// A rule set holding one rule and its pack, to time rules one by one.
lexflow::dsl::RuleSet only(const lexflow::dsl::RuleSet& all, const lexflow::dsl::Rule& rule) {
    lexflow::dsl::RuleSet one;
    if (const auto* pack = all.find_pack(rule.pack)) {
        one.packs.push_back(*pack);
    }
    one.rules.push_back(rule);
    return one;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times lexflow's phases on a model"};
    std::vector<std::string> models;
    std::vector<std::string> rule_paths;
    bool per_rule = false;
    app.add_option("model", models, "Model YAML file(s)")->required();
    app.add_option("--rules", rule_paths, "Extra rule files or folders");
    app.add_flag("--per-rule", per_rule, "Also time each rule on its own");
    CLI11_PARSE(app, argc, argv);

    lexflow::dsl::SourceSet sources;
    lexflow::dsl::Diagnostics diagnostics;
    const lexflow::dsl::DiagnosticRenderer renderer(sources, false);

    auto start = Clock::now();
    const auto rules = lexflow::cli::load_rules({true, rule_paths}, sources, diagnostics);
    const double rules_time = seconds_since(start);
    std::vector<lexflow::dsl::FileId> files;
    for (const auto& path : models) {
        files.push_back(sources.add_on_disk(path));
    }
    start = Clock::now();
    auto model = lexflow::engine::load_model(files, sources, diagnostics);
    const double load_time = seconds_since(start);
    if (!rules || !model) {
        std::fputs(renderer.render_all(diagnostics).c_str(), stderr);
        return 2;
    }
    fmt::print("model: {} surfaces, {} flows\n", model->surfaces().size(), model->flows().size());
    fmt::print("read rules      {:8.3f} s  ({} rules)\n", rules_time, rules->rules.size());
    fmt::print("load model      {:8.3f} s\n", load_time);
    start = Clock::now();
    lexflow::dsl::Diagnostics warnings;
    lexflow::engine::check_vocabulary(*model, lexflow::engine::vocabulary_of(*rules), warnings);
    fmt::print("check names     {:8.3f} s  ({} warnings)\n", seconds_since(start),
               warnings.warning_count());
    if (per_rule) {
        for (const auto& rule : rules->rules) {
            start = Clock::now();
            const auto report = lexflow::engine::evaluate(only(*rules, rule), *model, sources);
            fmt::print("  {:<32} {:8.3f} s  {:6} findings {:6} not evaluated{}\n", rule.id,
                       seconds_since(start), report.findings.size(), report.not_evaluated.size(),
                       rule.path ? "  (path rule)" : "");
        }
    }
    start = Clock::now();
    const auto report = lexflow::engine::evaluate(*rules, *model, sources);
    fmt::print("evaluate all    {:8.3f} s  ({} findings, {} not evaluated)\n", seconds_since(start),
               report.findings.size(), report.not_evaluated.size());
    fmt::print("peak memory     {:8.1f} MiB\n", peak_rss_mib());
    return 0;
}
