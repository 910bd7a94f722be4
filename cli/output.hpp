#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace lexflow::cli {

/// Whether `path` (the value of --output) means stdout: empty or "-".
[[nodiscard]] bool is_stdout(const std::string& path);

/// Writes a command's results to stdout or to the file of --output, through
/// `write`, which streams into the std::ostream it is given. Returns false
/// if the output could not be written.
[[nodiscard]] bool write_output(const std::string& path,
                                const std::function<void(std::ostream&)>& write);

}  // namespace lexflow::cli
