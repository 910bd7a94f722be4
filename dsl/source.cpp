#include "dsl/source.hpp"

#include <fstream>

namespace lexflow::dsl {

FileId SourceSet::add(std::string name, std::string text) {
    files_.push_back({std::move(name), std::move(text)});
    return static_cast<FileId>(files_.size() - 1);
}

FileId SourceSet::add_on_disk(std::string name) {
    files_.push_back({std::move(name), std::nullopt});
    return static_cast<FileId>(files_.size() - 1);
}

std::string_view SourceSet::text(FileId file) const {
    const auto& text = files_.at(file).text;
    return text ? std::string_view(*text) : std::string_view();
}

namespace {

std::string strip_line_break(std::string line) {
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::optional<std::string> line_in_text(std::string_view text, std::uint32_t wanted) {
    std::uint32_t current = 1;
    std::size_t begin = 0;
    while (current < wanted) {
        const auto newline = text.find('\n', begin);
        if (newline == std::string_view::npos) {
            return std::nullopt;
        }
        begin = newline + 1;
        ++current;
    }
    if (begin > text.size()) {
        return std::nullopt;
    }
    const auto end = text.find('\n', begin);
    return strip_line_break(std::string(text.substr(begin, end - begin)));
}

std::optional<std::string> line_on_disk(const std::string& path, std::uint32_t wanted) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    for (std::uint32_t current = 1; std::getline(in, line); ++current) {
        if (current == wanted) {
            return strip_line_break(std::move(line));
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> SourceSet::line(FileId file, std::uint32_t line) const {
    if (line == 0 || file >= files_.size()) {
        return std::nullopt;
    }
    const auto& entry = files_[file];
    return entry.text ? line_in_text(*entry.text, line) : line_on_disk(entry.name, line);
}

}  // namespace lexflow::dsl
