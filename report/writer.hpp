#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "report/report.hpp"

namespace lexflow::report {

/// The formats a check report can be written in.
enum class Format {
    text,      ///< for people at a terminal
    json,      ///< the stable shape of docs/cli.md, for programs
    sarif,     ///< SARIF 2.1.0, for code scanning (GitHub and others)
    junit,     ///< JUnit XML, for the test reports of CI systems
    markdown,  ///< a pull-request comment
};

/// Writes a Report in one format to a stream, as it goes: memory does not
/// grow with the size of the output. Writers know only the Report: never the
/// model, the rules or the command line. One implementation per format.
class ReportWriter {
  public:
    virtual ~ReportWriter() = default;
    virtual void write(const Report& report, std::ostream& out) const = 0;
};

/// How many findings of one rule the text report lists by default: enough
/// to see the pattern; a report of a huge estate stays readable.
inline constexpr std::size_t kFindingsPerRule = 20;

/// Human-readable, grouped by severity; ANSI colours only when `color`.
/// `verbose` adds each undecided check, and what findings and passes assumed.
/// At most `max_per_rule` findings of each rule are listed (none: all), and
/// when some are not, every rule's count comes first.
[[nodiscard]] std::unique_ptr<ReportWriter> make_text_writer(
    bool color, bool verbose = false, std::optional<std::size_t> max_per_rule = kFindingsPerRule);
/// The stable JSON shape documented in docs/cli.md ("The JSON report").
[[nodiscard]] std::unique_ptr<ReportWriter> make_json_writer();
/// SARIF 2.1.0 as GitHub code scanning reads it: one run, a rule descriptor
/// for every loaded rule, a result for every finding and undecided check.
[[nodiscard]] std::unique_ptr<ReportWriter> make_sarif_writer();
/// JUnit XML: a test suite per pack, a test case per rule and subject.
[[nodiscard]] std::unique_ptr<ReportWriter> make_junit_writer();
/// A pull-request comment in GitHub Markdown, kept under GitHub's size limit.
[[nodiscard]] std::unique_ptr<ReportWriter> make_markdown_writer();
/// The writer of `format`; `color`, `verbose` and `max_per_rule` matter to
/// text only: the other formats hold every finding.
[[nodiscard]] std::unique_ptr<ReportWriter> make_writer(
    Format format, bool color, bool verbose = false,
    std::optional<std::size_t> max_per_rule = kFindingsPerRule);

}  // namespace lexflow::report
