#include "cli/messages.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace lexflow::cli {

namespace {

void print_lines(std::string_view text) {
    if (text.empty()) {
        return;
    }
    std::fwrite(text.data(), 1, text.size(), stderr);
    if (text.back() != '\n') {
        std::fputc('\n', stderr);
    }
}

}  // namespace

void print_error(std::string_view message, std::string_view follow_up) {
    fmt::print(stderr, "lexflow: error: {}\n", message);
    print_lines(follow_up);
}

void print_status(std::string_view message) {
    fmt::print(stderr, "lexflow: {}\n", message);
}

void print_internal_error(std::string_view message) {
    fmt::print(stderr,
               "lexflow: internal error: {}\nThis is a bug in lexflow; please report it with the "
               "input that caused it.\n",
               message);
}

}  // namespace lexflow::cli
