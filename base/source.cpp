#include "base/source.hpp"

#include <algorithm>
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

// Lines end at LF, CRLF or a lone CR, as they do for YAML and for rule files.

bool is_break(char c) {
    return c == '\n' || c == '\r';
}

/// The offset of the start of the line after the break at `at`.
std::size_t after_break(std::string_view text, std::size_t at) {
    return text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n' ? at + 2 : at + 1;
}

std::size_t find_break(std::string_view text, std::size_t from) {
    while (from < text.size() && !is_break(text[from])) {
        ++from;
    }
    return from;
}

std::optional<std::string> line_in_text(std::string_view text, std::uint32_t wanted) {
    std::size_t begin = 0;
    for (std::uint32_t current = 1; current < wanted; ++current) {
        const auto end = find_break(text, begin);
        if (end == text.size()) {
            return std::nullopt;
        }
        begin = after_break(text, end);
    }
    return std::string(text.substr(begin, find_break(text, begin) - begin));
}

/// The line that holds byte `offset` of `text`.
std::string line_holding(std::string_view text, std::size_t offset) {
    auto begin = std::min(offset, text.size());
    while (begin > 0 && !is_break(text[begin - 1])) {
        --begin;
    }
    return std::string(text.substr(begin, find_break(text, begin) - begin));
}

std::optional<std::string> line_in_stream(std::istream& in, std::uint32_t wanted) {
    std::uint32_t current = 1;
    std::string line;
    char c = 0;
    bool after_cr = false;
    while (in.get(c)) {
        if (c == '\n' && after_cr) {
            after_cr = false;  // the LF of a CRLF: the break was counted at the CR
            continue;
        }
        after_cr = c == '\r';
        if (is_break(c)) {
            if (current == wanted) {
                return line;
            }
            ++current;
            continue;
        }
        if (current == wanted) {
            line += c;
        }
    }
    return current == wanted ? std::optional<std::string>(line) : std::nullopt;
}

/// The line holding byte `offset` of a stream: back to the line break before
/// it, then forward to the one after. Reads only that line, wherever it is.
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
        if (const auto last = chunk.find_last_of("\r\n"); last != std::string::npos) {
            start = from + last + 1;
            break;
        }
        start = from;
    }
    in.clear();
    in.seekg(static_cast<std::streamoff>(start));
    std::string line;
    char c = 0;
    while (in.get(c) && !is_break(c)) {
        line += c;
    }
    return line;
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
        return line_holding(*text, static_cast<std::size_t>(range.offset));
    }
    std::string error;
    const auto in = open(range.file, error);
    return in ? line_around(*in, range.offset) : std::nullopt;
}

}  // namespace lexflow::base
