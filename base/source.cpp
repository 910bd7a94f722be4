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

namespace {

/// A line as it is shown: the first line without a UTF-8 byte order mark,
/// which an editor does not show and columns do not count.
std::optional<std::string> as_shown(std::optional<std::string> text, std::uint32_t line) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (text && line == 1 && text->starts_with(kByteOrderMark)) {
        text->erase(0, kByteOrderMark.size());
    }
    return text;
}

}  // namespace

std::optional<std::string> SourceSet::line(FileId file, std::uint32_t line) const {
    if (line == 0 || file >= files_.size()) {
        return std::nullopt;
    }
    if (const auto& text = files_[file].text) {
        return as_shown(line_in_text(*text, line), line);
    }
    std::string error;
    const auto in = open(file, error);
    return as_shown(in ? line_in_stream(*in, line) : std::nullopt, line);
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
        return as_shown(line_holding(*text, static_cast<std::size_t>(range.offset)), range.line);
    }
    std::string error;
    const auto in = open(range.file, error);
    return as_shown(in ? line_around(*in, range.offset) : std::nullopt, range.line);
}

namespace {

/// The window of `text` (one line or a chunk of one) around byte `at`.
LineWindow window_in(std::string_view text, std::size_t at, std::size_t reach, std::size_t length,
                     std::uint32_t column) {
    at = std::min(at, text.size());
    auto begin = at;
    while (begin > 0 && at - begin < reach && !is_break(text[begin - 1])) {
        --begin;
    }
    const auto limit = std::min(text.size(), at + length + reach);
    auto end = at;
    while (end < limit && !is_break(text[end])) {
        ++end;
    }
    LineWindow window;
    window.text = std::string(text.substr(begin, end - begin));
    window.first_column = static_cast<std::uint32_t>(column - (at - begin));
    window.cut_before = begin > 0 && !is_break(text[begin - 1]);
    window.cut_after = end < text.size() && !is_break(text[end]);
    return window;
}

}  // namespace

std::optional<LineWindow> SourceSet::window_of(const SourceRange& range, std::size_t reach) const {
    if (range.line == 0 || range.column == 0 || range.file >= files_.size()) {
        return std::nullopt;
    }
    const std::size_t length = std::max<std::uint32_t>(range.length, 1);
    if (range.offset == SourceRange::kUnknownOffset) {
        const auto whole = line(range.file, range.line);
        if (!whole) {
            return std::nullopt;
        }
        auto window = window_in(*whole, range.column - 1, reach, length, range.column);
        window.cut_before = window.first_column > 1;
        window.cut_after = window.first_column - 1 + window.text.size() < whole->size();
        return window;
    }
    // Read the bytes around the offset only: one more on each side tells
    // whether the line goes on.
    const auto from = range.offset > reach + 1 ? range.offset - reach - 1 : 0;
    const auto bytes = static_cast<std::size_t>(range.offset - from) + length + reach + 1;
    std::string chunk;
    if (const auto& text = files_[range.file].text) {
        if (from < text->size()) {
            chunk = text->substr(static_cast<std::size_t>(from), bytes);
        }
    } else {
        std::string error;
        const auto in = open(range.file, error);
        if (!in) {
            return std::nullopt;
        }
        in->seekg(static_cast<std::streamoff>(from));
        chunk.resize(bytes);
        in->read(chunk.data(), static_cast<std::streamsize>(bytes));
        chunk.resize(static_cast<std::size_t>(std::max<std::streamsize>(in->gcount(), 0)));
    }
    const auto at = static_cast<std::size_t>(range.offset - from);
    auto window = window_in(chunk, at, reach, length, range.column);
    if (from == 0 && range.line == 1 && window.text.starts_with("\xEF\xBB\xBF") &&
        !window.cut_before) {
        window.text.erase(0, 3);  // as line() shows it; columns start after it
        window.first_column += 3;
    }
    return window;
}

}  // namespace lexflow::base
