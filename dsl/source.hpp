#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lexflow::dsl {

/// Index of a file in a SourceSet. Stable for the lifetime of the set.
using FileId = std::uint32_t;

/// A span of source text on one line: where a diagnostic points and what a
/// caret underlines. Lines and columns are 1-based; column counts bytes.
struct SourceRange {
    FileId file = 0;
    std::uint32_t line = 0;    ///< 0 means "the whole file" (no line to show)
    std::uint32_t column = 0;  ///< 0 means "no column"
    std::uint32_t length = 1;  ///< bytes underlined, at least 1

    friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

/// Every input file lexflow reads (rule files and model files), so that any
/// layer can point into it. Rule files keep their text; model files may be
/// large, so their text is only read back when a diagnostic needs a line.
class SourceSet {
  public:
    /// Adds a file whose text is kept in memory (rule files, embedded packs).
    FileId add(std::string name, std::string text);
    /// Adds a file whose lines are read from disk on demand (model files).
    FileId add_on_disk(std::string name);

    [[nodiscard]] const std::string& name(FileId file) const { return files_.at(file).name; }
    /// The text of a file kept in memory; empty for a file read on demand.
    [[nodiscard]] std::string_view text(FileId file) const;
    [[nodiscard]] bool is_on_disk(FileId file) const { return !files_.at(file).text; }
    /// The text of a 1-based line without its line break, if it exists.
    [[nodiscard]] std::optional<std::string> line(FileId file, std::uint32_t line) const;
    [[nodiscard]] std::size_t size() const { return files_.size(); }

  private:
    struct File {
        std::string name;
        std::optional<std::string> text;  ///< empty for files read on demand
    };
    std::vector<File> files_;
};

}  // namespace lexflow::dsl
