#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <streambuf>

namespace lexflow::model::internal {

/// Thrown by LoneCrFilter when a line is longer than its limit.
struct LineTooLong {
    std::uint64_t line = 0;    ///< 1-based
    std::uint64_t offset = 0;  ///< where the line starts
};

/// A stream buffer that reads another one and turns each lone CR (one not
/// followed by LF) into LF. YAML counts a lone CR as a line break, yaml-cpp
/// does not; with this, files from old Mac editors read as YAML says, and
/// since one byte stands for one byte, every offset stays that of the file.
///
/// It also bounds the length of a line: yaml-cpp reads a whole scalar before
/// lexflow sees it, so a 400 MB one-line value would cost its full time and
/// memory before value-size could stop it. A longer line throws LineTooLong.
class LoneCrFilter final : public std::streambuf {
  public:
    LoneCrFilter(std::streambuf& source, std::uint64_t max_line)
        : source_(source), max_line_(max_line) {}

  protected:
    int_type underflow() override;

  private:
    static constexpr std::size_t kSize = 64 * 1024;
    void count_lines(std::size_t size);

    std::streambuf& source_;
    std::uint64_t max_line_;
    std::uint64_t line_ = 1;
    std::uint64_t line_start_ = 0;          ///< offset of the current line's start
    std::uint64_t read_ = 0;                ///< bytes handed out so far
    std::array<char, kSize + 1> buffer_{};  ///< one byte more, to look past a CR
    bool pending_ = false;                  ///< buffer_[kSize] holds a byte read ahead
};

}  // namespace lexflow::model::internal
