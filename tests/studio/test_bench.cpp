// The UI benchmark's window-free half: every scenario builds the state it promises, the statistics are
// the usual nearest-rank percentiles, and the report marks each target.
#include <gtest/gtest.h>

#include "app/studio/program/bench.h"
#include "app/studio/program/cli_args.h"
#include "engine/core/error.h"

using namespace studio;

TEST(Bench, EveryScenarioBuildsItsState) {
    for (std::string_view name : bench_scenarios()) {
        if (name == "largest" || name == "loss") continue;  // the two slow ones: below
        const AppState s = bench_state(name);
        ASSERT_TRUE(s.stepper) << name;
    }
    const AppState spiral = bench_state("spiral");
    EXPECT_EQ(spiral.doc.net.layers.size(), 5u);  // 2-8-8-8-1
    EXPECT_TRUE(spiral.lab.training);
    EXPECT_FALSE(spiral.lab.auto_speed);
    EXPECT_EQ(spiral.lab.steps_per_frame, 10);
    EXPECT_TRUE(spiral.settings.neuron_maps);
    const AppState wide = bench_state("wide");
    ASSERT_EQ(wide.doc.net.layers.size(), 6u);
    long edges = 0;
    for (const bp::Layer& l : wide.doc.net.layers) edges += static_cast<long>(l.W.rows) * l.W.cols;
    EXPECT_EQ(edges, 5120);
    EXPECT_EQ(wide.settings.edge_value, EdgeValue::gradient);
    EXPECT_TRUE(wide.stepper->at_end());  // every gradient is known, so the edges show them
}

TEST(Bench, TheLargestScenarioIsAtTheLimits) {
    const AppState s = bench_state("largest");
    long parameters = 0;
    for (const bp::Layer& l : s.doc.net.layers) {
        EXPECT_EQ(l.size, bp::kMaxNeurons);
        parameters += static_cast<long>(l.W.rows) * l.W.cols + static_cast<long>(l.b.size());
    }
    EXPECT_LE(parameters, bp::kMaxParameters);
    // One more layer of the same width would pass the limit: this is the largest of its shape.
    EXPECT_GT(parameters + static_cast<long>(bp::kMaxNeurons) * (bp::kMaxNeurons + 1), bp::kMaxParameters);
}

TEST(Bench, TheLossScenarioHasAMillionStepsInABoundedHistory) {
    const AppState s = bench_state("loss");
    EXPECT_EQ(s.steps_done, kLossBenchSteps);
    EXPECT_EQ(s.history.steps(), kLossBenchSteps);
    EXPECT_LT(s.history.size(), 100000u);
}

TEST(Bench, AnUnknownScenarioIsNamed) {
    try {
        bench_state("huge");
        FAIL();
    } catch (const bp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("\"huge\""), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("spiral"), std::string::npos) << e.what();
    }
}

TEST(Bench, PercentilesAreNearestRank) {
    FrameTimes t;
    EXPECT_EQ(t.median(), 0);
    for (int i = 100; i >= 1; --i) t.add(i);  // 1 … 100 ms, added out of order
    EXPECT_EQ(t.count(), 100);
    EXPECT_EQ(t.median(), 50);
    EXPECT_EQ(t.percentile(99), 99);
    EXPECT_EQ(t.max(), 100);
    EXPECT_EQ(t.percentile(0), 1);
}

TEST(Bench, TheReportMarksEachTarget) {
    BenchResult r;
    r.scenario = "start";
    r.network = "2-2-2";
    r.first_frame_ms = 350;
    for (int i = 0; i < 10; ++i) {
        r.frame.add(1.0);
        r.loss_curve.add(0.1);
        r.render.add(3);
    }
    const std::string text = bench_report(r);
    EXPECT_EQ(text.rfind("{\"scenario\": \"start\"", 0), 0u) << text;
    EXPECT_NE(text.find("\"frame_median_ms\": 1.0000"), std::string::npos) << text;
    EXPECT_NE(text.find("target median ≤ 4 ms: PASS"), std::string::npos) << text;
    EXPECT_NE(text.find("target ≤ 300 ms: MISS"), std::string::npos) << text;
    r.scenario = "largest";
    r.frame.add(20);
    r.frame.add(20);
    EXPECT_NE(bench_report(r).find("target median ≤ 16 ms: PASS"), std::string::npos);
}

TEST(Bench, TheCommandLineTakesAScenarioAndDefaultsTheFrames) {
    Options o;
    ASSERT_EQ(parse_command_line({"--bench", "spiral"}, o), "");
    EXPECT_EQ(o.bench, "spiral");
    EXPECT_EQ(o.frames, kDefaultBenchFrames);
    ASSERT_EQ(parse_command_line({"--bench", "wide", "--frames", "50"}, o), "");
    EXPECT_EQ(o.frames, 50);
    EXPECT_NE(parse_command_line({"--bench"}, o), "");
}

// --bench live [FILE] [--seconds S]: the Lab training FILE with the automatic speed on the worker, every
// view on; the frames are bounded by time or steps, not by a count.
TEST(Bench, LiveTrainsTheFileWithTheAutomaticSpeedUntilItsTimeOrSteps) {
    Options o;
    ASSERT_EQ(parse_command_line({"--bench", "live", "--seconds", "2.5"}, o), "");
    EXPECT_DOUBLE_EQ(o.seconds, 2.5);
    EXPECT_GT(o.frames, 1000000) << "the run ends by time or steps";
    for (const char* bad : {"0", "-1", "3601", "x", ""}) {
        Options b;
        EXPECT_NE(parse_command_line({"--bench", "live", "--seconds", bad}, b), "") << bad;
    }
    const AppState s = bench_state("live", std::string(BP_PRESETS_DIR) + "/xor-2-3-1.json");
    EXPECT_EQ(s.file_path, std::string(BP_PRESETS_DIR) + "/xor-2-3-1.json");
    EXPECT_TRUE(s.lab.training && s.lab.auto_speed && s.settings.neuron_maps);
    LiveResult r;
    r.network = "2-8-8-8-1", r.batch = 10, r.samples = 240;
    for (int f = 0; f <= 60; ++f) r.frames.push_back({f / 60.0, 1000L * f});  // 60 000 steps a second
    const std::string text = live_report(r);
    EXPECT_NE(text.find("\"samples_per_second\": 600000"), std::string::npos) << text;
    EXPECT_NE(text.find("\"epochs_per_second\": 2500.00"), std::string::npos) << text;
    EXPECT_NE(text.find("\"ratio_to_playground\": 89.89"), std::string::npos) << text;
    EXPECT_NE(text.find("target ≥ 40×: PASS"), std::string::npos) << text;
    EXPECT_NE(text.find("not slowing"), std::string::npos) << text;
    LiveResult slowing = r;  // the last tenth at half the rate
    for (int f = 55; f <= 60; ++f) slowing.frames[static_cast<std::size_t>(f)].steps = 54000 + 500L * (f - 54);
    EXPECT_NE(live_report(slowing).find("SLOWING"), std::string::npos) << live_report(slowing);
}
