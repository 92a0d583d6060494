// Command-line parsing for backprop-studio (see cli_args.h).
#include "app/studio/program/cli_args.h"

#include <algorithm>
#include <charconv>

#include "app/studio/handlers/export.h"
#include "app/studio/handlers/quiz.h"
#include "app/studio/state/text_scale.h"

namespace studio {
namespace {

bool parse_long(const std::string& s, long& v) {
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    return ec == std::errc() && p == end && !s.empty();
}

// A number in (0, hi]: "--seconds 10", "--lr 0.5".
bool parse_positive(const std::string& s, double hi, double& v) {
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    return ec == std::errc() && p == end && !s.empty() && v > 0 && v <= hi;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts(1);
    for (char c : s) {
        if (c == sep) parts.emplace_back();
        else parts.back() += c;
    }
    return parts;
}

// --homework-row a,2,0,0.7514 | dW,2,0,1,0.08217 | loss,0.2984 (0-based indices, as backprop-cli check)
std::string parse_homework_row(const std::string& text, HomeworkRow& out) {
    const std::string bad = "--homework-row " + text + ": expected WHAT,l,j,VALUE (WHAT,l,j,k,VALUE for dW and W_after; "
                            "loss,VALUE), WHAT one of z, a, delta, dW, db, loss, W_after, b_after; indices from 0";
    const std::vector<std::string> p = split(text, ',');
    const auto what = bp::parse_quantity(p[0]);
    if (!what) return bad;
    const std::size_t indices = *what == bp::Quantity::loss ? 0 : bp::is_weight(*what) ? 3 : 2;
    if (p.size() != indices + 2) return bad;
    long v[3] = {0, 0, 0};
    for (std::size_t i = 0; i < indices; ++i)
        if (!parse_long(p[i + 1], v[i]) || v[i] < 0 || v[i] > 100000) return bad;
    out = HomeworkRow{*what, static_cast<int>(v[0]), static_cast<int>(v[1]), static_cast<int>(v[2]), p.back()};
    return "";
}

std::string parse_select(const std::string& text, Selection& out) {
    const std::string bad = "--select " + text + ": expected w,l,j,k or b,l,j or n,l,j (0-based indices)";
    const std::vector<std::string> p = split(text, ',');
    if (p.empty()) return bad;
    const std::string& kind = p[0];
    const std::size_t want = kind == "w" ? 4 : (kind == "b" || kind == "n") ? 3 : 0;
    if (want == 0 || p.size() != want) return bad;
    long v[3] = {0, 0, 0};
    for (std::size_t i = 1; i < p.size(); ++i)
        if (!parse_long(p[i], v[i - 1]) || v[i - 1] < 0 || v[i - 1] > 100000) return bad;
    const int l = static_cast<int>(v[0]), j = static_cast<int>(v[1]), k = static_cast<int>(v[2]);
    out = kind == "w" ? Selection::weight(l, j, k) : kind == "b" ? Selection::bias(l, j) : Selection::neuron(l, j);
    return "";
}

}  // namespace

std::string parse_command_line(const std::vector<std::string>& args, Options& out) {
    out = Options{};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&](std::string& v) -> std::string {
            if (i + 1 >= args.size()) return a + " needs a value";
            v = args[++i];
            return "";
        };
        const auto count = [&](long lo, long hi, long& n) -> std::string {
            std::string v;
            if (auto e = value(v); !e.empty()) return e;
            if (!parse_long(v, n) || n < lo || n > hi)
                return a + " " + v + ": expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
            return "";
        };
        std::string err;
        long n = 0;
        if (a == "--help" || a == "-h") {
            out.help = true;
        } else if (a == "--version") {
            out.version = true;
        } else if (a == "--present") {
            out.present = true;
        } else if (a == "--keyboard-mode") {
            out.keyboard_mode = true;
        } else if (a == "--load") {
            std::string f;
            if (err = value(f); err.empty()) {
                if (!out.file.empty()) err = "--load " + f + ": a file was already given (" + out.file + ")";
                out.file = f;
            }
        } else if (a == "--frames") {
            if (err = count(1, 100000000, n); err.empty()) out.frames = static_cast<int>(n);
        } else if (a == "--step") {
            if (err = count(0, 100000000, n); err.empty()) out.step = static_cast<int>(n);
        } else if (a == "--train-steps") {
            if (err = count(0, kMaxTrainSteps, n); err.empty()) out.train_steps = n;
        } else if (a == "--screenshot") {
            err = value(out.screenshot);
            if (err.empty() && out.screenshot.empty()) err = "--screenshot needs a file name";
        } else if (a == "--size") {
            std::string v;
            if (err = value(v); err.empty()) {
                const std::vector<std::string> p = split(v, 'x');
                long w = 0, h = 0;
                if (p.size() != 2 || !parse_long(p[0], w) || !parse_long(p[1], h) || w < kMinWindowSide ||
                    h < kMinWindowSide || w > kMaxWindowSide || h > kMaxWindowSide)
                    err = "--size " + v + ": expected WxH, e.g. 1280x800, each side from " +
                          std::to_string(kMinWindowSide) + " to " + std::to_string(kMaxWindowSide);
                out.width = static_cast<int>(w), out.height = static_cast<int>(h);
            }
        } else if (a == "--select") {
            std::string v;
            if (err = value(v); err.empty()) {
                Selection sel;
                if (err = parse_select(v, sel); err.empty()) out.select = sel;
            }
        } else if (a == "--canvas-png") {
            err = value(out.canvas_png);
            if (err.empty() && out.canvas_png.empty()) err = "--canvas-png needs a file name";
        } else if (a == "--canvas-scale") {
            if (err = count(1, kMaxCanvasScale, n); err.empty()) out.canvas_scale = static_cast<int>(n);
        } else if (a == "--bench") {
            err = value(out.bench);
            if (err.empty() && out.bench.empty()) err = "--bench needs a scenario: start, spiral, wide, largest, loss or live";
        } else if (a == "--seconds") {
            std::string v;
            if (err = value(v); err.empty() && !parse_positive(v, 3600, out.seconds))
                err = "--seconds " + v + ": expected a number of seconds above 0 and at most 3600";
        } else if (a == "--list-presets") {
            out.list_presets = true;
        } else if (a == "--hide") {
            std::string v;
            if (err = value(v); err.empty()) {
                for (const std::string& p : split(v, ',')) {
                    if (p == "side" || p == "loss") out.hide.push_back(p);
                    else err = "--hide " + v + ": expected side, loss or side,loss";
                }
            }
        } else if (a == "--frame-delay") {
            if (err = count(0, 2000, n); err.empty()) out.frame_delay_ms = static_cast<int>(n);
        } else if (a == "--report-state") {
            err = value(out.report_state);
            if (err.empty() && out.report_state.empty()) err = "--report-state needs a file name";
        } else if (a == "--text-scale") {
            std::string v;
            if (err = value(v); err.empty()) {
                double x = 0;
                const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
                if (ec != std::errc() || p != v.data() + v.size() || v.empty() || !(x >= kMinTextScale) || x > kMaxTextScale)
                    err = "--text-scale " + v + ": expected a text size from 0.5 to 3 (1 = 100 %)";
                else
                    out.text_scale = static_cast<float>(x);
            }
        } else if (a == "--notation") {
            std::string v;
            if (err = value(v); err.empty()) {
                if (const auto n = bp::parse_notation(v)) out.notation = *n;
                else err = "--notation " + v + ": expected " + std::string(bp::kNotationNames);
            }
        } else if (a == "--autosave-dir") {
            err = value(out.autosave_dir);
        } else if (a == "--open-dialog") {
            std::string v;
            if (err = value(v); err.empty()) {
                if (v == "open" || v == "save" || v == "help" || v == "about") out.open_dialog = v;
                else err = "--open-dialog " + v + ": expected open, save, help or about";
            }
        } else if (a == "--file-dialogs") {
            std::string v;
            if (err = value(v); err.empty()) {
                if (v == "desktop" || v == "in-app") out.file_dialogs = v;
                else err = "--file-dialogs " + v + ": expected desktop or in-app";
            }
        } else if (a == "--lr") {
            std::string v;
            double x = 0;
            if (err = value(v); err.empty()) {
                if (!parse_positive(v, 1e6, x)) err = "--lr " + v + ": expected a learning rate, a number above 0 (at most 1e6)";
                else out.learning_rate = x;
            }
        } else if (a == "--tab") {
            if (err = value(out.tab); err.empty() && out.tab != "inspector" && out.tab != "paths" && out.tab != "lab" &&
                                          out.tab != "quiz" && out.tab != "expression")
                err = "--tab " + out.tab + ": expected inspector, paths, lab, quiz or expression";
        } else if (a == "--lesson") {
            err = value(out.lesson);
        } else if (a == "--page") {
            if (err = count(1, 100000, n); err.empty()) out.lesson_page = static_cast<int>(n);
        } else if (a == "--path") {
            if (err = count(1, 100000, n); err.empty()) out.path = static_cast<int>(n);
        } else if (a == "--homework-row") {
            std::string v;
            HomeworkRow row;
            if (err = value(v); err.empty() && (err = parse_homework_row(v, row)).empty()) out.homework.push_back(row);
        } else if (a == "--quiz") {
            out.quiz = true;
        } else if (a == "--quiz-what") {
            std::string v;
            if (err = value(v); err.empty()) {
                out.quiz_what = split(v, ',');
                for (const std::string& w : out.quiz_what)
                    if (!parse_topic(w))
                        err = "--quiz-what " + v + ": '" + w +
                              "' is not one of forward, loss, output_delta, hidden_delta, gradients, updates";
                out.quiz = true;
            }
        } else if (a == "--answer") {
            std::string v;
            if (err = value(v); err.empty()) {
                out.answers.push_back(v);
                out.quiz = true;
            }
        } else if (a == "--hint") {
            out.hints = std::min(out.hints + 1, 2);
            out.quiz = true;
        } else if (!a.empty() && a[0] == '-') {
            err = "unknown option " + a + " (see --help)";
        } else if (!out.file.empty()) {
            err = a + ": only one network file can be opened (already " + out.file + ")";
        } else {
            out.file = a;
        }
        if (!err.empty()) return err;
    }
    if (out.lesson_page > 0 && out.lesson.empty()) return "--page: only with --lesson FILE|NAME";
    if (!out.screenshot.empty() && out.frames == 0) out.frames = kDefaultScreenshotFrames;
    if (out.bench == "live" && out.frames == 0) out.frames = 100000000;  // the run ends by time or steps
    if (!out.bench.empty() && out.frames == 0) out.frames = kDefaultBenchFrames;
    if (!out.canvas_png.empty() && out.frames == 0) out.frames = kDefaultScreenshotFrames;
    return "";
}

std::string usage_text() {
    return "Usage: backprop-studio [FILE] [options]\n"
           "Backprop Studio makes backpropagation visible: step through the forward pass, the loss,\n"
           "every delta and gradient and the update of a small network, edit weights and watch it learn.\n"
           "Without FILE it opens the built-in 2-2-2 sigmoid example of the course notes.\n"
           "\n"
           "Options:\n"
           "  FILE, --load FILE     open a network file (JSON)\n"
           "  --step K              step K events (one neuron each) before the first frame\n"
           "  --select SEL          select w,l,j,k (weight) | b,l,j (bias) | n,l,j (neuron); 0-based\n"
           "  --train-steps N       train N steps with the file's training settings first (as the Lab's\n"
           "                        Train does: it stops early, with a message, if the loss explodes)\n"
           "  --lr X                use learning rate X instead of the file's (e.g. --lr 50 to see divergence)\n"
           "  --list-presets        print the presets, one line each: file name, a tab, title; then exit\n"
           "  --lesson FILE|NAME    open a lesson: a lesson file (Markdown, docs/LESSONS.md) or one of\n"
           "                        the program's by name (first-steps, notes-004-delta-recurrence, ...;\n"
           "                        Help > Lessons lists them); a malformed lesson is an error (exit 2)\n"
           "  --page K              with --lesson: open its page K (from 1)\n"
           "  --tab NAME            open a side-panel tab: inspector | paths | lab | quiz | expression\n"
           "  --path N              with --select of a weight or bias: keep its path N (from 1, largest\n"
           "                        first) drawn on the network, as a click on its row in Paths does\n"
           "  --quiz                quiz mode: stepping stops before each value for you to compute\n"
           "  --quiz-what LIST      what is asked (implies --quiz), comma-separated: forward, loss,\n"
           "                        output_delta, hidden_delta, gradients, updates\n"
           "  --answer TEXT         type TEXT into the quiz field and press Enter (repeatable, in order)\n"
           "  --hint                ask for a hint at the waiting question (twice: with the numbers)\n"
           "  --homework-row ROW    a row of the Quiz tab's homework table (repeatable): WHAT,l,j,VALUE,\n"
           "                        WHAT,l,j,k,VALUE for dW and W_after, loss,VALUE; indices from 0\n"
           "  --present             presentation mode: large fonts, light high-contrast theme\n"
           "  --keyboard-mode       start in keyboard mode (Tab): arrows move between the controls\n"
           "  --hide LIST           hide panels, comma-separated: side (the side panel), loss (the loss\n"
           "                        curve), as the View menu does (a teacher projecting a pass)\n"
           "  --autosave-dir DIR    keep the autosave of unsaved work in DIR (default: the XDG data\n"
           "                        directory; scripted --frames runs have none unless given)\n"
           "  --open-dialog NAME    open a dialog at start (screenshots): open | save | help | about\n"
           "  --text-scale S        text size as View ▸ Larger/Smaller text sets it: 0.5 to 3 (1 = 100 %)\n"
           "  --notation NAME       the symbols of one set of course notes, as View ▸ Notation sets them:\n"
           "                        per-neuron | vector | derivation | batch\n"
           "  --file-dialogs HOW    Open… and Save As… use: desktop (the portal, zenity or kdialog when\n"
           "                        there is one, else the in-app browser) | in-app (the default of\n"
           "                        scripted --frames runs; otherwise the File menu's setting)\n"
           "  --size WxH            window size in pixels (default 1280x800)\n"
           "  --frames N            render N frames and exit 0 (no saved settings are read or written)\n"
           "  --screenshot PNG      write the last frame to PNG (implies --frames 30 without --frames)\n"
           "  --canvas-png PNG      write the network canvas alone to PNG after the last frame, drawn at\n"
           "                        --canvas-scale K (1 to 4, default 2) times the window's size\n"
           "  --bench SCENARIO      UI benchmark: draw N frames (--frames, default 300) of a scenario and\n"
           "                        print the CPU time per frame of the app's code: start | spiral |\n"
           "                        wide | largest | loss | live (see docs/PERFORMANCE.md)\n"
           "  --seconds S           --bench live: train S seconds (default: 10^6 steps, at most 120 s); FILE\n"
           "                        (default the spiral preset) trains in the Lab with every view on\n"
           "  --report-state FILE   keep FILE up to date (JSON, written atomically when it changes) with what\n"
           "                        the window shows: the document's name and unsaved flag, the step, the\n"
           "                        selection, the autosave, open dialogs, and where each control is and\n"
           "                        whether it is clipped (for tests that drive the real window)\n"
           "  --frame-delay MS      sleep MS milliseconds after every frame (0 to 2000): a slow machine,\n"
           "                        for tests that no key press is lost during slow frames\n"
           "  --help, --version     this text; the version\n"
           "\n"
           "Keys: Right/Space step, Left back, Home restart, End run the pass, P play/pause,\n"
           "      [ ] previous/next neuron, { } previous/next weight or bias, Tab keyboard mode\n"
           "      (arrows move between controls, Space presses, Alt menus; Esc or Tab leaves),\n"
           "      Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Ctrl+N new, Ctrl+O open, Ctrl+S save,\n"
           "      Ctrl+Shift+S save as, Ctrl+Q quit, F1 help, F11 presentation, F12 screenshot;\n"
           "      in a lesson: Alt+Right/Alt+Left next/previous page, R back to the page's state.\n"
           "Exit status: 0 on success, 2 for a bad argument or a file that cannot be loaded.\n";
}

}  // namespace studio
