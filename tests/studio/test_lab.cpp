// The Training lab through its actions, without a window: training equals the engine's Trainer step for
// step (also across a learning-rate change, which keeps Adam's moments), the test loss is recorded,
// stop conditions, continuous training and the rate-limited refresh, divergence on the spiral with a
// learning rate far too high and the rewind to parameters an independent run reproduces, data
// generation that fits (or refuses) the network, point and table edits with undo, presets.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/lab.h"
#include "app/studio/state/resources.h"
#include "app/studio/state/settings.h"
#include "engine/teaching/notation.h"
#include "engine/core/optimizer.h"
#include "engine/io/serialize.h"

using namespace studio;

namespace {

const std::string kSpiral = std::string(BP_PRESETS_DIR) + "/spiral-2-8-8-8-1.json";
const std::string kXor = std::string(BP_PRESETS_DIR) + "/xor-2-3-1.json";

AppState open(const std::string& path) { return make_state(bp::load_document(path), path, "preset"); }
AppState example() { return make_state(builtin_example(), "", "example"); }

void do_lab(AppState& s, lab::Op op) { apply(s, act::Lab{std::move(op)}); }

// Frames of 1/60 s until `done` holds (training runs on the Lab's worker meanwhile), at most 20 s of them.
template <class Done>
void frames_until(AppState& s, Done done) {
    const auto t0 = std::chrono::steady_clock::now();
    while (!done() && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20)) {
        do_lab(s, lab::Tick{1.0 / 60});
        std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
}

bool same_parameters(const bp::Network& a, const bp::Network& b) {
    if (a.layers.size() != b.layers.size()) return false;
    for (std::size_t l = 1; l < a.layers.size(); ++l)
        if (a.layers[l].W != b.layers[l].W || a.layers[l].b != b.layers[l].b) return false;
    return true;
}

}  // namespace

TEST(Lab, TrainingIsTheEnginesTrainerAndRecordsTestLoss) {
    AppState s = open(kXor);
    ASSERT_TRUE(s.doc.test && s.doc.test->size() > 0);
    bp::Document ref = s.doc;
    do_lab(s, lab::Train{30});
    EXPECT_EQ(s.steps_done, 30);
    const std::vector<LossPoint>& h = s.history.points();
    ASSERT_EQ(h.size(), 30u);
    bp::Trainer t(*ref.data, ref.training);
    for (int i = 0; i < 30; ++i) {
        EXPECT_EQ(h[i].step, i);
        EXPECT_DOUBLE_EQ(h[i].test, bp::evaluate_loss(ref.net, *ref.test)) << "test loss before step " << i;
        EXPECT_DOUBLE_EQ(h[i].train, t.step(ref.net)) << i;
    }
    EXPECT_TRUE(same_parameters(s.doc.net, ref.net));
    EXPECT_DOUBLE_EQ(epochs_done(s), 30.0 * 10 / s.doc.data->size());
}

TEST(Lab, ALongRunKeepsTheLossHistoryBounded) {
    AppState s = open(kXor);
    const long n = 3 * static_cast<long>(LossHistory::kCapacity);
    do_lab(s, lab::Train{n});
    ASSERT_EQ(s.steps_done, n) << s.status;
    EXPECT_EQ(s.history.steps(), n);
    EXPECT_LE(s.history.size(), LossHistory::kCapacity);
    EXPECT_EQ(s.history.points().front().step, 0);
    EXPECT_EQ(s.history.last().step, n - 1) << "the curve ends at the last step trained";
    EXPECT_NE(s.status.find(bp::format_number(s.history.last().train, 4)), std::string::npos) << s.status;
    do_lab(s, lab::Step{});
    EXPECT_EQ(s.history.last().step, n);
}

TEST(Lab, ChangingTheLearningRateKeepsTheOptimiserState) {
    AppState s = open(kSpiral);
    ASSERT_EQ(s.doc.training.optimizer, bp::OptimizerKind::adam);
    bp::Document ref = s.doc;
    do_lab(s, lab::Train{40});
    bp::TrainingConfig c = s.doc.training;
    c.learning_rate = 0.003;
    c.batch_size = 20;
    c.l2 = 1e-4;
    do_lab(s, lab::SetConfig{c});
    EXPECT_FALSE(s.status_is_error) << s.status;
    ASSERT_EQ(s.undo.size(), 1u) << "a training setting is an undo entry, as the toolbar's η is";
    EXPECT_EQ(s.undo.back().label, "learning rate η = 0.003");
    do_lab(s, lab::Train{40});
    bp::Trainer t(*ref.data, ref.training);  // the same 80 steps with one Trainer and set_config
    for (int i = 0; i < 40; ++i) t.step(ref.net);
    t.set_config(c);
    for (int i = 0; i < 40; ++i) t.step(ref.net);
    EXPECT_TRUE(same_parameters(s.doc.net, ref.net)) << "Adam's moments survived the change";
    EXPECT_DOUBLE_EQ(s.doc.training.learning_rate, 0.003);
    c.learning_rate = -1;
    do_lab(s, lab::SetConfig{c});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.status.find("the learning rate must be greater than 0"), std::string::npos) << s.status;
    EXPECT_DOUBLE_EQ(s.doc.training.learning_rate, 0.003);
    // The toolbar's η is the same path: an undo entry, the optimiser's state kept.
    apply(s, act::SetLearningRate{0.002});
    EXPECT_EQ(s.undo.back().label, "learning rate η = 0.002");
    do_lab(s, lab::Train{10});
    t.set_config([&] { bp::TrainingConfig d = c; d.learning_rate = 0.002; return d; }());
    for (int i = 0; i < 10; ++i) t.step(ref.net);
    EXPECT_TRUE(same_parameters(s.doc.net, ref.net)) << "the toolbar's η kept Adam's moments too";
}

TEST(Lab, StopsAtAStepCountOrATargetLoss) {
    AppState s = open(kXor);
    do_lab(s, lab::SetSpeed{7, false});
    do_lab(s, lab::SetStops{25, 0});
    do_lab(s, lab::SetTraining{true});
    frames_until(s, [&] { return !s.lab.training; });
    EXPECT_FALSE(s.lab.training);
    EXPECT_EQ(s.steps_done, 25) << "stopped at the step asked, not at a frame's end";
    do_lab(s, lab::SetStops{0, 0.4});
    do_lab(s, lab::SetTraining{true});
    frames_until(s, [&] { return !s.lab.training; });
    EXPECT_FALSE(s.lab.training);
    EXPECT_LE(bp::evaluate_loss(s.doc.net, *s.doc.data), 0.4);
    EXPECT_NE(s.status.find("reached the target"), std::string::npos) << s.status;
}

TEST(Lab, FieldAndMapsRefreshAtMostFiveTimesASecondWhileTraining) {
    AppState s = open(kSpiral);
    do_lab(s, lab::Tick{0.0});
    EXPECT_FALSE(s.lab.cache_valid) << "nothing is computed while the Lab is not shown";
    do_lab(s, lab::SetVisible{true});
    do_lab(s, lab::Tick{0.0});
    ASSERT_TRUE(s.lab.cache_valid);
    EXPECT_EQ(s.lab.field.n, kFieldCells);
    EXPECT_EQ(s.lab.maps.n, kNeuronMapCells);
    EXPECT_TRUE(s.lab.curve.x.empty());
    const std::vector<double> before = s.lab.field.out;
    do_lab(s, lab::SetSpeed{5, false});
    do_lab(s, lab::SetTraining{true});
    do_lab(s, lab::Tick{0.05});
    while (s.steps_done == 0) {  // the worker's first steps, adopted by a frame of no time
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        do_lab(s, lab::Tick{0.0});
    }
    EXPECT_LE(s.steps_done, 10) << "a fixed speed: 5 steps a frame";
    EXPECT_EQ(s.lab.field.out, before) << "0.05 s after the last refresh: not yet";
    for (int i = 0; i < 3; ++i) do_lab(s, lab::Tick{0.05});
    EXPECT_GT(s.steps_done, 0);
    const GridField now = decision_field(s.doc.net, s.lab.domain, kFieldCells);
    EXPECT_EQ(s.lab.field.out, now.out) << "0.2 s: refreshed from the current network";
    do_lab(s, lab::SetTraining{false});  // the worker's last steps are adopted; the next frame refreshes
    do_lab(s, lab::Tick{0.0});
    EXPECT_EQ(s.lab.stats.train_acc >= 0, true);
    EXPECT_NEAR(s.lab.stats.train_loss, bp::evaluate_loss(s.doc.net, *s.doc.data), 1e-12);
}

TEST(Lab, AutomaticSpeedStaysInRange) {
    AppState s = open(kXor);
    do_lab(s, lab::SetSpeed{1, true});
    do_lab(s, lab::SetTraining{true});
    frames_until(s, [&] { return s.steps_done > 30; });
    EXPECT_GE(s.lab.steps_per_frame, 1);
    EXPECT_LE(s.lab.steps_per_frame, kMaxStepsPerFrame);
    EXPECT_GT(s.steps_done, 30) << "a tiny network trains more than one step per frame";
}

TEST(Lab, DivergenceOnTheSpiralPausesAndRewindsToAReproducibleStep) {
    AppState s = open(kSpiral);
    const bp::Document start = s.doc;
    do_lab(s, lab::Train{300});
    ASSERT_FALSE(s.lab.diverged) << s.status;
    bp::TrainingConfig c = s.doc.training;
    c.optimizer = bp::OptimizerKind::momentum;
    c.learning_rate = 50;
    do_lab(s, lab::SetConfig{c});
    do_lab(s, lab::SetSpeed{50, false});
    do_lab(s, lab::SetTraining{true});
    frames_until(s, [&] { return !s.lab.training; });
    EXPECT_FALSE(s.lab.training) << "training paused by itself";
    ASSERT_TRUE(s.lab.diverged);
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.status.find("learning rate 50 is probably too high"), std::string::npos) << s.status;
    EXPECT_GT(s.lab.diverged->step, 300);
    EXPECT_LT(s.lab.diverged->step, 2000);

    do_lab(s, lab::Rewind{});
    EXPECT_FALSE(s.lab.diverged);
    const long back = s.steps_done;
    EXPECT_GE(back, 250);
    EXPECT_LE(back, 300) << "the last checkpoint before the learning rate was raised";
    EXPECT_EQ(s.history.steps(), back);
    ASSERT_EQ(static_cast<long>(s.history.size()), back) << "under the capacity every step is kept";
    EXPECT_EQ(s.history.last().step, back - 1);
    EXPECT_FALSE(std::isnan(s.history.last().test));
    EXPECT_EQ(s.history.edits().back(), back) << "the rewind is marked on the curve";
    bp::Document ref = start;  // an independent run to that step
    bp::Trainer t(*ref.data, ref.training);
    for (long i = 0; i < back; ++i) t.step(ref.net);
    EXPECT_TRUE(same_parameters(s.doc.net, ref.net));
    apply(s, act::Undo{});  // the rewind is an undo entry
    EXPECT_FALSE(same_parameters(s.doc.net, ref.net));
}

TEST(Lab, AnExplodingLinearNetworkIsCaughtAndNeverHoldsInfinity) {
    AppState s = example();  // made linear, with η = 10⁶ every update multiplies the error
    apply(s, act::SetLoss{bp::Loss::mse});
    apply(s, act::SetActivation{1, bp::Activation::linear});
    apply(s, act::SetActivation{2, bp::Activation::linear});
    bp::TrainingConfig c = s.doc.training;
    c.learning_rate = 1e6;
    do_lab(s, lab::SetConfig{c});
    do_lab(s, lab::Train{200});
    ASSERT_TRUE(s.lab.diverged);
    EXPECT_LT(s.steps_done, 200);
    for (int l = 1; l <= s.doc.net.L(); ++l)
        for (double w : s.doc.net.layers[l].W.v) EXPECT_TRUE(std::isfinite(w)) << "the overflowing update was undone";
    do_lab(s, lab::SetVisible{true});
    do_lab(s, lab::Tick{0});
    EXPECT_TRUE(s.lab.cache_valid);
}

TEST(Lab, GeneratedDataFitsTheNetworkAndIsUndoable) {
    AppState s = example();  // Mazur: 2 inputs, 2 sigmoid outputs, ½-squared error
    const bp::Document before = s.doc;
    bp::DatasetSpec spec;
    spec.kind = bp::DatasetKind::circle;
    spec.points = 100;
    spec.test_fraction = 0.2;
    do_lab(s, lab::Generate{spec});
    ASSERT_FALSE(s.status_is_error) << s.status;
    EXPECT_EQ(s.doc.data->size(), 80);
    EXPECT_EQ(s.doc.test->size(), 20);
    EXPECT_EQ(s.doc.net.output_size(), 1) << "the output layer was resized to the data's one target";
    EXPECT_EQ(s.doc.net.layers[2].W.rows, 1);
    EXPECT_EQ(s.doc.net.layers[1].W, before.net.layers[1].W) << "a layer that still fits keeps its weights";
    EXPECT_NE(s.status.find("output layer now has 1 neuron"), std::string::npos) << s.status;
    const bp::SplitDataset ref = bp::generate_dataset(spec);
    EXPECT_EQ(s.doc.data->X, ref.train.X);
    EXPECT_EQ(s.doc.test->Y, ref.test.Y);
    EXPECT_EQ((*s.doc.extra)["dataset"]["kind"], "circle");
    apply(s, act::Undo{});
    EXPECT_EQ(s.doc.net.output_size(), 2);
    EXPECT_EQ(s.doc.data->X, before.data->X);

    spec.kind = bp::DatasetKind::sine;  // 1 input: the input layer follows
    do_lab(s, lab::Generate{spec});
    ASSERT_FALSE(s.status_is_error) << s.status;
    EXPECT_EQ(s.doc.net.input_size(), 1);
    EXPECT_EQ(s.doc.net.layers[1].W.cols, 1);
    do_lab(s, lab::SetVisible{true});
    do_lab(s, lab::Tick{0});
    EXPECT_EQ(plot_dims(s), 1);
    EXPECT_EQ(s.lab.curve.x.size(), static_cast<std::size_t>(kCurvePoints));
}

TEST(Lab, RegressionDataOnAClassifierIsRefusedClearly) {
    AppState s = open(kXor);
    const bp::Document before = s.doc;
    bp::DatasetSpec spec;
    spec.kind = bp::DatasetKind::sine;
    do_lab(s, lab::Generate{spec});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.status.find("binary_cross_entropy"), std::string::npos) << s.status;
    EXPECT_EQ(s.doc.data->X, before.data->X);
    EXPECT_TRUE(s.undo.empty());
}

TEST(Lab, SoftmaxClassifiersGetOneHotTargets) {
    AppState s = open(std::string(BP_PRESETS_DIR) + "/relu-softmax-classifier.json");
    bp::DatasetSpec spec;
    spec.kind = bp::DatasetKind::gaussians;
    spec.points = 40;
    do_lab(s, lab::Generate{spec});
    ASSERT_FALSE(s.status_is_error) << s.status;
    ASSERT_EQ(s.doc.net.output_size(), 2);
    const bp::SplitDataset ref = bp::generate_dataset(spec);
    for (int n = 0; n < s.doc.data->size(); ++n) {
        EXPECT_DOUBLE_EQ(s.doc.data->Y(n, 0) + s.doc.data->Y(n, 1), 1.0);
        EXPECT_DOUBLE_EQ(s.doc.data->Y(n, 1), ref.train.Y(n, 0)) << "class 1 is the second column";
    }
}

TEST(Lab, PointAndTableEditsAreUndoable) {
    AppState s = open(kXor);
    const int n = s.doc.data->size();
    do_lab(s, lab::AddPoint{false, {0.3, -0.4}, brush_target(s.doc.net, 1, 0)});
    ASSERT_EQ(s.doc.data->size(), n + 1);
    EXPECT_DOUBLE_EQ(s.doc.data->X(n, 1), -0.4);
    EXPECT_DOUBLE_EQ(s.doc.data->Y(n, 0), 1.0);
    apply(s, act::BeginGesture{});
    do_lab(s, lab::MovePoint{{false, n}, 0.5, 0.5});
    do_lab(s, lab::MovePoint{{false, n}, 0.6, 0.7});
    apply(s, act::EndGesture{});
    EXPECT_DOUBLE_EQ(s.doc.data->X(n, 0), 0.6);
    EXPECT_EQ(s.undo.size(), 2u) << "add + one drag";
    do_lab(s, lab::SetValue{{false, n}, false, 1, -0.25});
    EXPECT_DOUBLE_EQ(s.doc.data->X(n, 1), -0.25);
    do_lab(s, lab::SetValue{{false, n}, true, 0, 2.0});
    EXPECT_TRUE(s.status_is_error) << "a BCE target must stay in [0, 1]";
    do_lab(s, lab::RemovePoint{{false, n}});
    EXPECT_EQ(s.doc.data->size(), n);
    do_lab(s, lab::AddRow{true});
    EXPECT_EQ(s.doc.test->X(s.doc.test->size() - 1, 0), 0.0);
    for (int i = 0; i < 5; ++i) apply(s, act::Undo{});
    EXPECT_EQ(s.doc.data->size(), n);
    apply(s, act::Redo{});
    EXPECT_EQ(s.doc.data->size(), n + 1);

    AppState one = example();  // one training sample: it stays
    do_lab(one, lab::RemovePoint{{false, 0}});
    EXPECT_TRUE(one.status_is_error);
    EXPECT_EQ(one.doc.data->size(), 1);
}

// A preset replaces the document like Open does: over unsaved work it asks first (test_files.cpp).
TEST(Lab, APresetReplacesTheDocumentUntitled) {
    AppState s = example();
    const std::vector<PresetInfo> presets = list_presets();
    const auto spiral = std::find_if(presets.begin(), presets.end(), [](const PresetInfo& p) { return p.stem == "spiral-2-8-8-8-1"; });
    ASSERT_NE(spiral, presets.end());
    apply(s, act::Files{files_cmd::OpenPreset{spiral->path, spiral->title}});
    ASSERT_FALSE(s.status_is_error) << s.status;
    EXPECT_EQ(s.title, spiral->title);
    EXPECT_TRUE(s.file_path.empty()) << "saving never overwrites the preset";
    EXPECT_FALSE(is_modified(s)) << "an untouched preset is nobody's work";
    EXPECT_EQ(s.doc.net.L(), 4);
    EXPECT_EQ(s.steps_done, 0);
    EXPECT_TRUE(s.history.empty());
    do_lab(s, lab::Tick{0});
    EXPECT_EQ(s.lab.spec.kind, bp::DatasetKind::spiral) << "the generator starts from the preset's spec";
    EXPECT_EQ(s.lab.spec.points, 300);
    apply(s, act::Files{files_cmd::OpenPreset{"/nonexistent/preset.json", "missing"}});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_FALSE(s.files.error_title.empty()) << "a dialog says why";
    EXPECT_EQ(s.doc.net.L(), 4);
}

TEST(Lab, ResetReinitialisesAndStartsTheCurveAgain) {
    AppState s = open(kXor);
    do_lab(s, lab::Train{20});
    do_lab(s, lab::Reset{bp::InitScheme::he, 7});
    ASSERT_FALSE(s.status_is_error) << s.status;
    EXPECT_EQ(s.steps_done, 0);
    EXPECT_TRUE(s.history.empty());
    EXPECT_EQ(s.history.steps(), 0);
    bp::Network ref = s.doc.net;
    bp::initialize(ref, bp::InitScheme::he, 7);
    EXPECT_TRUE(same_parameters(s.doc.net, ref));
}

TEST(Lab, NeuronMapsOnlyWhenDrawnAndTheFieldShrinksForBigNetworks) {
    AppState s = open(kSpiral);
    do_lab(s, lab::SetVisible{true});
    Settings t = s.settings;
    t.neuron_maps = false;
    apply(s, act::SetSettings{t});
    do_lab(s, lab::Tick{0});
    EXPECT_TRUE(s.lab.maps.empty());
    EXPECT_EQ(s.lab.field.n, kFieldCells) << "152 multiply-adds a pass: the full 48 × 48";
    t.neuron_maps = true;
    apply(s, act::SetSettings{t});
    do_lab(s, lab::Tick{0});
    EXPECT_EQ(s.lab.maps.n, kNeuronMapCells);

    bp::Document big = s.doc;  // 2-64-…-64-1: about 37 000 multiply-adds a pass
    std::vector<int> sizes(11, 64);
    sizes[0] = 2, sizes[10] = 1;
    std::vector<bp::Activation> f(10, bp::Activation::tanh);
    f[9] = bp::Activation::sigmoid;
    big.net = bp::make_network(sizes, f, bp::Loss::binary_cross_entropy, bp::InitScheme::xavier, 2);
    AppState b = make_state(big, "", "big");
    do_lab(b, lab::SetVisible{true});
    do_lab(b, lab::Tick{0});
    EXPECT_LT(b.lab.field.n, kFieldCells);
    EXPECT_GE(b.lab.field.n, 16);
    EXPECT_LE(static_cast<double>(b.lab.field.n) * b.lab.field.n * 37000, 1.1 * kFieldBudget + 256 * 37000);
}

TEST(Lab, NewDataOrANewShapeStartsANewRun) {
    AppState s = open(kXor);
    do_lab(s, lab::Train{120});
    do_lab(s, lab::Tick{0});
    ASSERT_NE(s.lab.checkpoints.rewind_target(), nullptr);
    apply(s, act::AddNeuron{1});
    do_lab(s, lab::Tick{0});
    EXPECT_EQ(s.lab.checkpoints.rewind_target(), nullptr) << "checkpoints of another shape are dropped";
    do_lab(s, lab::Train{60});
    do_lab(s, lab::Tick{0});
    ASSERT_NE(s.lab.checkpoints.rewind_target(), nullptr);
    do_lab(s, lab::AddPoint{false, {0.1, 0.1}, {1.0}});
    do_lab(s, lab::Tick{0});
    EXPECT_EQ(s.lab.checkpoints.rewind_target(), nullptr) << "and those of other data";
}

TEST(Lab, SettingsOfTheLabRoundTrip) {
    Settings t;
    t.neuron_maps = false;
    t.lab_side_width = 0.5f;
    const Settings back = settings_from_json(settings_to_json(t));
    EXPECT_FALSE(back.neuron_maps);
    EXPECT_FLOAT_EQ(back.lab_side_width, 0.5f);
}

// Issue 25: the Lab trains on a worker thread. Playing to a step count gives the same bits — parameters,
// every step's batch and test loss — as training that many steps on the UI thread, at either speed.
TEST(LabWorker, PlayingGivesTheSameBitsAsTrainingOnTheUiThread) {
    for (const bool automatic : {true, false}) {
        AppState s = open(kSpiral);
        AppState ref = open(kSpiral);
        ASSERT_TRUE(has_test(s));
        do_lab(s, lab::SetVisible{true});
        do_lab(s, lab::SetSpeed{37, automatic});
        do_lab(s, lab::SetStops{3001, 0});
        do_lab(s, lab::SetTraining{true});
        frames_until(s, [&] { return !s.lab.training; });
        ASSERT_EQ(s.steps_done, 3001) << s.status;
        EXPECT_FALSE(lab_worker_running(s)) << "an ended run is taken back";
        do_lab(ref, lab::Train{3001});
        EXPECT_TRUE(same_parameters(s.doc.net, ref.doc.net)) << "automatic " << automatic;
        ASSERT_EQ(s.history.size(), ref.history.size());
        for (std::size_t i = 0; i < s.history.size(); ++i) {
            const LossPoint &a = s.history.points()[i], &b = ref.history.points()[i];
            ASSERT_EQ(a.step, b.step);
            ASSERT_EQ(std::memcmp(&a.train, &b.train, sizeof(double)), 0) << "step " << a.step;
            ASSERT_EQ(std::memcmp(&a.test, &b.test, sizeof(double)), 0) << "step " << a.step;
        }
        EXPECT_TRUE(is_modified(s));
    }
}

// Pausing, changing the optimiser, editing a weight, undo, and loading a document each stop the worker
// first and act on the exact state it reached; training goes on afterwards from there, bit for bit.
TEST(LabWorker, EditsUndoAndSettingsStopTheWorkerAndStayExact) {
    AppState s = open(kSpiral);
    do_lab(s, lab::SetTraining{true});
    frames_until(s, [&] { return s.steps_done > 200; });
    ASSERT_TRUE(lab_worker_running(s));

    bp::TrainingConfig c = s.doc.training;  // the optimiser and η change mid-run
    c.optimizer = bp::OptimizerKind::momentum;
    c.learning_rate = 0.01;
    do_lab(s, lab::SetConfig{c});
    EXPECT_FALSE(lab_worker_running(s)) << "stopped before the change";
    const long changed_at = s.steps_done;
    EXPECT_EQ(s.history.steps(), changed_at) << "every step the worker did is in the history";
    EXPECT_TRUE(s.lab.training) << "still playing: the next frame starts a worker again";
    frames_until(s, [&] { return s.steps_done > changed_at + 300; });

    do_lab(s, lab::SetTraining{false});  // pause
    EXPECT_FALSE(lab_worker_running(s));
    const long paused_at = s.steps_done;
    do_lab(s, lab::Tick{1.0 / 60});
    EXPECT_EQ(s.steps_done, paused_at) << "paused: nothing more";

    AppState ref = open(kSpiral);  // the same steps on the UI thread with the change at the same step
    do_lab(ref, lab::Train{changed_at});
    do_lab(ref, lab::SetConfig{c});
    do_lab(ref, lab::Train{paused_at - changed_at});
    EXPECT_TRUE(same_parameters(s.doc.net, ref.doc.net));

    do_lab(s, lab::SetTraining{true});  // a weight edit and its undo while training plays
    frames_until(s, [&] { return s.steps_done > paused_at + 100; });
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 0.123});
    EXPECT_FALSE(lab_worker_running(s));
    const bp::Network edited = s.doc.net;
    EXPECT_EQ(edited.layers[1].W(0, 0), 0.123);
    const long edited_at = s.steps_done;
    frames_until(s, [&] { return s.steps_done > edited_at + 50; });
    apply(s, act::Undo{});
    EXPECT_FALSE(lab_worker_running(s));
    bp::Network undone = s.doc.net;  // the network the worker had reached when the edit came, w¹₁₁ as it was
    EXPECT_NE(undone.layers[1].W(0, 0), 0.123) << "undone";
    undone.layers[1].W(0, 0) = 0.123;
    EXPECT_TRUE(same_parameters(undone, edited)) << "the edit was made on the exact network the worker reached";

    apply(s, act::ReplaceDocument{bp::load_document(kXor), kXor, "xor"});  // loading a document
    EXPECT_FALSE(lab_worker_running(s));
    EXPECT_EQ(s.file_path, kXor);
    EXPECT_EQ(s.steps_done, 0);
    EXPECT_FALSE(s.lab.training) << "a new document starts paused";
    do_lab(s, lab::Tick{1.0 / 60});
    EXPECT_FALSE(lab_worker_running(s));
}

// The actions every frame ends with (the autosave clock, playing, the Lab's and the lesson's ticks) leave
// the worker running: one of them stopping it each frame cost the worker all but one chunk a frame (the
// live benchmark fell from 60x Playground to 17x when the lesson's tick came).
TEST(LabWorker, TheFramesOwnTicksNeverStopTheWorker) {
    AppState s = open(kSpiral);
    do_lab(s, lab::SetTraining{true});
    frames_until(s, [&] { return s.steps_done > 0; });
    ASSERT_TRUE(lab_worker_running(s));
    for (int frame = 0; frame < 30; ++frame) {
        ActionQueue q;
        push_frame_ticks(q, 1.0 / 60);
        for (const Action& a : q) {
            apply(s, a);
            ASSERT_TRUE(lab_worker_running(s)) << "frame " << frame << ": action " << a.index() << " stopped the worker";
        }
    }
}

// Quitting (the state destroyed) while the worker trains joins it: no hang, no use after free (TSan, ASan).
TEST(LabWorker, AStateDestroyedWhileTrainingStopsItsWorker) {
    for (int i = 0; i < 20; ++i) {
        AppState s = open(kSpiral);
        do_lab(s, lab::SetTraining{true});
        do_lab(s, lab::Tick{1.0 / 60});
        EXPECT_TRUE(lab_worker_running(s));
        AppState copy = s;  // a copy has no worker of its own until it trains
        EXPECT_FALSE(lab_worker_running(copy));
    }
}

// The frame never waits for a training step: with a network whose step takes long, frames keep coming.
TEST(LabWorker, AFrameNeverWaitsForAStep) {
    AppState s = open(kSpiral);
    bp::TrainingConfig c = s.doc.training;
    c.batch_size = 0;  // the whole set each step
    do_lab(s, lab::SetConfig{c});
    do_lab(s, lab::SetTraining{true});
    do_lab(s, lab::Tick{1.0 / 60});
    double worst = 0;
    const auto started = std::chrono::steady_clock::now();
    while (s.steps_done < 40 && std::chrono::steady_clock::now() - started < std::chrono::seconds(20)) {
        const auto t0 = std::chrono::steady_clock::now();
        do_lab(s, lab::Tick{1.0 / 60});
        worst = std::max(worst, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_GE(s.steps_done, 40);
    EXPECT_LT(worst, 0.25) << "a frame's Tick only adopts snapshots";
}
