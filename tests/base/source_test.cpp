#include "base/source.hpp"

#include <doctest/doctest.h>

#include <memory>

using lexflow::base::FileKind;
using lexflow::base::MemoryFileReader;
using lexflow::base::SourceRange;
using lexflow::base::SourceSet;

namespace {

const std::string kText = "first\nsecond line\r\n\nlast";

std::shared_ptr<MemoryFileReader> reader_with(const std::string& path, const std::string& text) {
    auto reader = std::make_shared<MemoryFileReader>();
    reader->add(path, text);
    return reader;
}

}  // namespace

TEST_CASE("a line is found by its number, without its line break") {
    SourceSet sources;
    const auto file = sources.add("kept.lf", kText);
    CHECK(sources.line(file, 1) == "first");
    CHECK(sources.line(file, 2) == "second line");
    CHECK(sources.line(file, 3) == "");
    CHECK(sources.line(file, 4) == "last");
    CHECK_FALSE(sources.line(file, 5));
    CHECK_FALSE(sources.line(file, 0));
}

TEST_CASE("a range with a byte offset finds its line from there, in memory and on disk") {
    SourceSet sources(reader_with("model.yaml", kText));
    const auto kept = sources.add("kept.yaml", kText);
    const auto on_disk = sources.add_on_disk("model.yaml");
    for (const auto file : {kept, on_disk}) {
        CAPTURE(file);
        // The line number is deliberately wrong: the offset decides.
        CHECK(sources.line_of(SourceRange{file, 9, 3, 1, 8}) == "second line");
        CHECK(sources.line_of(SourceRange{file, 9, 1, 1, 0}) == "first");
        CHECK(sources.line_of(SourceRange{file, 9, 1, 1, 19}) == "");
        CHECK(sources.line_of(SourceRange{file, 9, 1, 1, 21}) == "last");
        // Without an offset, the line number is used.
        CHECK(sources.line_of(SourceRange{file, 4, 1, 1}) == "last");
    }
}

TEST_CASE("a line far into a large file on disk is read back from its offset") {
    std::string text(100'000, 'x');
    text += "\nneedle here\n";
    SourceSet sources(reader_with("big.yaml", text));
    const auto file = sources.add_on_disk("big.yaml");
    CHECK(sources.line_of(SourceRange{file, 2, 1, 6, 100'001 + 7}) == "needle here");
    CHECK(sources.line_of(SourceRange{file, 1, 1, 1, 50'000})->size() == 100'000);
}

TEST_CASE("files are opened through the set's reader, a missing one says why") {
    SourceSet sources(reader_with("a.yaml", "surfaces: []\n"));
    std::string error;
    const auto present = sources.open(sources.add_on_disk("a.yaml"), error);
    REQUIRE(present);
    std::string first;
    std::getline(*present, first);
    CHECK(first == "surfaces: []");
    CHECK_FALSE(sources.open(sources.add_on_disk("b.yaml"), error));
    CHECK(error == "No such file or directory");
}

TEST_CASE("an in-memory reader knows files, the folders they imply, and lists them sorted") {
    MemoryFileReader reader;
    reader.add("rules/b.lf", "");
    reader.add("rules/sub/a.lf", "");
    reader.add("rules/notes.md", "");
    reader.add("rulesX/c.lf", "");
    CHECK(reader.kind("rules/b.lf") == FileKind::regular);
    CHECK(reader.kind("rules") == FileKind::directory);
    CHECK(reader.kind("rules/sub") == FileKind::directory);
    CHECK(reader.kind("rule") == FileKind::missing);
    std::string error;
    CHECK(reader.files_below("rules", ".lf", error) ==
          std::vector<std::string>{"rules/b.lf", "rules/sub/a.lf"});
    CHECK(error.empty());
}
