#pragma once

#include <cstdint>
#include <istream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_reader.hpp"

namespace lexflow::base {

/// Index of a file in a SourceSet. Stable for the lifetime of the set.
using FileId = std::uint32_t;

/// A span of source text on one line: where a diagnostic points and what a
/// caret underlines. Lines and columns are 1-based; column counts bytes.
struct SourceRange {
    static constexpr std::uint64_t kUnknownOffset = std::numeric_limits<std::uint64_t>::max();

    FileId file = 0;
    std::uint32_t line = 0;    ///< 0 means "the whole file" (no line to show)
    std::uint32_t column = 0;  ///< 0 means "no column"
    std::uint32_t length = 1;  ///< bytes underlined, at least 1
    /// Byte offset of the range's start in its file, when the reader knows it:
    /// the line can then be read back without scanning the file from the top.
    std::uint64_t offset = kUnknownOffset;

    friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

/// Part of a source line around a range: what a diagnostic shows of a line
/// that may be megabytes long.
struct LineWindow {
    std::string text;
    std::uint32_t first_column = 1;  ///< the column of the first byte of `text`
    bool cut_before = false;         ///< the line goes on to the left
    bool cut_after = false;          ///< the line goes on to the right
};

/// Every input file lexflow reads (rule files, model files, test models), so
/// that any layer can point into it. Small files keep their text; model files
/// may be large, so their text is read through the set's FileReader, as a
/// stream when they are loaded and one line at a time when a diagnostic
/// shows one.
class SourceSet {
  public:
    /// A set whose files on disk are read from the disk.
    SourceSet();
    /// A set whose files "on disk" are read through `reader` (tests use memory).
    explicit SourceSet(std::shared_ptr<const FileReader> reader);

    /// Adds a file whose text is kept in memory (rule files, embedded packs).
    FileId add(std::string name, std::string text);
    /// Adds a file that is read through the reader when needed (model files).
    FileId add_on_disk(std::string name);

    [[nodiscard]] const std::string& name(FileId file) const { return files_.at(file).name; }
    /// The text of a file kept in memory; empty for a file read on demand.
    [[nodiscard]] std::string_view text(FileId file) const;
    [[nodiscard]] bool is_on_disk(FileId file) const { return !files_.at(file).text; }
    /// A stream over the file's bytes (its text, or the file through the
    /// reader); nullptr with `error` saying why if it cannot be opened.
    [[nodiscard]] std::unique_ptr<std::istream> open(FileId file, std::string& error) const;
    /// The text of a 1-based line without its line break, if it exists.
    [[nodiscard]] std::optional<std::string> line(FileId file, std::uint32_t line) const;
    /// The line a range starts on; found through its byte offset when known.
    [[nodiscard]] std::optional<std::string> line_of(const SourceRange& range) const;
    /// At most `reach` bytes on each side of where a range starts on its
    /// line (and the range itself): reads only those, however long the line.
    [[nodiscard]] std::optional<LineWindow> window_of(const SourceRange& range,
                                                      std::size_t reach) const;
    [[nodiscard]] std::size_t size() const { return files_.size(); }
    [[nodiscard]] const FileReader& reader() const { return *reader_; }

  private:
    struct File {
        std::string name;
        std::optional<std::string> text;  ///< empty for files read on demand
    };
    std::shared_ptr<const FileReader> reader_;
    std::vector<File> files_;
};

}  // namespace lexflow::base
