#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "report/report.hpp"

namespace lexflow::pipeline {

/// One entry of a waiver file: the risk of a rule's gap on one subject is
/// accepted by an owner, on an approval, until a date.
struct Waiver {
    std::string rule_id;
    std::string subject;  ///< a surface, flow or role id, or the model's name
    report::WaiverRef ref;
    base::SourceRange range;    ///< the entry
    base::SourceRange expires;  ///< its `expires` value, where expiry is reported
};

/// What a waiver file is checked against.
struct WaiverPolicy {
    std::string as_of;                     ///< the check's date, "YYYY-MM-DD"
    std::optional<std::int64_t> max_days;  ///< the longest a waiver may run past it
    std::vector<std::string> rule_ids;     ///< the rules loaded, sorted
};

/// Reads a waiver file (docs/waivers.md). Every entry needs a known rule, a
/// subject, an owner, a justification, an approval and an expiry date within
/// the policy's maximum lifetime: anything else is a located error, never a
/// silent waiver. None if there was an error.
[[nodiscard]] std::optional<std::vector<Waiver>> read_waiver_file(base::FileId file,
                                                                  base::SourceSet& sources,
                                                                  base::Diagnostics& diagnostics,
                                                                  const base::Limits& limits,
                                                                  const WaiverPolicy& policy);

}  // namespace lexflow::pipeline
