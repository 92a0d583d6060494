// The Lab tab: the training controls above the data plot (or in a column beside it when that gives a
// clearly larger plot), then speed and stop conditions, the data generator and the table of samples.
// The sub-panels are drawn by view_lab_*.cpp (view_lab_parts.h).
#include <algorithm>

#include "app/studio/handlers/lab.h"
#include "app/studio/views/view_lab_parts.h"
#include "app/studio/views/views.h"

namespace studio {
namespace {

using namespace lab_view;

void controls(const AppState& s, const Ui& ui, ActionQueue& q) {
    presets_combo(s, ui, q);
    training_row(s, ui, q);
    optimizer_row(s, ui, q);
    if (s.lab.diverged) divergence_box(s, ui, q);
    numbers(s, ui);
}

}  // namespace

// The controls above the plot; or, when that gives a clearly larger plot (a wide panel), the controls
// in a column left of it (a table row: it grows with the taller of the two).
void draw_lab(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    if (!s.lab.visible) push(q, lab::SetVisible{true});
    ImGui::BeginChild("lab_scroll", ImVec2(0, 0), false);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float row = ImGui::GetFrameHeightWithSpacing();
    const float column = ImGui::GetFontSize() * 13.0f;                // the narrowest the controls go
    const float around = px(ui, lab_view::metric::around_plot) + 2 * row;                     // axis labels and the legend
    const float rows = (s.lab.diverged ? 10.0f : 6.0f) * row;         // the controls, one column
    const float single = std::min(avail.x, avail.y - rows) - around;
    const float twin = std::min(avail.x - column - px(ui, lab_view::metric::column_gap), avail.y) - around;
    if (plot_dims(s) != 0 && twin > 1.15f * single && ImGui::BeginTable("lab_columns", 2)) {
        ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthFixed, column);
        ImGui::TableSetupColumn("plot", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        controls(s, ui, q);
        ImGui::TableNextColumn();
        info.lab_plot = data_plot(s, ui, q, avail.y);
        ImGui::EndTable();
    } else {
        controls(s, ui, q);
        info.lab_plot = data_plot(s, ui, q, ImGui::GetContentRegionAvail().y);
    }
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Speed, stopping, L2")) speed_and_stops(s, q);
    if (ImGui::CollapsingHeader("Data: generate, brush", ImGuiTreeNodeFlags_DefaultOpen)) generator(s, ui, q);
    // Open from the start when there is no plot: then the table is the way to see and edit the data.
    if (ImGui::CollapsingHeader("Table of samples", plot_dims(s) == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) table(s, ui, q);
    ImGui::EndChild();
}

}  // namespace studio
