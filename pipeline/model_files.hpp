#pragma once

#include <istream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "model/model_reader.hpp"

namespace lexflow::pipeline {

/// The name a model read from standard input goes by in diagnostics and
/// reports.
inline constexpr std::string_view kStandardInputName = "<stdin>";

/// Registers the model files the paths name, in order:
/// - a file: it must be a regular file within its size limit that does not
///   link outside its tree;
/// - a folder: every `*.yaml`, `*.yml` and `*.json` file below it, in path order,
///   hidden files and folders (a name starting with '.') left out; none may
///   link outside the folder;
/// - `-`: the text of `standard_input` (once), within the same size limit;
///   an error when there is none.
/// Every error is located at the path's name.
[[nodiscard]] std::vector<base::FileId> model_files(const std::vector<std::string>& paths,
                                                    const base::Limits& limits,
                                                    base::SourceSet& sources,
                                                    base::Diagnostics& diagnostics,
                                                    std::istream* standard_input = nullptr);

/// Decides whether a model file may include another (model/model_reader.hpp):
/// the path is relative to the including file's folder and stays inside it
/// (`../x` and absolute paths are errors, and so is a link that leads out),
/// the file passes the checks of any model file, and no file of the model is
/// read twice (an include cycle is an error, not a hang). Errors are located
/// at the include. `roots` are the files named on the command line.
[[nodiscard]] model::IncludeAdmitter include_admitter(const std::vector<base::FileId>& roots,
                                                      const base::Limits& limits,
                                                      base::SourceSet& sources,
                                                      base::Diagnostics& diagnostics);

}  // namespace lexflow::pipeline
