// Where the app keeps its settings (XDG: $XDG_CONFIG_HOME/backprop-studio, else ~/.config/...) and the
// settings file itself (JSON). A missing or damaged file gives the defaults; unknown keys are ignored.
#pragma once
#include <string>

#include "app/studio/state/studio_state.h"

namespace studio {

// The config directory (not created); "" when neither XDG_CONFIG_HOME nor HOME is set.
std::string config_dir();
std::string settings_path();   // config_dir()/settings.json, or ""
std::string imgui_ini_path();  // config_dir()/imgui.ini, or ""

Settings settings_from_json(const std::string& text);  // defaults for anything missing or wrong
std::string settings_to_json(const Settings& s);

Settings load_settings(const std::string& path);
// Creates the directory when needed and writes atomically. Returns "" or the reason it failed.
std::string save_settings(const std::string& path, const Settings& s);

}  // namespace studio
