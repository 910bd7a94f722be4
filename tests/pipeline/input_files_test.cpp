// Every input passes the same checks before it is read: a regular file,
// within its size limit, inside its tree even through links.

#include "pipeline/input_files.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "report/diagnostic_renderer.hpp"
#include "tests/support/scratch_dir.hpp"

using lexflow::pipeline::admit_input;
using lexflow::pipeline::InputRule;

namespace {

/// The rendered errors of admitting `path` under `rule`, or "" if admitted.
std::string admit(const std::string& path, const InputRule& rule,
                  const lexflow::base::Limits& limits = {}) {
    lexflow::base::SourceSet sources;
    lexflow::base::Diagnostics diagnostics;
    const bool admitted = admit_input(path, rule, limits, sources, diagnostics);
    CHECK(admitted == !diagnostics.has_errors());
    return lexflow::report::DiagnosticRenderer(sources, false).render_all(diagnostics);
}

InputRule model_rule(std::optional<std::string> tree) {
    return {"model file", &lexflow::base::Limits::model_file_size, std::move(tree),
            "pass the YAML file(s) of the model"};
}

}  // namespace

TEST_CASE("a regular file inside its tree is admitted") {
    const lexflow::testing::ScratchDir scratch;
    const auto path = scratch.write("estate/model.yaml", "surfaces: []\n");
    CHECK(admit(path, model_rule((scratch.path() / "estate").string())).empty());
    CHECK(admit(path, model_rule(std::nullopt)).empty());
}

TEST_CASE("a link that leaves its tree is refused, one that stays in it is not") {
    const lexflow::testing::ScratchDir outside;
    const lexflow::testing::ScratchDir tree;
    const auto secret = outside.write("secret.yaml", "SECRET\n");
    const auto inside = tree.write("real.yaml", "surfaces: []\n");
    std::filesystem::create_symlink(secret, tree.file("evil.yaml"));
    std::filesystem::create_symlink(inside, tree.file("alias.yaml"));
    const auto root = tree.path().string();
    CHECK(admit(tree.file("evil.yaml"), model_rule(root)) ==
          tree.file("evil.yaml") + ": error: this model file is a link to a file outside '" + root +
              "' [LF4006]\n"
              "  help: inputs are read only inside their tree; copy the file in instead of "
              "linking it\n1 error generated.\n");
    CHECK(admit(tree.file("alias.yaml"), model_rule(root)).empty());
}

TEST_CASE("devices and FIFOs are refused: reading them may never end") {
    CHECK(admit("/dev/zero", model_rule(std::nullopt)).find("[LF4005]") != std::string::npos);
    const lexflow::testing::ScratchDir scratch;
    const auto fifo = scratch.file("x.lf");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(admit(fifo, model_rule(std::nullopt)) ==
          fifo +
              ": error: not a model file: a device, FIFO or socket, which lexflow never reads "
              "[LF4005]\n  help: name a regular file\n1 error generated.\n");
}

TEST_CASE("a file over its size limit is refused before it is read") {
    const lexflow::testing::ScratchDir scratch;
    const auto path = scratch.write("big.yaml", std::string(100, 'x'));
    lexflow::base::Limits limits;
    limits.model_file_size = 99;
    CHECK(admit(path, model_rule(std::nullopt), limits) ==
          path +
              ": error: this model file has 100 bytes [LF5001]\n"
              "  help: this exceeds the limit 'model-file-size' (99); if the input is genuine, "
              "raise it with --limit model-file-size=N\n1 error generated.\n");
}

TEST_CASE("a missing path and a folder are errors with the rule's help") {
    const lexflow::testing::ScratchDir scratch;
    CHECK(admit(scratch.file("none.yaml"), model_rule(std::nullopt)) ==
          scratch.file("none.yaml") +
              ": error: no such model file [LF4001]\n  help: pass the YAML file(s) of the "
              "model\n1 error generated.\n");
    CHECK(admit(scratch.path().string(), model_rule(std::nullopt))
              .find("error: not a model file (it is a folder) [LF4001]") != std::string::npos);
}

TEST_CASE("a path named inside the current folder must stay in it, one outside is trusted") {
    CHECK(lexflow::pipeline::tree_of_named_path("estate.yaml") == ".");
    CHECK(lexflow::pipeline::tree_of_named_path("models/../estate.yaml") == ".");
    CHECK_FALSE(lexflow::pipeline::tree_of_named_path("../estate.yaml"));
    CHECK_FALSE(lexflow::pipeline::tree_of_named_path("/srv/estate.yaml"));
}
