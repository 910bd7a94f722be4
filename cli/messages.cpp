#include "cli/messages.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "base/printable.hpp"

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
    fmt::print(stderr, "lexflow: error: {}\n", base::printable(message));
    print_lines(follow_up);
}

void print_status(std::string_view message) {
    fmt::print(stderr, "lexflow: {}\n", base::printable(message));
}

void print_internal_error(std::string_view message) {
    fmt::print(stderr,
               "lexflow: internal error: {}\nThis is a bug in lexflow; please report it with the "
               "input that caused it.\n",
               base::printable(message));
}

}  // namespace lexflow::cli
