#include "report/report.hpp"

namespace lexflow::report {

std::string_view to_string(PackStatus::State state) {
    switch (state) {
        case PackStatus::State::applied:
            return "applied";
        case PackStatus::State::not_applicable:
            return "not_applicable";
        case PackStatus::State::not_evaluated:
            return "not_evaluated";
    }
    return "applied";
}

}  // namespace lexflow::report
