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

std::string_view to_string(BaselineState state) {
    switch (state) {
        case BaselineState::none:
            return "none";
        case BaselineState::added:
            return "new";
        case BaselineState::known:
            return "known";
    }
    return "none";
}

}  // namespace lexflow::report
