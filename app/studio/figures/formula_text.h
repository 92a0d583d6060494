// The formula panel's text, window-free: an event's equation split for the board layout (the left side,
// then "= symbols", "= numbers", "= result" one under the other) and the two forms the Copy buttons put
// on the clipboard for a teacher's slides: plain UTF-8 course notation and LaTeX display math.
#pragma once
#include <string>

#include "engine/teaching/stepper.h"

namespace studio {

struct FormulaLines {
    std::string lhs;          // "z¹₁"
    std::string symbolic;     // "w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁" (empty when the symbolic side is the lhs alone)
    std::string substituted;  // "0.15·0.05 + 0.2·0.1 + 0.35" (empty when it would repeat the result)
    std::string result;       // "0.3775"
};

FormulaLines formula_lines(const bp::EventText& e);
// "z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775"
std::string formula_copy_text(const bp::EventText& e);
// "\[ z^{1}_{1} = … = 0.3775 \]"
std::string formula_copy_latex(const bp::EventText& e);

}  // namespace studio
