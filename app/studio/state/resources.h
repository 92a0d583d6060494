// Where the app finds the files it ships with (the presets), both from an installed tree
// (<exe dir>/../share/backprop-studio/presets, found through /proc/self/exe) and from the source tree
// (bp::asset_dir, engine/lessons/lesson_library.h, which also finds the lessons). Window-free, so the
// tests cover it.
#pragma once
#include <string>
#include <vector>

namespace studio {

// One preset file with what the Presets chooser shows.
struct PresetInfo {
    std::string stem;         // "spiral-2-8-8-8-1": the file name without .json
    std::string path;         // the full path
    std::string title;        // "Spiral starter: 2-8-8-8-1 tanh" (the stem when the file has none)
    std::string description;  // one line
    bool starter = false;     // a Playground-style starter (the file keeps a "dataset" spec)
};

// The presets directory: the installed one when it exists, else the source tree's; "" when neither.
std::string presets_dir();
// The presets of a directory: every *.json with its title and description, starters first, each group
// in file-name order. Files that are not JSON objects are skipped. An empty list for a missing directory.
std::vector<PresetInfo> list_presets(const std::string& dir);
std::vector<PresetInfo> list_presets();  // of presets_dir()
// The expression presets (assets/expressions, installed beside the presets): their directory, or "".
std::string expression_presets_dir();
// What --list-presets prints: one line per preset, "stem<TAB>title\n", in list_presets() order.
std::string presets_listing();

}  // namespace studio
