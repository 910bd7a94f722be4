#include "pipeline/waiver_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <utility>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "base/iso_date.hpp"
#include "model/document_sink.hpp"
#include "model/yaml_reader.hpp"

namespace lexflow::pipeline {

namespace {

namespace ids = base::diagnostic_ids;
using model::Node;

constexpr std::string_view kListKey = "waivers";
constexpr std::array<std::string_view, 6> kKeys = {"rule",          "subject",  "owner",
                                                   "justification", "approval", "expires"};

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// Collects the entries of a waiver file as the YAML reader hands them over,
/// and reports each problem where it is written.
class WaiverSink final : public model::DocumentSink {
  public:
    WaiverSink(const base::SourceSet& sources, base::Diagnostics& diagnostics,
               const WaiverPolicy& policy)
        : sources_(sources),
          diagnostics_(diagnostics),
          policy_(policy),
          rule_names_(policy.rule_ids) {}

    void begin_file(base::FileId file) override { file_ = file; }
    void root_not_a_map(const Node& root) override {
        error(ids::invalid_waiver, root.range, "a waiver file is a map with one key, 'waivers'",
              "start the file with 'waivers:' and list one waiver per item");
    }
    void top_level(const Node& key, const Node& value) override;
    [[nodiscard]] bool is_item_list(std::string_view key) const override { return key == kListKey; }
    void list_item(std::string_view, const Node& item) override;

    /// The entries, or none if the file has no `waivers` list.
    [[nodiscard]] std::optional<std::vector<Waiver>> take() {
        if (!has_list_) {
            error(ids::invalid_waiver, {file_, 0, 0, 1}, "this waiver file has no 'waivers' list",
                  "write 'waivers:' followed by the waivers, or 'waivers: []' for none");
            return std::nullopt;
        }
        return std::move(waivers_);
    }

  private:
    void error(std::string_view code, base::SourceRange range, std::string message,
               std::string help = {}) {
        diagnostics_.report({base::DiagnosticLevel::error,
                             std::string(code),
                             range,
                             std::move(message),
                             {},
                             std::move(help)});
    }
    /// The entry's value for `key`, checked to be a non-blank scalar.
    std::optional<std::string> text_of(const Node& item,
                                       const std::map<std::string, const Node*>& keys,
                                       std::string_view key);
    /// The entry's keys and values; false in `valid` if one is unknown or repeated.
    std::map<std::string, const Node*> keys_of(const Node& item, bool& valid);
    bool check_rule(const std::string& rule, const Node& value);
    bool check_expiry(const std::string& expires, const Node& value);
    bool check_unique(const Waiver& waiver);

    const base::SourceSet& sources_;
    base::Diagnostics& diagnostics_;
    const WaiverPolicy& policy_;
    base::NameIndex rule_names_;
    base::FileId file_ = 0;
    bool has_list_ = false;
    std::vector<Waiver> waivers_;
    std::map<std::pair<std::string, std::string>, std::uint32_t> first_line_;
};

void WaiverSink::top_level(const Node& key, const Node& value) {
    if (key.text != kListKey) {
        error(ids::invalid_waiver, key.range,
              fmt::format("unknown key '{}' in a waiver file", key.text),
              "a waiver file has one key, 'waivers', a list of waivers");
        return;
    }
    if (value.type != Node::Type::sequence) {
        error(ids::invalid_waiver, value.range, "'waivers' must be a list of waivers",
              "write each waiver as an item: '- rule: ...'");
        return;
    }
    has_list_ = true;
}

std::map<std::string, const Node*> WaiverSink::keys_of(const Node& item, bool& valid) {
    std::map<std::string, const Node*> keys;
    for (std::size_t i = 0; i + 1 < item.children.size(); i += 2) {
        const auto& key = item.children[i];
        if (std::find(kKeys.begin(), kKeys.end(), key.text) == kKeys.end()) {
            const auto suggestion = base::closest_match(
                key.text, std::vector<std::string_view>(kKeys.begin(), kKeys.end()));
            error(ids::invalid_waiver, key.range,
                  fmt::format("unknown key '{}' in a waiver", key.text),
                  suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                             : "a waiver has rule, subject, owner, justification, approval "
                               "and expires");
            valid = false;
            continue;
        }
        if (!keys.emplace(key.text, &item.children[i + 1]).second) {
            error(ids::invalid_waiver, key.range,
                  fmt::format("'{}' is given twice in this waiver", key.text));
            valid = false;
        }
    }
    return keys;
}

std::optional<std::string> WaiverSink::text_of(const Node& item,
                                               const std::map<std::string, const Node*>& keys,
                                               std::string_view key) {
    const auto found = keys.find(std::string(key));
    if (found == keys.end()) {
        error(ids::invalid_waiver, item.range, fmt::format("this waiver has no '{}'", key),
              "every waiver names its rule, subject, owner, justification, approval and expiry "
              "date: a waiver nobody owns or that never ends is not accepted");
        return std::nullopt;
    }
    const auto& value = *found->second;
    if (!value.is_scalar() || is_blank(value.text)) {
        error(ids::invalid_waiver, value.range,
              fmt::format("'{}' must be a text that is not empty", key));
        return std::nullopt;
    }
    return value.text;
}

bool WaiverSink::check_rule(const std::string& rule, const Node& value) {
    if (std::binary_search(policy_.rule_ids.begin(), policy_.rule_ids.end(), rule)) {
        return true;
    }
    const auto suggestion = rule_names_.closest(rule);
    error(ids::waiver_unknown_rule, value.range,
          fmt::format("the waiver names rule '{}', which this check does not load", rule),
          suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                     : "see 'lexflow rules' for the rule ids");
    return false;
}

bool WaiverSink::check_expiry(const std::string& expires, const Node& value) {
    const auto last_day = base::day_number(expires);
    if (!last_day) {
        error(ids::invalid_waiver, value.range,
              fmt::format("expires '{}' is not a date; write it as YYYY-MM-DD", expires));
        return false;
    }
    const auto today = base::day_number(policy_.as_of);
    if (policy_.max_days && today && *last_day - *today > *policy_.max_days) {
        error(ids::waiver_too_long, value.range,
              fmt::format("this waiver runs {} days past the check's date ({}); a waiver may "
                          "run at most {} days",
                          *last_day - *today, policy_.as_of, *policy_.max_days),
              "set an earlier expiry date, and renew the waiver when it is reviewed");
        return false;
    }
    return true;
}

bool WaiverSink::check_unique(const Waiver& waiver) {
    const auto [at, inserted] =
        first_line_.emplace(std::pair{waiver.rule_id, waiver.subject}, waiver.range.line);
    if (!inserted) {
        error(ids::duplicate_waiver, waiver.range,
              fmt::format("rule '{}' on '{}' is waived twice (first on line {})", waiver.rule_id,
                          waiver.subject, at->second),
              "keep one waiver per rule and subject");
    }
    return inserted;
}

void WaiverSink::list_item(std::string_view, const Node& item) {
    if (item.type != Node::Type::map) {
        error(ids::invalid_waiver, item.range,
              "a waiver is a map of rule, subject, owner, justification, approval and expires");
        return;
    }
    // Every problem of the entry is reported, not only the first.
    bool valid = true;
    const auto keys = keys_of(item, valid);
    std::array<std::optional<std::string>, kKeys.size()> values;
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        values[i] = text_of(item, keys, kKeys[i]);
        valid = valid && values[i].has_value();
    }
    if (values[0] && !check_rule(*values[0], *keys.at("rule"))) {
        valid = false;
    }
    if (values[5] && !check_expiry(*values[5], *keys.at("expires"))) {
        valid = false;
    }
    if (!valid) {
        return;
    }
    Waiver waiver;
    waiver.rule_id = *values[0];
    waiver.subject = *values[1];
    waiver.ref = {*values[2],           *values[3],      *values[4],       *values[5],
                  sources_.name(file_), item.range.line, item.range.column};
    waiver.range = item.range;
    waiver.expires = keys.at("expires")->range;
    if (check_unique(waiver)) {
        waivers_.push_back(std::move(waiver));
    }
}

}  // namespace

std::optional<std::vector<Waiver>> read_waiver_file(base::FileId file, base::SourceSet& sources,
                                                    base::Diagnostics& diagnostics,
                                                    const base::Limits& limits,
                                                    const WaiverPolicy& policy) {
    std::string reason;
    const auto in = sources.open(file, reason);
    if (!in) {
        diagnostics.report(
            {base::DiagnosticLevel::error,
             std::string(ids::unreadable_path),
             {file, 0, 0, 1},
             fmt::format("cannot open waiver file '{}': {}", sources.name(file), reason),
             {},
             "check the path and its permissions"});
        return std::nullopt;
    }
    const auto errors_before = diagnostics.error_count();
    WaiverSink sink(sources, diagnostics, policy);
    model::read_yaml(file, *in, sink, diagnostics, limits);
    if (diagnostics.error_count() > errors_before) {
        return std::nullopt;
    }
    return sink.take();
}

}  // namespace lexflow::pipeline
