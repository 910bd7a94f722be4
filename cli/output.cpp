#include "cli/output.hpp"

#include <fstream>
#include <iostream>

namespace lexflow::cli {

bool is_stdout(const std::string& path) {
    return path.empty() || path == "-";
}

bool write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (is_stdout(path)) {
        write(std::cout);
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        return false;
    }
    write(out);
    out.close();
    return static_cast<bool>(out);
}

}  // namespace lexflow::cli
