# Writes a C++ source that holds the text of every shipped rule file, so the
# lexflow binary carries its packs. Run at build time by rules/CMakeLists.txt:
#   cmake -DRULES_DIR=... -DOUTPUT=... -P embed_rules.cmake
file(GLOB_RECURSE rule_files RELATIVE "${RULES_DIR}" "${RULES_DIR}/*.lf")
list(SORT rule_files)

set(delimiter "lexflow_rule")
set(definitions "")
set(entries "")
set(index 0)
foreach(relative IN LISTS rule_files)
  file(READ "${RULES_DIR}/${relative}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${relative} contains the embedding delimiter")
  endif()
  string(APPEND definitions "constexpr char kFile${index}[] = R\"${delimiter}(${text})${delimiter}\";\n")
  string(APPEND entries "    {\"${relative}\", kFile${index}},\n")
  math(EXPR index "${index} + 1")
endforeach()

set(source "// Generated from rules/ at build time. Do not edit.
#include \"rules/embedded_rules.hpp\"

namespace lexflow::rules {

namespace {

${definitions}
constexpr EmbeddedRuleFile kFiles[] = {
${entries}    {nullptr, nullptr},
};

}  // namespace

std::span<const EmbeddedRuleFile> embedded_rule_files() {
    return {kFiles, std::size(kFiles) - 1};
}

}  // namespace lexflow::rules
")
# Rewrite only on change, so that an unchanged pack does not relink.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT "${previous}" STREQUAL "${source}")
  file(WRITE "${OUTPUT}" "${source}")
endif()
