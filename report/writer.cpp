#include "report/writer.hpp"

namespace lexflow::report {

std::unique_ptr<ReportWriter> make_writer(Format format, bool color, bool verbose) {
    return format == Format::json ? make_json_writer() : make_text_writer(color, verbose);
}

}  // namespace lexflow::report
