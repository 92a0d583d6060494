// The Lab's command-line flags: --lr and --list-presets parse (and refuse nonsense), --lr overrides the
// file's learning rate, --train-steps trains as the Lab does and stops at a divergence with its message,
// and the listing has one "stem<TAB>title" line per preset.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "app/studio/program/cli_args.h"
#include "app/studio/state/resources.h"
#include "app/studio/program/startup.h"
#include "engine/core/error.h"

using namespace studio;

namespace {
const std::string kSpiral = std::string(BP_PRESETS_DIR) + "/spiral-2-8-8-8-1.json";
}

TEST(LabCli, LearningRateAndListFlags) {
    Options o;
    EXPECT_EQ(parse_command_line({"--lr", "0.25", "--list-presets"}, o), "");
    ASSERT_TRUE(o.learning_rate);
    EXPECT_DOUBLE_EQ(*o.learning_rate, 0.25);
    EXPECT_TRUE(o.list_presets);
    for (const char* bad : {"0", "-1", "abc", "1e9", "2x"}) {
        const std::string err = parse_command_line({"--lr", bad}, o);
        EXPECT_NE(err.find("--lr"), std::string::npos) << bad;
    }
    EXPECT_NE(parse_command_line({"--lr"}, o).find("needs a value"), std::string::npos);
    EXPECT_NE(usage_text().find("--list-presets"), std::string::npos);
    EXPECT_NE(usage_text().find("--lr X"), std::string::npos);
}

TEST(LabCli, TrainStepsWithAHugeLearningRateStopsAtTheDivergence) {
    Options o;
    ASSERT_EQ(parse_command_line({kSpiral, "--lr", "50", "--train-steps", "3000", "--tab", "lab"}, o), "");
    const AppState s = initial_state(o);
    EXPECT_DOUBLE_EQ(s.doc.training.learning_rate, 50);
    ASSERT_TRUE(s.lab.diverged);
    EXPECT_LT(s.steps_done, 3000);
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.status.find("learning rate 50 is probably too high"), std::string::npos) << s.status;
    EXPECT_NE(s.lab.checkpoints.rewind_target(), nullptr);
}

TEST(LabCli, TrainStepsTrainsAllStepsWhenAllIsWell) {
    Options o;
    ASSERT_EQ(parse_command_line({kSpiral, "--train-steps", "200"}, o), "");
    const AppState s = initial_state(o);
    EXPECT_FALSE(s.lab.diverged);
    EXPECT_EQ(s.steps_done, 200);
    ASSERT_EQ(s.history.size(), 200u);
    for (const LossPoint& p : s.history.points()) EXPECT_TRUE(std::isfinite(p.test)) << "step " << p.step;
}

TEST(LabCli, ListingHasOneLinePerPreset) {
    std::istringstream in(presets_listing());
    std::string line;
    std::size_t lines = 0;
    bool mazur = false;
    while (std::getline(in, line)) {
        ++lines;
        const auto tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        EXPECT_GT(tab, 0u);
        EXPECT_LT(tab + 1, line.size()) << "a title follows";
        mazur |= line.rfind("mazur-2-2-2\t", 0) == 0;
    }
    EXPECT_EQ(lines, list_presets().size());
    EXPECT_TRUE(mazur);
}
