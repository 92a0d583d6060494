// The markers of neurons whose gradient vanishes (figures/neuron_marks.h), on tests/data/vanishing.json:
// hidden neuron 1 is a ReLU with z = −x − 0.1 < 0 for both samples (dead); the sigmoid output gets
// z = 20·relu(x) = 10 on sample 1 (σ′(10) = 4.5e-5, under 1 % of 0.25: saturated). A mark appears only
// once the pass has computed z, and goes when the cause does.
#include <gtest/gtest.h>

#include "app/studio/figures/neuron_marks.h"
#include "app/studio/handlers/actions.h"
#include "engine/io/serialize.h"

using namespace studio;

namespace {

AppState vanishing() {
    return make_state(bp::load_document(std::string(BP_TEST_DATA) + "/vanishing.json"), "", "vanishing");
}

const NeuronMark* find(const std::vector<NeuronMark>& marks, int l, int j) {
    for (const NeuronMark& m : marks)
        if (m.l == l && m.j == j) return &m;
    return nullptr;
}

}  // namespace

TEST(NeuronMarks, ADeadReluAndASaturatedSigmoid) {
    AppState s = vanishing();
    apply(s, act::RunPass{});
    const std::vector<NeuronMark> marks = neuron_marks(s);
    ASSERT_EQ(marks.size(), 2u);
    const NeuronMark* dead = find(marks, 1, 0);
    ASSERT_NE(dead, nullptr);
    EXPECT_EQ(dead->kind, Vanishing::dead);
    EXPECT_NE(dead->why.find("all 2 samples"), std::string::npos) << dead->why;
    EXPECT_EQ(find(marks, 1, 1), nullptr);  // the other ReLU is alive: a = x > 0
    const NeuronMark* sat = find(marks, 2, 0);
    ASSERT_NE(sat, nullptr);
    EXPECT_EQ(sat->kind, Vanishing::saturated);
    EXPECT_NE(sat->why.find("σ′(z²₁) = 4.5e-5"), std::string::npos) << sat->why;
}

TEST(NeuronMarks, SaidOnlyOnceThePassHasComputedZ) {
    AppState s = vanishing();
    EXPECT_TRUE(neuron_marks(s).empty());  // nothing computed yet
    apply(s, act::StepForward{});          // z¹₁
    ASSERT_EQ(neuron_marks(s).size(), 1u);
    EXPECT_EQ(neuron_marks(s)[0].l, 1);
}

TEST(NeuronMarks, QuizModeKeepsThemUntilTheValuesAreAnswered) {
    AppState s = vanishing();
    apply(s, act::Quiz{quiz_cmd::SetOn{true}});  // every value asked
    apply(s, act::Quiz{quiz_cmd::Answer{"-0.6"}});  // z¹₁ = −0.5 − 0.1
    ASSERT_EQ(s.stepper->cursor(), 1);
    EXPECT_TRUE(neuron_marks(s).empty()) << "a¹₁ is asked next: \"a = 0\" would give it away";
    apply(s, act::Quiz{quiz_cmd::SetOn{false}});
    EXPECT_EQ(neuron_marks(s).size(), 1u) << "quiz mode off: the dead ReLU is marked";
}

TEST(NeuronMarks, GoneWhenTheCauseIs) {
    AppState s = vanishing();
    apply(s, act::RunPass{});
    apply(s, act::EditParameter{Selection::bias(1, 0), 2.0});   // z¹₁ = −x + 2 > 0: alive
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 0.5});  // z²₁ = 0.25: σ′ near its largest
    apply(s, act::RunPass{});
    EXPECT_TRUE(neuron_marks(s).empty());
}

TEST(NeuronMarks, ADeadReluIsDeadForTheWholeDataNotOneSample) {
    AppState s = vanishing();
    // Sample 1 of 2 alone: hidden neuron 2 with weight −1 would be zero on it, but alive on another.
    bp::Dataset d = training_data(s);
    d.X(1, 0) = -1.0;  // a second sample that turns neuron 2 (z = x) off, neuron 1 (z = −x − 0.1) on
    apply(s, act::ReplaceDocument{[&] { bp::Document doc = s.doc; doc.data = d; return doc; }(), "", "v"});
    apply(s, act::RunPass{});
    EXPECT_EQ(find(neuron_marks(s), 1, 0), nullptr) << "on for the second sample: not dead";
    EXPECT_EQ(find(neuron_marks(s), 1, 1), nullptr) << "on for the first sample: not dead";
}

TEST(NeuronMarks, SaidInTheNotationOnScreen) {
    AppState s = vanishing();
    apply(s, act::RunPass{});
    const auto why = [&](int l, int j) { return find(neuron_marks(s), l, j)->why; };
    EXPECT_EQ(why(1, 0).rfind("Dead ReLU: z ≤ 0 for all 2 samples, so a = 0 and relu′(z) = 0:", 0), 0u) << why(1, 0);
    EXPECT_NE(why(2, 0).find("): δ = … · f′(z) is almost 0"), std::string::npos) << why(2, 0);
    Settings t = s.settings;
    t.notation = bp::Notation::vector;  // notes 002: no δ, ReLU′ is 1[h > 0]
    apply(s, act::SetSettings{t});
    EXPECT_EQ(why(1, 0).rfind("Dead ReLU: u ≤ 0 for all 2 samples, so h = 0 and 1[h > 0] = 0:", 0), 0u) << why(1, 0);
    EXPECT_NE(why(2, 0).find("): ∂L/∂f = … · σ′(f) is almost 0"), std::string::npos) << why(2, 0);
    EXPECT_EQ(why(2, 0).find("δ"), std::string::npos) << why(2, 0);
    t.notation = bp::Notation::derivation;
    apply(s, act::SetSettings{t});
    EXPECT_NE(why(2, 0).find("): ε₂ = … · σ′(a₂) is almost 0"), std::string::npos) << why(2, 0);
}
