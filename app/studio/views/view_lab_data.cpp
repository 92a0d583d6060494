// The Lab's data: the generator (kind, points, noise, seed, the test share, the brush for clicks) and the
// table of samples with exact values for any input and output sizes.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/studio/handlers/lab.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_lab_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio::lab_view {

void generator(const AppState& s, const Ui& ui, ActionQueue& q) {
    bp::DatasetSpec spec = s.lab.spec;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("##kind", std::string(bp::to_string(spec.kind)).c_str())) {
        for (bp::DatasetKind k : bp::kAllDatasetKinds) {
            const std::string name(bp::to_string(k));
            if (ImGui::Selectable(name.c_str(), k == spec.kind)) spec.kind = k, changed = true;
            item_tooltip(std::string(bp::describe(k)).c_str());
        }
        ImGui::EndCombo();
    }
    item_tooltip(std::string(bp::describe(spec.kind)).c_str());
    ImGui::SameLine();
    if (accent_button("Regenerate", ui, "Replace the data with a new set (Ctrl+Z undoes); the input and output "
                                        "layers are resized when the data need it"))
        push(q, lab::Generate{spec});
    const float field = ImGui::GetFontSize() * 4.2f;
    ImGui::SetNextItemWidth(field);
    changed |= ImGui::DragInt("points", &spec.points, 1.0f, 2, bp::kMaxDatasetPoints, "%d", ImGuiSliderFlags_AlwaysClamp);
    item_tooltip("How many points the generator makes (training and test together).");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    changed |= ImGui::DragScalar("noise", ImGuiDataType_Double, &spec.noise, 0.002f, nullptr, nullptr, "%.3g");
    item_tooltip("How far the points scatter from the clean pattern.");
    spec.noise = std::clamp(spec.noise, 0.0, bp::kMaxDatasetNoise);
    ImGui::SetNextItemWidth(field);
    float test_pct = static_cast<float>(spec.test_fraction * 100);
    if (ImGui::SliderFloat("% test", &test_pct, 0, 90, "%.0f")) spec.test_fraction = test_pct / 100.0, changed = true;
    item_tooltip("Share of the points held out as the test set");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    const std::uint64_t seed_lo = 0, seed_hi = 1000000;
    changed |= ImGui::DragScalar("seed", ImGuiDataType_U64, &spec.seed, 0.2f, &seed_lo, &seed_hi);
    item_tooltip("The generator's seed: the same seed gives the same points.");
    if (changed) push(q, lab::SetSpec{spec});

    // The brush: what a click on the plot adds.
    const bp::Network& net = s.doc.net;
    ImGui::AlignTextToFramePadding();
    dim_text(ui, "a click adds");
    ImGui::SameLine();
    if (lab_classifies(s)) {
        std::vector<std::string> names;
        for (int k = 0; k < std::max(2, net.output_size()); ++k) names.push_back("class " + std::to_string(k));
        const std::vector<const char*> help(names.size(), "The class (target) of the points a click on the plot adds.");
        const int c = segmented("brush", names, std::min(s.lab.brush_class, static_cast<int>(names.size()) - 1), ui, help);
        if (c >= 0) push(q, lab::SetBrush{c, s.lab.brush_value});
    } else if (plot_dims(s) == 2) {
        double v = s.lab.brush_value;
        ImGui::SetNextItemWidth(field);
        if (ImGui::DragScalar("##brush", ImGuiDataType_Double, &v, 0.01f, nullptr, nullptr, "y = %.3g"))
            push(q, lab::SetBrush{s.lab.brush_class, v});
        item_tooltip("The target y of the points a click on the plot adds.");
    } else {
        dim_text(ui, "a point at the clicked height");
    }
    if (!lab_classifies(s) && net.output_size() > 1) {
        ImGui::SameLine();
        std::vector<std::string> names;
        for (int k = 0; k < net.output_size(); ++k) names.push_back(output_name(net, k));
        const std::vector<const char*> help(names.size(), "Which output the plot shows.");
        const int k = segmented("shown", names, s.lab.shown_output, ui, help);
        if (k >= 0) push(q, lab::SetShownOutput{k});
    }
}

void table(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bool test = s.lab.table_test;
    const int t = segmented("which", {"training set", "test set"}, test ? 1 : 0, ui,
                            {"The samples the network trains on.",
                             "Samples held out: the network never trains on them, so they show how well it generalises."});
    if (t >= 0) push(q, lab::ShowTable{t == 1});
    ImGui::SameLine();
    if (button("+ row", "Add a sample (inputs 0) at the end")) push(q, lab::AddRow{test});
    const bp::Dataset* d = test ? (s.doc.test ? &*s.doc.test : nullptr) : &*s.doc.data;
    if (!d || d->size() == 0) {
        dim_text(ui, "No test samples: Regenerate with a test share, or add rows.");
        return;
    }
    const int n_in = d->X.cols, n_out = d->Y.cols, cols = 2 + n_in + n_out;
    if (cols > 64) return dim_text(ui, "Too many columns for the table.");
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    const float height = std::min(row_h * (d->size() + 1.5f), row_h * 10.5f);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("samples", cols, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
    for (int c = 0; c < n_in; ++c) ImGui::TableSetupColumn(("x" + bp::subscript(c + 1)).c_str());
    for (int c = 0; c < n_out; ++c) ImGui::TableSetupColumn(("y" + bp::subscript(c + 1)).c_str());
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.4f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(d->size());
    while (clip.Step()) {
        for (int n = clip.DisplayStart; n < clip.DisplayEnd; ++n) {
            ImGui::PushID(n);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            dim_text(ui, std::to_string(n + 1));
            for (int c = 0; c < n_in + n_out; ++c) {
                ImGui::TableNextColumn();
                const bool target = c >= n_in;
                const int col = target ? c - n_in : c;
                double v = target ? d->Y(n, col) : d->X(n, col);
                ImGui::PushID(c);
                ImGui::SetNextItemWidth(-1);
                const bool edited = ImGui::InputDouble("##v", &v, 0, 0, "%.6g");
                if (ImGui::IsItemActivated()) q.push_back(act::BeginGesture{});
                if (edited && std::isfinite(v)) push(q, lab::SetValue{{test, n}, target, col, v});
                if (ImGui::IsItemDeactivated()) q.push_back(act::EndGesture{});
                ImGui::PopID();
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("×")) push(q, lab::RemovePoint{{test, n}});
            item_tooltip("Delete this sample");
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace studio::lab_view
