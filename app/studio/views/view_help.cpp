// The help overlay (F1 or ?): every key the window answers to, and the course notation in use.
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

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
    {"P", "play / pause"},
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
    {"F1 or ?", "this help"},
    {"F11", "presentation mode, full screen"},
    {"F12", "screenshot of the window (PNG in ~/Pictures)"},
    {"Shift+F12", "the network canvas alone at twice the size, for slides"},
    {"Esc", "close a dialog or this help"},
    {"double-click an edge", "type a weight's exact value"},
};


}  // namespace

// The keys and the notation, over the whole window.
void draw_help_overlay(const Ui& ui) {
    if (!ui.memory.help_open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque over the busy panels behind it
    if (!ImGui::Begin("Keyboard and notation   (F1 or Esc closes)", &ui.memory.help_open,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        return ImGui::End();
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ui.memory.help_open = false;
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted("Keys");
    ImGui::PopFont();
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        for (const Shortcut& k : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(ui.colors.accent), "%s", k.keys);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.what);
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted("Notation");
    ImGui::PopFont();
    const char* lines[][2] = {
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
    for (const auto& l : lines) {
        ImGui::TextColored(to_vec4(ui.colors.accent), "%s", l[0]);
        ImGui::Indent(ImGui::GetFontSize() * 1.5f);
        dim_text(ui, l[1]);
        ImGui::Unindent(ImGui::GetFontSize() * 1.5f);
    }
    dim_text(ui, "Neurons are numbered from 1 on screen, from 0 in files.");
    ImGui::EndGroup();
    ImGui::End();
}


}  // namespace studio
