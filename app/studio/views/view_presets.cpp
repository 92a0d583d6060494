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

}  // namespace studio
