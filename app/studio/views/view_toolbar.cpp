// The toolbar: step back / step / run phase / run pass / restart, play with speed, granularity, the
// training sample, the learning rate and Train; below it the phase strip forward → loss → backward →
// gradients → update with the current phase lit and the event counter.
#include <cstdio>
#include <optional>
#include <string>

#include "app/studio/figures/pass_view.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

constexpr bp::Phase kPhases[] = {bp::Phase::forward, bp::Phase::loss, bp::Phase::backward, bp::Phase::gradients,
                                 bp::Phase::update};
constexpr const char* kPhaseNames[] = {"Forward", "Loss", "Backward", "Gradients", "Update"};
constexpr const char* kPhaseHelp[] = {
    "Forward pass: z = W·a + b and a = f(z), layer by layer from the input",
    "The loss: how far the outputs are from the targets",
    "Backward pass: each neuron's δ = ∂L/∂z, how much the loss changes with its z, from the output back by the chain rule",
    "Gradients: how much the loss changes with each parameter, ∂L/∂w = a·δ and ∂L/∂b = δ",
    "Update: w ← w − η·∂L/∂w (gradient descent)"};

bool tool_button(const char* label, const char* help, bool enabled = true) {
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    const bool pressed = ImGui::Button(label) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    item_tooltip(help);
    return pressed;
}

void step_controls(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bp::Stepper& st = *s.stepper;
    if (tool_button("↺", "Restart the pass (Home): every value becomes unknown again")) q.push_back(act::Restart{});
    ImGui::SameLine();
    if (tool_button("◀ Back", "Step back (←)", st.cursor() > 0)) q.push_back(act::StepBack{});
    ImGui::SameLine();
    if (tool_button(st.at_end() ? "Next pass ▶" : "Step ▶",
                    st.at_end() ? "Apply the update and start the next pass (→ or Space)"
                                : "Compute the next value (→ or Space)"))
        q.push_back(act::StepForward{});
    ImGui::SameLine();
    if (tool_button("Phase ▶▶", "Run to the end of the current phase")) q.push_back(act::RunPhase{});
    ImGui::SameLine();
    if (tool_button("Pass ⇥", "Run the whole pass to its end (End)")) q.push_back(act::RunPass{});
    ImGui::SameLine(0, 16 * ui.scale);
    if (tool_button(s.playing ? "❚❚ Pause" : "▶ Play", "Play: step automatically at the chosen speed (P)"))
        q.push_back(act::SetPlaying{!s.playing});
    ImGui::SameLine();
    Settings t = s.settings;
    float speed = static_cast<float>(t.play_speed);
    ImGui::SetNextItemWidth(110 * ui.scale);
    if (ImGui::SliderFloat("##speed", &speed, 0.5f, 200.0f, "%.3g steps/s", ImGuiSliderFlags_Logarithmic))
        t.play_speed = speed;
    item_tooltip("Play speed in steps per second");
    ImGui::SameLine(0, 16 * ui.scale);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("by");
    ImGui::SameLine();
    static const char* kGranularity[] = {"neuron", "layer", "phase"};
    int g = static_cast<int>(t.granularity);
    ImGui::SetNextItemWidth(96 * ui.scale);
    if (ImGui::Combo("##granularity", &g, kGranularity, 3)) t.granularity = static_cast<bp::Granularity>(g);
    item_tooltip("How far one step goes: one value, a whole layer, or a whole phase");
    if (!(t == s.settings)) q.push_back(act::SetSettings{t});
}

std::string sample_name(const AppState& s, int n) {
    if (n < 0) return "all " + std::to_string(sample_count(s)) + " (batch)";
    return std::to_string(n + 1) + " of " + std::to_string(sample_count(s));
}

void data_controls(const AppState& s, const Ui& ui, ActionQueue& q) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("sample");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(118 * ui.scale);
    if (ImGui::BeginCombo("##sample", sample_name(s, s.sample).c_str())) {
        if (sample_count(s) > 1 && ImGui::Selectable(sample_name(s, -1).c_str(), s.sample < 0)) q.push_back(act::SetSample{-1});
        ImGuiListClipper clip;
        clip.Begin(sample_count(s));
        while (clip.Step())
            for (int n = clip.DisplayStart; n < clip.DisplayEnd; ++n)
                if (ImGui::Selectable(sample_name(s, n).c_str(), s.sample == n)) q.push_back(act::SetSample{n});
        ImGui::EndCombo();
    }
    item_tooltip("Which training sample the pass uses, or all of them as one batch; a single sample moves on to "
                 "the next after each update.");
    ImGui::SameLine(0, 14 * ui.scale);
    ImGui::TextUnformatted("η");
    ImGui::SameLine();
    // A text field: one click and type; Enter or leaving the field sets η (one undo entry).
    double lr = s.doc.training.learning_rate;
    ImGui::SetNextItemWidth(76 * ui.scale);
    if (ImGui::InputDouble("##lr", &lr, 0, 0, "%.4g")) ui.memory.lr_typed = lr;
    if (ImGui::IsItemActivated()) ui.memory.lr_typed = s.doc.training.learning_rate;
    if (ImGui::IsItemDeactivatedAfterEdit() && ui.memory.lr_typed != s.doc.training.learning_rate)
        q.push_back(act::SetLearningRate{ui.memory.lr_typed});
    item_tooltip("Learning rate η: how big a step each update takes, w ← w − η·∂L/∂w (click and type; Enter sets it).");
    ImGui::SameLine(0, 14 * ui.scale);
    char train[48];
    std::snprintf(train, sizeof train, "Train ×%d", s.settings.train_chunk);
    if (tool_button(train, "Train this many steps at once with the file's optimiser and batch size; "
                           "the loss curve below shows the result"))
        q.push_back(act::TrainSteps{s.settings.train_chunk});
}

// Theme and presentation buttons at the right end of the row, as many as fit beside the step and data
// controls (both are in the View menu and on F11 too, so a narrow window loses nothing).
void view_controls(const AppState& s, ActionQueue& q) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float present_w = ImGui::CalcTextSize(s.present ? "✓ Present" : "Present").x + style.FramePadding.x * 2;
    const float theme_w = ImGui::CalcTextSize(s.settings.light_theme ? "Dark" : "Light").x + style.FramePadding.x * 2 +
                          style.ItemSpacing.x;
    ImGui::SameLine();
    const float room = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - style.ItemSpacing.x;
    if (room < present_w) {
        ImGui::NewLine();
        return;
    }
    const bool theme = !s.present && room >= present_w + theme_w;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - present_w - (theme ? theme_w : 0));
    if (theme) {
        if (tool_button(s.settings.light_theme ? "Dark" : "Light", "Switch between the dark and the light theme")) {
            Settings t = s.settings;
            t.light_theme = !t.light_theme;
            q.push_back(act::SetSettings{t});
        }
        ImGui::SameLine();
    }
    if (tool_button(s.present ? "✓ Present" : "Present",
                    s.present ? "Presentation mode is on: click to go back to the normal view"
                              : "Presentation mode: large fonts and a light, high-contrast theme for projectors"))
        q.push_back(act::SetPresent{!s.present});
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
    char counter[96];
    std::snprintf(counter, sizeof counter, "pass %ld · step %d / %d", s.steps_done + 1, st.cursor(), st.size());
    const float quiz_w = quiz_switch_width(ui);  // the quiz switch sits at the end of this row
    const float counter_w = ImGui::CalcTextSize(counter).x + 12 * ui.scale + quiz_w;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x - counter_w;
    const float h = ImGui::GetFrameHeight() * 1.05f, gap = 14 * ui.scale;
    const float seg = (avail - gap * 4) / 5;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int p = 0; p < 5; ++p) {
        const ImVec2 a(p0.x + p * (seg + gap), p0.y), b(a.x + seg, a.y + h);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(p);
        if (ImGui::InvisibleButton("phase", ImVec2(seg, h)) && first[p] >= 0) q.push_back(act::Seek{first[p]});
        ImGui::PopID();
        item_tooltip(kPhaseHelp[p]);
        const bool complete = count[p] > 0 && done[p] == count[p];
        const bool current = p == lit;
        const ImU32 bg = current ? to_u32(ui.colors.accent) : complete ? to_u32(ui.colors.accent, ui.light ? 0.22f : 0.28f)
                                                                      : ImGui::GetColorU32(ImGuiCol_FrameBg);
        dl->AddRectFilled(a, b, bg, h * 0.5f);
        if (current && done[p] > 0) {  // progress inside the phase
            const float f = static_cast<float>(done[p]) / count[p];
            dl->AddRectFilled(ImVec2(a.x + h * 0.4f, b.y - 4 * ui.scale), ImVec2(a.x + h * 0.4f + (seg - h * 0.8f) * f, b.y - 2 * ui.scale),
                              ui.light ? IM_COL32(255, 255, 255, 200) : IM_COL32(20, 20, 28, 170), 2 * ui.scale);
        }
        std::string label = std::string(complete ? "✓ " : "") + kPhaseNames[p];
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const ImU32 ink = current ? (ui.light ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 28, 255))
                                  : to_u32(complete ? ui.colors.text : ui.colors.text_dim);
        dl->AddText(ImVec2(a.x + (seg - ts.x) / 2, a.y + (h - ts.y) / 2), ink, label.c_str());
        if (p < 4) {  // an arrow between phases
            const float cx = b.x + gap / 2, cy = a.y + h / 2, r = gap * 0.28f;
            dl->AddTriangleFilled(ImVec2(cx - r * 0.6f, cy - r), ImVec2(cx - r * 0.6f, cy + r), ImVec2(cx + r * 0.8f, cy),
                                  to_u32(ui.colors.text_dim));
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(p0.x + avail + 12 * ui.scale, p0.y + (h - ImGui::GetTextLineHeight()) / 2));
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", counter);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + avail + counter_w - quiz_w + 8 * ui.scale, p0.y));
    draw_quiz_switch(s, ui, q);  // view_quiz.cpp
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(1, 0));
}

}  // namespace

void draw_toolbar(const AppState& s, const Ui& ui, ActionQueue& q) {
    step_controls(s, ui, q);
    ImGui::SameLine(0, 16 * ui.scale);
    data_controls(s, ui, q);
    view_controls(s, q);
    phase_strip(s, ui, q);
}

}  // namespace studio
