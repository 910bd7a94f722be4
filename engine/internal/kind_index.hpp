#pragma once

#include <cstdint>
#include <vector>

#include "base/vocabulary.hpp"
#include "model/model.hpp"
#include "model/value_space.hpp"

namespace lexflow::engine::internal {

/// The kinds each surface counts as besides its own: the kind its `is` names
/// (a custom kind saying what it is, `kind: moderation_classifier`,
/// `is: ai_generator`), and the kinds declared kinds count as (`kind ai_agent
/// is ai_generator`), transitively. A rule's `s.kind == "ai_generator"` holds
/// for every one of them, so the AI rules see a custom AI system.
class KindIndex {
  public:
    KindIndex(const model::Model& model, model::ValueSpace& values,
              const base::Vocabulary& vocabulary);

    /// The other kinds surface `index` counts as; empty for most.
    [[nodiscard]] const std::vector<model::Symbol>& also(std::uint32_t surface) const;

  private:
    std::vector<std::vector<model::Symbol>> also_;
    std::vector<model::Symbol> none_;
};

}  // namespace lexflow::engine::internal
