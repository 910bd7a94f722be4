#pragma once

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/edit_distance.hpp"
#include "base/limits.hpp"
#include "model/document_sink.hpp"
#include "model/include_request.hpp"
#include "model/model.hpp"
#include "model/node.hpp"
#include "model/vocabulary_check.hpp"

namespace lexflow::model {

/// Builds a Model from the pieces that format readers (YAML today) hand it,
/// whatever the format: it owns the model's schema (surfaces, flows, roles
/// and top-level attributes), ids and their uniqueness, the merging of
/// several files into one estate, and the resolution of flow ends.
///
/// Readers hand it each file as a DocumentSink; finish() resolves flows once
/// every file is read.
class ModelBuilder final : public DocumentSink {
  public:
    /// `vocabulary` must outlive the builder; an empty one checks nothing.
    ModelBuilder(base::Diagnostics& diagnostics, base::Diagnostics& warnings,
                 const base::Limits& limits, const base::Vocabulary& vocabulary);

    void begin_file(base::FileId file) override;
    void root_not_a_map(const Node& root) override;
    void top_level(const Node& key, const Node& value) override;
    /// Surfaces, flows and roles come one by one.
    [[nodiscard]] bool is_item_list(std::string_view key) const override;
    void list_item(std::string_view list_key, const Node& item) override;

    /// The files named by the `include` keys read since the last call, in
    /// the order written; the caller reads them into this builder.
    [[nodiscard]] std::vector<IncludeRequest> take_includes() { return std::move(includes_); }

    /// Resolves flows and returns the model, or nothing if any error was
    /// reported: a model is used whole or not at all.
    [[nodiscard]] std::optional<Model> finish();

  private:
    void add_includes(const Node& value);

    struct PendingEnd {
        Symbol id = 0;
        base::SourceRange range;
    };
    /// Flow ends are resolved once every file is read: a flow may name a
    /// surface defined later or in another file.
    struct PendingFlow {
        PendingEnd from;
        PendingEnd to;
    };

    Symbol intern(std::string_view text) { return model_.strings().intern(text); }
    void error(std::string_view code, base::SourceRange range, std::string message,
               std::string help = {}, std::vector<base::DiagnosticNote> notes = {});

    Value convert(const Node& node);
    std::vector<Attribute> map_attributes(const Node& map);
    /// An element's attributes, each checked against the vocabulary.
    std::vector<Attribute> element_attributes(const Node& item, base::Owner owner,
                                              std::string_view element);
    void check_flow_ids();
    std::optional<Symbol> name_value(const Node& value, std::string_view key);
    std::optional<Symbol> required_name(const Node& map, std::string_view key,
                                        std::string_view what, std::vector<Attribute>& attributes);
    std::optional<Symbol> optional_name(const Node& map, std::string_view key,
                                        std::vector<Attribute>& attributes);
    void check_unique(std::map<Symbol, base::SourceRange>& ids, Symbol id,
                      const base::SourceRange& range, std::string_view what);

    void add_surface(const Node& item);
    void add_flow(const Node& item);
    void add_role(const Node& item);
    void add_model_attribute(const Node& key, const Node& value);
    void resolve_flows();
    std::optional<std::uint32_t> resolve_end(const PendingEnd& end, const char* direction);
    [[nodiscard]] std::string suggestion(Symbol unknown);

    /// Whether another surface, flow or role is within the limit; reports once
    /// when it is not.
    bool within_element_limit(const Node& item);

    base::Diagnostics& diagnostics_;
    base::Limits limits_;
    VocabularyCheck vocabulary_;
    std::uint64_t elements_ = 0;
    Model model_;
    Symbol key_from_ = 0;
    Symbol key_to_ = 0;
    std::vector<PendingFlow> pending_flows_;
    std::map<Symbol, base::SourceRange> flow_ids_;
    std::map<Symbol, base::SourceRange> role_ids_;
    /// Top-level keys of each file, to catch a key given twice in one file.
    std::map<std::pair<base::FileId, std::string>, base::SourceRange> top_level_keys_;
    std::vector<IncludeRequest> includes_;
    /// A top-level key was not known: flows are then not resolved.
    bool unknown_top_level_key_ = false;
    /// Surfaces rejected for another error: flows to them are not errors too.
    std::set<Symbol> rejected_surfaces_;
    /// The surface ids, for "did you mean"; built at the first unknown id.
    std::optional<base::NameIndex> surface_names_;
    /// Top-level attributes with where each was first given.
    std::map<Symbol, std::pair<Value, base::SourceRange>> model_attributes_;
};

}  // namespace lexflow::model
