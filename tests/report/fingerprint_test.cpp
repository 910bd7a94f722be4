// A finding's fingerprint: its identity across runs.

#include "report/fingerprint.hpp"

#include <doctest/doctest.h>

using lexflow::report::Finding;
using lexflow::report::fingerprint;

namespace {

Finding finding_on(const std::string& rule, const std::string& id) {
    Finding finding;
    finding.rule_id = rule;
    finding.subject = {"node", id, "estate.yaml", 12, 5};
    finding.message = "a message";
    return finding;
}

}  // namespace

TEST_CASE("a fingerprint is 16 hex digits that the rule and the subject decide") {
    const auto base = fingerprint(finding_on("R-1", "portal"));
    CHECK(base.size() == 16);
    CHECK(base.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(fingerprint(finding_on("R-2", "portal")) != base);
    CHECK(fingerprint(finding_on("R-1", "kiosk")) != base);
    auto flow = finding_on("R-1", "portal");
    flow.subject.kind = "flow";
    CHECK(fingerprint(flow) != base);
}

TEST_CASE("where a finding is written and what it says do not move its fingerprint") {
    auto moved = finding_on("R-1", "portal");
    moved.subject.file = "parts/surfaces.yaml";
    moved.subject.line = 300;
    moved.subject.column = 9;
    moved.message = "another message";
    moved.title = "another title";
    CHECK(fingerprint(moved) == fingerprint(finding_on("R-1", "portal")));
}

TEST_CASE("a path finding is told apart by its witness's ends, not the steps between") {
    auto path = finding_on("R-1", "portal");
    path.witness = {{"node", "drafter", "a.yaml", 1, 1},
                    {"flow", "f1", "a.yaml", 2, 1},
                    {"node", "portal", "a.yaml", 3, 1}};
    auto longer = path;
    longer.witness.insert(longer.witness.begin() + 1,
                          {{"flow", "f0", "a.yaml", 4, 1}, {"node", "relay", "a.yaml", 5, 1}});
    CHECK(fingerprint(longer) == fingerprint(path));
    auto other_source = path;
    other_source.witness.front().id = "summariser";
    CHECK(fingerprint(other_source) != fingerprint(path));
    CHECK(fingerprint(path) != fingerprint(finding_on("R-1", "portal")));
}

TEST_CASE("fields cannot run into each other") {
    CHECK(fingerprint(finding_on("R-1", "ab")) != fingerprint(finding_on("R-1a", "b")));
}

TEST_CASE("fingerprints are stable across releases") {
    // A change to this value breaks every baseline and code-scanning alert
    // users have: only ever change it with a new fingerprint version.
    CHECK(fingerprint(finding_on("R-1", "portal")) == "13a80741122697fb");
}
