// The Lab's training controls: the presets, train / step / reset with the learning rate and optimiser,
// the divergence message with its rewind, the loss and accuracy readout, speed and stop conditions.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/studio/figures/pass_view.h"
#include "app/studio/handlers/lab.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_lab_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio::lab_view {

void presets_combo(const AppState& s, const Ui& ui, ActionQueue& q) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Preset");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##preset", s.title.c_str(), ImGuiComboFlags_HeightLarge)) {
        item_tooltip("Open one of the course examples or a Playground-style starter (Ctrl+Z goes back)");
        return;
    }
    presets_menu_items(s, ui, q);
    ImGui::EndCombo();
}

void training_row(const AppState& s, const Ui& ui, ActionQueue& q) {
    const LabState& lab = s.lab;
    if (lab.training) {
        if (accent_button("❚❚ Pause", ui, "Pause training")) push(q, lab::SetTraining{false});
    } else if (accent_button("▶ Train", ui, "Train continuously: the plot, the neurons and the loss curve follow live")) {
        push(q, lab::SetTraining{true});
    }
    report_item("lab.train");
    ImGui::SameLine();
    if (button("Step", "One training step: a batch forward, backward and one update")) push(q, lab::Step{});
    ImGui::SameLine();
    char help[160];
    std::snprintf(help, sizeof help, "Re-initialise every weight (%s, seed %llu) and start the loss curve again",
                  std::string(bp::to_string(s.settings.init_scheme)).c_str(),
                  static_cast<unsigned long long>(s.settings.init_seed));
    if (button("Reset", help)) push(q, lab::Reset{s.settings.init_scheme, s.settings.init_seed});
    // The learning rate, at hand: the toolbar's η by another control (handlers/document.h, edit_training): it
    // takes effect at the next step, keeps the optimiser's state, and a drag is one undo entry.
    same_line_or_wrap(ImGui::GetFontSize() * 6.0f, px(ui, metric::group_gap));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("η");
    ImGui::SameLine();
    bp::TrainingConfig c = s.doc.training;
    double lr = c.learning_rate;
    const double lo = 1e-4, hi = 100.0;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4.5f, ImGui::GetContentRegionAvail().x));
    const bool moved = ImGui::SliderScalar("##lr", ImGuiDataType_Double, &lr, &lo, &hi, "%.4g", ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemActivated()) q.push_back(act::BeginGesture{});
    if (moved && lr != c.learning_rate) {
        c.learning_rate = lr;
        push(q, lab::SetConfig{c});
    }
    if (ImGui::IsItemDeactivated()) q.push_back(act::EndGesture{});
    const std::string gradient = symbols(s).weight_gradient_name(bp::Symbols::kLayerL);  // in the notation on screen
    item_tooltip(("Learning rate η: each step moves every weight by −η·" + gradient +
                  ", so too large a value makes the loss explode (Ctrl+click to type).").c_str());
}

// The optimiser and the batch size (they take effect at the next step), then the counters.
void optimizer_row(const AppState& s, const Ui& ui, ActionQueue& q) {
    bp::TrainingConfig c = s.doc.training;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    if (ImGui::BeginCombo("##optimizer", optimizer_name(c.optimizer))) {
        for (bp::OptimizerKind k : {bp::OptimizerKind::sgd, bp::OptimizerKind::momentum, bp::OptimizerKind::adam})
            if (ImGui::Selectable(optimizer_name(k), k == c.optimizer)) c.optimizer = k, changed = true;
        ImGui::EndCombo();
    }
    const bp::Symbols sym = symbols(s);
    const std::string w = sym.weight_name(bp::Symbols::kLayerL);
    item_tooltip(("How a step uses the gradient g = " + sym.weight_gradient_name(bp::Symbols::kLayerL) + ": SGD " + w + " ← " + w +
                  " − η g; momentum v ← μv + g, " + w + " ← " + w + " − η v; Adam scales each step by running averages of g and g².")
                     .c_str());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("batch");
    ImGui::SameLine();
    int batch = c.batch_size;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.2f);
    if (ImGui::DragInt("##batch", &batch, 0.2f, 0, sample_count(s), batch == 0 ? "all" : "%d", ImGuiSliderFlags_AlwaysClamp) &&
        batch != c.batch_size)
        c.batch_size = batch, changed = true;
    item_tooltip("Samples per step (0 = all of them: full-batch gradient descent)");
    if (changed) push(q, lab::SetConfig{c});
    ImGui::SameLine(0, px(ui, metric::group_gap));
    char counter[96];
    std::snprintf(counter, sizeof counter, "epoch %.1f", epochs_done(s));
    if (ImGui::CalcTextSize(counter).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();  // too narrow: own line
    ImGui::AlignTextToFramePadding();
    dim_text(ui, counter);
    char help[160];
    std::snprintf(help, sizeof help, "%ld steps of %d samples over %d training samples (the loss curve below counts steps)",
                  s.steps_done, c.batch_size > 0 ? c.batch_size : sample_count(s), sample_count(s));
    item_tooltip(help);
}

void divergence_box(const AppState& s, const Ui& ui, ActionQueue& q) {
    const Divergence& d = *s.lab.diverged;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Indent(px(ui, metric::box_inset));
    ImGui::Dummy(ImVec2(0, px(ui, metric::nudge)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + w - 2 * px(ui, metric::box_inset));
    ImGui::TextColored(to_vec4(ui.colors.negative), "%s", divergence_message(d).c_str());
    ImGui::PopTextWrapPos();
    const Checkpoint* c = s.lab.checkpoints.rewind_target();
    if (c) {
        const char* full = "↶ Rewind to the last good parameters";
        const bool fits = ImGui::CalcTextSize(full).x + 2 * ImGui::GetStyle().FramePadding.x < w - 2 * px(ui, metric::box_inset);
        if (accent_button(fits ? full : "↶ Rewind", ui,
                          "Put back the parameters of that step and cut the loss curve there; then lower η and train again"))
            push(q, lab::Rewind{});
        ImGui::PushFont(ui.fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + w - 2 * px(ui, metric::box_inset));
        dim_text(ui, std::string(fits ? "those of" : "to the last good parameters:") + " step " + std::to_string(c->step) +
                         ", training loss " + bp::format_number(c->loss, 4));
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    if (button("Dismiss", "Hide this message and keep the current parameters")) push(q, lab::Dismiss{});
    ImGui::Dummy(ImVec2(0, px(ui, metric::nudge)));
    ImGui::Unindent(px(ui, metric::box_inset));
    const ImVec2 p1(p0.x + w, ImGui::GetCursorScreenPos().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, p1, to_u32(ui.colors.negative, ui.light ? 0.10f : 0.16f), px(ui, metric::box_rounding));
    dl->AddRect(p0, p1, to_u32(ui.colors.negative, 0.9f), px(ui, metric::box_rounding), 0, px(ui, metric::border_width));
    dl->ChannelsMerge();
}

namespace {
std::string percent(double f) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f %%", 100.0 * f);
    return b;
}
}  // namespace

void numbers(const AppState& s, const Ui& ui) {
    const LabStats& st = s.lab.stats;
    if (!s.lab.cache_valid) return;
    int shown = 0;
    const auto value = [&](Rgb col, const std::string& text, const char* help) {
        same_line_or_wrap(ImGui::CalcTextSize(text.c_str()).x);
        ImGui::TextColored(to_vec4(col), "%s", text.c_str());
        item_tooltip(help);
        report_text("lab.number." + std::to_string(shown++), text);
    };
    const auto loss = [](const char* name, double v) {
        return std::string(name) + " " + (std::isfinite(v) ? bp::format_number(v, 4) : std::string("—"));
    };
    dim_text(ui, "loss over the");
    if (quiz_hides(s, {bp::ValueRef::Kind::loss, 0, 0, 0}))  // the quiz asks for L: a batch pass's L is this number
        value(ui.colors.train_curve, "training set ?", "Quiz mode asks for the pass's loss L: this shows once the pass has computed it");
    else
        value(ui.colors.train_curve, loss("training set", st.train_loss),
              "Mean loss over every training sample. The loss panel's \"this pass's L\" is the loss of the pass "
              "on screen (one sample or a batch); the curve shows each step's batch.");
    if (st.has_test)
        value(ui.colors.test_curve, loss("test set", st.test_loss), "Mean loss over the held-out test set: the network never trains on it");
    if (const int n = sample_count(s); st.train_counted < n) {  // a large set: its numbers on a spread of it
        const std::string note = "(on " + std::to_string(st.train_counted) + " of the " + std::to_string(n) + " samples)";
        dim_text_wrapped(ui, note);
        item_tooltip("A large data set: the numbers are computed on samples spread evenly over it (every k-th), so "
                     "that each refresh takes the same short time whatever its size");
        report_text("lab.number.spread", note);
    }
    if (st.train_acc < 0) return;
    dim_text(ui, "accuracy");
    value(ui.colors.train_curve, "training set " + percent(st.train_acc), "Share of the training samples classified right");
    if (st.test_acc >= 0) value(ui.colors.test_curve, "test set " + percent(st.test_acc), "Share of the test samples classified right");
}

void speed_and_stops(const AppState& s, ActionQueue& q) {
    const LabState& lab = s.lab;
    bool automatic = lab.auto_speed;
    if (ImGui::Checkbox("automatic speed", &automatic)) push(q, lab::SetSpeed{lab.steps_per_frame, automatic});
    item_tooltip("Training runs on a thread of its own, as fast as it can; the window keeps its frame rate");
    ImGui::SameLine();
    int spf = lab.steps_per_frame;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##spf", &spf, 1, kMaxStepsPerFrame, "%d steps/frame", ImGuiSliderFlags_Logarithmic))
        push(q, lab::SetSpeed{spf, false});
    item_tooltip("Training steps per frame (moving it turns the automatic speed off)");
    long at_step = lab.stop_at_step;
    double at_loss = lab.stop_at_loss;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("stop at step");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    const long step_lo = 0, step_hi = 100000000;
    bool changed = ImGui::DragScalar("##stop_step", ImGuiDataType_S64, &at_step, 10.0f, &step_lo, &step_hi, at_step ? "%lld" : "off",
                                     ImGuiSliderFlags_AlwaysClamp);
    item_tooltip("Pause when the step counter reaches this number (0: off)");
    ImGui::SameLine();
    ImGui::TextUnformatted("or loss");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
    const double loss_lo = 0, loss_hi = 10;
    changed |= ImGui::DragScalar("##stop_loss", ImGuiDataType_Double, &at_loss, 0.001f, &loss_lo, &loss_hi, at_loss > 0 ? "%.4g" : "off",
                                 ImGuiSliderFlags_AlwaysClamp);
    item_tooltip("Pause when the loss over the whole training set falls to this value (0: off)");
    if (changed) push(q, lab::SetStops{at_step, at_loss});

    bp::TrainingConfig c = s.doc.training;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("L2 λ");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    double l2 = c.l2;
    const double l2_lo = 0, l2_hi = 1;
    if (ImGui::DragScalar("##l2", ImGuiDataType_Double, &l2, 0.0001f, &l2_lo, &l2_hi, "%.4g", ImGuiSliderFlags_AlwaysClamp) && l2 != c.l2) {
        c.l2 = l2;
        push(q, lab::SetConfig{c});
    }
    item_tooltip("Weight decay: the update adds λw to each weight's gradient, pulling weights towards 0");
    if (c.optimizer == bp::OptimizerKind::momentum) {
        ImGui::SameLine();
        ImGui::TextUnformatted("μ");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        double mu = c.momentum;
        const double mu_lo = 0, mu_hi = 0.999;
        if (ImGui::DragScalar("##mu", ImGuiDataType_Double, &mu, 0.005f, &mu_lo, &mu_hi, "%.3g", ImGuiSliderFlags_AlwaysClamp) && mu != c.momentum) {
            c.momentum = mu;
            push(q, lab::SetConfig{c});
        }
        item_tooltip("Momentum μ: how much of the last step's direction carries over");
    }
    Settings t = s.settings;
    if (ImGui::Checkbox("heatmaps in the neurons", &t.neuron_maps)) q.push_back(act::SetSettings{t});
    item_tooltip("For two inputs: each neuron shows its activation over the whole input square, as the plot "
                 "shows the output (only while the Lab tab is open)");
}

}  // namespace studio::lab_view
