# Writes a C++ source that holds the text of files, so that the lexflow binary
# carries its rule packs and their example models. Run at build time by
# rules/CMakeLists.txt:
#   cmake -DROOT=dir -DGLOB=*.lf -DFUNCTION=name -DOUTPUT=file.cpp -P embed_rules.cmake
# The generated FUNCTION() returns (path relative to ROOT, text) pairs, sorted.
file(GLOB_RECURSE files RELATIVE "${ROOT}" "${ROOT}/${GLOB}")
list(SORT files)

set(delimiter "lexflow_text")
set(definitions "")
set(entries "")
set(index 0)
foreach(relative IN LISTS files)
  file(READ "${ROOT}/${relative}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${relative} contains the embedding delimiter")
  endif()
  string(APPEND definitions "constexpr char kFile${index}[] = R\"${delimiter}(${text})${delimiter}\";\n")
  string(APPEND entries "    {\"${relative}\", kFile${index}},\n")
  math(EXPR index "${index} + 1")
endforeach()

set(source "// Generated at build time from ${GLOB} files. Do not edit.
#include \"rules/embedded_rules.hpp\"

namespace lexflow::rules {

namespace {

${definitions}
constexpr EmbeddedRuleFile kFiles[] = {
${entries}    {nullptr, nullptr},
};

}  // namespace

std::span<const EmbeddedRuleFile> ${FUNCTION}() {
    return {kFiles, std::size(kFiles) - 1};
}

}  // namespace lexflow::rules
")
# Rewrite only on change, so that unchanged files do not cause a relink.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT "${previous}" STREQUAL "${source}")
  file(WRITE "${OUTPUT}" "${source}")
endif()
