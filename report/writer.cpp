#include "report/writer.hpp"

namespace lexflow::report {

std::unique_ptr<ReportWriter> make_writer(Format format, bool color, bool verbose,
                                          std::optional<std::size_t> max_per_rule) {
    switch (format) {
        case Format::json:
            return make_json_writer();
        case Format::sarif:
            return make_sarif_writer();
        case Format::junit:
            return make_junit_writer();
        case Format::markdown:
            return make_markdown_writer();
        case Format::text:
            break;
    }
    return make_text_writer(color, verbose, max_per_rule);
}

}  // namespace lexflow::report
