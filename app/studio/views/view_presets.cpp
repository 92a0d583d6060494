// The presets, one entry each with its one-line description: the Presets menu and the Lab's chooser.
#include <string>
#include <vector>

#include "app/studio/state/resources.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

namespace studio {

void presets_menu_items(const AppState& s, const Ui& ui, ActionQueue& q) {
    if (!ui.memory.presets) ui.memory.presets = list_presets();  // read once: the files ship with the app
    const std::vector<PresetInfo>& presets = *ui.memory.presets;
    if (presets.empty()) dim_text(ui, "No presets found (" + presets_dir() + ")");
    bool starters = true;
    for (std::size_t i = 0; i < presets.size(); ++i) {
        const PresetInfo& p = presets[i];
        if (i == 0 || p.starter != starters) {
            starters = p.starter;
            ImGui::PushFont(ui.fonts.small);
            dim_text(ui, starters ? "Playground starters" : "Course examples");
            ImGui::PopFont();
        }
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(p.title.c_str(), s.title == p.title)) q.push_back(act::Files{files_cmd::OpenPreset{p.path, p.title}});
        report_item("preset." + p.stem);
        ImGui::PushFont(ui.fonts.small);
        ImGui::Indent(ImGui::GetFontSize());
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + ImGui::GetFontSize() * 40);
        dim_text(ui, p.description);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(ImGui::GetFontSize());
        ImGui::PopFont();
        ImGui::PopID();
    }
}

void expression_presets_menu_items(const AppState& s, const Ui& ui, ActionQueue& q) {
    if (!ui.memory.expression_presets) ui.memory.expression_presets = list_presets(expression_presets_dir());
    ImGui::PushFont(ui.fonts.small);
    dim_text(ui, "Expressions: the chain rule on a computation graph");
    ImGui::PopFont();
    if (ImGui::Selectable("New expression…")) q.push_back(act::Files{files_cmd::NewExpression{}});
    report_item("preset.new_expression");
    for (std::size_t i = 0; i < ui.memory.expression_presets->size(); ++i) {
        const PresetInfo& p = (*ui.memory.expression_presets)[i];
        ImGui::PushID(static_cast<int>(1000 + i));
        if (ImGui::Selectable(p.title.c_str(), s.expression && s.title == p.title))
            q.push_back(act::Files{files_cmd::OpenPreset{p.path, p.title}});
        report_item("preset.expression." + p.stem);
        if (!p.description.empty()) item_tooltip(p.description.c_str());
        ImGui::PopID();
    }
}

}  // namespace studio
