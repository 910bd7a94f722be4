#include "base/limits.hpp"

#include <charconv>

#include "base/edit_distance.hpp"

namespace lexflow::base {

const std::vector<LimitInfo>& limit_table() {
    static const std::vector<LimitInfo> kTable = {
        {"model-file-size", "bytes of one model file", &Limits::model_file_size},
        {"rules-size", "bytes of the rule files given, together", &Limits::rules_size},
        {"value-size", "bytes of one value of a model (an id, a name, any string)",
         &Limits::value_size},
        {"yaml-depth", "nesting of lists and maps in a model file", &Limits::yaml_depth},
        {"alias-expansion",
         "values that aliases and merge keys may add to one model file (beyond alias-ratio per "
         "value written in it)",
         &Limits::alias_expansion},
        {"alias-ratio", "values aliases may add per value written in a model file",
         &Limits::alias_ratio},
        {"elements", "surfaces, flows and roles of a model, together", &Limits::elements},
        {"evaluation-steps",
         "steps the evaluation of all rules may take (beyond step-ratio per element of the "
         "model)",
         &Limits::evaluation_steps},
        {"step-ratio", "steps the evaluation may take per element of the model",
         &Limits::step_ratio},
        {"findings", "findings and undecided checks one evaluation may report", &Limits::findings},
        {"line-size", "bytes of one line of a model file", &Limits::line_size},
        {"snippet-width", "columns of a source line shown under a diagnostic",
         &Limits::snippet_width},
    };
    return kTable;
}

std::optional<std::string> set_limit(Limits& limits, std::string_view assignment) {
    const auto equals = assignment.find('=');
    const auto name = assignment.substr(0, equals);
    std::vector<std::string_view> names;
    for (const auto& limit : limit_table()) {
        names.push_back(limit.name);
        if (limit.name != name) {
            continue;
        }
        if (equals == std::string_view::npos) {
            return "write the limit as " + std::string(name) + "=N";
        }
        const auto digits = assignment.substr(equals + 1);
        std::uint64_t value = 0;
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
            value == 0) {
            return "the limit '" + std::string(name) + "' must be a positive whole number, not '" +
                   std::string(digits) + "'";
        }
        limits.*limit.value = value;
        return std::nullopt;
    }
    auto message = "there is no limit '" + std::string(name) + "'";
    if (const auto help = did_you_mean(name, names); !help.empty()) {
        message += "; " + help;
    }
    return message;
}

std::string_view limit_name(std::uint64_t Limits::*value) {
    for (const auto& limit : limit_table()) {
        if (limit.value == value) {
            return limit.name;
        }
    }
    return "limit";
}

std::string limit_help(const Limits& limits, std::uint64_t Limits::*value) {
    const auto name = limit_name(value);
    return "this exceeds the limit '" + std::string(name) + "' (" + std::to_string(limits.*value) +
           "); if the input is genuine, raise it with --limit " + std::string(name) + "=N";
}

}  // namespace lexflow::base
