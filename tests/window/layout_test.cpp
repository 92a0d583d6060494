// Every size a lecture meets, without a window: 1024×768, 1280×720, 1366×768, 1920×1080 and 3840×2160,
// normal and presenting, at every text size the View menu offers; the example network at a forward step
// (z²₁, the longest formula of its pass), at a gradient with a weight selected, and with quiz mode asking
// for L. Each frame's report (the same one
// --report-state writes) must show no control or word clipped, no words over other words, a number for
// every neuron and the formula whole — the checks tests/window/real/sizes.sh makes on the real program.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/studio/program/startup.h"
#include "tests/window/ui_harness.h"

using namespace studio;

namespace {

bool overlap(const Box& a, const Box& b) {
    constexpr float slack = 0.5f;  // touching edges are not an overlap
    return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

bool starts(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The groups whose members must not overlap one another (bits: an item may be in several): the canvas's
// words with the quiz's answer field, the toolbar's rows, the loss panel's header, the formula's title
// line, the legend, the status line, the answer field with the node it asks about.
unsigned groups_of(const std::string& id) {
    unsigned g = 0;
    const std::vector<std::pair<unsigned, std::vector<const char*>>> groups = {
        {1, {"canvas.", "quiz.field"}}, {2, {"toolbar.", "phase."}}, {4, {"loss."}}, {8, {"formula."}},
        {16, {"legend."}}, {32, {"status."}}, {64, {"quiz."}}};
    for (const auto& [bit, prefixes] : groups)
        for (const char* p : prefixes)
            if (starts(id, p)) g |= bit;
    return g;
}

std::vector<std::string> layout_problems(const FrameReport& r, const bp::Network& net) {
    std::vector<std::string> out;
    for (const ReportedItem& it : r.items)
        if (it.clipped && !starts(it.id, "paths.") && !starts(it.id, "lab."))  // scrolling lists
            out.push_back(it.id + " is clipped");
    for (std::size_t a = 0; a < r.items.size(); ++a)
        for (std::size_t b = a + 1; b < r.items.size(); ++b) {
            const ReportedItem &x = r.items[a], &y = r.items[b];
            if ((groups_of(x.id) & groups_of(y.id)) != 0 && overlap(x.rect, y.rect) &&
                !(x.id == "formula" || y.id == "formula"))
                out.push_back(x.id + " overlaps " + y.id);
        }
    const auto has = [&](const std::string& id) {
        for (const ReportedItem& it : r.items)
            if (it.id == id) return true;
        return false;
    };
    for (int l = 0; l <= net.L(); ++l)
        for (int j = 0; j < net.layers[l].size; ++j)
            if (const std::string id = "canvas.n." + std::to_string(l) + "." + std::to_string(j); !has(id))
                out.push_back("neuron " + std::to_string(l) + "," + std::to_string(j) + " has no number");
    if (!has("formula")) out.push_back("no formula");
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += "\n  " + x;
    return s;
}

}  // namespace

TEST(Layout, EverySizeModeAndTextSizeShowsEverythingWhole) {
    const std::pair<int, int> sizes[] = {{1024, 768}, {1280, 720}, {1366, 768}, {1920, 1080}, {3840, 2160}};
    for (const auto& [w, h] : sizes) {
        Harness harness(static_cast<float>(w), static_cast<float>(h));
        harness.ui.report = true;
        harness.mouse(-100, -100, false);
        for (const bool present : {false, true}) {
            for (const float text : kTextScales) {
                for (int variant = 0; variant < 3; ++variant) {
                    // z²₁ on screen; ∂L/∂w¹₁₁ with a weight selected (the side panel shows it); quiz mode
                    // asking for L (the answer field beside the loss node).
                    Options o;
                    o.step = variant == 0 ? 5 : variant == 1 ? 14 : 100;
                    if (variant == 1) o.select = Selection::weight(2, 0, 0);
                    if (variant == 2) o.quiz = true, o.quiz_what = {"loss"};
                    AppState s = initial_state(o);
                    s.present = present;
                    s.settings.ui_scale = text;
                    FrameInfo info;
                    for (int i = 0; i < 4; ++i) info = harness.frame(s);  // the formula's height is measured, then used
                    const std::vector<std::string> problems = layout_problems(info.report, s.doc.net);
                    EXPECT_TRUE(problems.empty()) << w << "×" << h << (present ? " presenting" : "") << " at text size "
                                                  << text << " (scale " << info.report.scale << "), variant " << variant
                                                  << ":" << joined(problems);
                }
            }
        }
    }
}
