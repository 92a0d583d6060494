// The app's state machine without a window: stepping, weight edits (the pass recomputed exactly as
// bp::run_pass computes it), undo/redo round trips, gestures, architecture edits that keep the network
// valid, refused edits, training. Reference numbers are Mazur's 2-2-2 example, derived by hand:
//   z¹₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775          a¹₁ = σ(0.3775) = 0.593269992
//   z¹₂ = 0.25·0.05 + 0.30·0.10 + 0.35 = 0.3925          a¹₂ = σ(0.3925) = 0.596884378
//   z²₁ = 0.40·a¹₁ + 0.45·a¹₂ + 0.60 = 1.105905967       a²₁ = 0.751365070
//   z²₂ = 0.50·a¹₁ + 0.55·a¹₂ + 0.60 = 1.224921404       a²₂ = 0.772928465
//   L = ½(a²₁ − 0.01)² + ½(a²₂ − 0.99)² = 0.298371109
//   ∂L/∂w²₁₁ = (a²₁ − y₁)·a²₁(1 − a²₁)·a¹₁ = 0.74136507·0.18681560·0.59326999 = 0.082167041
//   w²₁₁ after one update with η = 0.5: 0.4 − 0.5·0.082167041 = 0.358916480
#include <gtest/gtest.h>

#include <cmath>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "engine/core/optimizer.h"
#include "engine/core/passes.h"

using namespace studio;
using Kind = bp::ValueRef::Kind;

namespace {

AppState example() { return make_state(builtin_example(), "", "example"); }

bool same_network(const bp::Network& a, const bp::Network& b) {
    if (a.layers.size() != b.layers.size() || a.loss != b.loss) return false;
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        const bp::Layer &x = a.layers[l], &y = b.layers[l];
        if (x.size != y.size || x.W != y.W || x.b != y.b || x.bias != y.bias) return false;
        if (l > 0 && x.activation != y.activation) return false;
    }
    return true;
}

// The stepper's complete trace equals an independent run_pass on the state's network and batch.
void expect_pass_matches_run_pass(const AppState& s) {
    const bp::Trace ref = bp::run_pass(s.doc.net, pass_inputs(s), pass_targets(s));
    const bp::Trace& t = s.stepper->trace();
    EXPECT_EQ(t.loss, ref.loss);
    for (int l = 1; l <= s.doc.net.L(); ++l) {
        EXPECT_EQ(t.layers[l].z, ref.layers[l].z) << "layer " << l;
        EXPECT_EQ(t.layers[l].delta, ref.layers[l].delta) << "layer " << l;
        EXPECT_EQ(t.layers[l].dW, ref.layers[l].dW) << "layer " << l;
    }
}

}  // namespace

TEST(Actions, StartsAtTheBeginningOfAPassWithNothingComputed) {
    const AppState s = example();
    EXPECT_EQ(s.stepper->cursor(), 0);
    EXPECT_FALSE(known(s, {Kind::z, 1, 0, 0}));
    EXPECT_FALSE(known(s, {Kind::loss, 0, 0, 0}));
    EXPECT_TRUE(known(s, {Kind::weight, 2, 0, 0}));
    EXPECT_TRUE(s.undo.empty());
    expect_pass_matches_run_pass(s);
}

TEST(Actions, FirstStepComputesZOfTheFirstHiddenNeuron) {
    AppState s = example();
    apply(s, act::StepForward{});
    ASSERT_EQ(s.stepper->cursor(), 1);
    const bp::StepEvent* e = s.stepper->current();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->writes, (bp::ValueRef{Kind::z, 1, 0, 0}));
    EXPECT_NEAR(e->value, 0.3775, 1e-12);
    EXPECT_TRUE(known(s, {Kind::z, 1, 0, 0}));
    EXPECT_FALSE(known(s, {Kind::a, 1, 0, 0}));
    apply(s, act::StepBack{});
    EXPECT_EQ(s.stepper->cursor(), 0);
    EXPECT_FALSE(known(s, {Kind::z, 1, 0, 0}));
}

TEST(Actions, RunPassGivesTheCourseNumbers) {
    AppState s = example();
    apply(s, act::RunPass{});
    EXPECT_TRUE(s.stepper->at_end());
    const bp::Trace& t = s.stepper->trace();
    EXPECT_NEAR(t.layers[2].a(0, 0), 0.751365070, 1e-8);
    EXPECT_NEAR(t.loss, 0.298371109, 1e-8);
    EXPECT_NEAR(t.layers[2].dW(0, 0), 0.082167041, 1e-8);
    EXPECT_NEAR(weight_shown(s, 2, 0, 0), 0.358916480, 1e-8) << "after its update event the new value shows";
    EXPECT_DOUBLE_EQ(s.doc.net.layers[2].W(0, 0), 0.4) << "the document changes only when the pass is committed";
}

TEST(Actions, ParameterShowsItsNewValueOnlyAfterItsUpdateEvent) {
    AppState s = example();
    const int e = s.weight_update_event[2][0];
    ASSERT_GE(e, 0);
    apply(s, act::Seek{e});
    EXPECT_FALSE(weight_updated(s, 2, 0, 0));
    EXPECT_DOUBLE_EQ(weight_shown(s, 2, 0, 0), 0.4);
    apply(s, act::Seek{e + 1});
    EXPECT_TRUE(weight_updated(s, 2, 0, 0));
    EXPECT_EQ(s.bias_update_event[2][0], -1) << "biases are frozen in the example: no update event";
}

TEST(Actions, CommittingAPassAppliesTheUpdateAndRecordsTheLoss) {
    AppState s = example();
    apply(s, act::RunPass{});
    apply(s, act::StepForward{});  // past the end: commit
    EXPECT_EQ(s.steps_done, 1);
    ASSERT_EQ(s.history.size(), 1u);
    EXPECT_EQ(s.history.last().step, 0);
    EXPECT_NEAR(s.history.last().train, 0.298371109, 1e-8);
    EXPECT_TRUE(std::isnan(s.history.last().test)) << "the example has no test data";
    EXPECT_NEAR(s.doc.net.layers[2].W(0, 0), 0.358916480, 1e-8);
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].b[0], 0.35) << "frozen biases stay";
    EXPECT_EQ(s.stepper->cursor(), 0);
    expect_pass_matches_run_pass(s);
    apply(s, act::StepForward{5, false});
    apply(s, act::RunPass{});
    apply(s, act::StepForward{3, false});  // without commit: stays at the end
    EXPECT_TRUE(s.stepper->at_end());
    EXPECT_EQ(s.steps_done, 1);
}

TEST(Actions, EditingAWeightRecomputesThePassAndKeepsTheCursor) {
    AppState s = example();
    apply(s, act::StepForward{7, false});
    const double before = s.stepper->trace().loss;
    apply(s, act::EditParameter{Selection::weight(2, 0, 0), 0.1});
    EXPECT_DOUBLE_EQ(s.doc.net.layers[2].W(0, 0), 0.1);
    EXPECT_EQ(s.stepper->cursor(), 7);
    EXPECT_NE(s.stepper->trace().loss, before);
    expect_pass_matches_run_pass(s);
    EXPECT_EQ(s.undo.size(), 1u);
    EXPECT_TRUE(is_modified(s));
    ASSERT_EQ(s.history.edits().size(), 1u);
    EXPECT_EQ(s.history.edits()[0], 0);
}

TEST(Actions, UndoRedoRoundTripsToIdenticalState) {
    AppState s = example();
    const bp::Network original = s.doc.net;
    apply(s, act::Select{Selection::weight(1, 1, 0)});
    apply(s, act::EditParameter{Selection::weight(1, 1, 0), -2.5});
    apply(s, act::EditParameter{Selection::bias(2, 1), 1.25});
    const bp::Network edited = s.doc.net;
    EXPECT_EQ(s.undo.size(), 2u);
    apply(s, act::Undo{});
    apply(s, act::Undo{});
    EXPECT_TRUE(same_network(s.doc.net, original));
    EXPECT_EQ(s.selection, Selection::weight(1, 1, 0));
    expect_pass_matches_run_pass(s);
    apply(s, act::Undo{});  // nothing left: harmless
    EXPECT_TRUE(same_network(s.doc.net, original));
    apply(s, act::Redo{});
    apply(s, act::Redo{});
    EXPECT_TRUE(same_network(s.doc.net, edited));
    expect_pass_matches_run_pass(s);
    apply(s, act::Undo{});
    apply(s, act::EditParameter{Selection::weight(2, 1, 1), 0.9});  // a new edit clears the redo stack
    EXPECT_TRUE(s.redo.empty());
}

TEST(Actions, ADragIsOneUndoEntry) {
    AppState s = example();
    const bp::Network original = s.doc.net;
    apply(s, act::BeginGesture{});
    for (double v : {0.41, 0.45, 0.52, 0.6}) apply(s, act::EditParameter{Selection::weight(2, 0, 1), v});
    apply(s, act::EndGesture{});
    EXPECT_DOUBLE_EQ(s.doc.net.layers[2].W(0, 1), 0.6);
    EXPECT_EQ(s.undo.size(), 1u);
    apply(s, act::Undo{});
    EXPECT_TRUE(same_network(s.doc.net, original));
    apply(s, act::BeginGesture{});  // a second drag is a second entry
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 0.7});
    apply(s, act::EndGesture{});
    apply(s, act::BeginGesture{});
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 0.8});
    apply(s, act::EndGesture{});
    EXPECT_EQ(s.undo.size(), 2u);
}

TEST(Actions, RefusedEditsChangeNothingAndSayWhy) {
    AppState s = example();
    const bp::Network original = s.doc.net;
    apply(s, act::SetActivation{1, bp::Activation::softmax});  // softmax only on the output
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.status.find("softmax"), std::string::npos);
    apply(s, act::SetLoss{bp::Loss::cross_entropy});  // needs a softmax output
    EXPECT_TRUE(s.status_is_error);
    apply(s, act::EditParameter{Selection::weight(2, 0, 0), NAN});
    EXPECT_TRUE(s.status_is_error);
    apply(s, act::RemoveLayer{2});  // the output layer
    EXPECT_TRUE(s.status_is_error);
    apply(s, act::RemoveNeuron{1, 0});
    apply(s, act::RemoveNeuron{1, 0});  // the last neuron of the layer
    EXPECT_TRUE(s.status_is_error);
    apply(s, act::Undo{});
    EXPECT_TRUE(same_network(s.doc.net, original));
    EXPECT_TRUE(s.undo.empty());
}

TEST(Actions, AddAndRemoveLayersKeepAValidNetwork) {
    AppState s = example();
    const bp::Network original = s.doc.net;
    apply(s, act::AddLayer{1, 3, bp::Activation::tanh});
    ASSERT_FALSE(s.status_is_error) << s.status;
    ASSERT_EQ(s.doc.net.L(), 3);
    EXPECT_EQ(s.doc.net.layers[2].size, 3);
    EXPECT_EQ(s.doc.net.layers[2].activation, bp::Activation::tanh);
    EXPECT_EQ(s.doc.net.layers[3].W.cols, 3);
    EXPECT_EQ(s.doc.net.layers[1].W, original.layers[1].W) << "layers before the new one keep their weights";
    EXPECT_EQ(s.doc.net.layers[3].b, original.layers[2].b) << "the next layer keeps its biases";
    EXPECT_NO_THROW(bp::validate(s.doc.net));
    EXPECT_EQ(s.stepper->cursor(), 0);
    expect_pass_matches_run_pass(s);
    apply(s, act::AddLayer{0, 4, bp::Activation::relu});
    EXPECT_EQ(s.doc.net.L(), 4);
    apply(s, act::RemoveLayer{2});
    EXPECT_EQ(s.doc.net.L(), 3);
    EXPECT_NO_THROW(bp::validate(s.doc.net));
    expect_pass_matches_run_pass(s);
    apply(s, act::Undo{});
    apply(s, act::Undo{});
    apply(s, act::Undo{});
    EXPECT_TRUE(same_network(s.doc.net, original));
}

TEST(Actions, AddingThenRemovingANeuronRestoresTheNetwork) {
    AppState s = example();
    const bp::Network original = s.doc.net;
    apply(s, act::AddNeuron{1});
    ASSERT_EQ(s.doc.net.layers[1].size, 3);
    EXPECT_EQ(s.doc.net.layers[2].W.cols, 3);
    for (int j = 0; j < 2; ++j)
        for (int k = 0; k < 2; ++k) EXPECT_EQ(s.doc.net.layers[1].W(j, k), original.layers[1].W(j, k));
    expect_pass_matches_run_pass(s);
    apply(s, act::RemoveNeuron{1, 2});
    EXPECT_TRUE(same_network(s.doc.net, original));
    EXPECT_EQ(s.undo.size(), 2u);
}

TEST(Actions, SelectionThatNoLongerExistsIsCleared) {
    AppState s = example();
    apply(s, act::AddNeuron{1});
    apply(s, act::Select{Selection::neuron(1, 2)});
    EXPECT_EQ(s.selection, Selection::neuron(1, 2));
    apply(s, act::RemoveNeuron{1, 2});
    EXPECT_TRUE(s.selection.empty());
    apply(s, act::Select{Selection::weight(5, 0, 0)});  // invalid: ignored
    EXPECT_TRUE(s.selection.empty());
}

TEST(Actions, BiasActivationLossAndReinitialise) {
    AppState s = example();
    apply(s, act::SetBias{1, false});
    EXPECT_FALSE(s.doc.net.layers[1].bias);
    for (double b : s.doc.net.layers[1].b) EXPECT_EQ(b, 0.0);
    expect_pass_matches_run_pass(s);
    apply(s, act::EditParameter{Selection::bias(1, 0), 0.3});  // no bias: refused
    EXPECT_TRUE(s.status_is_error);
    apply(s, act::SetActivation{2, bp::Activation::softmax});
    apply(s, act::SetLoss{bp::Loss::mse});
    EXPECT_EQ(s.doc.net.layers[2].activation, bp::Activation::softmax);
    EXPECT_EQ(s.doc.net.loss, bp::Loss::mse);
    expect_pass_matches_run_pass(s);
    apply(s, act::Reinitialize{bp::InitScheme::he, 42});
    bp::Network ref = s.undo.back().doc.net;
    bp::initialize(ref, bp::InitScheme::he, 42);
    EXPECT_TRUE(same_network(s.doc.net, ref));
    EXPECT_EQ(s.settings.init_seed, 42u);
    EXPECT_EQ(s.undo.size(), 4u);
}

TEST(Actions, TrainingMatchesTheEngineTrainerAndRecordsEveryStep) {
    AppState s = example();
    apply(s, act::TrainSteps{25});
    EXPECT_EQ(s.steps_done, 25);
    EXPECT_EQ(s.history.steps(), 25);
    const std::vector<LossPoint>& h = s.history.points();
    ASSERT_EQ(h.size(), 25u);
    EXPECT_NEAR(h[0].train, 0.298371109, 1e-8);
    for (std::size_t i = 1; i < h.size(); ++i) {
        EXPECT_EQ(h[i].step, static_cast<long>(i));
        EXPECT_LT(h[i].train, h[i - 1].train);
    }
    bp::Document ref = builtin_example();
    bp::Trainer trainer(*ref.data, ref.training);
    for (int i = 0; i < 25; ++i) trainer.step(ref.net);
    EXPECT_TRUE(same_network(s.doc.net, ref.net)) << "the app trains exactly as the engine does";
    expect_pass_matches_run_pass(s);
}

TEST(Actions, DivergingTrainingIsTakenBack) {
    AppState s = example();
    apply(s, act::SetLoss{bp::Loss::mse});
    apply(s, act::SetActivation{1, bp::Activation::linear});  // all linear: nothing saturates, so η = 10⁶
    apply(s, act::SetActivation{2, bp::Activation::linear});  // multiplies the error by about −10⁶ a step
    apply(s, act::SetLearningRate{1e6});
    ASSERT_FALSE(s.status_is_error) << s.status;
    const bp::Network before = s.doc.net;
    apply(s, act::TrainSteps{200});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_EQ(s.steps_done, 0);
    EXPECT_TRUE(s.history.empty());
    EXPECT_EQ(s.history.steps(), 0);
    EXPECT_TRUE(same_network(s.doc.net, before));
}

TEST(Actions, PlayStepsAtTheChosenSpeed) {
    AppState s = example();
    Settings t = s.settings;
    t.play_speed = 4;
    apply(s, act::SetSettings{t});
    apply(s, act::Tick{1.0});
    EXPECT_EQ(s.stepper->cursor(), 0) << "not playing";
    apply(s, act::SetPlaying{true});
    apply(s, act::Tick{0.5});
    EXPECT_EQ(s.stepper->cursor(), 2);
    apply(s, act::Tick{0.125});
    apply(s, act::Tick{0.125});
    EXPECT_EQ(s.stepper->cursor(), 3);
    apply(s, act::SetPlaying{false});
    apply(s, act::Tick{10});
    EXPECT_EQ(s.stepper->cursor(), 3);
}

TEST(Actions, GranularityAndPhases) {
    AppState s = example();
    Settings t = s.settings;
    t.granularity = bp::Granularity::phase;
    apply(s, act::SetSettings{t});
    apply(s, act::StepForward{});
    EXPECT_EQ(s.stepper->phase(), bp::Phase::loss) << "one step = the whole forward phase";
    EXPECT_TRUE(known(s, {Kind::a, 2, 1, 0}));
    EXPECT_FALSE(known(s, {Kind::loss, 0, 0, 0}));
    apply(s, act::RunPhase{});
    EXPECT_TRUE(known(s, {Kind::loss, 0, 0, 0}));
    apply(s, act::Restart{});
    EXPECT_EQ(s.stepper->cursor(), 0);
}

TEST(Actions, SamplesAndBatches) {
    bp::Document doc = builtin_example();
    doc.data->X = bp::Matrix(3, 2);
    doc.data->Y = bp::Matrix(3, 2, 0.5);
    for (int n = 0; n < 3; ++n) doc.data->X(n, 0) = 0.1 * n, doc.data->X(n, 1) = 1 - 0.2 * n;
    AppState s = make_state(doc, "", "three samples");
    apply(s, act::SetSample{2});
    EXPECT_EQ(pass_inputs(s).rows, 1);
    EXPECT_DOUBLE_EQ(pass_inputs(s)(0, 0), 0.2);
    expect_pass_matches_run_pass(s);
    apply(s, act::RunPass{});
    apply(s, act::StepForward{});  // commit: the next pass uses the next sample
    EXPECT_EQ(s.sample, 0);
    apply(s, act::SetSample{-1});
    EXPECT_EQ(pass_inputs(s).rows, 3);
    expect_pass_matches_run_pass(s);
    apply(s, act::SetSample{99});
    EXPECT_EQ(s.sample, 2) << "clamped";
}

TEST(Actions, SettingsAreClamped) {
    AppState s = example();
    Settings t = s.settings;
    t.side_width = 5;
    t.play_speed = -1;
    apply(s, act::SetSettings{t});
    EXPECT_LE(s.settings.side_width, 0.6f);
    EXPECT_GT(s.settings.play_speed, 0);
}

TEST(Actions, ReplaceDocumentStartsFreshOrRefuses) {
    AppState s = example();
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 1.0});
    bp::Document bad = builtin_example();
    bad.net.layers[1].W = bp::Matrix(3, 3);
    apply(s, act::ReplaceDocument{bad, "bad.json", "bad"});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 1.0) << "a failed open keeps the current network";
    apply(s, act::ReplaceDocument{builtin_example(), "x.json", "x"});
    EXPECT_FALSE(s.status_is_error);
    EXPECT_TRUE(s.undo.empty());
    EXPECT_EQ(s.file_path, "x.json");
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 0.15);
}

TEST(Actions, KeyboardModeIsAPlainSwitchThatSaysWhatTheKeysDo) {
    AppState s = example();
    EXPECT_FALSE(s.keyboard_mode);
    apply(s, act::SetKeyboardMode{true});
    EXPECT_TRUE(s.keyboard_mode);
    EXPECT_NE(s.status.find("Keyboard mode"), std::string::npos) << s.status;
    apply(s, act::SetKeyboardMode{false});
    EXPECT_FALSE(s.keyboard_mode);
    EXPECT_NE(s.status.find("step the pass again"), std::string::npos) << s.status;
    EXPECT_TRUE(s.undo.empty()) << "a way of using the keys, not an edit";
    EXPECT_FALSE(is_modified(s));
}

// Issue 18, item 7: undo named the drag's first value, and undoing back to the saved state kept the *.
TEST(Actions, UndoNamesWhereADragEndedAndUndoingToTheSavedStateClearsTheStar) {
    AppState s = example();
    EXPECT_FALSE(is_modified(s));
    apply(s, act::BeginGesture{});
    for (double v : {0.425, 0.55, 0.7}) apply(s, act::EditParameter{Selection::weight(2, 0, 0), v});
    apply(s, act::EndGesture{});
    ASSERT_EQ(s.undo.size(), 1u) << "a drag is one entry";
    EXPECT_NE(s.undo.back().label.find("0.7"), std::string::npos) << s.undo.back().label;
    EXPECT_TRUE(is_modified(s));
    apply(s, act::Undo{});
    EXPECT_NE(s.status.find("0.7"), std::string::npos) << s.status;
    EXPECT_FALSE(is_modified(s)) << "back to what the file holds";
    apply(s, act::Redo{});
    EXPECT_TRUE(is_modified(s));
}

// Training changes the parameters: unsaved work, so quitting asks.
TEST(Actions, TrainingIsUnsavedWork) {
    AppState s = example();
    apply(s, act::TrainSteps{3});
    EXPECT_TRUE(is_modified(s));
    AppState t = example();
    apply(t, act::Lab{lab::Train{3}});
    EXPECT_TRUE(is_modified(t));
}
