#include "model/internal/lone_cr_filter.hpp"

#include <doctest/doctest.h>

#include <iterator>
#include <sstream>

namespace {

std::string filtered(const std::string& text) {
    std::istringstream source(text);
    lexflow::model::internal::LoneCrFilter filter(*source.rdbuf(), 1U << 20U);
    std::istream in(&filter);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a lone CR becomes LF, CRLF and LF stay, nothing else changes") {
    CHECK(filtered("a\rb\r\nc\nd\r") == "a\nb\r\nc\nd\n");
    CHECK(filtered("") == "");
    CHECK(filtered("\r\r\n") == "\n\r\n");
}

TEST_CASE("a CR at the end of a chunk is judged by the byte after it") {
    constexpr std::size_t kChunk = 64 * 1024;
    const auto crlf = std::string(kChunk - 1, 'x') + "\r\n" + std::string(10, 'y');
    CHECK(filtered(crlf) == crlf);
    const auto lone = std::string(kChunk - 1, 'x') + "\ry";
    CHECK(filtered(lone) == std::string(kChunk - 1, 'x') + "\ny");
    const auto at_end = std::string(kChunk - 1, 'x') + "\r";
    CHECK(filtered(at_end) == std::string(kChunk - 1, 'x') + "\n");
}

TEST_CASE("a line longer than the limit stops the reading, saying which line") {
    std::istringstream source("short\n" + std::string(100, 'x') + "\nmore\n");
    lexflow::model::internal::LoneCrFilter filter(*source.rdbuf(), 50);
    std::istream in(&filter);
    in.exceptions(std::ios::badbit);
    std::string read;
    try {
        read.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        FAIL("the long line was read");
    } catch (const lexflow::model::internal::LineTooLong& line) {
        CHECK(line.line == 2);
        CHECK(line.offset == 6);
    }
}
