#include <fmt/format.h>

#include <array>
#include <map>

#include "engine/report/reporter.hpp"

namespace lexflow::engine {

namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";

const char* severity_color(dsl::Severity severity) {
    switch (severity) {
        case dsl::Severity::critical:
            return "\x1b[1;35m";
        case dsl::Severity::high:
            return "\x1b[1;31m";
        case dsl::Severity::medium:
            return "\x1b[1;33m";
        case dsl::Severity::low:
            return "\x1b[1;36m";
        case dsl::Severity::info:
            break;
    }
    return "\x1b[1;37m";
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : std::string(separator)) + item;
    }
    return out;
}

/// A witness as its surfaces: "a → b → c" (flows are in the JSON report).
std::string path_text(const std::vector<WitnessStep>& witness) {
    std::string out;
    for (const auto& step : witness) {
        if (step.kind != "flow") {
            out += (out.empty() ? "" : " → ") + step.id;
        }
    }
    return out;
}

/// "1 flow", "2 flows".
std::string count(std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string location(const Subject& subject) {
    return fmt::format("{}:{}:{}", subject.file, subject.line, subject.column);
}

class TextReporter final : public Reporter {
  public:
    explicit TextReporter(bool color) : color_(color) {}

    [[nodiscard]] std::string render(const Report& report) const override {
        std::string out = header(report);
        for (int level = 4; level >= 0; --level) {
            out += severity_section(report, static_cast<dsl::Severity>(level));
        }
        out += upcoming_section(report);
        out += not_evaluated_section(report);
        out += summary(report);
        return out;
    }

  private:
    [[nodiscard]] std::string paint(const char* ansi, const std::string& text) const {
        return color_ ? fmt::format("{}{}{}", ansi, text, kReset) : text;
    }

    [[nodiscard]] std::string header(const Report& report) const {
        std::vector<std::string> packs;
        for (const auto& pack : report.packs) {
            packs.push_back(pack.state == PackStatus::State::applied
                                ? pack.id
                                : fmt::format("{} ({})", pack.id, to_string(pack.state)));
        }
        auto out = fmt::format(
            "{} {}\n", paint(kBold, "lexflow check:"),
            report.model_name.empty() ? join(report.model_files, ", ") : report.model_name);
        out += fmt::format("  model: {}, {}, {} from {}\n", count(report.surfaces, "surface"),
                           count(report.flows, "flow"), count(report.roles, "role"),
                           join(report.model_files, ", "));
        out += fmt::format("  rules: {} evaluated{}; packs: {}\n", report.rules_evaluated,
                           report.as_of.empty() ? std::string() : " as of " + report.as_of,
                           packs.empty() ? std::string("none") : join(packs, ", "));
        return out;
    }

    [[nodiscard]] std::string finding_text(const Finding& finding) const {
        auto out = fmt::format("\n  {}  {}\n", paint(kBold, finding.rule_id), finding.title);
        out += fmt::format("    {}: {} '{}'\n", location(finding.subject), finding.subject.kind,
                           finding.subject.id);
        out += fmt::format("    {}\n", finding.message);
        if (!finding.witness.empty()) {
            out += fmt::format("    {} {}\n", paint(kDim, "path:"), path_text(finding.witness));
        }
        if (!finding.citations.empty()) {
            out += fmt::format("    {} {}\n", paint(kDim, "cite:"), join(finding.citations, "; "));
        }
        if (!finding.remediation.empty()) {
            out += fmt::format("    {} {}\n", paint(kDim, "fix: "), finding.remediation);
        }
        return out;
    }

    [[nodiscard]] std::string severity_section(const Report& report, dsl::Severity severity) const {
        std::string body;
        std::size_t count = 0;
        for (const auto& finding : report.findings) {
            if (finding.severity == severity && !finding.upcoming) {
                body += finding_text(finding);
                ++count;
            }
        }
        if (count == 0) {
            return {};
        }
        return fmt::format("\n{}\n{}",
                           paint(severity_color(severity),
                                 fmt::format("{} ({})", upper(dsl::to_string(severity)), count)),
                           body);
    }

    /// Gaps under rules not yet in force: listed so teams can prepare.
    [[nodiscard]] std::string upcoming_section(const Report& report) const {
        std::string body;
        std::size_t count = 0;
        for (const auto& finding : report.findings) {
            if (finding.upcoming) {
                body += finding_text(finding);
                body += fmt::format("    {} {}\n", paint(kDim, "in force from"), finding.effective);
                ++count;
            }
        }
        if (count == 0) {
            return {};
        }
        return fmt::format(
            "\n{}\n{}",
            paint(kBold, fmt::format("UPCOMING ({}): not yet in force on {}", count, report.as_of)),
            body);
    }

    [[nodiscard]] std::string not_evaluated_section(const Report& report) const {
        if (report.not_evaluated.empty()) {
            return {};
        }
        auto out = fmt::format(
            "\n{}\n", paint(kBold, fmt::format("NOT EVALUATED ({})", report.not_evaluated.size())));
        for (const auto& entry : report.not_evaluated) {
            if (entry.subject) {
                out += fmt::format("\n  {}  {}\n    {}: {} '{}'\n", paint(kBold, entry.rule_id),
                                   entry.title, location(*entry.subject), entry.subject->kind,
                                   entry.subject->id);
            } else {
                out += fmt::format("\n  {}\n", paint(kBold, entry.title));
            }
            if (!entry.witness.empty()) {
                out += fmt::format("    {} {}\n", paint(kDim, "path:"), path_text(entry.witness));
            }
            out += fmt::format("    the model does not give: {}\n", join(entry.missing, ", "));
            if (entry.upcoming) {
                out += fmt::format("    {} {}\n", paint(kDim, "in force from"), entry.effective);
            }
        }
        return out;
    }

    [[nodiscard]] std::string summary(const Report& report) const {
        std::map<dsl::Severity, std::size_t, std::greater<>> counts;
        std::size_t gaps = 0;
        for (const auto& finding : report.findings) {
            if (!finding.upcoming) {
                ++counts[finding.severity];
                ++gaps;
            }
        }
        std::vector<std::string> parts;
        for (const auto& [severity, number] : counts) {
            parts.push_back(fmt::format("{} {}", number, dsl::to_string(severity)));
        }
        auto line =
            gaps == 0 ? std::string("no gaps")
                      : fmt::format("{} gap{} ({})", gaps, gaps == 1 ? "" : "s", join(parts, ", "));
        if (const auto upcoming = report.findings.size() - gaps; upcoming > 0) {
            line += fmt::format("; {} upcoming", upcoming);
        }
        if (!report.not_evaluated.empty()) {
            line += fmt::format("; {} not evaluated", report.not_evaluated.size());
        }
        return fmt::format("\n{}\n", paint(kBold, line));
    }

    bool color_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(bool color) {
    return std::make_unique<TextReporter>(color);
}

}  // namespace lexflow::engine
