#pragma once

#include <string_view>

#include "base/source.hpp"
#include "model/node.hpp"

namespace lexflow::model {

/// What a format reader hands the values of a file to: the ModelBuilder for
/// models, and the readers of the other YAML inputs (waiver files). A reader
/// calls begin_file(), then top_level() for each top-level key and
/// list_item() for each item of the lists that is_item_list() names, as soon
/// as the item is complete: no file is ever held whole.
class DocumentSink {
  public:
    virtual ~DocumentSink() = default;

    virtual void begin_file(base::FileId file) = 0;
    /// The file's root value is not a map (a reader reports only this of it).
    virtual void root_not_a_map(const Node& root) = 0;
    /// A top-level `key: value`; for item lists, `value` holds no items (they
    /// came through list_item()).
    virtual void top_level(const Node& key, const Node& value) = 0;
    /// Whether the items of top-level list `key` come one by one.
    [[nodiscard]] virtual bool is_item_list(std::string_view key) const = 0;
    /// One item of the top-level list `list_key`.
    virtual void list_item(std::string_view list_key, const Node& item) = 0;
};

}  // namespace lexflow::model
