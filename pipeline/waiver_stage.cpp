#include "pipeline/waiver_stage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "base/diagnostic_ids.hpp"
#include "pipeline/input_files.hpp"
#include "pipeline/waiver_file.hpp"

namespace lexflow::pipeline {

namespace {

namespace ids = base::diagnostic_ids;

/// The waivers by rule and subject, and which of them found a finding.
class WaiverIndex {
  public:
    WaiverIndex(const std::vector<Waiver>& waivers, std::string as_of,
                const std::vector<std::string>& left_out)
        : waivers_(waivers),
          as_of_(std::move(as_of)),
          matched_(waivers.size(), false),
          left_out_(left_out) {
        for (std::size_t i = 0; i < waivers.size(); ++i) {
            by_key_.emplace(std::pair{waivers[i].rule_id, waivers[i].subject}, i);
            refs_.push_back(std::make_shared<const report::WaiverRef>(waivers[i].ref));
        }
    }

    /// The waiver in force for a rule's finding on a subject, if any; a
    /// waiver that expired is remembered as matched, and waives nothing.
    std::shared_ptr<const report::WaiverRef> waive(const std::string& rule_id,
                                                   const std::optional<report::Subject>& subject) {
        if (!subject) {
            return nullptr;
        }
        const auto found = by_key_.find(std::pair{rule_id, subject->id});
        if (found == by_key_.end()) {
            return nullptr;
        }
        matched_[found->second] = true;
        const auto& waiver = waivers_[found->second];
        if (expired(waiver)) {
            return nullptr;
        }
        return refs_[found->second];
    }

    [[nodiscard]] bool expired(const Waiver& waiver) const {
        return !as_of_.empty() && waiver.ref.expires < as_of_;
    }
    [[nodiscard]] bool matched(std::size_t index) const { return matched_[index]; }
    /// Whether the check left the rule out: its waivers are not stale.
    [[nodiscard]] bool left_out(const std::string& rule_id) const {
        return std::binary_search(left_out_.begin(), left_out_.end(), rule_id);
    }

  private:
    const std::vector<Waiver>& waivers_;
    std::string as_of_;
    std::vector<bool> matched_;
    const std::vector<std::string>& left_out_;
    std::map<std::pair<std::string, std::string>, std::size_t> by_key_;
    std::vector<std::shared_ptr<const report::WaiverRef>> refs_;  ///< one per waiver
};

void warn(base::Diagnostics& warnings, std::string_view code, base::SourceRange range,
          std::string message, std::string help) {
    warnings.report({base::DiagnosticLevel::warning,
                     std::string(code),
                     range,
                     std::move(message),
                     {},
                     std::move(help)});
}

/// Reports each waiver that expired or matches nothing.
void report_unused(const std::vector<Waiver>& waivers, const WaiverIndex& index,
                   base::Diagnostics& warnings) {
    for (std::size_t i = 0; i < waivers.size(); ++i) {
        const auto& waiver = waivers[i];
        if (index.expired(waiver)) {
            warn(warnings, ids::waiver_expired, waiver.expires,
                 fmt::format("the waiver of {} on '{}' expired on {}{}", waiver.rule_id,
                             waiver.subject, waiver.ref.expires,
                             index.matched(i) ? "; its gap is reported again"
                                              : ", and it matches no finding"),
                 index.matched(i) ? "fix the gap, or renew the waiver with a new approval"
                                  : "remove the waiver");
        } else if (!index.matched(i) && !index.left_out(waiver.rule_id)) {
            warn(warnings, ids::waiver_stale, waiver.range,
                 fmt::format("the waiver of {} on '{}' matches no finding: the gap is closed, or "
                             "the subject was renamed",
                             waiver.rule_id, waiver.subject),
                 "remove the waiver, or correct its rule or subject");
        }
    }
}

/// Every loaded rule: the ones checked and the ones left out.
std::vector<std::string> rule_ids(const report::Report& report) {
    std::vector<std::string> ids = report.rules_left_out;
    for (const auto& run : report.rules) {
        ids.push_back(run.rule.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

void WaiverStage::apply(report::Report& report, StageContext& context) const {
    const InputRule rule{"waiver file", &base::Limits::model_file_size, tree_of_named_path(path_),
                         "pass the YAML file of waivers"};
    if (!admit_input(path_, rule, context.limits, context.sources, context.errors)) {
        return;
    }
    const auto file = context.sources.add_on_disk(path_);
    const WaiverPolicy policy{report.as_of, max_days_, rule_ids(report)};
    const auto waivers =
        read_waiver_file(file, context.sources, context.errors, context.limits, policy);
    if (!waivers) {
        return;
    }
    WaiverIndex index(*waivers, report.as_of, report.rules_left_out);
    for (auto& finding : report.findings) {
        finding.waiver = index.waive(finding.rule_id, finding.subject);
    }
    for (auto& entry : report.not_evaluated) {
        entry.waiver = index.waive(entry.rule_id, entry.subject);
    }
    report_unused(*waivers, index, context.warnings);
}

}  // namespace lexflow::pipeline
