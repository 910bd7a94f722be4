// Writes a synthetic CRM estate of a given size as a model, in YAML or JSON,
// for benchmarks. The estate is random but reproducible (--seed) and layered
// like a real one: AI generators and services feed gateways and sync jobs,
// which write CRM objects, which feed portals, consoles, outbound channels,
// records systems, training pipelines and shares, which audit logs watch.
// Environments, tenants, jurisdictions and controls are spread so that most
// surfaces comply and a realistic share does not: every rule has work to do,
// and the report is neither empty nor all gaps.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    std::uint64_t below(std::uint64_t bound) { return bound == 0 ? 0 : next() % bound; }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[below(N)];
    }

  private:
    std::uint64_t state_;
};

/// A value of a model: text, a flag, or a list of texts.
struct Value {
    enum class Type { text, number, flag, list };
    Type type = Type::text;
    std::string text;
    bool flag = false;
    std::vector<std::string> items;
};

using Fields = std::vector<std::pair<std::string_view, Value>>;

Value text(std::string value) {
    return {Value::Type::text, std::move(value), false, {}};
}
Value number(std::uint64_t value) {
    return {Value::Type::number, std::to_string(value), false, {}};
}
Value flag(bool value) {
    return {Value::Type::flag, {}, value, {}};
}
Value list(std::vector<std::string> items) {
    return {Value::Type::list, {}, false, std::move(items)};
}

/// Writes a model's top level and its items, as YAML or JSON. Values are
/// generated names and keywords: none needs quoting or escaping.
class Writer {
  public:
    Writer(std::FILE* out, bool json) : out_(out), json_(json) {}

    void begin(const Fields& top_level) {
        if (json_) {
            fmt::print(out_, "{{\n");
        }
        for (const auto& [key, value] : top_level) {
            if (json_) {
                fmt::print(out_, "  \"{}\": {},\n", key, rendered(value));
            } else {
                fmt::print(out_, "{}: {}\n", key, rendered(value));
            }
        }
    }
    void begin_list(std::string_view key) {
        if (json_) {
            fmt::print(out_, "{}  \"{}\": [\n", first_list_ ? "" : "\n  ],\n", key);
        } else {
            fmt::print(out_, "{}:\n", key);
        }
        first_list_ = false;
        first_item_ = true;
    }
    void item(const Fields& fields) {
        if (json_) {
            fmt::print(out_, "{}    {{", first_item_ ? "" : ",\n");
            bool first = true;
            for (const auto& [key, value] : fields) {
                fmt::print(out_, "{}\"{}\": {}", first ? "" : ", ", key, rendered(value));
                first = false;
            }
            fmt::print(out_, "}}");
        } else {
            bool first = true;
            for (const auto& [key, value] : fields) {
                fmt::print(out_, "{}{}: {}\n", first ? "  - " : "    ", key, rendered(value));
                first = false;
            }
        }
        first_item_ = false;
    }
    void end() {
        if (json_) {
            fmt::print(out_, "\n  ]\n}}\n");
        }
    }

  private:
    [[nodiscard]] std::string rendered(const Value& value) const {
        switch (value.type) {
            case Value::Type::flag:
                return value.flag ? "true" : "false";
            case Value::Type::number:
                return value.text;
            case Value::Type::list: {
                std::string text = "[";
                for (std::size_t i = 0; i < value.items.size(); ++i) {
                    text += (i == 0 ? "" : ", ") + quoted(value.items[i]);
                }
                return text + "]";
            }
            case Value::Type::text:
                break;
        }
        return quoted(value.text);
    }
    [[nodiscard]] std::string quoted(const std::string& text) const {
        return json_ ? "\"" + text + "\"" : text;
    }

    std::FILE* out_;
    bool json_;
    bool first_list_ = true;
    bool first_item_ = true;
};

/// A layer of the estate: a kind, its share of the surfaces, and the layers
/// its flows go to.
struct Layer {
    std::string_view kind;
    unsigned share;  ///< per thousand surfaces
    std::string_view audience;
    std::vector<std::string_view> feeds;
};

const std::vector<Layer>& layers() {
    static const std::vector<Layer> kLayers = {
        {"ai_generator", 50, "none", {"api_gateway", "sync_job", "crm_object"}},
        {"ai_service", 10, "none", {"api_gateway"}},
        {"api_gateway", 30, "none", {"crm_object", "sync_job"}},
        {"sync_job", 70, "none", {"crm_object", "records_system", "tenant_share"}},
        {"crm_object",
         400,
         "employee",
         {"customer_portal", "employee_portal", "admin_console", "email_service", "records_system",
          "training_pipeline", "tenant_share", "sync_job"}},
        {"customer_portal", 80, "customer", {}},
        {"employee_portal", 80, "employee", {}},
        {"admin_console", 60, "employee", {"audit_log"}},
        {"email_service", 30, "customer", {}},
        {"records_system", 50, "employee", {}},
        {"training_pipeline", 20, "none", {}},
        {"tenant_share", 20, "none", {}},
        {"audit_log", 100, "none", {}},
    };
    return kLayers;
}

/// The controls a surface of `kind` usually declares; each is left out of a
/// realistic share of them, which is where the gaps come from.
std::vector<std::string> controls_of(std::string_view kind, Random& random) {
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kUsual = {
        {"ai_generator", {"marking", "rollback_runbook", "output_monitoring", "ai_notice"}},
        {"ai_service", {"provenance_contract"}},
        {"api_gateway", {"marker_validation", "synthetic_detection", "tenant_isolation"}},
        {"crm_object", {"disclosure_label", "rectification_propagation", "versioning"}},
        {"customer_portal", {"disclosure_label", "ai_notice"}},
        {"employee_portal", {"disclosure_label"}},
        {"admin_console", {"synthetic_badge", "disclosure_label"}},
        {"email_service", {"disclosure_label"}},
        {"records_system", {"versioning", "rectification_propagation"}},
        {"training_pipeline", {"dataset_lineage", "rectification_propagation"}},
        {"tenant_share", {"tenant_governance", "rectification_propagation"}},
        {"audit_log", {"tamper_evident"}},
    };
    std::vector<std::string> controls;
    for (const auto& [usual_kind, usual] : kUsual) {
        if (usual_kind != kind) {
            continue;
        }
        for (const auto control : usual) {
            if (random.chance(85)) {
                controls.emplace_back(control);
            }
        }
    }
    return controls;
}

struct Estate {
    std::uint64_t surfaces = 0;
    std::uint64_t flows = 0;
    std::uint64_t tenants = 8;
};

/// The kind of each surface, layer by layer in proportion to the shares.
std::vector<std::size_t> layer_of_surfaces(const Estate& estate) {
    const auto& all = layers();
    unsigned total = 0;
    for (const auto& layer : all) {
        total += layer.share;
    }
    std::vector<std::size_t> result;
    result.reserve(estate.surfaces);
    for (std::size_t l = 0; l < all.size(); ++l) {
        const auto count = estate.surfaces * all[l].share / total;
        result.insert(result.end(), count, l);
    }
    while (result.size() < estate.surfaces) {
        result.push_back(4);  // crm_object takes the remainder
    }
    return result;
}

/// Where a surface lives: its tenant, and whether it is a test copy. Flows
/// mostly stay within one place, as in a real estate.
struct Place {
    std::uint64_t tenant = 0;
    bool test = false;
    [[nodiscard]] std::uint64_t key(std::uint64_t tenants) const {
        return tenant + (test ? tenants : 0);
    }
};

std::vector<Place> places_of_surfaces(const Estate& estate, Random& random) {
    std::vector<Place> places(estate.surfaces);
    for (auto& place : places) {
        place = {random.below(estate.tenants), random.chance(8)};
    }
    return places;
}

Fields surface_fields(std::uint64_t index, const Layer& layer, const Place& place, Random& random) {
    Fields fields = {
        {"id", text(fmt::format("s{}", index))},
        {"kind", text(std::string(layer.kind))},
        {"jurisdictions", list(random.chance(70) ? std::vector<std::string>{"EU", "US"}
                                                 : std::vector<std::string>{"US"})},
        {"environment", text(place.test ? "test" : "production")},
        {"tenant", text(fmt::format("t{}", place.tenant))},
        {"audience", text(std::string(layer.audience))},
        {"personal_data", flag(random.chance(60))},
    };
    if (layer.kind == "ai_generator" || layer.kind == "ai_service") {
        fields.emplace_back("ai_role", text(random.chance(40) ? "provider" : "deployer"));
        fields.emplace_back("modality", text("text"));
    }
    if (layer.kind == "ai_service") {
        fields.emplace_back("hosting_region", list({random.chance(70) ? "EU" : "US"}));
        fields.emplace_back("transfer_mechanism", text(random.chance(80) ? "sccs" : "none"));
    }
    if (layer.kind == "crm_object" && random.chance(80)) {
        fields.emplace_back("provenance_fields", list({"synthetic_flag", "generated_at",
                                                       "provenance_source", "generation_method"}));
    }
    if (layer.kind == "audit_log") {
        fields.emplace_back("retention_years", number(random.chance(90) ? 7 : 0));
    }
    if (auto controls = controls_of(layer.kind, random); !controls.empty()) {
        fields.emplace_back("controls", list(std::move(controls)));
    }
    return fields;
}

Fields flow_fields(std::uint64_t index, std::uint64_t from, std::uint64_t to, Random& random) {
    static constexpr std::array<std::string_view, 3> kClasses = {"human", "ai_assisted",
                                                                 "synthetic"};
    static constexpr std::array<std::string_view, 4> kTransports = {"api", "batch", "event",
                                                                    "internal"};
    std::vector<std::string> carries = {"synthetic_flag", "generated_at", "provenance_source",
                                        "generation_method"};
    if (random.chance(12)) {
        carries.resize(random.below(carries.size()));
    }
    return {
        {"id", text(fmt::format("f{}", index))},
        {"from", text(fmt::format("s{}", from))},
        {"to", text(fmt::format("s{}", to))},
        {"transport", text(std::string(random.pick(kTransports)))},
        {"classification", text(std::string(random.pick(kClasses)))},
        {"personal_data", flag(random.chance(60))},
        {"data_subjects",
         list(random.chance(70) ? std::vector<std::string>{"EU"} : std::vector<std::string>{"US"})},
        {"carries", list(std::move(carries))},
    };
}

/// The surfaces of each layer, by place (surfaces_by_layer[layer][place key]),
/// so that a flow picks its target in a layer its source feeds, mostly in
/// the same place.
using LayerIndex = std::vector<std::vector<std::vector<std::uint64_t>>>;

LayerIndex surfaces_by_layer(const std::vector<std::size_t>& kinds,
                             const std::vector<Place>& places, const Estate& estate) {
    LayerIndex by_layer(layers().size(),
                        std::vector<std::vector<std::uint64_t>>(2 * estate.tenants));
    for (std::uint64_t i = 0; i < kinds.size(); ++i) {
        by_layer[kinds[i]][places[i].key(estate.tenants)].push_back(i);
    }
    return by_layer;
}

std::size_t layer_named(std::string_view kind) {
    const auto& all = layers();
    for (std::size_t l = 0; l < all.size(); ++l) {
        if (all[l].kind == kind) {
            return l;
        }
    }
    return 0;
}

/// A flow's ends: from a surface whose layer feeds another, to a surface of a
/// layer it feeds, in the same place 97 times in 100 (a few flows cross
/// tenants or environments, and a few go anywhere, as in real estates).
std::pair<std::uint64_t, std::uint64_t> flow_ends(const std::vector<std::size_t>& kinds,
                                                  const std::vector<Place>& places,
                                                  const LayerIndex& by_layer, const Estate& estate,
                                                  Random& random) {
    for (int attempt = 0; attempt < 16; ++attempt) {
        const auto from = random.below(kinds.size());
        const auto& feeds = layers()[kinds[from]].feeds;
        if (feeds.empty()) {
            continue;
        }
        const auto& layer = by_layer[layer_named(feeds[random.below(feeds.size())])];
        const auto place =
            random.chance(97) ? places[from].key(estate.tenants) : random.below(layer.size());
        const auto& targets = layer[place];
        if (!targets.empty()) {
            return {from, targets[random.below(targets.size())]};
        }
    }
    return {random.below(kinds.size()), random.below(kinds.size())};
}

void write_estate(const Estate& estate, Random& random, Writer& writer) {
    writer.begin({{"model", text(fmt::format("generated-{}-{}", estate.surfaces, estate.flows))},
                  {"jurisdictions", list({"EU", "US"})}});
    const auto kinds = layer_of_surfaces(estate);
    const auto places = places_of_surfaces(estate, random);
    writer.begin_list("surfaces");
    for (std::uint64_t i = 0; i < estate.surfaces; ++i) {
        writer.item(surface_fields(i, layers()[kinds[i]], places[i], random));
    }
    const auto by_layer = surfaces_by_layer(kinds, places, estate);
    writer.begin_list("flows");
    for (std::uint64_t i = 0; i < estate.flows; ++i) {
        const auto [from, to] = flow_ends(kinds, places, by_layer, estate, random);
        writer.item(flow_fields(i, from, to, random));
    }
    writer.end();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes a synthetic lexflow model of the given size to stdout"};
    Estate estate{20'000, 100'000, 8};
    std::uint64_t seed = 1;
    std::string format = "yaml";
    app.add_option("--surfaces", estate.surfaces, "Number of surfaces")->capture_default_str();
    app.add_option("--flows", estate.flows, "Number of flows")->capture_default_str();
    app.add_option("--tenants", estate.tenants, "Number of tenants")->capture_default_str();
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    app.add_option("--format", format, "yaml or json")
        ->check(CLI::IsMember({"yaml", "json"}))
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    if (estate.surfaces == 0 || estate.tenants == 0) {
        std::fputs("generate_model: --surfaces and --tenants must be at least 1\n", stderr);
        return 2;
    }
    Random random(seed);
    Writer writer(stdout, format == "json");
    write_estate(estate, random, writer);
    return 0;
}
