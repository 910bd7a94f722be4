#pragma once

#include <string>

#include "base/source.hpp"

namespace lexflow::model {

/// A file that a model file includes (`include: [a.yaml]`), as written.
struct IncludeRequest {
    std::string path;         ///< relative to the including file's folder
    base::FileId from = 0;    ///< the including file
    base::SourceRange range;  ///< where the path is written
};

}  // namespace lexflow::model
