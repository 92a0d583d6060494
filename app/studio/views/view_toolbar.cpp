// The toolbar: restart / step back / step / run phase / run pass, play with its speed, the granularity,
// the training sample, the learning rate and Train, the theme, and Present at the right end. What does
// not fit the row moves, in that order from the right, into a » menu at its end, so every tool stays
// reachable at any window size and text size. Below it the phase strip forward → loss → backward →
// gradients → update with the phase of the step on screen lit, the step counter and the quiz switch; its
// labels shorten when the row is narrow rather than run into each other.
// [SECTION] the tools   [SECTION] the row and its » menu   [SECTION] the phase strip
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/studio/figures/pass_view.h"
#include "app/studio/figures/quantity_words.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_phase_segment.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_graph_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

// ---- [SECTION] the tools ----

bool tool_button(const char* label, const char* help, bool enabled = true) {
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    const bool pressed = ImGui::Button(label) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    item_tooltip(help);
    return pressed;
}

// One tool of the row: its id in the report ("toolbar.<id>"), its width on the row, the space before it,
// and how to draw it (in the » menu a field gets its name written before it).
struct Tool {
    const char* id;
    float width;
    float gap;
    std::function<void(bool in_menu)> draw;
};

// "by", "sample", "η": a field's name before it, on the row and in the menu alike.
void field_name(const char* name) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(name);
    ImGui::SameLine();
}

float named_width(const char* name, float field) {
    return ImGui::CalcTextSize(name).x + ImGui::GetStyle().ItemSpacing.x + field;
}

std::string sample_name(const AppState& s, int n) {
    if (n < 0) return "all " + std::to_string(sample_count(s)) + " (batch)";
    return std::to_string(n + 1) + " of " + std::to_string(sample_count(s));
}

std::vector<Tool> tools(const AppState& s, const Ui& ui, ActionQueue& q) {
    // An expression's graph (expression.h) is stepped by the same tools; it has no next pass, sample or training.
    const bool graph = s.expression.has_value();
    const int cursor = graph ? s.expression->stepper.cursor() : s.stepper->cursor();
    const bool at_end = graph ? s.expression->stepper.at_end() : s.stepper->at_end();
    const float spacing = ImGui::GetStyle().ItemSpacing.x, group = px(ui, ui_metric::group_gap),
                field = px(ui, ui_metric::field_gap);
    const char* step_label = at_end && !graph ? "Next pass ▶" : "Step ▶";
    const char* play_label = s.playing ? "❚❚ Pause" : "▶ Play";
    static const char* kGranularity[] = {"neuron", "layer", "phase"};
    char train[48];
    std::snprintf(train, sizeof train, "Train ×%d", s.settings.train_chunk);
    const std::string train_label = train;
    const char* theme_label = s.settings.light_theme ? "Dark" : "Light";
    const auto set = [&q, &s](const std::function<void(Settings&)>& change) {
        Settings t = s.settings;
        change(t);
        if (!(t == s.settings)) q.push_back(act::SetSettings{t});
    };
    std::vector<Tool> out;
    out.push_back({"restart", button_width("↺"), 0, [&q](bool) {
                       if (tool_button("↺", "Restart the pass (Home): every value becomes unknown again")) q.push_back(act::Restart{});
                   }});
    out.push_back({"back", button_width("◀ Back"), spacing, [&q, cursor](bool) {
                       if (tool_button("◀ Back", "Step back (← or Page Up)", cursor > 0)) q.push_back(act::StepBack{});
                   }});
    out.push_back({"step", button_width(step_label), spacing, [&q, at_end, graph, step_label](bool) {
                       if (tool_button(step_label, at_end ? "Apply the update and start the next pass (→, Space or Page Down)"
                                                          : "Compute the next value (→, Space or Page Down)", !(graph && at_end)))
                           q.push_back(act::StepForward{});
                   }});
    out.push_back({"phase", button_width("Phase ▶▶"), spacing, [&q](bool) {
                       if (tool_button("Phase ▶▶", "Run to the end of the current phase")) q.push_back(act::RunPhase{});
                   }});
    out.push_back({"pass", button_width("Pass ⇥"), spacing, [&q](bool) {
                       if (tool_button("Pass ⇥", "Run the whole pass to its end (End)")) q.push_back(act::RunPass{});
                   }});
    out.push_back({"play", button_width(play_label), group, [&q, &s, play_label](bool) {
                       if (tool_button(play_label, "Play: step automatically at the chosen speed (P)"))
                           q.push_back(act::SetPlaying{!s.playing});
                   }});
    const float speed_w = px(ui, ui_metric::speed_w);
    out.push_back({"speed", speed_w, spacing, [&s, speed_w, set](bool in_menu) {
                       if (in_menu) field_name("play speed");
                       float speed = static_cast<float>(s.settings.play_speed);
                       ImGui::SetNextItemWidth(speed_w);
                       if (ImGui::SliderFloat("##speed", &speed, 0.5f, 200.0f, "%.3g steps/s", ImGuiSliderFlags_Logarithmic))
                           set([speed](Settings& t) { t.play_speed = speed; });
                       item_tooltip("Play speed in steps per second");
                   }});
    const float granularity_w = px(ui, ui_metric::granularity_w);
    out.push_back({"granularity", named_width("by", granularity_w), group, [&s, granularity_w, set](bool) {
                       field_name("by");
                       int g = static_cast<int>(s.settings.granularity);
                       ImGui::SetNextItemWidth(granularity_w);
                       if (ImGui::Combo("##granularity", &g, kGranularity, 3))
                           set([g](Settings& t) { t.granularity = static_cast<bp::Granularity>(g); });
                       item_tooltip("How far one step goes: one value, a whole layer, or a whole phase");
                   }});
    const float sample_w = px(ui, ui_metric::sample_w);
    out.push_back({"sample", named_width("sample", sample_w), field, [&s, &q, sample_w](bool) {
                       field_name("sample");
                       ImGui::SetNextItemWidth(sample_w);
                       if (ImGui::BeginCombo("##sample", sample_name(s, s.sample).c_str())) {
                           if (sample_count(s) > 1 && ImGui::Selectable(sample_name(s, -1).c_str(), s.sample < 0))
                               q.push_back(act::SetSample{-1});
                           ImGuiListClipper clip;
                           clip.Begin(sample_count(s));
                           while (clip.Step())
                               for (int n = clip.DisplayStart; n < clip.DisplayEnd; ++n)
                                   if (ImGui::Selectable(sample_name(s, n).c_str(), s.sample == n)) q.push_back(act::SetSample{n});
                           ImGui::EndCombo();
                       }
                       item_tooltip("Which training sample the pass uses, or all of them as one batch; a single sample "
                                    "moves on to the next after each update.");
                   }});
    const float lr_w = px(ui, ui_metric::lr_w);
    out.push_back({"lr", named_width("η", lr_w), field, [&s, &q, &ui, lr_w](bool) {
                       field_name("η");
                       // A text field: one click and type; Enter or leaving the field sets η (one undo entry).
                       double lr = s.doc.training.learning_rate;
                       ImGui::SetNextItemWidth(lr_w);
                       if (ImGui::InputDouble("##lr", &lr, 0, 0, "%.4g")) ui.memory.lr_typed = lr;
                       if (ImGui::IsItemActivated()) ui.memory.lr_typed = s.doc.training.learning_rate;
                       if (ImGui::IsItemDeactivatedAfterEdit() && ui.memory.lr_typed != s.doc.training.learning_rate)
                           q.push_back(act::SetLearningRate{ui.memory.lr_typed});
                       item_tooltip("Learning rate η: how big a step each update takes, w ← w − η·∂L/∂w (click and "
                                    "type; Enter sets it).");
                   }});
    out.push_back({"train", button_width(train_label.c_str()), field, [&s, &q, train_label](bool) {
                       if (tool_button(train_label.c_str(), "Train this many steps at once with the file's optimiser and "
                                                            "batch size; the loss curve below shows the result"))
                           q.push_back(act::TrainSteps{s.settings.train_chunk});
                   }});
    if (graph)
        std::erase_if(out, [](const Tool& t) { return std::string_view(t.id) == "sample" || std::string_view(t.id) == "lr" ||
                                                      std::string_view(t.id) == "train"; });
    if (ui.memory.side_yielded)  // presenting with nothing in the side panel: its tabs, one click away
        out.push_back({"panels", button_width("Panels ▾"), group, [&s, &q](bool) {
                           if (ImGui::Button("Panels ▾")) ImGui::OpenPopup("panels");
                           item_tooltip("The side panel gave its room to the network while it had nothing to show: open "
                                        "one of its tabs (a click on a neuron or an edge opens the Inspector).");
                           if (!ImGui::BeginPopup("panels")) return;
                           for (const auto& [label, name] : {std::pair{"Paths", "paths"}, {"Lab", "lab"}, {"Quiz", "quiz"}})
                               if (ImGui::MenuItem(label)) q.push_back(act::ShowTab{name});
                           if (s.lesson.lesson) ImGui::TextDisabled("Inspector: a wider window or smaller text (the lesson takes the room)");
                           else ImGui::TextDisabled("Inspector: click a neuron or an edge");
                           ImGui::EndPopup();
                       }});
    if (!s.present)  // presentation mode is always light
        out.push_back({"theme", button_width(theme_label), group, [theme_label, set](bool) {
                           if (tool_button(theme_label, "Switch between the dark and the light theme"))
                               set([](Settings& t) { t.light_theme = !t.light_theme; });
                       }});
    return out;
}

void present_button(const AppState& s, ActionQueue& q) {
    if (tool_button(s.present ? "✓ Present" : "Present",
                    s.present ? "Presentation mode is on: click to go back to the normal view (F11)"
                              : "Presentation mode: large text and a light, high-contrast theme for projectors (F11)"))
        q.push_back(act::SetPresent{!s.present});
    report_item("toolbar.present");
}

// ---- [SECTION] the row and its » menu ----

void tool_row(const AppState& s, const Ui& ui, ActionQueue& q) {
    const std::vector<Tool> all = tools(s, ui, q);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float left = ImGui::GetCursorPosX(), right = ImGui::GetWindowContentRegionMax().x;
    const float present_w = button_width(s.present ? "✓ Present" : "Present");
    const float more_w = button_width("»");
    // How many tools fit left of Present; when not all of them, room for » too.
    const auto fitting = [&](float room) {
        std::size_t n = 0;
        for (float x = 0; n < all.size() && x + all[n].gap + all[n].width <= room; ++n) x += all[n].gap + all[n].width;
        return n;
    };
    const float room = right - left - present_w - px(ui, ui_metric::group_gap);
    std::size_t shown = fitting(room);
    if (shown < all.size()) shown = fitting(room - more_w - style.ItemSpacing.x);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) ImGui::SameLine(0, all[i].gap);
        ImGui::BeginGroup();
        all[i].draw(false);
        ImGui::EndGroup();
        report_item(std::string("toolbar.") + all[i].id);
    }
    if (shown < all.size()) {
        if (shown > 0) ImGui::SameLine();
        if (ImGui::Button("»")) ImGui::OpenPopup("toolbar_more");
        item_tooltip("The tools that do not fit this row");
        report_item("toolbar.more");
        if (ImGui::BeginPopup("toolbar_more")) {
            report_dialog("toolbar_more");
            for (std::size_t i = shown; i < all.size(); ++i) {
                ImGui::BeginGroup();
                all[i].draw(true);
                ImGui::EndGroup();
                report_item(std::string("toolbar.") + all[i].id);
            }
            ImGui::EndPopup();
        } else {
            for (std::size_t i = shown; i < all.size(); ++i) report_overflow(all[i].id);
        }
        ImGui::SameLine();
    } else if (shown > 0) {
        ImGui::SameLine();
    }
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - present_w));
    present_button(s, q);
}

// ---- [SECTION] the phase strip ----

constexpr const char* kPhaseNames[] = {"Forward", "Loss", "Backward", "Gradients", "Update"};
constexpr const char* kPhaseShort[] = {"Fwd", "Loss", "Back", "Grad", "Upd"};

// The widest label every segment can hold: the names with their ✓, the short names, or none.
const char* const* phase_labels(float segment, const Ui& ui) {
    const float pad = 2 * px(ui, ui_metric::phase_label_pad);
    for (const char* const* names : {kPhaseNames, kPhaseShort}) {
        bool fits = true;
        for (int p = 0; p < 5; ++p) fits &= ImGui::CalcTextSize((std::string("✓ ") + names[p]).c_str()).x + pad <= segment;
        if (fits) return names;
    }
    return nullptr;
}

void phase_strip(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bp::Stepper& st = *s.stepper;
    int first[5] = {-1, -1, -1, -1, -1}, count[5] = {0, 0, 0, 0, 0}, done[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < st.size(); ++i) {
        const int p = static_cast<int>(st.events()[i].phase);
        if (first[p] < 0) first[p] = i;
        ++count[p];
        if (i < st.cursor()) ++done[p];
    }
    const std::optional<bp::Phase> on_screen = phase_on_screen(s);  // the step whose formula is shown
    const int lit = on_screen ? static_cast<int>(*on_screen) : -1;
    // The counter and the quiz switch at the right end; shorter forms when the segments need the room.
    char full[96], brief[48];
    std::snprintf(full, sizeof full, "pass %ld · step %d / %d", s.steps_done + 1, st.cursor(), st.size());
    std::snprintf(brief, sizeof brief, "%d / %d", st.cursor(), st.size());
    const float gap = px(ui, ui_metric::phase_gap), counter_gap = px(ui, ui_metric::counter_gap);
    const float avail_all = ImGui::GetContentRegionAvail().x;
    bool short_quiz = false;
    const char* counter = full;
    const auto segment_for = [&] {
        const float right = counter_gap + ImGui::CalcTextSize(counter).x + quiz_switch_width(ui, short_quiz);
        return (avail_all - right - gap * 4) / 5;
    };
    float seg = segment_for();
    if (!phase_labels(seg, ui)) counter = brief, seg = segment_for();
    if (!phase_labels(seg, ui)) short_quiz = true, seg = segment_for();
    const char* const* names = phase_labels(seg, ui);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight() * 1.05f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int p = 0; p < 5; ++p) {
        const ImVec2 a(p0.x + p * (seg + gap), p0.y), b(a.x + seg, a.y + h);
        const bool complete = count[p] > 0 && done[p] == count[p], current = p == lit;
        const std::string help = phase_help(symbols(s), static_cast<bp::Phase>(p));  // in the notation on screen
        ImGui::PushID(p);
        if (phase_segment(dl, a, seg, h, ui, {"phase", help.c_str(), names ? names[p] : "", std::string("phase.") + kPhaseNames[p], current, complete}) &&
            first[p] >= 0)
            q.push_back(act::Seek{first[p]});
        ImGui::PopID();
        if (current && done[p] > 0 && done[p] < count[p]) {  // how far the pass is inside this phase
            const float f = static_cast<float>(done[p]) / count[p], inset = h * 0.4f;
            dl->AddRectFilled(ImVec2(a.x + inset, b.y - px(ui, ui_metric::progress_inset)),
                              ImVec2(a.x + inset + (seg - 2 * inset) * f, b.y - px(ui, ui_metric::progress_inset) + px(ui, ui_metric::progress_h)),
                              ui.light ? IM_COL32(255, 255, 255, 200) : IM_COL32(20, 20, 28, 170), px(ui, ui_metric::progress_h));
        }
        if (p < 4) {  // an arrow between phases
            const float cx = b.x + gap / 2, cy = a.y + h / 2, r = gap * 0.28f;
            dl->AddTriangleFilled(ImVec2(cx - r * 0.6f, cy - r), ImVec2(cx - r * 0.6f, cy + r), ImVec2(cx + r * 0.8f, cy),
                                  to_u32(ui.colors.text_dim));
        }
    }
    const float strip_end = p0.x + 5 * seg + 4 * gap;
    ImGui::SetCursorScreenPos(ImVec2(strip_end + counter_gap, p0.y + (h - ImGui::GetFrameHeight()) / 2));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", counter);
    item_tooltip(full);
    report_item("toolbar.counter");
    ImGui::SameLine();
    draw_quiz_switch(s, ui, q, short_quiz);  // view_quiz.cpp
    report_item("toolbar.quiz");
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(1, 0));
}

}  // namespace

void draw_toolbar(const AppState& s, const Ui& ui, ActionQueue& q) {
    tool_row(s, ui, q);
    if (s.expression) draw_graph_phase_strip(s, ui, q);  // view_graph_strip.cpp
    else phase_strip(s, ui, q);
}

}  // namespace studio
