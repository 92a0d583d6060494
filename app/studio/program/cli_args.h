// The command line of backprop-studio (docs/FORMAT.md §5): [FILE] | --load FILE, --frames N, --screenshot PNG,
// --size WxH, --canvas-png PNG, --canvas-scale K, --present, --keyboard-mode, --step K, --select w,l,j,k | b,l,j | n,l,j, --train-steps N, --help, --version;
// the desktop's file dialogs or the in-app browser: --file-dialogs desktop|in-app;
// for screenshots of the side panel and quiz mode: --tab NAME, --quiz, --quiz-what LIST, --answer TEXT, --hint;
// for the Training lab: --lr X, --list-presets; the UI benchmark: --bench SCENARIO;
// a lesson: --lesson FILE|NAME [--page K].
// Parsing is window-free so the tests cover every error message.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/studio/handlers/quiz.h"
#include "app/studio/state/selection.h"
#include "engine/teaching/notation.h"

namespace studio {

struct Options {
    std::string file;               // empty: the built-in example
    int frames = 0;                 // > 0: render this many frames and exit (headless runs)
    std::string screenshot;         // PNG of the last frame
    std::string canvas_png;         // PNG of the network canvas alone after the last frame, drawn at
    int canvas_scale = 2;           //   canvas_scale times the window's size (1 to 4)
    std::string autosave_dir;       // autosave there (and offer what is there), even with --frames
    std::vector<std::string> hide;  // panels hidden: side, loss (as View ▸ does)
    std::string open_dialog;        // for screenshots: open | save (the file browser), help, about
    std::string file_dialogs;       // desktop | in-app ("" = the setting; in-app for scripted runs)
    int width = 0, height = 0;      // window size; 0 = the saved or default size
    bool present = false;           // presentation mode
    bool keyboard_mode = false;     // keyboard mode on (as Tab turns it on), for screenshots
    int step = 0;                   // events to step at the default granularity before the first frame
    std::optional<Selection> select;  // 0-based, as in files
    long train_steps = 0;           // training steps before the first frame
    std::string lesson;             // --lesson FILE|NAME: open a lesson (a file, or one of the program's by name)
    int lesson_page = 0;            // --page K: its page K, from 1 (0 = the first)
    std::string tab;                // side-panel tab to open: inspector | paths | lab | quiz ("" = as saved)
    bool quiz = false;              // quiz mode on
    std::vector<std::string> quiz_what;  // what is quizzed (quiz.h topic keys); empty = everything
    std::vector<std::string> answers;    // typed into the quiz field and submitted, in order
    int hints = 0;                  // hint levels asked for after the answers (0..2)
    int path = 0;                   // > 0: keep path N (from 1) of the selected parameter drawn (Paths tab)
    std::vector<HomeworkRow> homework;   // rows of the Quiz tab's homework table
    std::optional<double> learning_rate;  // --lr: overrides the file's learning rate (before --train-steps)
    std::string report_state;       // --report-state FILE: what the window shows, as JSON, kept up to date
    int frame_delay_ms = 0;         // --frame-delay MS: sleep after each frame (tests of input during slow frames)
    std::optional<float> text_scale;  // --text-scale S: View ▸ text size (0.5 to 3), overrides the saved one
    std::optional<bp::Notation> notation;  // --notation NAME: View ▸ Notation, overrides the saved one
    std::string bench;              // --bench SCENARIO (bench.h): time the frames and print the figures
    double seconds = 0;             // --seconds S: how long --bench live trains (0: until its steps)
    bool list_presets = false;      // --list-presets: print "stem<TAB>title" per preset and exit 0
    bool help = false, version = false;
};

inline constexpr int kMinWindowSide = 320, kMaxWindowSide = 8192;
inline constexpr long kMaxTrainSteps = 10000000;
inline constexpr int kDefaultScreenshotFrames = 30;  // --screenshot without --frames
inline constexpr int kDefaultBenchFrames = 300;      // --bench without --frames

// Parses args (without the program name). Returns "" on success, else a one-line message naming the
// argument; `out` is then unspecified.
std::string parse_command_line(const std::vector<std::string>& args, Options& out);
std::string usage_text();

}  // namespace studio
