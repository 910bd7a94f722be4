#include "base/file_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace lexflow::base {

namespace fs = std::filesystem;

FileKind DiskFileReader::kind(const std::string& path) const {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
        return FileKind::missing;
    }
    if (fs::is_regular_file(status)) {
        return FileKind::regular;
    }
    return fs::is_directory(status) ? FileKind::directory : FileKind::other;
}

std::optional<std::uint64_t> DiskFileReader::size(const std::string& path) const {
    std::error_code error;
    const auto bytes = fs::file_size(path, error);
    return error ? std::nullopt : std::optional<std::uint64_t>(bytes);
}

std::optional<std::string> DiskFileReader::real_path(const std::string& path) const {
    std::error_code error;
    const auto real = fs::weakly_canonical(fs::absolute(path, error), error);
    return error ? std::nullopt : std::optional<std::string>(real.generic_string());
}

std::unique_ptr<std::istream> DiskFileReader::open(const std::string& path,
                                                   std::string& error) const {
    auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*stream) {
        error = std::strerror(errno);
        return nullptr;
    }
    return stream;
}

std::vector<std::string> DiskFileReader::files_below(const std::string& folder,
                                                     std::string_view extension,
                                                     std::string& error) const {
    std::vector<std::string> files;
    std::error_code failure;
    for (auto it = fs::recursive_directory_iterator(folder, failure);
         !failure && it != fs::recursive_directory_iterator(); it.increment(failure)) {
        const auto name = it->path().generic_string();
        std::error_code unknown;  // a dangling link: listed, and refused by the caller
        if (!it->is_directory(unknown) && name.ends_with(extension)) {
            files.push_back(name);
        }
    }
    if (failure) {
        error = failure.message();
        return {};
    }
    std::sort(files.begin(), files.end());
    return files;
}

FileKind MemoryFileReader::kind(const std::string& path) const {
    if (files_.count(path) > 0) {
        return FileKind::regular;
    }
    const auto folder = path.ends_with('/') ? path : path + "/";
    const auto next = files_.lower_bound(folder);
    return next != files_.end() && next->first.starts_with(folder) ? FileKind::directory
                                                                   : FileKind::missing;
}

std::optional<std::uint64_t> MemoryFileReader::size(const std::string& path) const {
    const auto found = files_.find(path);
    return found == files_.end() ? std::nullopt
                                 : std::optional<std::uint64_t>(found->second.size());
}

std::optional<std::string> MemoryFileReader::real_path(const std::string& path) const {
    return ("/" / fs::path(path)).lexically_normal().generic_string();
}

std::unique_ptr<std::istream> MemoryFileReader::open(const std::string& path,
                                                     std::string& error) const {
    const auto found = files_.find(path);
    if (found == files_.end()) {
        error = "No such file or directory";
        return nullptr;
    }
    return std::make_unique<std::istringstream>(found->second);
}

std::vector<std::string> MemoryFileReader::files_below(const std::string& folder,
                                                       std::string_view extension,
                                                       std::string&) const {
    const auto prefix = folder.ends_with('/') ? folder : folder + "/";
    std::vector<std::string> files;
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
         ++it) {
        if (it->first.ends_with(extension)) {
            files.push_back(it->first);
        }
    }
    return files;
}

std::optional<std::string> read_whole_file(const FileReader& reader, const std::string& path,
                                           std::string& error) {
    auto stream = reader.open(path, error);
    if (!stream) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << stream->rdbuf();
    if (stream->bad()) {
        error = "read error";
        return std::nullopt;
    }
    return std::move(text).str();
}

}  // namespace lexflow::base
