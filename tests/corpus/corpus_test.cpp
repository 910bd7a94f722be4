// The evaluation corpus: estates modelled from the law and the domain
// documents by people who had not read the rules, each with every gap a
// correct checker reports (must), the near misses a careless one would flag
// (must_not) and the few pairs the law leaves open (debatable). The real
// binary checks each estate; the figures per pack and overall are printed,
// and the run fails below the floors at the top of this file.
//
// LEXFLOW_CORPUS_ARGS adds arguments to every check, so that another version
// of the packs can be scored the same way, and LEXFLOW_CORPUS_DIR scores
// another set of estates written the same way (relative to the project):
//   LEXFLOW_CORPUS_ARGS="--no-default-rules --rules OLD/rules" build/tests/corpus_tests

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/golden.hpp"
#include "tests/support/run_lexflow.hpp"

namespace fs = std::filesystem;

namespace {

// The targets are recall 0.95, precision 0.90 and no must-not hit, per pack
// and overall. The floors hold the figures measured last, all above the
// targets, so that no change makes them worse: raise them with every change
// that improves the figures, and never lower them.
struct Floor {
    double recall;
    double precision;
};
const std::map<std::string, Floor> kFloors = {{"eu-ai-act", {0.972, 0.999}},
                                              {"gdpr", {0.999, 0.999}},
                                              {"nist-ai-rmf", {0.969, 0.999}},
                                              {"overall", {0.977, 0.999}}};
constexpr Floor kTarget = {0.95, 0.90};
constexpr int kMustNotHitCeiling = 0;

/// A rule and the element a finding is about: a surface, flow or role id,
/// or "model" for a finding about the whole estate.
using Pair = std::pair<std::string, std::string>;

struct Expectation {
    std::string estate;
    std::string as_of;
    std::set<Pair> must;
    std::set<Pair> must_not;
    std::set<Pair> debatable;
    std::vector<Pair> uncovered;  ///< gaps no shipped rule covers: (pattern, subject)
};

std::set<Pair> pairs(const YAML::Node& list) {
    std::set<Pair> result;
    for (const auto& item : list) {
        if (item["rule"].as<std::string>() != "UNCOVERED") {
            result.emplace(item["rule"].as<std::string>(), item["subject"].as<std::string>());
        }
    }
    return result;
}

Expectation read_expectation(const fs::path& file) {
    const auto yaml = YAML::LoadFile(file.string());
    Expectation expectation{(file.parent_path() / yaml["estate"].as<std::string>()).string(),
                            yaml["as_of"].as<std::string>(),
                            pairs(yaml["must"]),
                            pairs(yaml["must_not"]),
                            pairs(yaml["debatable"]),
                            {}};
    for (const auto& item : yaml["must"]) {
        if (item["rule"].as<std::string>() == "UNCOVERED") {
            expectation.uncovered.emplace_back(item["pattern"].as<std::string>(),
                                               item["subject"].as<std::string>());
        }
    }
    return expectation;
}

/// The corpus folder: tests/corpus, or LEXFLOW_CORPUS_DIR (relative to the
/// project) to score another set of estates written the same way.
std::string corpus_folder() {
    const char* other = std::getenv("LEXFLOW_CORPUS_DIR");
    return other != nullptr ? other : "tests/corpus";
}

std::vector<fs::path> expectation_files(const std::string& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(lexflow::testing::source_path(folder))) {
        const auto name = entry.path().filename().string();
        if (name.size() > 14 && name.substr(name.size() - 14) == ".expected.yaml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string pack_of(const std::string& rule_id) {
    if (rule_id.rfind("AIA-", 0) == 0) {
        return "eu-ai-act";
    }
    if (rule_id.rfind("GDPR-", 0) == 0) {
        return "gdpr";
    }
    return rule_id.rfind("NIST-", 0) == 0 ? "nist-ai-rmf" : "other";
}

struct Score {
    int true_positives = 0;
    int false_negatives = 0;
    int false_positives = 0;
    int must_not_hits = 0;

    [[nodiscard]] double recall() const {
        const int expected = true_positives + false_negatives;
        return expected == 0 ? 1.0 : double(true_positives) / expected;
    }
    [[nodiscard]] double precision() const {
        const int reported = true_positives + false_positives;
        return reported == 0 ? 1.0 : double(true_positives) / reported;
    }
};

/// A rule's id as the corpus names it: a -LEGACY twin checks the same duty,
/// for systems on the market before its general date, so it counts as the
/// rule it twins.
std::string duty_of(std::string rule_id) {
    constexpr std::string_view kTwin = "-LEGACY";
    if (rule_id.size() > kTwin.size() && rule_id.ends_with(kTwin)) {
        rule_id.resize(rule_id.size() - kTwin.size());
    }
    return rule_id;
}

/// What lexflow reported on one estate: (rule, subject) of every finding.
struct Reported {
    std::set<Pair> findings;
    std::set<Pair> not_evaluated;
};

Reported check(const Expectation& expectation) {
    const char* extra = std::getenv("LEXFLOW_CORPUS_ARGS");
    const auto result = lexflow::testing::run_lexflow(
        "check '" + expectation.estate + "' --as-of " + expectation.as_of + " --format json " +
        (extra != nullptr ? extra : ""));
    REQUIRE_MESSAGE(result.exit_code <= 1, expectation.estate << ": " << result.err);
    const auto report = nlohmann::json::parse(result.out);
    Reported reported;
    for (const auto& finding : report.at("findings")) {
        const auto& subject = finding.at("subject");
        reported.findings.emplace(duty_of(finding.at("rule_id").get<std::string>()),
                                  subject.at("kind") == "model"
                                      ? std::string("model")
                                      : subject.at("id").get<std::string>());
    }
    for (const auto& entry : report.at("not_evaluated")) {
        if (entry.contains("subject")) {
            reported.not_evaluated.emplace(duty_of(entry.at("rule_id").get<std::string>()),
                                           entry.at("subject").at("id").get<std::string>());
        }
    }
    return reported;
}

class Scorer {
  public:
    void score(const Expectation& expectation, const Reported& reported) {
        const auto name = fs::path(expectation.estate).filename().string();
        for (const auto& pair : expectation.must) {
            auto& score = by_pack_[pack_of(pair.first)];
            if (reported.findings.count(pair) > 0) {
                ++score.true_positives;
            } else {
                ++score.false_negatives;
                note(name, "missed", pair,
                     reported.not_evaluated.count(pair) > 0 ? " (not evaluated)" : "");
            }
        }
        for (const auto& [pattern, subject] : expectation.uncovered) {
            ++uncovered_;
            note(name, "no rule covers", {pattern, subject}, "");
        }
        for (const auto& pair : reported.findings) {
            if (expectation.must.count(pair) > 0 || expectation.debatable.count(pair) > 0) {
                continue;
            }
            auto& score = by_pack_[pack_of(pair.first)];
            ++score.false_positives;
            const bool near_miss = expectation.must_not.count(pair) > 0;
            score.must_not_hits += near_miss ? 1 : 0;
            note(name, near_miss ? "fired on a near miss" : "wrongly reported", pair, "");
        }
    }

    [[nodiscard]] Score overall() const {
        Score total;
        for (const auto& [pack, score] : by_pack_) {
            total.true_positives += score.true_positives;
            total.false_negatives += score.false_negatives;
            total.false_positives += score.false_positives;
            total.must_not_hits += score.must_not_hits;
        }
        total.false_negatives += uncovered_;
        return total;
    }

    [[nodiscard]] std::string table() const {
        std::ostringstream out;
        out << std::fixed << std::setprecision(3);
        const auto row = [&](const std::string& name, const Score& s) {
            out << std::left << std::setw(14) << name << " recall " << s.recall() << "  precision "
                << s.precision() << "  found " << s.true_positives << ", missed "
                << s.false_negatives << ", wrong " << s.false_positives << ", near misses hit "
                << s.must_not_hits << "\n";
        };
        for (const auto& [pack, score] : by_pack_) {
            row(pack, score);
        }
        row("overall", overall());
        out << "(overall counts " << uncovered_ << " gaps no rule covers as missed)\n";
        return out.str();
    }

    [[nodiscard]] const std::map<std::string, Score>& by_pack() const { return by_pack_; }
    [[nodiscard]] const std::string& details() const { return details_; }

  private:
    void note(const std::string& estate, const char* what, const Pair& pair,
              const std::string& suffix) {
        details_ +=
            estate + ": " + what + " " + pair.first + " on '" + pair.second + "'" + suffix + "\n";
    }

    std::map<std::string, Score> by_pack_;
    int uncovered_ = 0;
    std::string details_;
};

}  // namespace

/// Each expectation file names an estate that exists, and no pair twice.
void check_well_formed(const std::vector<fs::path>& files) {
    for (const auto& file : files) {
        CAPTURE(file.string());
        const auto expectation = read_expectation(file);
        CHECK(fs::exists(expectation.estate));
        for (const auto& pair : expectation.must) {
            CAPTURE(pair.first + " " + pair.second);
            CHECK(expectation.must_not.count(pair) == 0);
            CHECK(expectation.debatable.count(pair) == 0);
        }
    }
}

Scorer score_folder(const std::string& folder) {
    Scorer scorer;
    for (const auto& file : expectation_files(folder)) {
        const auto expectation = read_expectation(file);
        scorer.score(expectation, check(expectation));
    }
    std::cout << scorer.details() << scorer.table();
    return scorer;
}

TEST_CASE("the corpus's expectations name real estates and no pair twice") {
    const auto files = expectation_files(corpus_folder());
    CHECK(files.size() >= 12);
    check_well_formed(files);
}

// The held-out estates were written the same way, after the packs had been
// changed with the corpus in view, and scored once, untouched: they measure
// how the packs do on estates nobody tuned them for. Their figures are
// printed, not gated; tune the packs against them and they stop measuring
// that, so write a new set then.
TEST_CASE("the held-out estates are well formed, and their figures print") {
    const auto files = expectation_files("tests/corpus-heldout");
    CHECK(files.size() >= 4);
    check_well_formed(files);
    const auto scorer = score_folder("tests/corpus-heldout");
    CHECK(scorer.overall().true_positives > 0);
}

TEST_CASE("the packs find the corpus's gaps and spare its near misses") {
    const auto scorer = score_folder(corpus_folder());
    for (const auto& [pack, floor] : kFloors) {
        CAPTURE(pack);
        const auto score = pack == "overall" ? scorer.overall() : scorer.by_pack().at(pack);
        CHECK(score.recall() >= floor.recall);
        CHECK(score.precision() >= floor.precision);
        CHECK(floor.recall >= kTarget.recall);
        CHECK(floor.precision >= kTarget.precision);
    }
    CHECK(scorer.overall().must_not_hits <= kMustNotHitCeiling);
}
