// The menu bar (File, Edit, View, Presets, Help), the file dialogs (the browser for Open and Save As,
// "Save the changes?", a file's error, the autosave's restore offer), the help overlay and About, and
// the keyboard shortcuts of files and the window (Ctrl+N/O/S/Shift+S/Q, F1, F11, F12).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/studio/ui_widgets.h"
#include "app/studio/views.h"
#include "bp_version.h"

namespace studio {
namespace {

void push(ActionQueue& q, FilesCommand c) { q.push_back(act::Files{std::move(c)}); }

// The help overlay and About: ImGui-side state (which window is open is not the document's business).
bool help_open = false;
bool about_open = false;

// ---- [SECTION] shortcuts ----

struct Shortcut {
    const char* keys;
    const char* what;
};
// Every key the window answers to, as the help overlay lists them (the handlers: file_shortcuts() below
// and ui_keyboard.cpp).
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

constexpr int kKeyN = 'N', kKeyO = 'O', kKeyS = 'S', kKeyQ = 'Q';
// GLFW key codes of F1, F11 and F12 (the 1.86 GLFW backend indexes io.KeysDown by GLFW key code).
constexpr int kKeyF1 = 290, kKeyF11 = 300, kKeyF12 = 301;

bool key(int k) { return ImGui::IsKeyPressed(k, false); }

void file_shortcuts(const AppState& s, ActionQueue& q, FrameInfo& info) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl) {
        if (key(kKeyN)) push(q, files_cmd::New{});
        if (key(kKeyO)) push(q, files_cmd::ShowBrowser{false});
        if (key(kKeyS)) push(q, io.KeyShift ? FilesCommand{files_cmd::ShowBrowser{true}} : FilesCommand{files_cmd::Save{}});
        if (key(kKeyQ)) push(q, files_cmd::RequestQuit{});
    }
    if (key(kKeyF1) || (!io.WantTextInput && !io.KeyCtrl && io.InputQueueCharacters.contains('?'))) help_open = !help_open;
    if (key(kKeyF11)) {
        q.push_back(act::SetPresent{!s.present});
        info.fullscreen = !s.present;
    }
    if (key(kKeyF12)) {
        if (io.KeyShift) info.canvas_png_scale = 2;
        else info.screenshot = true;
    }
}

// ---- [SECTION] menus ----

void file_menu(const AppState& s, ActionQueue& q, FrameInfo& info) {
    if (!ImGui::BeginMenu("File")) return;
    if (ImGui::MenuItem("New", "Ctrl+N")) push(q, files_cmd::New{});
    if (ImGui::MenuItem("Open…", "Ctrl+O")) push(q, files_cmd::ShowBrowser{false});
    if (ImGui::BeginMenu("Open Recent", !s.files.recent.empty())) {
        for (const std::string& p : s.files.recent)
            if (ImGui::MenuItem(std::filesystem::path(p).filename().string().c_str())) push(q, files_cmd::Open{p});
            else item_tooltip(p.c_str());
        ImGui::Separator();
        if (ImGui::MenuItem("Clear the list")) push(q, files_cmd::ClearRecent{});
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S")) push(q, files_cmd::Save{});
    if (ImGui::MenuItem("Save As…", "Ctrl+Shift+S")) push(q, files_cmd::ShowBrowser{true});
    if (ImGui::MenuItem("The desktop's file dialogs", nullptr, s.settings.desktop_dialogs)) {
        Settings t = s.settings;
        t.desktop_dialogs = !t.desktop_dialogs;
        q.push_back(act::SetSettings{t});
    }
    item_tooltip("On: Open… and Save As… use the desktop's own dialogs (the desktop portal, else zenity or kdialog) "
                 "when it has them, the in-app browser otherwise. Off: always the in-app browser.");
    ImGui::Separator();
    if (ImGui::BeginMenu("Export")) {
        const auto item = [&](const char* label, ExportKind k, const char* help) {
            if (ImGui::MenuItem(label)) push(q, files_cmd::Export{k});
            item_tooltip(help);
        };
        item("The pass's trace as CSV", ExportKind::trace_csv,
             "Every z, a, δ of each sample of the pass and every ∂L/∂W, ∂L/∂b: one value a row, full precision.");
        item("The pass's trace as JSON", ExportKind::trace_json, "The same values as matrices, like backprop-cli trace.");
        item("The loss history as CSV", ExportKind::loss_csv, "step, training loss, test loss: every step (of a long run, the steps the curve keeps, spikes included).");
        item("This step's formula as text", ExportKind::formula_text, "The formula with its numbers, in Unicode.");
        item("This step's formula as LaTeX", ExportKind::formula_latex, "For slides: the same formula in LaTeX.");
        ImGui::Separator();
        item("As a PyTorch script", ExportKind::pytorch_script,
             "The network, data, loss, optimiser and batch order as an nn.Sequential trained by torch.optim: it prints the same losses as 100 steps here.");
        item("As a NumPy script", ExportKind::numpy_script,
             "The same training in NumPy alone, the forward and backward pass written out layer by layer in the course's notation.");
        ImGui::Separator();
        for (int k = 1; k <= 3; ++k) {
            const std::string label = "The network canvas as PNG, ×" + std::to_string(k);
            if (ImGui::MenuItem(label.c_str(), k == 2 ? "Shift+F12" : nullptr)) info.canvas_png_scale = k;
            const std::string help = k == 1 ? "The canvas alone, as on screen."
                                            : "The canvas alone, drawn again at " + std::to_string(k) +
                                                  " times the size: sharp text and lines for slides.";
            item_tooltip(help.c_str());
        }
        ImGui::TextDisabled("Files go next to the document, named after it.");
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Screenshot", "F12")) info.screenshot = true;
    item_tooltip("Saves the window as a PNG in ~/Pictures, named with the date and time.");
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) push(q, files_cmd::RequestQuit{});
    ImGui::EndMenu();
}

void edit_menu(const AppState& s, ActionQueue& q) {
    if (!ImGui::BeginMenu("Edit")) return;
    const std::string undo = s.undo.empty() ? "Undo" : "Undo " + s.undo.back().label;
    const std::string redo = s.redo.empty() ? "Redo" : "Redo " + s.redo.back().label;
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, !s.undo.empty())) q.push_back(act::Undo{});
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, !s.redo.empty())) q.push_back(act::Redo{});
    ImGui::EndMenu();
}

void view_menu(const AppState& s, ActionQueue& q, FrameInfo& info) {
    if (!ImGui::BeginMenu("View")) return;
    Settings t = s.settings;
    ImGui::TextDisabled("Neurons show");
    if (ImGui::MenuItem("  z, the weighted input", nullptr, t.neuron_value == NeuronValue::z)) t.neuron_value = NeuronValue::z;
    if (ImGui::MenuItem("  a, the activation", nullptr, t.neuron_value == NeuronValue::a)) t.neuron_value = NeuronValue::a;
    if (ImGui::MenuItem("  δ = ∂L/∂z", nullptr, t.neuron_value == NeuronValue::delta)) t.neuron_value = NeuronValue::delta;
    ImGui::TextDisabled("Edges show");
    if (ImGui::MenuItem("  the weight w", nullptr, t.edge_value == EdgeValue::weight)) t.edge_value = EdgeValue::weight;
    if (ImGui::MenuItem("  the gradient ∂L/∂w", nullptr, t.edge_value == EdgeValue::gradient)) t.edge_value = EdgeValue::gradient;
    ImGui::Separator();
    if (ImGui::MenuItem("Side panel (Inspector, Paths, Lab, Quiz)", nullptr, t.show_side)) t.show_side = !t.show_side;
    item_tooltip("Hide it to give the network the whole width, e.g. when projecting a pass.");
    if (ImGui::MenuItem("Loss curve", nullptr, t.show_loss)) t.show_loss = !t.show_loss;
    item_tooltip("Hide it to give the formula the whole bottom row.");
    ImGui::Separator();
    if (ImGui::MenuItem("Light theme", nullptr, t.light_theme, !s.present)) t.light_theme = !t.light_theme;
    if (ImGui::MenuItem("Presentation mode", "F11", s.present)) {
        q.push_back(act::SetPresent{!s.present});
        info.fullscreen = !s.present;
    }
    if (ImGui::MenuItem("Larger text", nullptr, false, t.ui_scale < 3.0f)) t.ui_scale += 0.125f;
    if (ImGui::MenuItem("Smaller text", nullptr, false, t.ui_scale > 0.5f)) t.ui_scale -= 0.125f;
    if (ImGui::MenuItem("Text size 100 %", nullptr, false, t.ui_scale != 1.0f)) t.ui_scale = 1.0f;
    ImGui::EndMenu();
    if (!(t == s.settings)) q.push_back(act::SetSettings{t});
}

void help_menu() {
    if (!ImGui::BeginMenu("Help")) return;
    if (ImGui::MenuItem("Keyboard and notation", "F1")) help_open = true;
    if (ImGui::MenuItem("About Backprop Studio")) about_open = true;
    ImGui::EndMenu();
}

// ---- [SECTION] dialogs ----

// A modal centred on the window; returns whether it is shown (then call ImGui::EndPopup()).
bool modal(const char* id, bool want_open, const Ui& ui, float width_em = 34) {
    if (want_open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width_em, 0), ImGuiCond_Appearing);
    (void)ui;
    return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
}

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

void error_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const FilesState& f = s.files;
    if (!modal("File error", !f.error_title.empty(), ui)) return;
    ImGui::TextColored(to_vec4(ui.colors.negative), "%s", f.error_title.c_str());
    ImGui::Spacing();
    wrapped(f.error_text);
    ImGui::Spacing();
    dim_text(ui, "The network you had open is unchanged.");
    if (ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        push(q, files_cmd::DismissError{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void unsaved_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const FilesState& f = s.files;
    const bool want = f.pending != Pending::none && !f.browser.open && f.error_title.empty();
    if (!modal("Unsaved changes", want, ui)) return;
    if (!want) {  // answered (or a Save As is asking for a name)
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    wrapped("Save the changes to \"" + s.title + "\" first?");
    dim_text(ui, f.pending == Pending::quit ? "Otherwise they are lost when the window closes."
                                            : "Otherwise they are lost.");
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 6;
    if (ImGui::Button("Save", ImVec2(w, 0))) push(q, files_cmd::AnswerPending{files_cmd::Answer::save});
    ImGui::SameLine();
    if (ImGui::Button("Discard", ImVec2(w, 0))) push(q, files_cmd::AnswerPending{files_cmd::Answer::discard});
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(w, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        push(q, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    ImGui::EndPopup();
}

void restore_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const Autosave& a = s.files.autosave;
    if (!modal("Restore unsaved work?", a.offer, ui)) return;
    if (!a.offer) {
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    wrapped("Backprop Studio did not close normally last time. Your unsaved work from " + a.offer_time +
            (a.offer_origin.empty() ? " (an untitled network)" : " (" + a.offer_origin + ")") + " was kept.");
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 7;
    if (ImGui::Button("Restore it", ImVec2(w, 0))) push(q, files_cmd::Restore{true});
    ImGui::SameLine();
    if (ImGui::Button("Discard it", ImVec2(w, 0))) push(q, files_cmd::Restore{false});
    ImGui::EndPopup();
}

void browser_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const FileBrowser& b = s.files.browser;
    const char* id = "Files###file_browser";
    if (!modal(id, b.open, ui, 40)) return;
    if (!b.open) {
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(b.saving ? "Save the network as" : "Open a network file");
    ImGui::PopFont();
    // The folder: a parent button and the path, typed or pasted (Enter goes there).
    if (ImGui::Button("↑ Up")) push(q, files_cmd::BrowseTo{std::filesystem::path(b.dir).parent_path().string()});
    item_tooltip("The folder that contains this one");
    ImGui::SameLine();
    static char dir[1024];
    if (!ImGui::IsItemActive()) std::snprintf(dir, sizeof dir, "%s", b.dir.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##dir", dir, sizeof dir, ImGuiInputTextFlags_EnterReturnsTrue)) push(q, files_cmd::BrowseTo{dir});
    if (!b.error.empty()) ImGui::TextColored(to_vec4(ui.colors.negative), "%s", b.error.c_str());
    // The folders and *.json files.
    ImGui::BeginChild("entries", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12), true);
    for (const DirEntry& e : b.entries) {
        const std::string label = (e.dir ? "▸ " : "   ") + e.name + (e.dir ? "/" : "");
        if (ImGui::Selectable(label.c_str(), !e.dir && e.name == b.name, ImGuiSelectableFlags_AllowDoubleClick)) {
            const std::string full = (std::filesystem::path(b.dir) / e.name).string();
            if (e.dir) push(q, files_cmd::BrowseTo{full});
            else if (ImGui::IsMouseDoubleClicked(0)) push(q, b.saving ? FilesCommand{files_cmd::SaveAs{full}} : FilesCommand{files_cmd::Open{full}});
            else push(q, files_cmd::SetName{e.name});
        }
    }
    if (b.entries.empty() && b.error.empty()) ImGui::TextDisabled("No folders or .json files here.");
    ImGui::EndChild();
    // The file name, and the button.
    static char name[512];
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("File name");
    ImGui::SameLine();
    const float bw = ImGui::GetFontSize() * 5.5f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 2 * bw - 2 * ImGui::GetStyle().ItemSpacing.x);
    std::snprintf(name, sizeof name, "%s", b.name.c_str());
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##name", name, sizeof name, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) push(q, files_cmd::SetName{name});
    ImGui::SameLine();
    const std::string target = (std::filesystem::path(b.dir) / name).string();
    const bool exists = std::filesystem::exists(target);
    const char* go = b.saving ? (exists ? "Replace" : "Save") : "Open";
    if (name[0] == 0) ImGui::BeginDisabled();
    if (ImGui::Button(go, ImVec2(bw, 0)) || (enter && name[0] != 0))
        push(q, b.saving ? FilesCommand{files_cmd::SaveAs{target}} : FilesCommand{files_cmd::Open{target}});
    if (name[0] == 0) ImGui::EndDisabled();
    if (b.saving && exists) item_tooltip("A file of this name exists: saving replaces it (atomically).");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        push(q, files_cmd::CloseBrowser{});
    ImGui::EndPopup();
}

void about_dialog(const Ui& ui) {
    if (!modal("About Backprop Studio", about_open, ui, 30)) return;
    ImGui::PushFont(ui.fonts.large);
    ImGui::Text("Backprop Studio %s", BP_VERSION);
    ImGui::PopFont();
    wrapped("Backpropagation made visible: every z, a, δ and gradient of a small network, step by step, "
            "with its formula and its numbers; every chain-rule path from a weight to the loss.");
    dim_text(ui, "MIT licence. Dear ImGui, GLFW, glad, nlohmann/json, stb and DejaVu fonts, from Debian.");
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        about_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// The keys and the notation, over the whole window.
void help_overlay(const Ui& ui) {
    if (!help_open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.97f);
    if (!ImGui::Begin("Keyboard and notation   (F1 or Esc closes)", &help_open,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        return ImGui::End();
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) help_open = false;
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

}  // namespace

void draw_menu_bar(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    if (!ImGui::BeginMenuBar()) return;
    file_menu(s, q, info);
    edit_menu(s, q);
    view_menu(s, q, info);
    if (ImGui::BeginMenu("Presets")) {
        presets_menu_items(s, ui, q);
        ImGui::EndMenu();
    }
    help_menu();
    // The document's name on the right, with * while it has unsaved changes.
    const std::string name = (s.modified ? "* " : "") + s.title + (s.file_path.empty() ? "  (not saved yet)" : "");
    const float w = ImGui::CalcTextSize(name.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20 * ui.scale, ImGui::GetWindowContentRegionMax().x - w));
    ImGui::TextColored(to_vec4(s.modified ? ui.colors.accent : ui.colors.text_dim), "%s", name.c_str());
    ImGui::EndMenuBar();
}

void draw_dialogs(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    file_shortcuts(s, q, info);
    browser_dialog(s, ui, q);
    unsaved_dialog(s, ui, q);
    error_dialog(s, ui, q);
    restore_dialog(s, ui, q);
    about_dialog(ui);
    help_overlay(ui);
}

void show_help_overlay() { help_open = true; }
bool help_overlay_open() { return help_open; }
void show_about() { about_open = true; }

}  // namespace studio
