// The no-GL UI smoke test (as ImPlot's CI does it): an ImGui context with a display size and a built font
// atlas, no GLFW and no GL; NewFrame → draw_frame → Render for hundreds of frames while the mouse and
// the keyboard are simulated. Debian's ImGui is built with asserts, so any misuse of the API aborts.
// It also checks that the UI turns input into the right actions: keys step, a click selects, a drag on
// an edge changes the weight as one undo entry, Ctrl+Z undoes it.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "app/studio/handlers/example.h"
#include "app/studio/state/resources.h"
#include "app/studio/program/startup.h"
#include "app/studio/views/ui.h"
#include "app/studio/views/views.h"
#include "engine/core/network.h"
#include "engine/lessons/lesson_library.h"
#include "tests/window/ui_harness.h"

#include <imgui_internal.h>

using namespace studio;

namespace {

Vec2 along(Vec2 a, Vec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

}  // namespace

TEST(UiSmoke, TwoHundredFramesWithTheMouseEverywhere) {
    Harness h;
    AppState s = initial_state(Options{});
    for (int i = 0; i < 200; ++i) {
        // sweep the pointer over the whole window in a zig-zag, so every panel gets hovered
        h.mouse(static_cast<float>((i * 37) % 1280), static_cast<float>((i * 53) % 800), false);
        if (i % 25 == 0) s.stepper->step_forward();  // values appear as the pass goes on
        h.frame(s);
    }
    SUCCEED();
}

TEST(UiSmoke, KeysStepBackRestartAndRunThePass) {
    Harness h;
    AppState s = initial_state(Options{});
    h.mouse(-100, -100, false);
    h.frame(s);
    for (int i = 0; i < 5; ++i) h.key(s, ImGuiKey_RightArrow);
    EXPECT_EQ(s.stepper->cursor(), 5);
    h.key(s, ImGuiKey_Space);
    EXPECT_EQ(s.stepper->cursor(), 6);
    h.key(s, ImGuiKey_LeftArrow);
    EXPECT_EQ(s.stepper->cursor(), 5);
    h.key(s, ImGuiKey_End);
    EXPECT_TRUE(s.stepper->at_end());
    h.key(s, ImGuiKey_Home);
    EXPECT_EQ(s.stepper->cursor(), 0);
}

TEST(UiSmoke, ClickSelectsAndDragOnAnEdgeChangesTheWeightAsOneUndoEntry) {
    Harness h;
    AppState s = initial_state(Options{});
    h.mouse(-100, -100, false);
    FrameInfo info = h.frame(s);
    info = h.frame(s);
    ASSERT_EQ(info.canvas.neurons.size(), 3u);

    const Vec2 n = info.canvas.neurons[1][1];  // click hidden neuron 2
    h.mouse(n.x, n.y, false);
    h.frame(s);
    h.mouse(n.x, n.y, true);
    h.frame(s);
    h.mouse(n.x, n.y, false);
    h.frame(s);
    EXPECT_EQ(s.selection, Selection::neuron(1, 1));

    // Drag the edge of w²₁₂ (hidden 2 → output 1) up by 40 px: +0.005 per px at scale 1.
    const Vec2 p = along(info.canvas.neurons[1][1], info.canvas.neurons[2][0], 0.25f);
    h.mouse(p.x, p.y, false);
    h.frame(s);
    h.mouse(p.x, p.y, true);
    h.frame(s);
    EXPECT_EQ(s.selection, Selection::weight(2, 0, 1));
    for (int i = 1; i <= 4; ++i) {
        h.mouse(p.x, p.y - 10.0f * i, true);
        h.frame(s);
    }
    h.mouse(p.x, p.y - 40, false);
    h.frame(s);
    h.frame(s);
    EXPECT_NEAR(s.doc.net.layers[2].W(0, 1), 0.45 + 40 * 0.005, 1e-9);
    EXPECT_EQ(s.undo.size(), 1u);
    EXPECT_FALSE(s.gesture_open);

    h.mouse(-100, -100, false);
    h.key(s, ImGuiKey_Z, true);
    EXPECT_DOUBLE_EQ(s.doc.net.layers[2].W(0, 1), 0.45);
    h.key(s, ImGuiKey_Z, true, true);
    EXPECT_NEAR(s.doc.net.layers[2].W(0, 1), 0.65, 1e-9);
    h.key(s, ImGuiKey_Z, true);
    h.key(s, ImGuiKey_Y, true);
    EXPECT_NEAR(s.doc.net.layers[2].W(0, 1), 0.65, 1e-9);
}

TEST(UiSmoke, DoubleClickOnAnEdgeOpensTheTypingPopupWithoutTrouble) {
    Harness h;
    AppState s = initial_state(Options{});
    h.mouse(-100, -100, false);
    FrameInfo info = h.frame(s);
    info = h.frame(s);
    const Vec2 p = along(info.canvas.neurons[0][0], info.canvas.neurons[1][0], 0.25f);
    for (int i = 0; i < 2; ++i) {
        h.mouse(p.x, p.y, true);
        h.frame(s);
        h.mouse(p.x, p.y, false);
        h.frame(s);
    }
    for (int i = 0; i < 10; ++i) h.frame(s);
    EXPECT_EQ(s.selection, Selection::weight(1, 0, 0));
}

TEST(UiSmoke, EveryPanelAloneInEveryThemeAndStateOfThePass) {
    Harness h(1920, 1080);
    AppState s = initial_state(Options{});
    s.selection = Selection::neuron(1, 0);
    for (bool light : {false, true}) {
        h.rebuild(light ? 1.5f : 1.0f, light);
        for (int cursor : {0, 3, 9, 1000}) {
            s.stepper->seek(cursor);
            for (Selection sel : {Selection{}, Selection::neuron(2, 1), Selection::weight(2, 1, 0), Selection::bias(1, 1)}) {
                s.selection = sel;
                ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
                ImGui::NewFrame();
                ActionQueue q;
                FrameInfo info;
                ImGui::SetNextWindowSize(ImVec2(900, 1000));
                ImGui::Begin("panels");
                draw_toolbar(s, h.ui, q);
                draw_banner(s, h.ui);
                draw_matrices(s, h.ui, q);
                draw_architecture(s, h.ui, q);
                draw_formula(s, h.ui, q);
                draw_inspector(s, h.ui, q);
                ImGui::End();
                ImGui::SetNextWindowSize(ImVec2(900, 600));
                ImGui::Begin("canvas");
                draw_network(s, h.ui, q, info);
                ImGui::End();
                ImGui::SetNextWindowSize(ImVec2(600, 300));
                ImGui::Begin("loss");
                draw_loss_curve(s, h.ui, q);
                ImGui::End();
                ImGui::Render();
                EXPECT_TRUE(q.empty()) << "drawing alone (no input) asks for nothing";
            }
        }
    }
}

TEST(UiSmoke, PresentationModeAndLongHistories) {
    Harness h(1920, 1080);
    Options o;
    o.present = true;
    o.train_steps = 3000;
    AppState s = initial_state(o);
    for (int i = 0; i < 30; ++i) {
        h.mouse(1500, 900 + (i % 5) * 10.0f, false);  // over the loss curve: the hover readout
        h.frame(s);
    }
    EXPECT_EQ(h.ui.scale, 1.5f);
    EXPECT_TRUE(h.ui.light);
}

TEST(UiSmoke, LargestNetworkStaysFast) {
    bp::Document doc = builtin_example();
    std::vector<int> sizes(11, 64);
    sizes[0] = 2, sizes[10] = 2;
    doc.net = bp::make_network(sizes, std::vector<bp::Activation>(10, bp::Activation::tanh), bp::Loss::mse_half,
                               bp::InitScheme::xavier, 3);
    AppState s = make_state(doc, "", "10 × 64");
    s.stepper->run_to_end();
    Harness h;
    h.frame(s);
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 30; ++i) {
        h.mouse(200.0f + i * 15, 300, false);
        h.frame(s);
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 30;
    std::printf("10 x 64 network: %.2f ms per frame (NewFrame to Render, no GL; a report, not a test)\n", ms);
}

TEST(UiSmoke, EveryPresetDraws) {
    const std::filesystem::path dir = BP_PRESETS_DIR;
    if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no presets";
    Harness h;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        Options o;
        o.file = entry.path().string();
        o.step = 7;
        AppState s = initial_state(o);
        for (int i = 0; i < 5; ++i) h.frame(s);
    }
}

// ---- the path explorer and quiz mode (view_paths.cpp, view_quiz.cpp) ----

TEST(UiSmoke, HoveringAPathRowDrawsItsRouteOnTheCanvas) {
    Harness h;
    Options o;
    o.select = Selection::weight(1, 0, 0);
    o.tab = "paths";
    AppState s = initial_state(o);
    h.mouse(-100, -100, false);
    const FrameInfo info = h.frame(s);
    h.frame(s);
    EXPECT_TRUE(s.side_tab.empty());  // the tab request is done once
    // Sweep the pointer down the side panel until a path row (or a chip) lights the canvas.
    const float x0 = info.canvas_box.x + info.canvas_box.w + 60;
    bool route = false, chip = false;
    for (float x = x0; x < 1270 && !(route && chip); x += 40) {
        for (float y = 60; y < 560 && !(route && chip); y += 5) {
            h.mouse(x, y, false);
            h.frame(s);
            h.frame(s);
            const auto has = [&](bp::ValueRef r) { return std::find(s.highlight.begin(), s.highlight.end(), r) != s.highlight.end(); };
            if (s.highlight.size() == 1) chip = true;
            if (has({bp::ValueRef::Kind::weight, 1, 0, 0}) && has({bp::ValueRef::Kind::loss, 0, 0, 0})) route = true;
        }
    }
    EXPECT_TRUE(route) << "no path row highlighted its route";
    EXPECT_TRUE(chip) << "no factor chip highlighted its source";
    h.mouse(-100, -100, false);
    h.frame(s);
    h.frame(s);
    EXPECT_TRUE(s.highlight.empty());  // leaving the rows clears the route
}

TEST(UiSmoke, TypingAnAnswerInTheQuizFieldChecksIt) {
    Harness h;
    Options o;
    o.quiz = true;
    AppState s = initial_state(o);
    h.mouse(-100, -100, false);
    for (int i = 0; i < 3; ++i) h.frame(s);  // the field takes the keyboard focus
    for (char c : std::string("0.3775")) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    h.frame(s);
    EXPECT_EQ(s.quiz.draft, "0.3775");
    h.key(s, ImGuiKey_Enter);
    EXPECT_EQ(s.stepper->cursor(), 1);
    EXPECT_EQ(s.quiz.score.first_try, 1);
    // The next question takes the focus again: a wrong answer is marked and the pass waits.
    for (int i = 0; i < 3; ++i) h.frame(s);
    for (char c : std::string("0.71")) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    h.frame(s);
    h.key(s, ImGuiKey_Enter);
    EXPECT_EQ(s.stepper->cursor(), 1);
    ASSERT_NE(quiz_feedback(s), nullptr);
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::wrong);
    for (int i = 0; i < 20; ++i) {  // and every panel draws in quiz mode, with the mouse about
        h.mouse(static_cast<float>((i * 97) % 1280), static_cast<float>((i * 61) % 800), false);
        h.frame(s);
    }
}

TEST(UiSmoke, HiddenPanelsGiveTheirRoomToTheCanvas) {
    Harness h;
    Options o;
    o.tab = "lab";
    AppState s = initial_state(o);
    const FrameInfo both = h.frame(s);
    h.frame(s);
    EXPECT_TRUE(s.lab.visible);
    Settings t = s.settings;
    t.show_side = false;
    t.show_loss = false;
    apply(s, act::SetSettings{t});
    h.frame(s);
    const FrameInfo wide = h.frame(s);
    EXPECT_GT(wide.canvas_box.w, both.canvas_box.w * 1.3f) << "the side panel's width went to the canvas";
    EXPECT_FALSE(s.lab.visible) << "the Lab is not drawn, so it computes nothing";
    for (int i = 0; i < 20; ++i) {  // and everything still draws with the pointer about
        h.mouse(static_cast<float>((i * 97) % 1280), static_cast<float>((i * 61) % 800), false);
        h.frame(s);
    }
}

TEST(UiSmoke, QuizAndPathsTabsDrawInEveryState) {
    Harness h(1920, 1080);
    for (const char* tab : {"paths", "quiz"}) {
        Options o;
        o.quiz = std::string(tab) == "quiz";
        o.tab = tab;
        o.select = Selection::bias(2, 1);
        AppState s = initial_state(o);
        s.quiz.homework = {{bp::Quantity::delta, 2, 0, 0, "0.7414"}, {bp::Quantity::z, 9, 0, 0, "1"}};
        for (int i = 0; i < 40; ++i) {
            h.mouse(1300 + (i % 8) * 70.0f, 80 + (i * 23) % 900, false);
            if (i % 10 == 9) apply(s, act::Quiz{quiz_cmd::Reveal{}});
            h.frame(s);
        }
    }
}

// ---- the Training lab (view_lab.cpp, view_neuron_maps.cpp) ----

namespace {

void click(Harness& h, AppState& s, float x, float y, int button = 0) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    h.frame(s);
    io.MouseDown[button] = true;
    h.frame(s);
    io.MouseDown[button] = false;
    h.frame(s);
}

}  // namespace

TEST(UiSmoke, LabPlotClicksAddRightClicksDeleteAndDragsMovePoints) {
    Harness h;
    Options o;
    o.file = std::string(BP_PRESETS_DIR) + "/xor-2-3-1.json";
    o.tab = "lab";
    AppState s = initial_state(o);
    h.mouse(-100, -100, false);
    FrameInfo info;
    for (int i = 0; i < 10; ++i) info = h.frame(s);  // the panel's scroll bar settles in the first frames
    EXPECT_TRUE(s.lab.visible);
    ASSERT_GT(info.lab_plot.w, 100.0f);
    const FrameInfo again = h.frame(s);
    ASSERT_EQ(again.lab_plot.w, info.lab_plot.w) << "the plot keeps its size from frame to frame";
    ASSERT_EQ(again.lab_plot.x, info.lab_plot.x);
    const int n = s.doc.data->size();
    const PlotDomain d = s.lab.domain;
    // A click on the top-left corner (x₁ ≈ x0, x₂ ≈ y1): XOR has no points that far out.
    const float x = info.lab_plot.x + 6, y = info.lab_plot.y + 6;
    click(h, s, x, y);
    ASSERT_EQ(s.doc.data->size(), n + 1) << s.status;
    EXPECT_NEAR(s.doc.data->X(n, 0), d.x0 + 6.0 / info.lab_plot.w * (d.x1 - d.x0), 1e-3);
    EXPECT_NEAR(s.doc.data->X(n, 1), d.y1 - 6.0 / info.lab_plot.h * (d.y1 - d.y0), 1e-3);
    EXPECT_DOUBLE_EQ(s.doc.data->Y(n, 0), 1.0) << "the brush starts at class 1";

    // Drag it 30 px right and 20 px down: one undo entry.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = true;
    h.frame(s);
    for (int i = 1; i <= 5; ++i) {
        io.MousePos = ImVec2(x + 6.0f * i, y + 4.0f * i);
        h.frame(s);
    }
    io.MouseDown[0] = false;
    h.frame(s);
    h.frame(s);
    EXPECT_EQ(s.doc.data->size(), n + 1);
    EXPECT_NEAR(s.doc.data->X(n, 0), d.x0 + 36.0 / info.lab_plot.w * (d.x1 - d.x0), 1e-3);
    EXPECT_EQ(s.undo.size(), 2u) << "the add and the drag";

    click(h, s, x + 30, y + 20, 1);  // right-click deletes it
    EXPECT_EQ(s.doc.data->size(), n);
    h.mouse(-100, -100, false);
    h.key(s, ImGuiKey_Z, true);
    EXPECT_EQ(s.doc.data->size(), n + 1);
}

TEST(UiSmoke, LabTrainsDivergesAndRewindsWhileDrawing) {
    Harness h(1920, 1080);
    Options o;
    o.file = std::string(BP_PRESETS_DIR) + "/spiral-2-8-8-8-1.json";
    o.tab = "lab";
    AppState s = initial_state(o);
    apply(s, act::Lab{lab::SetSpeed{20, false}});
    apply(s, act::Lab{lab::SetTraining{true}});
    const auto started = std::chrono::steady_clock::now();
    const auto in_time = [&] { return std::chrono::steady_clock::now() - started < std::chrono::seconds(60); };
    for (int i = 0; (i < 30 || s.steps_done < 500) && in_time(); ++i) {  // the Lab's worker trains meanwhile
        h.mouse(static_cast<float>((i * 131) % 1920), static_cast<float>((i * 71) % 1080), false);
        h.frame(s);
    }
    EXPECT_GE(s.steps_done, 500);
    EXPECT_FALSE(s.lab.maps.empty());
    bp::TrainingConfig c = s.doc.training;
    c.optimizer = bp::OptimizerKind::momentum;
    c.learning_rate = 50;
    apply(s, act::Lab{lab::SetConfig{c}});
    while (s.lab.training && in_time()) h.frame(s);
    ASSERT_TRUE(s.lab.diverged);
    for (int i = 0; i < 10; ++i) h.frame(s);  // the message and its button draw
    apply(s, act::Lab{lab::Rewind{}});
    EXPECT_FALSE(s.lab.diverged);
    for (int i = 0; i < 5; ++i) h.frame(s);
    s.settings.light_theme = true;
    for (int i = 0; i < 5; ++i) h.frame(s);
}

TEST(UiSmoke, LabDrawsForEveryPresetAndTheTable) {
    Harness h;
    for (const PresetInfo& p : list_presets()) {
        Options o;
        o.file = p.path;
        o.tab = "lab";
        o.train_steps = 20;
        AppState s = initial_state(o);
        apply(s, act::Lab{lab::ShowTable{false}});
        for (int i = 0; i < 6; ++i) {
            h.mouse(900.0f + (i * 53) % 380, 120.0f + (i * 97) % 600, false);
            h.frame(s);
        }
    }
}

// ---- keyboard mode (ui_keyboard.cpp): Tab hands the keys to ImGui's navigation ----

namespace {

bool nav_enabled() { return (ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0; }

void type(Harness& h, AppState& s, const std::string& text) {
    for (char c : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    h.frame(s);
}

void alt(Harness& h, AppState& s) {  // press and release Alt alone: ImGui's menu layer
    ImGuiIO& io = ImGui::GetIO();
    io.KeyAlt = true;
    h.frame(s);
    io.KeyAlt = false;
    h.frame(s);
}

}  // namespace

TEST(UiSmoke, TabHandsTheArrowsToTheControlsAndEscGivesThemBack) {
    Harness h;
    AppState s = initial_state(Options{});
    h.mouse(-100, -100, false);
    h.frame(s);
    for (int i = 0; i < 3; ++i) h.key(s, ImGuiKey_RightArrow);
    ASSERT_EQ(s.stepper->cursor(), 3);
    ASSERT_FALSE(nav_enabled());

    h.key(s, ImGuiKey_Tab);
    EXPECT_TRUE(s.keyboard_mode);
    EXPECT_TRUE(nav_enabled());
    h.frame(s);
    EXPECT_FALSE(ImGui::GetIO().WantTextInput) << "ImGui's own Tab did not start typing into a drag field";
    // The arrows walk the toolbar (↺, ◀ Back, Step ▶, Phase ▶▶, Pass ⇥) without stepping; Space presses.
    for (int i = 0; i < 4; ++i) h.key(s, ImGuiKey_RightArrow);
    h.key(s, ImGuiKey_Home);
    EXPECT_EQ(s.stepper->cursor(), 3) << "→ and Home move between controls in keyboard mode";
    h.key(s, ImGuiKey_Space);
    EXPECT_TRUE(s.stepper->at_end()) << "Space pressed the focused button, Pass ⇥";

    h.key(s, ImGuiKey_Escape);
    EXPECT_FALSE(s.keyboard_mode);
    EXPECT_FALSE(nav_enabled());
    h.key(s, ImGuiKey_Home);
    h.key(s, ImGuiKey_RightArrow);
    EXPECT_EQ(s.stepper->cursor(), 1) << "Home and → step the pass again";
    h.key(s, ImGuiKey_Tab);
    h.key(s, ImGuiKey_Tab);
    EXPECT_FALSE(s.keyboard_mode) << "Tab toggles";
}

TEST(UiSmoke, KeyboardModeOpensTheMenusAndEscBacksOutOneLevelAtATime) {
    Harness h;
    AppState s = initial_state(Options{});
    h.mouse(-100, -100, false);
    h.frame(s);
    h.key(s, ImGuiKey_Tab);
    ASSERT_TRUE(s.keyboard_mode);
    // Alt: the menu bar (File Edit View Presets Help); → to Help, Space opens it and presses its first item.
    alt(h, s);
    for (int i = 0; i < 4; ++i) h.key(s, ImGuiKey_RightArrow);
    h.key(s, ImGuiKey_Space);
    h.key(s, ImGuiKey_Space);
    EXPECT_TRUE(h.ui.memory.help_open) << "Help ▸ Keyboard and notation, from the keyboard";
    h.key(s, ImGuiKey_Escape);
    EXPECT_FALSE(h.ui.memory.help_open);
    EXPECT_TRUE(s.keyboard_mode) << "the first Esc closes the overlay only";
    alt(h, s);
    h.key(s, ImGuiKey_Escape);
    EXPECT_TRUE(s.keyboard_mode) << "Esc leaves the menu bar first";
    h.key(s, ImGuiKey_Escape);
    EXPECT_FALSE(s.keyboard_mode);
}

TEST(UiSmoke, BracketsWalkTheSelectionThroughNeuronsAndParameters) {
    Harness h;
    AppState s = initial_state(Options{});
    h.mouse(-100, -100, false);
    h.frame(s);
    type(h, s, "]");
    EXPECT_EQ(s.selection, Selection::neuron(0, 0));
    type(h, s, "]]");
    EXPECT_EQ(s.selection, Selection::neuron(1, 0)) << "two presses in one frame move twice";
    type(h, s, "}");
    EXPECT_EQ(s.selection, Selection::weight(1, 0, 0)) << "the first weight into the selected neuron";
    h.key(s, ImGuiKey_Tab);  // and in keyboard mode, where the arrows are the navigation's
    type(h, s, "}}");
    EXPECT_EQ(s.selection, Selection::bias(1, 0));
    type(h, s, "[");
    EXPECT_EQ(s.selection, Selection::neuron(1, 0));
    type(h, s, "{");
    EXPECT_EQ(s.selection, Selection::bias(2, 1)) << "backwards from the first parameter wraps to the last";
}

TEST(UiSmoke, TabInATextFieldIsTheFieldsNotKeyboardMode) {
    Harness h;
    Options o;
    o.quiz = true;
    AppState s = initial_state(o);
    h.mouse(-100, -100, false);
    for (int i = 0; i < 3; ++i) h.frame(s);  // the quiz's answer field takes the keyboard focus
    ASSERT_TRUE(ImGui::GetIO().WantTextInput);
    type(h, s, "]");
    EXPECT_TRUE(s.selection.empty()) << "a bracket typed into a field is text, not a selection key";
    h.key(s, ImGuiKey_Tab);
    EXPECT_FALSE(s.keyboard_mode);
}

// The lesson panel (view_lesson.cpp): every page of every lesson of the program drawn as the column and,
// presenting, as the caption strip, with the pointer moving over it; the Lessons window too. ImGui's
// asserts catch an unbalanced Begin/End, font or disabled block.
TEST(UiSmoke, EveryPageOfEveryLessonDrawsAsColumnAndStrip) {
    const std::vector<bp::LessonInfo> lessons = bp::list_lessons(bp::asset_dir("lessons"));
    ASSERT_GE(lessons.size(), 6u);
    for (const bool present : {false, true}) {
        Harness h(present ? 1920 : 1024, present ? 1080 : 768);
        Options o;
        o.present = present;
        AppState s = initial_state(o);
        apply(s, act::Lesson{lesson_cmd::ShowLibrary{true}});
        for (int i = 0; i < 3; ++i) h.frame(s);
        apply(s, act::Lesson{lesson_cmd::ShowLibrary{false}});
        for (const bp::LessonInfo& info : lessons) {
            apply(s, act::Lesson{lesson_cmd::Open{info.path, 0, true}});
            ASSERT_TRUE(s.lesson.lesson) << info.path << ": " << s.files.error_text;
            for (int page = 0; page < static_cast<int>(s.lesson.lesson->pages.size()); ++page) {
                apply(s, act::Lesson{lesson_cmd::GoTo{page}});
                ASSERT_EQ(s.lesson.page, page) << info.stem << ": " << s.files.error_text;
                for (int i = 0; i < 4; ++i) {
                    h.mouse(static_cast<float>((i * 97 + page * 31) % 400), static_cast<float>((i * 131) % 700), false);
                    h.frame(s);
                }
            }
        }
    }
}
