// The menu bar (File, Edit, View, Presets, Help) with the document's name and its unsaved mark; the
// dialogs the menus open are in view_dialogs.cpp, the help overlay in view_help.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <string>

#include "app/studio/figures/quantity_words.h"
#include "app/studio/handlers/export.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "bp_version.h"

namespace studio {
namespace {

// ---- [SECTION] menus ----

void file_menu(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    const bool open = ImGui::BeginMenu("File");
    report_item("menu.File");
    if (!open) return;
    if (ImGui::MenuItem("New", "Ctrl+N")) push_files(q, files_cmd::New{});
    if (ImGui::MenuItem("New expression")) push_files(q, files_cmd::NewExpression{});
    report_item("menu.new_expression");
    item_tooltip("A computation graph of an expression you type (y = e^(e^(x²)) to start): step its values and "
                 "adjoints, drag its variables, see every path.");
    if (ImGui::MenuItem("Open…", "Ctrl+O")) push_files(q, files_cmd::ShowBrowser{false});
    if (ImGui::MenuItem("Open lesson…")) {
        q.push_back(act::Lesson{lesson_cmd::ShowLibrary{true}});
        ui.memory.lesson_file_focus = true;
    }
    report_item("menu.File.OpenLesson");
    item_tooltip("A lesson: one of the program's, or a lesson file of your own (docs/LESSONS.md).");
    if (ImGui::BeginMenu("Open Recent", !s.files.recent.empty())) {
        for (const std::string& p : s.files.recent)
            if (ImGui::MenuItem(std::filesystem::path(p).filename().string().c_str())) push_files(q, files_cmd::Open{p});
            else item_tooltip(p.c_str());
        ImGui::Separator();
        if (ImGui::MenuItem("Clear the list")) push_files(q, files_cmd::ClearRecent{});
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S")) push_files(q, files_cmd::Save{});
    if (ImGui::MenuItem("Save As…", "Ctrl+Shift+S")) push_files(q, files_cmd::ShowBrowser{true});
    if (ImGui::MenuItem("The desktop's file dialogs", nullptr, s.settings.desktop_dialogs)) {
        Settings t = s.settings;
        t.desktop_dialogs = !t.desktop_dialogs;
        q.push_back(act::SetSettings{t});
    }
    item_tooltip("On: Open… and Save As… use the desktop's own dialogs (the desktop portal, else zenity or kdialog) "
                 "when it has them, the in-app browser otherwise. Off: always the in-app browser.");
    ImGui::Separator();
    const bool exports = ImGui::BeginMenu("Export");
    report_item("menu.File.Export");
    if (exports) {
        const auto item = [&](const char* label, ExportKind k, const char* help) {
            if (ImGui::MenuItem(label)) push_files(q, files_cmd::Export{k});
            item_tooltip(help);
            report_item(std::string("export.") + export_suffix(k));
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
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) push_files(q, files_cmd::RequestQuit{});
    ImGui::EndMenu();
}

void edit_menu(const AppState& s, ActionQueue& q) {
    const bool open = ImGui::BeginMenu("Edit");
    report_item("menu.Edit");
    if (!open) return;
    // The open document's entries: the expression's own while one is open (expression.h).
    const auto entry = [](const char* verb, const auto& stack) { return stack.empty() ? std::string(verb) : verb + (" " + stack.back().label); };
    const bool graph = s.expression.has_value();
    const std::string undo = graph ? entry("Undo", s.expression->undo) : entry("Undo", s.undo);
    const std::string redo = graph ? entry("Redo", s.expression->redo) : entry("Redo", s.redo);
    const bool can_undo = graph ? !s.expression->undo.empty() : !s.undo.empty();
    const bool can_redo = graph ? !s.expression->redo.empty() : !s.redo.empty();
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, can_undo)) q.push_back(act::Undo{});
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, can_redo)) q.push_back(act::Redo{});
    ImGui::EndMenu();
}

void view_menu(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    const bool open = ImGui::BeginMenu("View");
    report_item("menu.View");
    if (!open) return;
    Settings t = s.settings;
    // The quantities in the letters of the notation, each with its tooltip (quantity_words.h).
    const bp::Symbols sym = symbols(s);
    ImGui::TextDisabled("Neurons show");
    for (const NeuronValue v : {NeuronValue::z, NeuronValue::a, NeuronValue::delta, NeuronValue::follow_pass}) {
        const QuantityWords words = neuron_value_words(sym, s.doc.net, v);
        if (ImGui::MenuItem(("  " + words.menu).c_str(), nullptr, t.neuron_value == v)) t.neuron_value = v;
        item_tooltip(words.tooltip.c_str());
        report_text("menu.neurons_show." + std::to_string(static_cast<int>(v)), words.menu);
    }
    ImGui::TextDisabled("Edges show");
    for (const EdgeValue v : {EdgeValue::weight, EdgeValue::gradient}) {
        const QuantityWords words = edge_value_words(sym, v);
        if (ImGui::MenuItem(("  " + words.menu).c_str(), nullptr, t.edge_value == v)) t.edge_value = v;
        item_tooltip(words.tooltip.c_str());
        report_text("menu.edges_show." + std::to_string(static_cast<int>(v)), words.menu);
    }
    const bool notation_open = ImGui::BeginMenu("Notation");
    report_item("menu.notation");
    if (notation_open) {  // the symbols of one set of course notes; the numbers never change
        for (bp::Notation n : bp::kNotations) {
            const std::string name(bp::to_string(n));
            if (ImGui::MenuItem(std::string(bp::notation_title(n)).c_str(), nullptr, t.notation == n)) t.notation = n;
            report_item("menu.notation." + name);
        }
        ImGui::Separator();
        ImGui::TextDisabled("F1 shows the key between the four.");
        ImGui::EndMenu();
    }
    item_tooltip("Write every symbol as one set of course notes does: per-neuron (notes 004), vector (002), "
                 "derivation (003: z and a swapped, δ = ∂L/∂ of a layer's output) or batch matrix (000).");
    ImGui::Separator();
    if (ImGui::MenuItem("Motion while playing", nullptr, t.motion)) t.motion = !t.motion;
    item_tooltip("While the pass plays (P), each value the next step reads travels along its edge into what the "
                 "step computes, in the time of one step.");
    report_item("menu.motion");
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
    if (ImGui::MenuItem("Larger text", "Ctrl++", false, next_text_scale(t.ui_scale, +1) != t.ui_scale))
        t.ui_scale = next_text_scale(t.ui_scale, +1);
    if (ImGui::MenuItem("Smaller text", "Ctrl+-", false, next_text_scale(t.ui_scale, -1) != t.ui_scale))
        t.ui_scale = next_text_scale(t.ui_scale, -1);
    const bool sizes_open = ImGui::BeginMenu("Text size");
    report_item("menu.text_size");
    if (sizes_open) {
        // A size larger than the window holds is drawn at the largest that fits (text_scale.h): said here.
        const auto percent = [](float f) { return std::to_string(static_cast<int>(std::lround(f * 100))) + " %"; };
        const float fits = ui.sizing.fits_text;
        for (float f : kTextScales) {
            const bool chosen = std::abs(t.ui_scale - f) < 1e-4f;
            std::string label = percent(f);
            if (chosen && ui.sizing.capped()) label += "  (this window fits " + percent(fits) + ")";
            if (ImGui::MenuItem(label.c_str(), nullptr, chosen)) t.ui_scale = f;
            report_text("menu.text_size." + std::to_string(static_cast<int>(std::lround(f * 100))), label);
            if (f > fits + 1e-4f) item_tooltip("Larger than this window holds: the text is drawn at the largest size that fits until the window grows.");
        }
        if (fits + 1e-4f < kTextScales[std::size(kTextScales) - 1]) {
            ImGui::Separator();
            ImGui::TextDisabled("This window fits text up to %s", percent(fits).c_str());
        }
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
    if (!(t == s.settings)) q.push_back(act::SetSettings{t});
}

void help_menu(const Ui& ui, ActionQueue& q) {
    const bool open = ImGui::BeginMenu("Help");
    report_item("menu.Help");
    if (!open) return;
    if (ImGui::MenuItem("Keyboard and notation", "F1")) ui.memory.help_open = true;
    if (ImGui::MenuItem("Lessons…")) q.push_back(act::Lesson{lesson_cmd::ShowLibrary{true}});
    report_item("menu.Help.Lessons");
    item_tooltip("Guided walks through the course notes, page by page, with the live network beside the text.");
    if (ImGui::MenuItem("About Backprop Studio")) ui.memory.about_open = true;
    ImGui::EndMenu();
}

}  // namespace

void draw_menu_bar(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    if (!ImGui::BeginMenuBar()) return;
    file_menu(s, ui, q, info);
    edit_menu(s, q);
    view_menu(s, ui, q, info);
    const bool presets = ImGui::BeginMenu("Presets");
    report_item("menu.Presets");
    if (presets) {
        presets_menu_items(s, ui, q);
        ImGui::Separator();
        expression_presets_menu_items(s, ui, q);
        ImGui::EndMenu();
    }
    help_menu(ui, q);
    // The document's name on the right, with * while it has unsaved changes.
    const std::string name = (is_modified(s) ? "* " : "") + s.title + (s.file_path.empty() ? "  (not saved yet)" : "");
    const float w = ImGui::CalcTextSize(name.c_str()).x, gap = px(ui, ui_metric::status_gap);
    const float room = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - gap;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + gap, ImGui::GetWindowContentRegionMax().x - w));
    text_ellipsis(name, to_vec4(is_modified(s) ? ui.colors.accent : ui.colors.text_dim), std::min(w, room));
    report_item("menu.title");
    ImGui::EndMenuBar();
}

}  // namespace studio
