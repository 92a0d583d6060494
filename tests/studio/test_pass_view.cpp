// What the window shows follows the pass (figures/pass_view.h) and quiz mode hides what it asks, without a
// window: the neurons' value per phase, the phase strip's lit phase, a pending update's text, the values a
// waiting question would give away (loss panel, Lab, the Inspector's w′, exports), and hints that never
// carry over to another question. Reference numbers: Mazur's 2-2-2 example (w²₁₁ = 0.4, after one SGD
// step with η = 0.5: 0.35891648; L = 0.298371109).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/studio/figures/describe.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/export.h"
#include "app/studio/handlers/quiz.h"
#include "tests/studio/pass_helpers.h"

using namespace studio;
using namespace studio::test;
using Kind = bp::ValueRef::Kind;

namespace {

void seek(AppState& s, int cursor) { apply(s, act::Seek{cursor}); }

const ValueLine* line_named(const std::vector<ValueLine>& lines, const std::string& name) {
    for (const ValueLine& l : lines)
        if (l.name == name) return &l;
    return nullptr;
}

}  // namespace

// ---- what the neurons show ----

TEST(PassView, NeuronsShowAInTheForwardPassAndDeltaInTheBackwardPass) {
    AppState s = example();
    ASSERT_EQ(s.settings.neuron_value, NeuronValue::follow_pass);  // the default: nobody picked
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::a);               // before the first step
    const int loss = first_event(s, bp::EventKind::loss);
    seek(s, loss);  // the last forward event is on screen
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::a);
    seek(s, loss + 1);  // the loss formula is on screen
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::a);
    seek(s, loss + 2);  // δ of the first output neuron
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::delta);
    seek(s, first_event(s, bp::EventKind::weight_gradient) + 1);
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::delta);
    apply(s, act::RunPass{});
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::delta);
    EXPECT_STREQ(neuron_value_symbol(neuron_value_shown(s)), "δ");
}

TEST(PassView, TheNeuronWhoseZWasJustComputedShowsIt) {
    AppState s = example();
    const int z21 = first_event(s, bp::EventKind::z) + 4;  // z¹₁ a¹₁ z¹₂ a¹₂ z²₁
    ASSERT_EQ(s.stepper->events()[z21].writes, (bp::ValueRef{Kind::z, 2, 0, 0}));
    seek(s, z21 + 1);  // z²₁ on screen
    EXPECT_EQ(neuron_value_of(s, 2, 0), NeuronValue::z);
    EXPECT_EQ(neuron_value_of(s, 1, 0), NeuronValue::a);
    seek(s, z21 + 2);  // a²₁ on screen: back to a
    EXPECT_EQ(neuron_value_of(s, 2, 0), NeuronValue::a);
    Settings t = s.settings;  // a picked view is kept for every neuron
    t.neuron_value = NeuronValue::a;
    apply(s, act::SetSettings{t});
    seek(s, z21 + 1);
    EXPECT_EQ(neuron_value_of(s, 2, 0), NeuronValue::a);
}

TEST(PassView, APickedViewStaysWhateverThePhase) {
    AppState s = example();
    Settings t = s.settings;
    t.neuron_value = NeuronValue::z;
    apply(s, act::SetSettings{t});
    seek(s, first_event(s, bp::EventKind::output_delta) + 1);
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::z);
    t.neuron_value = NeuronValue::a;
    apply(s, act::SetSettings{t});
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::a);  // a in the backward pass: the user asked for it
}

// ---- the phase strip ----

TEST(PassView, ThePhaseOnScreenIsTheLastStepDoneNotTheNext) {
    AppState s = example();
    EXPECT_FALSE(phase_on_screen(s).has_value());  // nothing computed yet: nothing lit
    const int loss = first_event(s, bp::EventKind::loss);
    seek(s, loss + 1);  // the loss formula is shown; the next step is the backward pass
    ASSERT_TRUE(phase_on_screen(s).has_value());
    EXPECT_EQ(*phase_on_screen(s), bp::Phase::loss);
    EXPECT_EQ(s.stepper->phase(), bp::Phase::backward);  // what the strip lit before
    apply(s, act::RunPass{});
    EXPECT_EQ(*phase_on_screen(s), bp::Phase::update);
}

TEST(PassView, AWaitingQuizQuestionIsWhatIsOnScreen) {
    AppState s = example();
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::output_delta)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::RunPass{});  // stops before δ²₁: the last step done is the loss
    ASSERT_EQ(quiz_question(s), first_event(s, bp::EventKind::output_delta));
    EXPECT_EQ(s.stepper->current()->phase, bp::Phase::loss);
    EXPECT_EQ(*phase_on_screen(s), bp::Phase::backward);  // the banner and the formula panel ask for δ²₁
    EXPECT_EQ(neuron_value_shown(s), NeuronValue::delta);
}

// ---- a pending update ----

TEST(PassView, APendingUpdateIsWrittenAsSuchUntilTheNextPassAppliesIt) {
    AppState s = example();
    const Selection w = Selection::weight(2, 0, 0);  // w²₁₁ = 0.4
    EXPECT_EQ(parameter_text(s, w, 3), "0.4");
    const int update = s.weight_update_event[2][0];
    ASSERT_GE(update, 0);
    seek(s, update);  // its update is the next step: not done yet
    EXPECT_FALSE(update_pending(s, w));
    EXPECT_EQ(parameter_text(s, w, 3), "0.4");
    seek(s, update + 1);
    EXPECT_TRUE(update_pending(s, w));
    EXPECT_EQ(parameter_text(s, w, 3), "0.4 → 0.359");
    // w¹₁₁ = 0.15 becomes 0.149781: three digits would read "0.15 → 0.15".
    EXPECT_EQ(parameter_text(s, Selection::weight(1, 0, 0), 3), "0.15 → 0.1498");
    EXPECT_DOUBLE_EQ(s.doc.net.layers[2].W(0, 0), 0.4);  // the document (the Inspector's w) is unchanged
    // The Inspector says so: w′ carries the pending note.
    const std::vector<ValueLine> lines = describe(s, w);
    const ValueLine* after = line_named(lines, "w²₁₁′");
    ASSERT_NE(after, nullptr);
    EXPECT_TRUE(after->known);
    EXPECT_NE(after->meaning.find("pending"), std::string::npos) << after->meaning;
    // The next pass starts from it: no longer pending, the new value is the value.
    apply(s, act::RunPass{});
    apply(s, act::StepForward{});
    EXPECT_FALSE(update_pending(s, w));
    EXPECT_EQ(parameter_text(s, w, 3), "0.359");
}

// ---- quiz mode hides what it asks ----

TEST(PassView, QuizModeHidesTheLossItAsksEverywhere) {
    AppState s = example();
    const bp::ValueRef loss{Kind::loss, 0, 0, 0};
    EXPECT_FALSE(quiz_hides(s, loss));
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::loss)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::RunPass{});  // stops before L
    ASSERT_EQ(quiz_question(s), first_event(s, bp::EventKind::loss));
    EXPECT_TRUE(quiz_hides(s, loss));
    EXPECT_FALSE(quiz_hides(s, {Kind::a, 2, 0, 0}));  // a²₁ is on screen already
    // The exports leave it out (the CSV's last line, the JSON's loss).
    const std::string csv = trace_csv(s);
    EXPECT_NE(csv.find("\nloss,,,,,\n"), std::string::npos) << csv.substr(csv.rfind("loss"));
    EXPECT_EQ(csv.find("0.29837"), std::string::npos);
    const nlohmann::json j = trace_json(s);
    EXPECT_TRUE(j["loss"].is_null());
    EXPECT_TRUE(j["sample_losses"].is_null());
    // Answered: shown again.
    quiz(s, quiz_cmd::Answer{"0.2984"});
    EXPECT_FALSE(quiz_hides(s, loss));
    EXPECT_NE(trace_csv(s).find("loss,,,,,0.29837"), std::string::npos);
}

TEST(PassView, QuizModeHidesTheGradientItAsksInTheExports) {
    AppState s = example();
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::gradients)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::RunPass{});  // stops before ∂L/∂w¹₁₁
    const bp::StepEvent& e = s.stepper->events()[quiz_question(s)];
    ASSERT_EQ(e.kind, bp::EventKind::weight_gradient);
    EXPECT_TRUE(quiz_hides(s, e.writes));
    const nlohmann::json j = trace_json(s);
    EXPECT_TRUE(j["layers"][e.layer]["dW"][e.neuron][e.k].is_null());
    EXPECT_FALSE(j["layers"][2]["delta"][0][0].is_null());  // δ²₁ is known: no question about it
}

TEST(PassView, QuizModeHidesTheUpdatedWeightItAsksInTheInspector) {
    AppState s = example();
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::updates)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::RunPass{});  // stops before the first update, w¹₁₁ after the step
    const int i = quiz_question(s);
    ASSERT_GE(i, 0);
    const bp::StepEvent& e = s.stepper->events()[i];
    ASSERT_EQ(e.kind, bp::EventKind::weight_update);
    const Selection w = Selection::weight(e.layer, e.neuron, e.k);
    EXPECT_TRUE(quiz_hides_update(s, w));
    const std::vector<ValueLine> lines = describe(s, w);
    const ValueLine* after = line_named(lines, lines.front().name + "′");
    ASSERT_NE(after, nullptr);
    EXPECT_FALSE(after->known);
    EXPECT_EQ(after->value, "?");
    // Another weight's update is asked later: hidden too; none is hidden with the quiz off.
    EXPECT_TRUE(quiz_hides_update(s, Selection::weight(2, 1, 1)));
    quiz(s, quiz_cmd::SetOn{false});
    EXPECT_FALSE(quiz_hides_update(s, w));
    const std::vector<ValueLine> off = describe(s, w);
    EXPECT_TRUE(line_named(off, lines.front().name + "′")->known);
}

TEST(PassView, AHintNeverCarriesOverToAnotherQuestion) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    quiz(s, quiz_cmd::Type{"0.3"});
    quiz(s, quiz_cmd::Hint{});
    EXPECT_EQ(quiz_hint_level(s), 1);
    EXPECT_EQ(quiz_draft(s), "0.3");
    // New numbers: the same first question, of a new pass: no hint, an empty field.
    quiz(s, quiz_cmd::NewNumbers{});
    ASSERT_EQ(quiz_question(s), 0);
    EXPECT_EQ(quiz_hint_level(s), 0);
    EXPECT_EQ(quiz_draft(s), "");
    quiz(s, quiz_cmd::Hint{});
    quiz(s, quiz_cmd::Hint{});
    EXPECT_EQ(quiz_hint_level(s), 2);
    // Quiz off, a step on, quiz on: the next question starts without the hint.
    quiz(s, quiz_cmd::SetOn{false});
    apply(s, act::StepForward{});
    quiz(s, quiz_cmd::SetOn{true});
    ASSERT_EQ(quiz_question(s), 1);
    EXPECT_EQ(quiz_hint_level(s), 0);
    // Back to the start (Home), no quiz command in between: z¹₁ waits, without a¹₁'s hint.
    quiz(s, quiz_cmd::Hint{});
    EXPECT_EQ(quiz_hint_level(s), 1);
    apply(s, act::Restart{});
    apply(s, act::StepForward{});
    ASSERT_EQ(quiz_question(s), 0);
    EXPECT_EQ(quiz_hint_level(s), 0);
}
