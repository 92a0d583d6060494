// Check-my-homework on Mazur's network: expected values, formulas with numbers, verdicts, the index
// checks behind `backprop-cli check`'s messages, and the batch mode.
#include <gtest/gtest.h>

#include "engine/core/error.h"
#include "engine/homework/homework.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

Dataset mazur_data(int copies = 1) {
    return {take_rows(test::mazur_x(), 0, copies), take_rows(test::mazur_y(), 0, copies)};
}

TrainingConfig mazur_training(bool freeze_biases) {
    TrainingConfig c;
    c.learning_rate = 0.5;
    c.freeze_biases = freeze_biases;
    c.optimizer = OptimizerKind::adam;  // ignored: the homework's step is plain SGD
    return c;
}

QuantityRef ref(Quantity what, int l = 0, int j = 0, int k = 0, int n = 0) { return {what, l, j, k, n}; }

TEST(Homework, ExpectedValuesAreMazursAfterOneSgdStep) {
    const Homework hw(test::mazur_network(), mazur_data(), mazur_training(false), 0);
    EXPECT_NEAR(hw.expected(ref(Quantity::a, 2, 0)), 0.75136507, 5e-9);
    EXPECT_NEAR(hw.expected(ref(Quantity::loss)), 0.298371109, 5e-10);
    EXPECT_NEAR(hw.expected(ref(Quantity::dW, 2, 0, 0)), 0.082167041, 5e-10);
    // Mazur's updated weights: w5⁺ = 0.35891648, w1⁺ = 0.149780716 (SGD, not Adam: η·g, not η·sign)
    EXPECT_NEAR(hw.expected(ref(Quantity::W_after, 2, 0, 0)), 0.35891648, 5e-9);
    EXPECT_NEAR(hw.expected(ref(Quantity::W_after, 1, 0, 0)), 0.149780716, 5e-10);
    // b²₁ ← 0.6 − 0.5·δ²₁ = 0.6 − 0.5·0.138498562 = 0.530750719
    EXPECT_NEAR(hw.expected(ref(Quantity::b_after, 2, 0)), 0.530750719, 5e-9);
    // a⁰ is the input itself
    EXPECT_EQ(hw.expected(ref(Quantity::a, 0, 1)), 0.10);
}

TEST(Homework, FrozenBiasesStayPut) {
    const Homework hw(test::mazur_network(), mazur_data(), mazur_training(true), 0);
    EXPECT_EQ(hw.expected(ref(Quantity::b_after, 2, 0)), 0.6);
    EXPECT_EQ(hw.formula(ref(Quantity::b_after, 2, 0)), "b²₁ = 0.6 stays: this file freezes the biases");
}

TEST(Homework, FormulasShowTheNumbers) {
    // The numbers are Mazur's, rounded to 4 digits: z¹₁ = 0.3775, a²₁ = 0.7514, δ²₁ = 0.1385, ...
    const Homework hw(test::mazur_network(), mazur_data(), mazur_training(false), 0);
    EXPECT_EQ(hw.formula(ref(Quantity::z, 1, 0)), "z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(hw.formula(ref(Quantity::a, 2, 0)), "a²₁ = σ(z²₁) = σ(1.106) = 0.7514");
    EXPECT_EQ(hw.formula(ref(Quantity::delta, 2, 0)), "δ²₁ = (a²₁ − y₁)·σ′(z²₁) = (0.7514 − 0.01)·0.1868 = 0.1385");
    EXPECT_EQ(hw.formula(ref(Quantity::delta, 1, 0)),
              "δ¹₁ = (w²₁₁·δ²₁ + w²₂₁·δ²₂)·σ′(z¹₁) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    EXPECT_EQ(hw.formula(ref(Quantity::dW, 2, 0, 0)), "∂L/∂w²₁₁ = a¹₁·δ²₁ = 0.5933·0.1385 = 0.08217");
    EXPECT_EQ(hw.formula(ref(Quantity::db, 2, 1)), "∂L/∂b²₂ = δ²₂ = −0.0381");
    EXPECT_EQ(hw.formula(ref(Quantity::loss)), "L = ½[(a²₁ − y₁)² + (a²₂ − y₂)²] = ½[(0.7514 − 0.01)² + (0.7729 − 0.99)²] = 0.2984");
    EXPECT_EQ(hw.formula(ref(Quantity::W_after, 2, 0, 0)), "w²₁₁ ← w²₁₁ − η·∂L/∂w²₁₁ = 0.4 − 0.5·0.08217 = 0.3589");
}

TEST(Homework, MarksRightWrongAndTooFewDigits) {
    const Homework hw(test::mazur_network(), mazur_data(), mazur_training(false), 0);
    MarkedAnswer m = hw.mark({ref(Quantity::a, 2, 0), "0.7514"});
    EXPECT_TRUE(m.correct());
    EXPECT_TRUE(m.diagnosis.empty());
    EXPECT_EQ(m.label, "a²₁");

    m = hw.mark({ref(Quantity::delta, 2, 0), "0.7414"});  // forgot σ′(z²₁)
    EXPECT_EQ(m.verdict, Verdict::wrong);
    ASSERT_TRUE(m.mistake.has_value());
    EXPECT_EQ(m.mistake->mistake, Mistake::forgot_derivative);
    EXPECT_EQ(m.diagnosis, m.mistake->sentence);

    m = hw.mark({ref(Quantity::dW, 1, 0, 0), "4.39e-4"});
    EXPECT_TRUE(m.correct());

    m = hw.mark({ref(Quantity::a, 2, 0), "0.8"});
    EXPECT_EQ(m.verdict, Verdict::need_more_digits);
    EXPECT_FALSE(m.correct());
    EXPECT_NE(m.diagnosis.find("significant"), std::string::npos);

    m = hw.mark({ref(Quantity::a, 2, 0), "-0.8"});  // one digit and the wrong sign: wrong, no guessing
    EXPECT_EQ(m.verdict, Verdict::wrong);
    EXPECT_FALSE(m.mistake.has_value());
    EXPECT_NE(m.diagnosis.find("significant"), std::string::npos);

    m = hw.mark({ref(Quantity::a, 2, 0), "zero point seven"});
    EXPECT_EQ(m.verdict, Verdict::unreadable);
    EXPECT_FALSE(m.diagnosis.empty());

    m = hw.mark({ref(Quantity::a, 2, 0), "0.9999"});  // wrong, and no classic mistake gives it
    EXPECT_EQ(m.verdict, Verdict::wrong);
    EXPECT_TRUE(m.diagnosis.empty());
}

TEST(Homework, IndexProblemsNameTheFieldAndTheLimit) {
    const Homework hw(test::mazur_network(), mazur_data(), mazur_training(false), 0);
    auto p = hw.check(ref(Quantity::a, 5, 0));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->field, "layer");
    EXPECT_EQ(p->message, "5 is past the last layer (2)");
    p = hw.check(ref(Quantity::delta, 0, 0));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->field, "layer");
    p = hw.check(ref(Quantity::db, 2, 2));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->field, "neuron");
    p = hw.check(ref(Quantity::dW, 1, 0, 2));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->field, "k");
    EXPECT_EQ(p->message, "2 is past the last neuron of layer 0 (1)");
    p = hw.check(ref(Quantity::z, 1, 0, 0, 1));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->field, "sample");
    EXPECT_FALSE(hw.check(ref(Quantity::loss, 9, 9, 9)).has_value());  // the loss takes no indices
    EXPECT_FALSE(hw.check(ref(Quantity::W_after, 2, 1, 1)).has_value());
}

TEST(Homework, BatchModeAveragesOverTheData) {
    // Three copies of Mazur's sample as one batch: the mean loss and the gradients are Mazur's, while
    // each sample's δ carries the 1/3: δ²₁ = 0.138498562/3 = 0.046166187.
    const Homework hw(test::mazur_network(), mazur_data(3), mazur_training(false), std::nullopt);
    EXPECT_EQ(hw.batch_size(), 3);
    EXPECT_NEAR(hw.expected(ref(Quantity::loss)), 0.298371109, 5e-10);
    EXPECT_NEAR(hw.expected(ref(Quantity::delta, 2, 0, 0, 2)), 0.046166187, 5e-10);
    EXPECT_NEAR(hw.expected(ref(Quantity::W_after, 2, 0, 0)), 0.35891648, 5e-9);
    EXPECT_EQ(hw.formula(ref(Quantity::db, 2, 0)), "∂L/∂b²₁ = Σₙ δ²₁ = 0.04617 + 0.04617 + 0.04617 = 0.1385");
    // Forgetting the 1/N gives 3·0.082167041 = 0.246501123 for ∂L/∂w²₁₁.
    const MarkedAnswer m = hw.mark({ref(Quantity::dW, 2, 0, 0), "0.2465"});
    ASSERT_TRUE(m.mistake.has_value());
    EXPECT_EQ(m.mistake->mistake, Mistake::batch_mean_forgotten);
}

TEST(Homework, EveryStepperEventIsAQuestionWithTheSameAnswer) {
    // Quiz mode asks for the value of the stepper's next event: Homework must expect exactly that value.
    Network net = test::mazur_network();
    const Dataset data = {take_rows(test::mazur_x(), 0, 2), take_rows(test::mazur_y(), 0, 2)};
    const TrainingConfig c = mazur_training(false);
    const Homework hw(net, data, c, std::nullopt);
    const Stepper stepper(net, data.X, data.Y, c, 1);
    ASSERT_GT(stepper.size(), 0);
    for (const StepEvent& e : stepper.events()) {
        const QuantityRef q = quantity_of(e, stepper.shown_sample());
        EXPECT_FALSE(hw.check(q).has_value()) << stepper.text(e).title;
        EXPECT_EQ(hw.expected(q), e.value) << stepper.text(e).title;
    }
}

TEST(Homework, ASampleOutsideTheDataIsRefused) {
    EXPECT_THROW(Homework(test::mazur_network(), mazur_data(), mazur_training(false), 1), bp::Error);
}

}  // namespace
}  // namespace bp
