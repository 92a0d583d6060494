// Where the program's lessons, network presets and expression presets are: installed beside the program
// (<prefix>/share/backprop-studio/{lessons,presets,expressions}, found through /proc/self/exe), else in the
// source tree (assets/, for a program run from its build tree). `backprop-cli lesson list` and the window
// list the lessons from here; a lesson's `preset:` and `expression-preset:` are looked up here.
#pragma once
#include <string>
#include <vector>

namespace bp {

// The folders a lesson's names are looked up in.
struct LessonResolver {
    std::string presets_dir;      // `preset: <stem>` is <presets_dir>/<stem>.json
    std::string expressions_dir;  // `expression-preset: <stem>` is <expressions_dir>/<stem>.json
};

// The folder of the program's own `kind` files ("lessons", "presets", "expressions"): the installed one
// when it exists, else the source tree's; "" when neither does.
std::string asset_dir(const std::string& kind);
LessonResolver installed_resolver();  // the program's presets and expressions

struct LessonInfo {
    std::string stem;   // "notes-004-delta-recurrence": the file name without .md
    std::string path;
    std::string title;  // the first line without "# " (the stem when it has none)
};

// The *.md files of a folder, in file-name order, each with its title. An empty list for a missing folder.
std::vector<LessonInfo> list_lessons(const std::string& dir);

}  // namespace bp
