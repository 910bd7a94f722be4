#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lexflow::base {

/// What a path names, as far as reading it goes.
enum class FileKind {
    missing,    ///< nothing there (or it cannot be looked at)
    regular,    ///< a file that can be read
    directory,  ///< a folder, to be walked
    other,      ///< a device, a FIFO or a socket: never read
};

/// Where input files come from. lexflow reads every rule, model and test file
/// through this interface, so that tests can give files from memory and the
/// loaders can find the files an input names (a test's model, an include).
class FileReader {
  public:
    virtual ~FileReader() = default;

    /// What `path` names, following symbolic links.
    [[nodiscard]] virtual FileKind kind(const std::string& path) const = 0;
    /// The size in bytes of a regular file.
    [[nodiscard]] virtual std::optional<std::uint64_t> size(const std::string& path) const = 0;
    /// The path with every symbolic link resolved, absolute, or nothing if it
    /// cannot be resolved (see pipeline/confinement.hpp).
    [[nodiscard]] virtual std::optional<std::string> real_path(const std::string& path) const = 0;
    /// A stream over the file's bytes, or nullptr with `error` saying why.
    [[nodiscard]] virtual std::unique_ptr<std::istream> open(const std::string& path,
                                                             std::string& error) const = 0;
    /// The files below `folder` (at any depth, not following links to
    /// folders) whose names end with `extension`, sorted: regular files, and
    /// any device or FIFO so named, for the caller to refuse rather than skip.
    /// Nothing, with `error` set, if the folder cannot be walked.
    [[nodiscard]] virtual std::vector<std::string> files_below(const std::string& folder,
                                                               std::string_view extension,
                                                               std::string& error) const = 0;
};

/// Reads files from the disk.
class DiskFileReader final : public FileReader {
  public:
    [[nodiscard]] FileKind kind(const std::string& path) const override;
    [[nodiscard]] std::optional<std::uint64_t> size(const std::string& path) const override;
    [[nodiscard]] std::optional<std::string> real_path(const std::string& path) const override;
    [[nodiscard]] std::unique_ptr<std::istream> open(const std::string& path,
                                                     std::string& error) const override;
    [[nodiscard]] std::vector<std::string> files_below(const std::string& folder,
                                                       std::string_view extension,
                                                       std::string& error) const override;
};

/// Files held in memory, for tests. Folders are implied by the paths of the
/// files in them; there are no links, so a real path is the normal form.
class MemoryFileReader final : public FileReader {
  public:
    void add(std::string path, std::string text) { files_[std::move(path)] = std::move(text); }

    [[nodiscard]] FileKind kind(const std::string& path) const override;
    [[nodiscard]] std::optional<std::uint64_t> size(const std::string& path) const override;
    [[nodiscard]] std::optional<std::string> real_path(const std::string& path) const override;
    [[nodiscard]] std::unique_ptr<std::istream> open(const std::string& path,
                                                     std::string& error) const override;
    [[nodiscard]] std::vector<std::string> files_below(const std::string& folder,
                                                       std::string_view extension,
                                                       std::string& error) const override;

  private:
    std::map<std::string, std::string> files_;
};

/// The whole content of a file read through `reader`, or nothing with `error`
/// saying why.
[[nodiscard]] std::optional<std::string> read_whole_file(const FileReader& reader,
                                                         const std::string& path,
                                                         std::string& error);

}  // namespace lexflow::base
