#include "dsl/interpolation.hpp"

#include <cctype>

#include "base/diagnostic_ids.hpp"
#include "dsl/internal/ast_builder.hpp"

namespace lexflow::dsl {

namespace {

bool is_identifier(std::string_view word) {
    if (word.empty() || !(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_')) {
        return false;
    }
    for (const char c : word) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
            return false;
        }
    }
    return true;
}

/// Parses the inside of a hole, "x.key.sub", into a path; nothing if invalid.
std::optional<AttributePath> parse_hole(std::string_view inside) {
    AttributePath path;
    std::size_t start = 0;
    while (true) {
        const auto dot = inside.find('.', start);
        const auto word = inside.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (!is_identifier(word)) {
            return std::nullopt;
        }
        if (start == 0) {
            path.variable = std::string(word);
        } else {
            path.keys.emplace_back(word);
        }
        if (dot == std::string_view::npos) {
            return path;
        }
        start = dot + 1;
    }
}

class TemplateSplitter {
  public:
    TemplateSplitter(Template& text, base::Diagnostics& diagnostics)
        : text_(text), raw_(text.raw), diagnostics_(diagnostics) {}

    bool run() {
        std::string literal;
        for (std::size_t i = 0; i < raw_.size(); ++i) {
            const char c = raw_[i];
            if ((c == '{' || c == '}') && i + 1 < raw_.size() && raw_[i + 1] == c) {
                literal += c;
                ++i;
            } else if (c == '}') {
                error(i, 1, "unmatched '}' in the text", "write '}}' for a literal brace");
            } else if (c == '{') {
                flush(literal);
                i = hole(i);
            } else {
                literal += c;
            }
        }
        flush(literal);
        return ok_;
    }

  private:
    /// Reads the hole opening at `open`; returns the index of its closing brace.
    std::size_t hole(std::size_t open) {
        const auto close = raw_.find('}', open);
        if (close == std::string_view::npos) {
            error(open, 1, "unclosed '{' in the text",
                  "close the hole with '}', or write '{{' for a literal brace");
            return raw_.size();
        }
        const auto inside = raw_.substr(open + 1, close - open - 1);
        auto path = parse_hole(inside);
        if (!path) {
            error(open, static_cast<std::uint32_t>(close - open + 1),
                  "'{" + std::string(inside) + "}' is not a variable or an attribute path",
                  "write '{x}' or '{x.attribute}' with a variable of the rule");
            return close;
        }
        path->variable_range = at(open + 1, static_cast<std::uint32_t>(path->variable.size()));
        path->range = at(open, static_cast<std::uint32_t>(close - open + 1));
        text_.segments.push_back({{}, std::move(path)});
        return close;
    }

    void flush(std::string& literal) {
        if (!literal.empty()) {
            text_.segments.push_back({internal::unescape(literal), std::nullopt});
            literal.clear();
        }
    }

    /// The range of raw bytes [offset, offset+length): the template's range
    /// starts at its opening quote.
    [[nodiscard]] base::SourceRange at(std::size_t offset, std::uint32_t length) const {
        auto range = text_.range;
        range.column += static_cast<std::uint32_t>(offset) + 1;
        range.length = length;
        return range;
    }

    void error(std::size_t offset, std::uint32_t length, std::string message, std::string help) {
        ok_ = false;
        diagnostics_.report({base::DiagnosticLevel::error,
                             std::string(base::diagnostic_ids::bad_interpolation),
                             at(offset, length),
                             std::move(message),
                             {},
                             std::move(help)});
    }

    Template& text_;
    std::string_view raw_;
    base::Diagnostics& diagnostics_;
    bool ok_ = true;
};

}  // namespace

bool split_template(Template& text, base::Diagnostics& diagnostics) {
    text.segments.clear();
    return TemplateSplitter(text, diagnostics).run();
}

}  // namespace lexflow::dsl
