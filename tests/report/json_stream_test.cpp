#include "report/json_stream.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

using lexflow::report::JsonStream;

namespace {

std::string json_string(std::string_view text) {
    std::ostringstream out;
    lexflow::report::write_json_string(out, text);
    return out.str();
}

}  // namespace

TEST_CASE("a streamed document is laid out as nlohmann::json's dump(2) lays it out") {
    std::ostringstream out;
    JsonStream json(out);
    json.begin_object()
        .key("name")
        .value("acme")
        .key("count")
        .value(std::uint64_t{3})
        .key("offset")
        .value(std::int64_t{-2})
        .key("ok")
        .value(true)
        .key("none")
        .null()
        .key("empty_list")
        .begin_array()
        .end_array()
        .key("empty_map")
        .begin_object()
        .end_object()
        .key("items")
        .begin_array()
        .value("a")
        .begin_object()
        .key("k")
        .strings({"x", "y"})
        .end_object()
        .end_array()
        .key("date")
        .string_or_null("")
        .end_object();
    const auto expected = nlohmann::ordered_json{{"name", "acme"},
                                                 {"count", 3},
                                                 {"offset", -2},
                                                 {"ok", true},
                                                 {"none", nullptr},
                                                 {"empty_list", nlohmann::ordered_json::array()},
                                                 {"empty_map", nlohmann::ordered_json::object()},
                                                 {"items", {"a", {{"k", {"x", "y"}}}}},
                                                 {"date", nullptr}};
    CHECK(out.str() == expected.dump(2));
}

TEST_CASE("strings are escaped as JSON requires and UTF-8 is kept") {
    CHECK(json_string("plain") == "\"plain\"");
    CHECK(json_string("say \"hi\"\\") == R"("say \"hi\"\\")");
    CHECK(json_string("a\nb\tc\rd\be\ff") == R"("a\nb\tc\rd\be\ff")");
    CHECK(json_string(std::string("\x1b[2J\x07", 5) + std::string(1, '\0')) ==
          R"("\u001b[2J\u0007\u0000")");
    CHECK(json_string("Zürich → 東京 🙂") == "\"Zürich → 東京 🙂\"");
    CHECK(json_string("\x7f") == R"("\u007f")");
    CHECK(json_string("x") == nlohmann::json("x").dump());
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD, so the output is always valid JSON") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(json_string("a\xff"
                      "b") == "\"a" + replacement + "b\"");
    CHECK(json_string("\xc3") == "\"" + replacement + "\"");                    // truncated
    CHECK(json_string("\xc0\xaf") == "\"" + replacement + replacement + "\"");  // overlong
    CHECK(json_string("\xed\xa0\x80") ==
          "\"" + replacement + replacement + replacement + "\"");  // a UTF-16 surrogate
    CHECK(json_string("\xf4\x90\x80\x80") ==
          "\"" + replacement + replacement + replacement + replacement + "\"");  // past U+10FFFF
    const auto parsed = nlohmann::json::parse("[" + json_string("a\xff\xfe") + "]");
    CHECK(parsed[0] == "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("C1 controls and characters that hide or reorder text are escaped in JSON too") {
    CHECK(json_string("a\xc2\x9b"
                      "31m") == R"("a\u009b31m")");
    CHECK(json_string("admin\u202e") == R"("admin\u202e")");
    CHECK(json_string("\ufeff") == R"("\ufeff")");
    CHECK(nlohmann::json::parse(json_string("admin\u202e")) == "admin\u202e");
}
