// Writes a synthetic CRM estate of a given size as model YAML, for benchmarks.
// The estate is random but reproducible (fixed seed) and uses the vocabulary
// of the shipped packs, so that every rule has work to do.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {

/// A small, fast, reproducible generator (SplitMix64).
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }
    bool chance(unsigned percent) { return below(100) < percent; }

  private:
    std::uint64_t state_;
};

constexpr const char* kKinds[] = {"ai_generator",  "api_gateway",     "crm_object",
                                  "sync_job",      "employee_portal", "customer_portal",
                                  "admin_console", "records_system",  "audit_log"};

void write_surface(std::FILE* out, Random& random, std::uint64_t index) {
    const auto* kind = kKinds[random.below(std::size(kKinds))];
    fmt::print(out,
               "  - id: s{}\n    kind: {}\n    jurisdictions: [{}]\n    environment: {}\n"
               "    tenant: t{}\n    audience: {}\n    personal_data: {}\n    ai_role: {}\n"
               "    modality: text\n    controls: [{}]\n",
               index, kind, random.chance(70) ? "EU, US" : "US",
               random.chance(10) ? "test" : "production", random.below(10),
               random.chance(50) ? "customer" : "employee", random.chance(60) ? "true" : "false",
               random.chance(50) ? "provider" : "deployer",
               random.chance(30) ? "disclosure_label, audit_trail" : "audit_trail");
}

// Each flow has an id: random ends repeat, and two flows between the same
// surfaces need ids to be told apart.
void write_flow(std::FILE* out, Random& random, std::uint64_t index, std::uint64_t surfaces) {
    static constexpr const char* kClasses[] = {"human", "ai_assisted", "synthetic"};
    fmt::print(out,
               "  - id: f{}\n    from: s{}\n    to: s{}\n    classification: {}\n"
               "    carries: [{}]\n    data: [email_body]\n",
               index, random.below(surfaces), random.below(surfaces), kClasses[random.below(3)],
               random.chance(90) ? "provenance_source, generation_method" : "generation_method");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes a synthetic lexflow model of the given size to stdout"};
    std::uint64_t surfaces = 20'000;
    std::uint64_t flows = 100'000;
    std::uint64_t seed = 1;
    app.add_option("--surfaces", surfaces, "Number of surfaces")->capture_default_str();
    app.add_option("--flows", flows, "Number of flows")->capture_default_str();
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    if (surfaces == 0) {
        std::fputs("generate_model: --surfaces must be at least 1\n", stderr);
        return 2;
    }
    Random random(seed);
    std::FILE* out = stdout;
    fmt::print(out, "model: generated-{}-{}\njurisdictions: [EU, US]\nsurfaces:\n", surfaces,
               flows);
    for (std::uint64_t i = 0; i < surfaces; ++i) {
        write_surface(out, random, i);
    }
    fmt::print(out, "flows:\n");
    for (std::uint64_t i = 0; i < flows; ++i) {
        write_flow(out, random, i, surfaces);
    }
    return 0;
}
