// The help overlay (F1 or ?): every key the window answers to, the course notation in use, and the key
// between the four notations of the notes (notation.h), the chosen one marked.
#include <algorithm>

#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

struct Shortcut {
    const char* keys;
    const char* what;
};
// Every key the window answers to (the handlers: ui_keyboard.cpp).
constexpr Shortcut kShortcuts[] = {
    {"→ or Space", "step forward: compute the next value"},
    {"←", "step back"},
    {"End", "run the whole pass"},
    {"Home", "restart the pass"},
    {"Page Down / Page Up", "step forward / back (a presentation clicker's keys)"},
    {"P", "play / pause (values travel along the edges; View ▸ Motion while playing)"},
    {"B or .", "blank the canvas, and back"},
    {"[ or ]", "select the previous / next neuron"},
    {"{ or }", "select the previous / next weight or bias"},
    {"Tab", "keyboard mode: arrows move, Space presses, Alt opens the menus"},
    {"Esc or Tab", "leave keyboard mode (Esc first backs out of a menu or field)"},
    {"Ctrl+Z", "undo any edit"},
    {"Ctrl+Shift+Z or Ctrl+Y", "redo"},
    {"Ctrl+N", "new document (the 2-2-2 example)"},
    {"Ctrl+O", "open a network file"},
    {"Ctrl+S / Ctrl+Shift+S", "save / save as"},
    {"Ctrl+Q", "quit (asks about unsaved changes)"},
    {"Ctrl+= / Ctrl+-", "larger / smaller text (View ▸ Text size)"},
    {"F1 or ?", "this help"},
    {"F11", "presentation mode, full screen"},
    {"F12", "screenshot of the window (PNG in ~/Pictures)"},
    {"Shift+F12", "the network canvas alone at twice the size, for slides"},
    {"Esc", "close a dialog or this help"},
    {"double-click an edge", "type a weight's exact value"},
    {"click a graph's node", "an expression (File ▸ New expression): its formula; a variable: its paths"},
};

// The per-neuron notation (the program's own), with a few words each.
constexpr const char* kNotation[][2] = {
    {"wˡⱼₖ", "the weight from neuron k of layer l−1 to neuron j of layer l"},
    {"zˡ = Wˡ aˡ⁻¹ + bˡ", "the weighted input of layer l"},
    {"aˡ = f(zˡ)", "the activation (σ, tanh, ReLU, softmax …)"},
    {"L", "the loss, averaged over the batch"},
    {"δˡ = ∂L/∂zˡ", "how much the loss changes when z changes"},
    {"δᴸ = ∂L/∂aᴸ ⊙ f′(zᴸ)", "at the output"},
    {"δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)", "backwards, layer by layer"},
    {"∂L/∂wˡⱼₖ = aˡ⁻¹ₖ · δˡⱼ", "a weight's gradient"},
    {"∂L/∂bˡⱼ = δˡⱼ", "a bias's gradient"},
    {"w ← w − η · ∂L/∂w", "the update, learning rate η"},
};
// A computation graph's symbols: the same in every notation.
constexpr const char* kGraphNotation[][2] = {
    {"h₁, h₂, …, y", "a computation graph's operations in forward order, and its output"},
    {"∂y/∂h = Σ ∂y/∂u · ∂u/∂h", "an adjoint: over the edges h → u, the next adjoint times the local derivative"},
};

// The same quantities in the four notations, one column each, the text wrapping inside its column
// (the table is `width` wide); the chosen notation's column in the accent colour.
void notation_key(const Ui& ui, bp::Notation chosen, float width) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted("The four notations (View ▸ Notation)");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    dim_text(ui, "The same numbers in the symbols of each set of notes. Careful: in the derivation notes z and a "
                 "swap meaning, and their δ is ∂L/∂ of a layer's output (our ∂L/∂a), their ε our δ. The quiz's and "
                 "the homework's diagnoses of a mistake, the canvas's toggles and the undo entries follow the "
                 "notation too.");
    ImGui::PopTextWrapPos();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("notation_key", 5, flags, ImVec2(width, 0))) {
        ImGui::TableSetupColumn("quantity");
        for (bp::Notation n : bp::kNotations) ImGui::TableSetupColumn(std::string(bp::to_string(n)).c_str());  // short: the titles would be cut
        ImGui::TableHeadersRow();
        for (const bp::NotationKeyRow& row : bp::notation_key()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            dim_text(ui, std::string(row.quantity).c_str());
            for (std::size_t i = 0; i < bp::kNotations.size(); ++i) {
                ImGui::TableNextColumn();
                const std::string text(row.symbol[i]);
                if (bp::kNotations[i] == chosen) ImGui::TextColored(to_vec4(ui.colors.accent), "%s", text.c_str());
                else ImGui::TextUnformatted(text.c_str());
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    report_item("help.notation_key");
}

}  // namespace

// The keys and the notation, over the whole window: side by side when the window is wide enough, else
// one under the other in a window as wide as the screen allows, the descriptions wrapping and the whole
// scrolling — nothing cut off, at any text size.
void draw_help_overlay(const Ui& ui, bp::Notation chosen) {
    if (!ui.memory.help_open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 most(vp->Size.x * 0.96f, vp->Size.y * 0.96f);
    float keys_w = 0, what_w = 0, notation_w = 0;
    for (const Shortcut& k : kShortcuts) {
        keys_w = std::max(keys_w, ImGui::CalcTextSize(k.keys).x);
        what_w = std::max(what_w, ImGui::CalcTextSize(k.what).x);
    }
    for (const auto& l : kNotation) notation_w = std::max(notation_w, ImGui::CalcTextSize(l[1]).x + ImGui::GetFontSize() * 1.5f);
    for (const auto& l : kGraphNotation) notation_w = std::max(notation_w, ImGui::CalcTextSize(l[1]).x + ImGui::GetFontSize() * 1.5f);
    const float spacing = ImGui::GetStyle().CellPadding.x * 4 + ImGui::GetStyle().WindowPadding.x * 2 + ImGui::GetFontSize() * 3;
    const bool side_by_side = keys_w + what_w + notation_w + spacing <= most.x;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque over the busy panels behind it
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), most);
    if (!side_by_side) ImGui::SetNextWindowSize(ImVec2(std::min(most.x, keys_w + what_w + spacing), most.y));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   (side_by_side ? ImGuiWindowFlags_AlwaysAutoResize : 0);
    if (!ImGui::Begin("Keyboard and notation   (F1 or Esc closes)", &ui.memory.help_open, flags)) return ImGui::End();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ui.memory.help_open = false;
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted("Keys");
    ImGui::PopFont();
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("what", side_by_side ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch);
        for (const Shortcut& k : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(ui.colors.accent), "%s", k.keys);
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(side_by_side ? -1.0f : 0.0f);
            ImGui::TextUnformatted(k.what);
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    report_item("help.keys");
    if (side_by_side) ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    else ImGui::Spacing();
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(("Notation: " + std::string(bp::notation_title(chosen))).c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(side_by_side ? -1.0f : 0.0f);
    const auto line = [&](const std::string& symbols, const std::string& words) {
        ImGui::TextColored(to_vec4(ui.colors.accent), "%s", symbols.c_str());
        ImGui::Indent(ImGui::GetFontSize() * 1.5f);
        dim_text(ui, words.c_str());
        ImGui::Unindent(ImGui::GetFontSize() * 1.5f);
    };
    if (chosen == bp::Notation::per_neuron) {
        for (const auto& l : kNotation) line(l[0], l[1]);
    } else {  // the chosen notes' column of the key, quantity by quantity (one source: notation_key)
        const std::size_t column = static_cast<std::size_t>(std::find(bp::kNotations.begin(), bp::kNotations.end(), chosen) - bp::kNotations.begin());
        for (const bp::NotationKeyRow& row : bp::notation_key()) line(std::string(row.symbol[column]), std::string(row.quantity));
    }
    for (const auto& l : kGraphNotation) line(l[0], l[1]);
    dim_text(ui, "Neurons are numbered from 1 on screen, from 0 in files.");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    report_item("help.notation");
    notation_key(ui, chosen, side_by_side ? keys_w + what_w + notation_w + spacing - ImGui::GetStyle().WindowPadding.x * 2
                                          : ImGui::GetContentRegionAvail().x);
    ImGui::End();
}

}  // namespace studio
