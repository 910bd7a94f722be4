// Times each stage of a check (loading the rules, reading the model,
// checking names, evaluating, and each rule on its own with --per-rule) and
// reports peak memory, so that speed and memory goals are measured, not
// guessed. The stages are the pipeline's own: see bench/README.md.

#include <fmt/format.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/check.hpp"
#include "report/diagnostic_renderer.hpp"

namespace {

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

/// Prints each stage's time, and each rule's when asked.
class Timings final : public lexflow::pipeline::Observer {
  public:
    explicit Timings(bool per_rule) : per_rule_(per_rule) {}

    void stage_done(lexflow::pipeline::Stage stage, double seconds) override {
        fmt::print("{:<15} {:8.3f} s\n", lexflow::pipeline::to_string(stage), seconds);
    }
    void rule_done(const lexflow::dsl::Rule& rule, double seconds, std::size_t findings,
                   std::size_t not_evaluated) override {
        if (per_rule_) {
            fmt::print("  {:<32} {:8.3f} s  {:6} findings {:6} not evaluated{}\n", rule.id, seconds,
                       findings, not_evaluated, rule.path ? "  (path rule)" : "");
        }
    }

  private:
    bool per_rule_;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the stages of lexflow's check pipeline on a model"};
    std::vector<std::string> models;
    std::vector<std::string> rule_paths;
    bool per_rule = false;
    app.add_option("model", models, "Model YAML file(s)")->required();
    app.add_option("--rules", rule_paths, "Extra rule files or folders");
    app.add_flag("--per-rule", per_rule, "Also time each rule on its own");
    CLI11_PARSE(app, argc, argv);

    Timings timings(per_rule);
    lexflow::pipeline::CheckRequest request;
    request.rules.paths = rule_paths;
    request.model_paths = models;
    request.settings.observer = &timings;

    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const auto outcome = lexflow::pipeline::run_check(request, sources, diagnostics);
    if (!outcome.completed) {
        std::fputs(
            lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics).c_str(),
            stderr);
        return 2;
    }
    const auto& report = outcome.report;
    fmt::print("model: {} surfaces, {} flows; {} rules evaluated\n", report.surfaces, report.flows,
               report.rules_evaluated);
    fmt::print("findings: {}, not evaluated: {}, name warnings: {}\n", report.findings.size(),
               report.not_evaluated.size(), outcome.warnings.warning_count());
    fmt::print("peak memory     {:8.1f} MiB\n", peak_rss_mib());
    return 0;
}
