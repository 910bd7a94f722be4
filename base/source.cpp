#include "base/source.hpp"

#include <sstream>

namespace lexflow::base {

SourceSet::SourceSet() : reader_(std::make_shared<DiskFileReader>()) {}

SourceSet::SourceSet(std::shared_ptr<const FileReader> reader) : reader_(std::move(reader)) {}

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

std::unique_ptr<std::istream> SourceSet::open(FileId file, std::string& error) const {
    const auto& entry = files_.at(file);
    if (entry.text) {
        return std::make_unique<std::istringstream>(*entry.text);
    }
    return reader_->open(entry.name, error);
}

namespace {

std::string strip_line_break(std::string line) {
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::optional<std::string> line_in_text(std::string_view text, std::uint32_t wanted) {
    std::size_t begin = 0;
    for (std::uint32_t current = 1; current < wanted; ++current) {
        const auto newline = text.find('\n', begin);
        if (newline == std::string_view::npos) {
            return std::nullopt;
        }
        begin = newline + 1;
    }
    const auto end = text.find('\n', begin);
    return strip_line_break(std::string(text.substr(begin, end - begin)));
}

std::optional<std::string> line_in_stream(std::istream& in, std::uint32_t wanted) {
    std::string line;
    for (std::uint32_t current = 1; std::getline(in, line); ++current) {
        if (current == wanted) {
            return strip_line_break(std::move(line));
        }
    }
    return std::nullopt;
}

/// The line holding byte `offset`: back to the line break before it, then
/// forward to the one after. Reads only that line, wherever it is in the file.
std::optional<std::string> line_around(std::istream& in, std::uint64_t offset) {
    constexpr std::uint64_t kChunk = 4096;
    std::uint64_t start = offset;
    std::string chunk;
    while (start > 0) {
        const auto from = start > kChunk ? start - kChunk : 0;
        chunk.resize(static_cast<std::size_t>(start - from));
        in.clear();
        in.seekg(static_cast<std::streamoff>(from));
        if (!in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()))) {
            return std::nullopt;
        }
        if (const auto newline = chunk.rfind('\n'); newline != std::string::npos) {
            start = from + newline + 1;
            break;
        }
        start = from;
    }
    in.clear();
    in.seekg(static_cast<std::streamoff>(start));
    std::string line;
    if (!std::getline(in, line) && line.empty()) {
        return std::nullopt;
    }
    return strip_line_break(std::move(line));
}

}  // namespace

std::optional<std::string> SourceSet::line(FileId file, std::uint32_t line) const {
    if (line == 0 || file >= files_.size()) {
        return std::nullopt;
    }
    if (const auto& text = files_[file].text) {
        return line_in_text(*text, line);
    }
    std::string error;
    const auto in = open(file, error);
    return in ? line_in_stream(*in, line) : std::nullopt;
}

std::optional<std::string> SourceSet::line_of(const SourceRange& range) const {
    if (range.line == 0 || range.file >= files_.size()) {
        return std::nullopt;
    }
    if (range.offset == SourceRange::kUnknownOffset) {
        return line(range.file, range.line);
    }
    if (const auto& text = files_[range.file].text) {
        if (range.offset > text->size()) {
            return std::nullopt;
        }
        // rfind gives npos when the line is the first; npos + 1 wraps to 0.
        const auto start = range.offset == 0 ? 0 : text->rfind('\n', range.offset - 1) + 1;
        const auto end = text->find('\n', start);
        return strip_line_break(text->substr(start, end - start));
    }
    std::string error;
    const auto in = open(range.file, error);
    return in ? line_around(*in, range.offset) : std::nullopt;
}

}  // namespace lexflow::base
