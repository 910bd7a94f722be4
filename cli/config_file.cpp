#include "cli/config_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <system_error>

#include "base/diagnostic_ids.hpp"
#include "base/edit_distance.hpp"
#include "base/iso_date.hpp"
#include "base/severity.hpp"
#include "cli/terminal.hpp"
#include "model/document_sink.hpp"
#include "model/yaml_reader.hpp"
#include "pipeline/input_files.hpp"

namespace lexflow::cli {

namespace {

namespace ids = base::diagnostic_ids;
namespace fs = std::filesystem;
using model::Node;

/// Reads the keys of a config file as the YAML reader hands them over.
class ConfigSink final : public model::DocumentSink {
  public:
    ConfigSink(ConfigFile& config, base::Diagnostics& diagnostics)
        : config_(config),
          diagnostics_(diagnostics),
          folder_(fs::path(config.path).parent_path()) {}

    void begin_file(base::FileId) override {}
    void root_not_a_map(const Node& root) override {
        error(root.range, "a config file is a map of options, such as 'fail-on: high'");
    }
    [[nodiscard]] bool is_item_list(std::string_view) const override { return false; }
    void list_item(std::string_view, const Node&) override {}
    void top_level(const Node& key, const Node& value) override;

  private:
    using Setter = std::function<void(ConfigSink&, const Node&)>;
    static const std::map<std::string, Setter, std::less<>>& setters();

    void error(base::SourceRange range, std::string message, std::string help = {}) {
        diagnostics_.report({base::DiagnosticLevel::error,
                             std::string(ids::invalid_config),
                             range,
                             std::move(message),
                             {},
                             std::move(help)});
    }
    std::optional<std::string> text(const Node& value);
    std::optional<bool> flag(const Node& value);
    std::optional<std::vector<std::string>> texts(const Node& value);
    std::optional<std::string> path(const Node& value);
    std::optional<std::vector<std::string>> paths(const Node& value);

    ConfigFile& config_;
    base::Diagnostics& diagnostics_;
    fs::path folder_;
};

std::optional<std::string> ConfigSink::text(const Node& value) {
    if (value.type != Node::Type::string || value.text.empty()) {
        error(value.range, "expected a text here");
        return std::nullopt;
    }
    return value.text;
}

std::optional<bool> ConfigSink::flag(const Node& value) {
    if (value.type != Node::Type::boolean) {
        error(value.range, "expected true or false here");
        return std::nullopt;
    }
    return value.boolean;
}

std::optional<std::vector<std::string>> ConfigSink::texts(const Node& value) {
    if (value.type == Node::Type::string) {
        return std::vector<std::string>{value.text};
    }
    if (value.type != Node::Type::sequence) {
        error(value.range, "expected a list here");
        return std::nullopt;
    }
    std::vector<std::string> result;
    for (const auto& item : value.children) {
        if (auto one = text(item)) {
            result.push_back(std::move(*one));
        } else {
            return std::nullopt;
        }
    }
    return result;
}

/// A path relative to the config file's folder, which it may not leave: a
/// pull request that changes the config cannot point lexflow elsewhere.
std::optional<std::string> ConfigSink::path(const Node& value) {
    const auto written = text(value);
    if (!written) {
        return std::nullopt;
    }
    const fs::path relative(*written);
    const auto base = folder_.empty() ? fs::path(".") : folder_;
    const auto joined = (base / relative).lexically_normal();
    const auto inside = joined.lexically_relative(base);
    if (relative.is_absolute() || inside.empty() || *inside.begin() == "..") {
        error(value.range, fmt::format("'{}' leaves the folder of the config file", *written),
              "paths in a config file are relative to its folder and stay inside it");
        return std::nullopt;
    }
    return joined.string();
}

std::optional<std::vector<std::string>> ConfigSink::paths(const Node& value) {
    const auto items = value.type == Node::Type::sequence ? value.children : std::vector{value};
    std::vector<std::string> result;
    for (const auto& item : items) {
        if (auto one = path(item)) {
            result.push_back(std::move(*one));
        } else {
            return std::nullopt;
        }
    }
    return result;
}

const std::map<std::string, ConfigSink::Setter, std::less<>>& ConfigSink::setters() {
    static const std::map<std::string, Setter, std::less<>> table = {
        {"rules", [](ConfigSink& sink, const Node& v) { sink.config_.rules = sink.paths(v); }},
        {"no-default-rules",
         [](ConfigSink& sink, const Node& v) { sink.config_.no_default_rules = sink.flag(v); }},
        {"packs", [](ConfigSink& sink, const Node& v) { sink.config_.packs = sink.texts(v); }},
        {"skip-rules",
         [](ConfigSink& sink, const Node& v) { sink.config_.skip_rules = sink.texts(v); }},
        {"waivers", [](ConfigSink& sink, const Node& v) { sink.config_.waivers = sink.path(v); }},
        {"waiver-max-days",
         [](ConfigSink& sink, const Node& v) {
             if (v.type != Node::Type::number || v.number < 0 || v.number > 100000 ||
                 v.number != static_cast<double>(static_cast<std::int64_t>(v.number))) {
                 sink.error(v.range, "expected a whole number of days here (0: no limit)");
                 return;
             }
             sink.config_.waiver_max_days = static_cast<std::int64_t>(v.number);
         }},
        {"fail-on",
         [](ConfigSink& sink, const Node& v) {
             const auto severity = sink.text(v);
             if (severity && *severity != "none" && !base::parse_severity(*severity)) {
                 sink.error(v.range, fmt::format("'{}' is not a severity", *severity),
                            "write critical, high, medium, low, info or none");
                 return;
             }
             sink.config_.fail_on = severity;
         }},
        {"as-of",
         [](ConfigSink& sink, const Node& v) {
             const auto date = sink.text(v);
             if (date && !base::is_iso_date(*date)) {
                 sink.error(v.range, fmt::format("'{}' is not a date; write YYYY-MM-DD", *date));
                 return;
             }
             sink.config_.as_of = date;
         }},
        {"strict", [](ConfigSink& sink, const Node& v) { sink.config_.strict = sink.flag(v); }},
    };
    return table;
}

void ConfigSink::top_level(const Node& key, const Node& value) {
    const auto& table = setters();
    const auto setter = table.find(key.text);
    if (setter == table.end()) {
        std::vector<std::string> names;
        for (const auto& [name, unused] : table) {
            names.push_back(name);
        }
        const auto suggestion = base::NameIndex(names).closest(key.text);
        error(key.range, fmt::format("unknown option '{}' in a config file", key.text),
              suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                         : "see docs/cli.md for the options a config file may set");
        return;
    }
    setter->second(*this, value);
}

}  // namespace

std::optional<std::string> find_config_file() {
    std::error_code error;
    auto folder = fs::current_path(error);
    if (error) {
        return std::nullopt;
    }
    while (true) {
        const auto candidate = folder / kConfigName;
        if (fs::is_regular_file(candidate, error)) {
            const auto relative = candidate.lexically_relative(fs::current_path(error));
            return relative.empty() ? candidate.string() : relative.string();
        }
        if (fs::exists(folder / ".git", error) || folder == folder.root_path()) {
            return std::nullopt;
        }
        folder = folder.parent_path();
    }
}

std::optional<ConfigFile> read_config_file(const std::string& path, const base::Limits& limits,
                                           bool found) {
    base::SourceSet sources;
    base::Diagnostics diagnostics;
    // A config file found by lookup may not be a link out of its folder: a
    // pull request could otherwise point lexflow at a secret, and its first
    // line would show in the syntax error. One named with --config follows
    // the rule of any path named on the command line.
    auto folder = fs::path(path).parent_path();
    const auto tree = found ? std::optional<std::string>(folder.empty() ? "." : folder.string())
                            : pipeline::tree_of_named_path(path);
    const pipeline::InputRule rule{"config file", &base::Limits::model_file_size, tree,
                                   "pass the YAML config file"};
    ConfigFile config;
    config.path = path;
    if (pipeline::admit_input(path, rule, limits, sources, diagnostics)) {
        const auto file = sources.add_on_disk(path);
        std::string reason;
        if (const auto in = sources.open(file, reason)) {
            ConfigSink sink(config, diagnostics);
            model::read_yaml(file, *in, sink, diagnostics, limits);
        }
    }
    if (diagnostics.has_errors()) {
        print_diagnostics(sources, diagnostics, ColorMode::automatic, limits);
        return std::nullopt;
    }
    return config;
}

}  // namespace lexflow::cli
