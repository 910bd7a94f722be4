#include "base/printable.hpp"

#include <doctest/doctest.h>

using lexflow::base::printable;
using lexflow::base::printable_lines;
using lexflow::base::shortened;

TEST_CASE("plain text, tabs and UTF-8 are shown as they are") {
    CHECK(printable("drafter -> crm") == "drafter -> crm");
    CHECK(printable("a\tb") == "a\tb");
    CHECK(printable("Zürich → 東京 🙂") == "Zürich → 東京 🙂");
}

TEST_CASE("what could drive a terminal or forge a line is shown escaped") {
    CHECK(printable("\x1b[2J") == "\\x1b[2J");                     // clear the screen
    CHECK(printable("\x1b]0;title\x07") == "\\x1b]0;title\\x07");  // retitle the window
    CHECK(printable("\x1b]8;;http://x\x1b\\link") == "\\x1b]8;;http://x\\x1b\\link");  // OSC 8
    CHECK(printable("ok\r0 gaps\nforged") == "ok\\r0 gaps\\nforged");
    CHECK(printable(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(printable("\x7f") == "\\x7f");
    CHECK(printable("\xc2\x9b"
                    "31m") == "\\u{009b}31m");  // the one-byte CSI of C1
}

TEST_CASE("invisible and reordering characters are shown escaped") {
    CHECK(printable("admin\u202e") == "admin\\u{202e}");  // right-to-left override
    CHECK(printable("ad\u200bmin") == "ad\\u{200b}min");  // zero-width space
    CHECK(printable("\ufeffid") == "\\u{feff}id");        // byte order mark
    CHECK(printable("a\u2028b") == "a\\u{2028}b");        // line separator
}

TEST_CASE("bytes that are not UTF-8 are shown as hex escapes") {
    CHECK(printable("a\xff"
                    "b") == "a\\xffb");
    CHECK(printable("\xc3") == "\\xc3");                    // truncated sequence
    CHECK(printable("\xe2\x82") == "\\xe2\\x82");           // truncated three-byte sequence
    CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate
}

TEST_CASE("multi-line text keeps its line breaks and escapes the rest") {
    CHECK(printable_lines("one\n\x1b[2Jtwo\n") == "one\n\\x1b[2Jtwo\n");
    CHECK(printable_lines("a\r\nb") == "a\\r\nb");
    CHECK(printable_lines("") == "");
}

TEST_CASE("long text is shortened at a character boundary, saying how much is left out") {
    CHECK(shortened("short", 10) == "short");
    CHECK(shortened("abcdefghij", 4) == "abcd…[6 more bytes]");
    CHECK(shortened("ééé", 3) == "é…[4 more bytes]");  // never half a character
}
