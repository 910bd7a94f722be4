#include "model/internal/lone_cr_filter.hpp"

namespace lexflow::model::internal {

LoneCrFilter::int_type LoneCrFilter::underflow() {
    std::size_t size = 0;
    if (pending_) {
        buffer_[0] = buffer_[kSize];
        size = 1;
        pending_ = false;
    }
    size += static_cast<std::size_t>(
        source_.sgetn(buffer_.data() + size, static_cast<std::streamsize>(kSize - size)));
    if (size == 0) {
        return traits_type::eof();
    }
    // A CR at the end of the chunk needs the next byte to be judged.
    if (buffer_[size - 1] == '\r') {
        const auto next = source_.sbumpc();
        if (next != traits_type::eof()) {
            buffer_[kSize] = traits_type::to_char_type(next);
            pending_ = true;
        }
    }
    for (std::size_t i = 0; i < size; ++i) {
        if (buffer_[i] != '\r') {
            continue;
        }
        const bool has_next = i + 1 < size || pending_;
        const char next = i + 1 < size ? buffer_[i + 1] : buffer_[kSize];
        if (!has_next || next != '\n') {
            buffer_[i] = '\n';
        }
    }
    count_lines(size);
    setg(buffer_.data(), buffer_.data(), buffer_.data() + size);
    return traits_type::to_int_type(buffer_[0]);
}

void LoneCrFilter::count_lines(std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        if (buffer_[i] == '\n') {
            if (read_ + i - line_start_ > max_line_) {
                throw LineTooLong{line_, line_start_};
            }
            ++line_;
            line_start_ = read_ + i + 1;
        }
    }
    read_ += size;
    if (read_ - line_start_ > max_line_) {
        throw LineTooLong{line_, line_start_};
    }
}

}  // namespace lexflow::model::internal
