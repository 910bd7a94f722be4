#pragma once

// A fresh, empty folder for the files a test writes, removed when it goes out
// of scope.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace lexflow::testing {

class ScratchDir {
  public:
    ScratchDir()
        : path_(
              std::filesystem::temp_directory_path() /
              ("lexflow-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()))) {
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() { std::filesystem::remove_all(path_); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    /// The path of `name` in the folder (the file need not exist).
    [[nodiscard]] std::string file(const std::string& name) const {
        return (path_ / name).string();
    }

    /// Writes `text` to `name` in the folder, byte for byte; returns its path.
    std::string write(const std::string& name, const std::string& text) const {
        const auto path = file(name);
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

  private:
    std::filesystem::path path_;
};

}  // namespace lexflow::testing
