// The command line of backprop-studio (docs/FORMAT.md §5): every flag, and an error naming the argument for
// anything wrong.
#include <gtest/gtest.h>

#include "app/studio/program/cli_args.h"

using namespace studio;

namespace {

std::string parse(const std::vector<std::string>& args, Options& o) { return parse_command_line(args, o); }

}  // namespace

TEST(CliArgs, EveryFlag) {
    Options o;
    ASSERT_EQ(parse({"net.json", "--frames", "30", "--screenshot", "out.png", "--size", "1920x1080", "--present", "--keyboard-mode", "--step",
                     "6", "--select", "w,1,0,1", "--train-steps", "500"},
                    o),
              "");
    EXPECT_EQ(o.file, "net.json");
    EXPECT_EQ(o.frames, 30);
    EXPECT_EQ(o.screenshot, "out.png");
    EXPECT_EQ(o.width, 1920);
    EXPECT_EQ(o.height, 1080);
    EXPECT_TRUE(o.present);
    EXPECT_TRUE(o.keyboard_mode);
    EXPECT_EQ(o.step, 6);
    ASSERT_TRUE(o.select);
    EXPECT_EQ(*o.select, Selection::weight(1, 0, 1));
    EXPECT_EQ(o.train_steps, 500);
}

TEST(CliArgs, LoadAndSelections) {
    Options o;
    ASSERT_EQ(parse({"--load", "a.json", "--select", "b,2,1"}, o), "");
    EXPECT_EQ(o.file, "a.json");
    EXPECT_EQ(*o.select, Selection::bias(2, 1));
    ASSERT_EQ(parse({"--select", "n,0,1"}, o), "");
    EXPECT_EQ(*o.select, Selection::neuron(0, 1));
    EXPECT_TRUE(o.file.empty());
    EXPECT_EQ(o.frames, 0);
}

TEST(CliArgs, ScreenshotWithoutFramesRendersAFewFrames) {
    Options o;
    ASSERT_EQ(parse({"--screenshot", "x.png"}, o), "");
    EXPECT_EQ(o.frames, kDefaultScreenshotFrames);
}

TEST(CliArgs, HelpAndVersion) {
    Options o;
    ASSERT_EQ(parse({"--help"}, o), "");
    EXPECT_TRUE(o.help);
    ASSERT_EQ(parse({"--version"}, o), "");
    EXPECT_TRUE(o.version);
    EXPECT_NE(usage_text().find("--select"), std::string::npos);
}

TEST(CliArgs, ErrorsNameTheArgument) {
    Options o;
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
        {{"--frames"}, "--frames"},
        {{"--frames", "0"}, "--frames"},
        {{"--frames", "ten"}, "--frames"},
        {{"--step", "-1"}, "--step"},
        {{"--size", "1280"}, "--size"},
        {{"--size", "10x10"}, "--size"},
        {{"--size", "1280x800x2"}, "--size"},
        {{"--select", "w,1,0"}, "--select"},
        {{"--select", "q,1,0"}, "--select"},
        {{"--select", "n,1,-1"}, "--select"},
        {{"--select", "b,1,x"}, "--select"},
        {{"--train-steps", "1e3"}, "--train-steps"},
        {{"--bogus"}, "--bogus"},
        {{"a.json", "b.json"}, "b.json"},
        {{"a.json", "--load", "b.json"}, "--load"},
        {{"--screenshot", ""}, "--screenshot"},
        {{"--file-dialogs", "native"}, "--file-dialogs"},
        {{"--file-dialogs"}, "--file-dialogs"},
    };
    for (const auto& [args, name] : bad) {
        const std::string e = parse(args, o);
        EXPECT_NE(e.find(name), std::string::npos) << "args " << args[0] << ": got \"" << e << "\"";
    }
}

TEST(CliArgs, FileDialogsDesktopOrInApp) {
    Options o;
    EXPECT_TRUE(o.file_dialogs.empty()) << "the setting decides";
    ASSERT_EQ(parse({"--file-dialogs", "desktop"}, o), "");
    EXPECT_EQ(o.file_dialogs, "desktop");
    ASSERT_EQ(parse({"--file-dialogs", "in-app"}, o), "");
    EXPECT_EQ(o.file_dialogs, "in-app");
    EXPECT_NE(usage_text().find("--file-dialogs"), std::string::npos);
}

TEST(CliArgs, TheCanvasPictureTakesAFileAndAScaleFromOneToFour) {
    Options o;
    ASSERT_EQ(parse_command_line({"--canvas-png", "net.png"}, o), "");
    EXPECT_EQ(o.canvas_png, "net.png");
    EXPECT_EQ(o.canvas_scale, 2);
    EXPECT_EQ(o.frames, kDefaultScreenshotFrames) << "a picture needs frames drawn first";
    ASSERT_EQ(parse_command_line({"--canvas-png", "net.png", "--canvas-scale", "3", "--frames", "4"}, o), "");
    EXPECT_EQ(o.canvas_scale, 3);
    EXPECT_EQ(o.frames, 4);
    EXPECT_NE(parse_command_line({"--canvas-scale", "5"}, o).find("from 1 to 4"), std::string::npos);
    EXPECT_NE(parse_command_line({"--canvas-png"}, o).find("needs a value"), std::string::npos);
}
