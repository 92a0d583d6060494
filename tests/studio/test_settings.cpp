// The settings file: a round trip keeps every field, a damaged or partial file gives defaults for what
// is missing, and the XDG config directory is found from the environment.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app/studio/state/settings.h"

using namespace studio;

TEST(Settings, RoundTrip) {
    Settings s;
    s.neuron_value = NeuronValue::delta;
    s.edge_value = EdgeValue::gradient;
    s.granularity = bp::Granularity::layer;
    s.play_speed = 12.5;
    s.loss_log_scale = true;
    s.light_theme = true;
    s.ui_scale = 1.25f;
    s.side_width = 0.4f;
    s.bottom_height = 0.2f;
    s.formula_width = 0.6f;
    s.init_scheme = bp::InitScheme::he;
    s.init_seed = 99;
    s.train_chunk = 1000;
    s.window_w = 1600;
    s.window_h = 900;
    s.show_side = false;
    s.show_loss = false;
    s.desktop_dialogs = false;
    EXPECT_EQ(settings_from_json(settings_to_json(s)), s);
}

TEST(Settings, DamagedOrPartialFilesGiveDefaults) {
    EXPECT_EQ(settings_from_json("not json"), Settings{});
    EXPECT_EQ(settings_from_json("[1, 2]"), Settings{});
    const Settings s = settings_from_json(R"({"play_speed": "fast", "light_theme": 3, "neuron_value": "z", "extra": 1})");
    EXPECT_EQ(s.play_speed, Settings{}.play_speed);
    EXPECT_EQ(s.light_theme, Settings{}.light_theme);
    EXPECT_EQ(s.neuron_value, NeuronValue::z);
}

TEST(Settings, XdgConfigDirAndFileRoundTrip) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "bp_settings_test";
    std::filesystem::remove_all(dir);
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    EXPECT_EQ(config_dir(), (dir / "backprop-studio").string());
    EXPECT_EQ(settings_path(), (dir / "backprop-studio" / "settings.json").string());
    EXPECT_EQ(imgui_ini_path(), (dir / "backprop-studio" / "imgui.ini").string());
    EXPECT_EQ(load_settings(settings_path()), Settings{}) << "no file yet";
    Settings s;
    s.play_speed = 42;
    EXPECT_EQ(save_settings(settings_path(), s), "");
    EXPECT_EQ(load_settings(settings_path()), s);
    setenv("XDG_CONFIG_HOME", "relative/path", 1);  // not absolute: ignored, as the XDG spec says
    setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(config_dir(), "/home/someone/.config/backprop-studio");
    std::filesystem::remove_all(dir);
}
