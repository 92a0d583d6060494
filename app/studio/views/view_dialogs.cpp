// The modal dialogs: the file browser (Open, Save As), "Save the changes?", a file's error, "Replace the
// read-only file?", the offer to restore a previous run's unsaved work, and About.
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/studio/state/file_queries.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "bp_version.h"

namespace studio {
namespace {

bool modal(const char* id, bool want_open, const Ui& ui, float width_em = 34) {
    if (want_open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width_em, 0), ImGuiCond_Appearing);
    (void)ui;
    const bool shown = ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    if (shown) report_dialog(id);
    return shown;
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
        push_files(q, files_cmd::DismissError{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void unsaved_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const FilesState& f = s.files;
    const bool want = f.pending != Pending::none && !f.browser.open && f.error_title.empty() && f.read_only_path.empty();
    if (!modal("Unsaved changes", want, ui)) return;
    if (!want) {  // answered (or a Save As is asking for a name)
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    const std::string next = f.pending == Pending::open_file     ? " before opening " + std::filesystem::path(f.pending_path).filename().string()
                             : f.pending == Pending::open_preset ? " before opening the preset " + f.pending_title
                             : f.pending == Pending::open_lesson ? " before opening the lesson " + f.pending_title
                             : f.pending == Pending::new_document ? " before starting a new document"
                             : f.pending == Pending::quit        ? " before quitting"
                                                                 : "";
    wrapped("Save the changes to \"" + s.title + "\"" + next + "?");
    dim_text(ui, f.pending == Pending::quit ? "Otherwise they are lost when the window closes."
                                            : "Otherwise they are lost.");
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 6;
    if (ImGui::Button("Save", ImVec2(w, 0))) push_files(q, files_cmd::AnswerPending{files_cmd::Answer::save});
    report_item("unsaved.save");
    ImGui::SameLine();
    if (ImGui::Button("Discard", ImVec2(w, 0))) push_files(q, files_cmd::AnswerPending{files_cmd::Answer::discard});
    report_item("unsaved.discard");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(w, 0));
    report_item("unsaved.cancel");
    if (cancel || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        push_files(q, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    ImGui::EndPopup();
}

// A save met a read-only file: replace it anyway (its mode is kept), or leave it.
void read_only_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const FilesState& f = s.files;
    const bool want = !f.read_only_path.empty();
    if (!modal("Read-only file", want, ui)) return;
    if (!want) {
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    wrapped("\"" + std::filesystem::path(f.read_only_path).filename().string() + "\" is read-only. Replace it anyway?");
    dim_text(ui, "It stays read-only after the save. Cancel leaves it as it is; your work stays open.");
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 7;
    if (ImGui::Button("Save anyway", ImVec2(w, 0))) push_files(q, files_cmd::AnswerReadOnly{true});
    report_item("read_only.save");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(w, 0));
    report_item("read_only.cancel");
    if (cancel || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) push_files(q, files_cmd::AnswerReadOnly{false});
    ImGui::EndPopup();
}

void restore_dialog(const AppState& s, const Ui& ui, ActionQueue& q) {
    const Autosave& a = s.files.autosave;
    const bool offer = !a.offers.empty();
    if (!modal("Restore unsaved work?", offer, ui)) return;
    if (!offer) {
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    const AutosaveOffer& o = a.offers.front();
    wrapped("Backprop Studio did not close normally. Your unsaved work from " + o.time +
            (o.origin.empty() ? " (an untitled network)" : " (" + o.origin + ")") + " was kept." +
            (a.offers.size() > 1 ? " (" + std::to_string(a.offers.size() - 1) + " more after this one.)" : ""));
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 7;
    if (ImGui::Button("Restore it", ImVec2(w, 0))) push_files(q, files_cmd::Restore{true});
    report_item("restore.yes");
    ImGui::SameLine();
    if (ImGui::Button("Discard it", ImVec2(w, 0))) push_files(q, files_cmd::Restore{false});
    report_item("restore.no");
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
    if (ImGui::Button("↑ Up")) push_files(q, files_cmd::BrowseTo{std::filesystem::path(b.dir).parent_path().string()});
    item_tooltip("The folder that contains this one");
    ImGui::SameLine();
    static char dir[1024];
    if (!ImGui::IsItemActive()) std::snprintf(dir, sizeof dir, "%s", b.dir.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##dir", dir, sizeof dir, ImGuiInputTextFlags_EnterReturnsTrue)) push_files(q, files_cmd::BrowseTo{dir});
    if (!b.error.empty()) ImGui::TextColored(to_vec4(ui.colors.negative), "%s", b.error.c_str());
    // The folders and *.json files.
    ImGui::BeginChild("entries", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12), true);
    for (const DirEntry& e : b.entries) {
        const std::string label = (e.dir ? "▸ " : "   ") + e.name + (e.dir ? "/" : "");
        const bool picked = ImGui::Selectable(label.c_str(), !e.dir && e.name == b.name, ImGuiSelectableFlags_AllowDoubleClick);
        report_item("browser.entry." + e.name);
        if (picked) {
            const std::string full = (std::filesystem::path(b.dir) / e.name).string();
            if (e.dir) push_files(q, files_cmd::BrowseTo{full});
            else if (ImGui::IsMouseDoubleClicked(0)) push_files(q, b.saving ? FilesCommand{files_cmd::SaveAs{full}} : FilesCommand{files_cmd::Open{full}});
            else push_files(q, files_cmd::SetName{e.name});
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
    if (ImGui::IsItemEdited()) push_files(q, files_cmd::SetName{name});
    ImGui::SameLine();
    const std::string target = (std::filesystem::path(b.dir) / name).string();
    const bool exists = path_exists(target);
    const char* go = b.saving ? (exists ? "Replace" : "Save") : "Open";
    if (name[0] == 0) ImGui::BeginDisabled();
    const bool go_pressed = ImGui::Button(go, ImVec2(bw, 0));
    report_item("browser.go");
    // Enter opens (saves) the picked file, whether or not the name field has the keyboard.
    const bool enter_elsewhere = !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (go_pressed || ((enter || enter_elsewhere) && name[0] != 0))
        push_files(q, b.saving ? FilesCommand{files_cmd::SaveAs{target}} : FilesCommand{files_cmd::Open{target}});
    if (name[0] == 0) ImGui::EndDisabled();
    if (b.saving && exists) item_tooltip("A file of this name exists: saving replaces it (atomically).");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(bw, 0));
    report_item("browser.cancel");
    if (cancel || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) push_files(q, files_cmd::CloseBrowser{});
    ImGui::EndPopup();
}

void about_dialog(const Ui& ui) {
    if (!modal("About Backprop Studio", ui.memory.about_open, ui, 30)) return;
    ImGui::PushFont(ui.fonts.large);
    ImGui::Text("Backprop Studio %s", BP_VERSION);
    ImGui::PopFont();
    wrapped("Backpropagation made visible: every z, a, δ and gradient of a small network, step by step, "
            "with its formula and its numbers; every chain-rule path from a weight to the loss.");
    dim_text(ui, "MIT licence. Dear ImGui, GLFW, glad, nlohmann/json, stb and DejaVu fonts, from Debian.");
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ui.memory.about_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// The keys and the notation, over the whole window.
}  // namespace

void draw_dialogs(const AppState& s, const Ui& ui, ActionQueue& q) {
    browser_dialog(s, ui, q);
    unsaved_dialog(s, ui, q);
    error_dialog(s, ui, q);
    read_only_dialog(s, ui, q);
    restore_dialog(s, ui, q);
    about_dialog(ui);
}

}  // namespace studio
