// The first state from the command line: the built-in example, --step, --select, --train-steps, a
// preset file, and errors for a file that cannot be loaded or a selection outside the network.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/studio/program/startup.h"
#include "engine/core/error.h"

using namespace studio;
using Kind = bp::ValueRef::Kind;

TEST(Startup, BuiltInExampleIsMazursNetwork) {
    const AppState s = initial_state(Options{});
    ASSERT_EQ(s.doc.net.L(), 2);
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(1, 0), 0.25);
    EXPECT_DOUBLE_EQ(s.doc.net.layers[2].b[1], 0.60);
    EXPECT_DOUBLE_EQ(s.doc.data->X(0, 1), 0.10);
    EXPECT_DOUBLE_EQ(s.doc.data->Y(0, 0), 0.01);
    EXPECT_DOUBLE_EQ(s.doc.training.learning_rate, 0.5);
    EXPECT_TRUE(s.doc.training.freeze_biases);
    EXPECT_EQ(s.doc.net.loss, bp::Loss::mse_half);
    EXPECT_EQ(s.stepper->cursor(), 0);
    EXPECT_FALSE(is_modified(s));
}

TEST(Startup, StepSelectAndTrain) {
    Options o;
    o.step = 6;
    o.select = Selection::neuron(2, 0);
    const AppState s = initial_state(o);
    EXPECT_EQ(s.stepper->cursor(), 6);
    EXPECT_EQ(s.selection, Selection::neuron(2, 0));
    o.step = 100000;  // clamps at the end of the pass, never commits
    const AppState end = initial_state(o);
    EXPECT_TRUE(end.stepper->at_end());
    EXPECT_EQ(end.steps_done, 0);
    EXPECT_FALSE(is_modified(end)) << "stepping changes nothing in the document";
    o.train_steps = 10;
    const AppState trained = initial_state(o);
    EXPECT_EQ(trained.steps_done, 10);
    EXPECT_EQ(trained.history.size(), 10u);
    EXPECT_EQ(trained.history.steps(), 10);
    EXPECT_TRUE(is_modified(trained)) << "trained parameters differ from the file";
}

TEST(Startup, SelectionOutsideTheNetworkIsAnError) {
    for (Selection sel : {Selection::weight(3, 0, 0), Selection::weight(1, 2, 0), Selection::bias(0, 0),
                          Selection::neuron(0, 2), Selection::weight(0, 0, 0)}) {
        Options o;
        o.select = sel;
        EXPECT_THROW(initial_state(o), bp::Error);
    }
}

TEST(Startup, FilesLoadOrFailWithAMessage) {
    Options o;
    o.file = "/nonexistent/net.json";
    EXPECT_THROW(initial_state(o), bp::Error);
    const std::filesystem::path p = std::filesystem::temp_directory_path() / "bp_startup_test.json";
    {
        std::ofstream f(p);
        f << R"({"layers": [{"size": 2}, {"size": 3, "activation": "tanh", "weights": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
                 "biases": [0, 0, 0]}, {"size": 1, "activation": "sigmoid", "weights": [[1, -1, 0.5]], "biases": [0.1]}],
                 "loss": "binary_cross_entropy"})";
    }
    o.file = p.string();
    const AppState s = initial_state(o);
    EXPECT_EQ(s.doc.net.layers[1].size, 3);
    EXPECT_EQ(s.title, "bp_startup_test");
    ASSERT_TRUE(s.doc.data) << "a file without data gets a placeholder sample";
    EXPECT_EQ(s.doc.data->X.cols, 2);
    EXPECT_EQ(s.doc.data->Y.cols, 1);
    {
        std::ofstream f(p);
        f << "{ not json";
    }
    EXPECT_THROW(initial_state(o), bp::Error);
    std::filesystem::remove(p);
}

TEST(Startup, EveryPresetOpens) {
    const std::filesystem::path dir = BP_PRESETS_DIR;
    if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no presets yet";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        Options o;
        o.file = entry.path().string();
        o.step = 1000000;
        AppState s;
        ASSERT_NO_THROW(s = initial_state(o)) << entry.path();
        EXPECT_TRUE(s.stepper->at_end()) << entry.path();
    }
}
