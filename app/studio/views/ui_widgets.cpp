// Shared ImGui helpers for the views (see ui_widgets.h).
#include "app/studio/views/ui_widgets.h"

#include <imgui_internal.h>  // PushItemFlag(ImGuiItemFlags_NoNav)

#include <algorithm>
#include <cmath>
#include <string>

#include "app/studio/views/ui_report.h"

namespace studio {

int segmented(const char* id, const std::vector<std::string>& labels, int current, const Ui& ui,
              const std::vector<const char*>& help, const char* report) {
    int clicked = -1;
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2 * ui.scale, ImGui::GetStyle().ItemSpacing.y));
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        if (i) ImGui::SameLine();
        const bool on = i == current;
        if (on) {
            const ImVec4 a = to_vec4(ui.colors.accent, ui.light ? 0.9f : 0.85f);
            ImGui::PushStyleColor(ImGuiCol_Button, a);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, a);
            ImGui::PushStyleColor(ImGuiCol_Text, ui.light ? ImVec4(1, 1, 1, 1) : ImVec4(0.08f, 0.08f, 0.1f, 1));
        }
        if (ImGui::Button(labels[i].c_str())) clicked = i;
        if (report) report_text(std::string(report) + "." + std::to_string(i), labels[i]);
        if (on) ImGui::PopStyleColor(3);
        if (i < static_cast<int>(help.size())) item_tooltip(help[i]);
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return clicked;
}

void close_menus_on_escape() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.empty() || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return;
    for (const ImGuiPopupData& p : g.OpenPopupStack)
        if (p.Window && (p.Window->Flags & ImGuiWindowFlags_Modal)) return;  // a dialog handles its own Esc
    ImGui::ClosePopupToLevel(0, true);
}

void item_tooltip(const char* text) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void dim_text(const Ui& ui, const std::string& text) { ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", text.c_str()); }

void dim_text_wrapped(const Ui& ui, const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(ui.colors.text_dim));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

void value_lines(const std::vector<ValueLine>& lines, const Ui& ui, bool with_meaning) {
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    for (const ValueLine& v : lines) {
        ImGui::TextUnformatted(v.name.c_str());
        ImGui::SameLine(0, 0);
        std::string rest;
        if (!v.formula.empty()) rest += " = " + v.formula;
        rest += " = ";
        const float value_w = ImGui::CalcTextSize(v.known ? v.value.c_str() : "?").x;
        if (ImGui::CalcTextSize(rest.c_str()).x + value_w <= ImGui::GetContentRegionAvail().x) {
            ImGui::TextColored(dim, "%s", rest.c_str());
        } else {  // a long update formula in a narrow panel: wrap it, then "= value" on a line of its own
            ImGui::SameLine(0, ImGui::CalcTextSize(" ").x);  // the wrapping starts at a word: keep the space
            text_wrapped_at_spaces(rest.substr(1, rest.size() - 4), dim, ImGui::GetFontSize());
            ImGui::Indent(ImGui::GetFontSize());
            ImGui::TextColored(dim, "= ");
            ImGui::Unindent(ImGui::GetFontSize());
        }
        ImGui::SameLine(0, 0);
        if (v.known) ImGui::TextUnformatted(v.value.c_str());
        else {  // the note only where it fits: a narrow panel still shows the "?"
            const char* unknown = "?  (not computed yet)";
            if (ImGui::CalcTextSize(unknown).x > ImGui::GetContentRegionAvail().x) unknown = "?";
            ImGui::TextColored(to_vec4(ui.colors.unknown), "%s", unknown);
        }
        if (with_meaning && !v.meaning.empty()) {
            ImGui::PushFont(ui.fonts.small);
            ImGui::Indent(ImGui::GetFontSize());
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(dim, "%s", v.meaning.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent(ImGui::GetFontSize());
            ImGui::PopFont();
        }
    }
}

void parameter_drag(const char* id, Selection target, double value, float width, ActionQueue& q) {
    double v = value;
    ImGui::SetNextItemWidth(width);
    const double speed = 0.002 * (1.0 + std::abs(value));
    const bool changed = ImGui::DragScalar(id, ImGuiDataType_Double, &v, static_cast<float>(speed), nullptr, nullptr, "%.6g");
    if (ImGui::IsItemActivated()) q.push_back(act::BeginGesture{});
    if (changed && v != value) q.push_back(act::EditParameter{target, v});
    if (ImGui::IsItemDeactivated()) q.push_back(act::EndGesture{});
    item_tooltip("Drag to change this parameter (Shift faster, Alt slower) or double-click to type it; the whole "
                 "pass recomputes at once and Ctrl+Z undoes.");
}

bool mouse_only_button(const char* id, ImVec2 size) {
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    const bool pressed = ImGui::InvisibleButton(id, size);
    ImGui::PopItemFlag();
    return pressed;
}

void text_ellipsis(const std::string& text, ImVec4 color, float width) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    if (size.x <= width) return ImGui::TextColored(color, "%s", text.c_str());
    width = std::max(width, 0.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + GImGui->CurrentWindow->DC.CurrLineTextBaseOffset;  // after AlignTextToFramePadding
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), ImVec2(p.x, y), ImVec2(p.x + width, y + size.y), p.x + width,
                              p.x + width, text.c_str(), nullptr, &size);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(width, size.y));
    item_tooltip(text.c_str());
}

void push_files(ActionQueue& q, FilesCommand c) { q.push_back(act::Files{std::move(c)}); }

void same_line_or_wrap(float next_width, float spacing) {
    ImGui::SameLine(0, spacing);
    // The room left on this line of the window, or of the table cell when in one (the Lab's controls
    // column beside its plot: the window's edge let a value run under the plot).
    if (next_width > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

std::vector<std::string> wrap_at_spaces(const std::string& text, float first_room, float room) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(at, end - at);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > (lines.empty() ? first_room : room)) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        at = end + 1;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

void text_wrapped_at_spaces(const std::string& text, ImVec4 color, float hanging) {
    // The room of the first line (it may continue a line, after SameLine) and of the lines after it,
    // which start at the indent, `hanging` further right.
    const ImGuiWindow* w = GImGui->CurrentWindow;
    const float next_room = ImGui::GetContentRegionMax().x - (w->DC.Indent.x + w->DC.ColumnsOffset.x) - hanging;
    const std::vector<std::string> lines = wrap_at_spaces(text, ImGui::GetContentRegionAvail().x, next_room);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && hanging > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + hanging);
        ImGui::TextColored(color, "%s", lines[i].c_str());
    }
}

void centered_text(const char* text, ImU32 color) {
    const float w = ImGui::CalcTextSize(text).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - w) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

}  // namespace studio
