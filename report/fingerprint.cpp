#include "report/fingerprint.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace lexflow::report {

namespace {

/// FNV-1a, 64 bits: stable across platforms and releases, which is all a
/// fingerprint needs (it is no defence against a forged collision).
class Fnv1a {
  public:
    /// Each field is followed by a 0 byte, so ("ab", "c") and ("a", "bc")
    /// hash apart.
    Fnv1a& field(std::string_view text) {
        for (const char byte : text) {
            mix(static_cast<unsigned char>(byte));
        }
        mix(0);
        return *this;
    }
    [[nodiscard]] std::string hex() const { return fmt::format("{:016x}", hash_); }

  private:
    void mix(unsigned char byte) {
        hash_ ^= byte;
        hash_ *= 0x100000001b3ULL;
    }
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::string fingerprint_of(std::string_view rule_id, std::string_view subject_kind,
                           std::string_view subject_id, const std::vector<WitnessStep>& witness) {
    Fnv1a hash;
    hash.field(rule_id).field(subject_kind).field(subject_id);
    if (!witness.empty()) {
        hash.field(witness.front().id).field(witness.back().id);
    }
    return hash.hex();
}

}  // namespace

std::string fingerprint(const Finding& finding) {
    return fingerprint_of(finding.rule_id, finding.subject.kind, finding.subject.id,
                          finding.witness);
}

std::string fingerprint(const NotEvaluated& entry) {
    // A pack that could not decide whether it applies has no rule or subject.
    return fingerprint_of(entry.rule_id.empty() ? entry.pack : entry.rule_id,
                          entry.subject ? entry.subject->kind : "pack",
                          entry.subject ? entry.subject->id : entry.pack, entry.witness);
}

void assign_fingerprints(Report& report) {
    for (auto& finding : report.findings) {
        finding.fingerprint = fingerprint(finding);
    }
    for (auto& entry : report.not_evaluated) {
        entry.fingerprint = fingerprint(entry);
    }
}

}  // namespace lexflow::report
