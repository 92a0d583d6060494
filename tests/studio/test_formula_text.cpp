// The formula panel's text without a window: the board layout split and the Copy text / Copy LaTeX forms,
// on Mazur's example (z¹₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775, a¹₁ = σ(0.3775) = 0.5933).
#include <gtest/gtest.h>

#include "app/studio/handlers/example.h"
#include "app/studio/figures/formula_text.h"
#include "app/studio/state/studio_state.h"

using namespace studio;

namespace {

bp::EventText event(const AppState& s, bp::EventKind kind, int layer, int neuron) {
    for (const bp::StepEvent& e : s.stepper->events())
        if (e.kind == kind && e.layer == layer && e.neuron == neuron) return s.stepper->text(e);
    throw std::runtime_error("no such event");
}

}  // namespace

TEST(FormulaText, BoardLinesOfAWeightedInput) {
    const AppState s = make_state(builtin_example(), "", "example");
    const FormulaLines f = formula_lines(event(s, bp::EventKind::z, 1, 0));
    EXPECT_EQ(f.lhs, "z¹₁");
    EXPECT_EQ(f.symbolic, "w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁");
    EXPECT_EQ(f.substituted, "0.15·0.05 + 0.2·0.1 + 0.35");
    EXPECT_EQ(f.result, "0.3775");
}

TEST(FormulaText, CopyTextIsTheWholeEquationInCourseNotation) {
    const AppState s = make_state(builtin_example(), "", "example");
    EXPECT_EQ(formula_copy_text(event(s, bp::EventKind::z, 1, 0)),
              "z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(formula_copy_text(event(s, bp::EventKind::a, 1, 0)), "a¹₁ = σ(z¹₁) = σ(0.3775) = 0.5933");
}

TEST(FormulaText, CopyLatexIsDisplayMath) {
    const AppState s = make_state(builtin_example(), "", "example");
    const bp::EventText e = event(s, bp::EventKind::z, 1, 0);
    const std::string t = formula_copy_latex(e);
    EXPECT_EQ(t.rfind("\\[ ", 0), 0u);
    EXPECT_EQ(t.substr(t.size() - 3), " \\]");
    EXPECT_NE(t.find("z^{1}_{1}"), std::string::npos) << t;
    EXPECT_NE(t.find("0.3775"), std::string::npos) << t;
    EXPECT_EQ(t.find("¹"), std::string::npos) << "no Unicode superscripts in LaTeX: " << t;
}

TEST(FormulaText, ResultOnlyWhenNothingIsSubstituted) {
    // An event whose substitution would repeat the result has no numbers line.
    bp::EventText e;
    e.symbolic = "L = ½Σ(a − y)²";
    e.substituted = "0.2984";
    e.result = "0.2984";
    const FormulaLines f = formula_lines(e);
    EXPECT_EQ(f.lhs, "L");
    EXPECT_EQ(f.symbolic, "½Σ(a − y)²");
    EXPECT_TRUE(f.substituted.empty());
    EXPECT_EQ(f.result, "0.2984");
}
