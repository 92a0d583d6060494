// Files from the window, window-free: New / Open / Save / Save As with the unsaved-changes question,
// the engine's message in a dialog when a file cannot be read or written (the document stays as it
// was), the recent files and the last folder (kept in the config directory), the in-app file browser's
// listing, and the autosave of unsaved work to the XDG data directory with the offer to restore it
// after a crash. Open… and Save As… ask with the desktop's own dialog when there is one
// (native_dialog.h), else with the in-app browser. The views draw FilesState and push act::Files
// commands; apply_files() does the work.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/studio/state/files_state.h"
#include "app/studio/state/selection.h"
#include "app/studio/state/expression_state.h"

namespace studio {

struct AppState;
class NativeDialog;

// Folders first, then *.json files, each sorted by name ignoring case; hidden entries left out.
// On failure returns nothing and says why in error.
std::vector<DirEntry> list_directory(const std::string& dir, std::string& error);
std::string documents_dir();  // ~/Documents when it exists, else ~ (else /)

namespace files_cmd {
struct New { bool discard = false; };                      // the built-in example, untitled
struct Open { std::string path; bool discard = false; };   // discard: do not ask about unsaved changes
// A preset (Presets menu, the Lab's chooser): opened untitled, so saving asks for a name and the preset
// itself is never overwritten.
struct OpenPreset { std::string path; std::string title; bool discard = false; };
// File ▸ New expression: an untitled expression document (expression.h); a graph made elsewhere (a
// network's neuron): opened untitled under `title`. Both ask about unsaved work first.
struct NewExpression { bool discard = false; };
struct OpenExpression { ExpressionSource source; std::string title; bool discard = false; };
// A neuron of the network (or its layer) ▸ "Show as a computation graph" (expression.h's network_graph_of):
// a new, untitled expression; the network is replaced as by any Open (unsaved changes asked about first).
struct ShowAsGraph { Selection neuron; bool whole_layer = false; bool discard = false; };
struct Save {};                                            // to the file it came from, else Save As
struct SaveAs { std::string path; };                       // ".json" is added when missing
struct ShowBrowser { bool saving = false; };               // the desktop's dialog, else the in-app browser
struct BrowseTo { std::string dir; };
struct SetName { std::string name; };                      // the browser's file name field
struct CloseBrowser {};
enum class Answer { save, discard, cancel };
struct AnswerPending { Answer answer = Answer::cancel; };  // the unsaved-changes question
struct DismissError {};
struct AnswerReadOnly { bool replace = false; };           // "… is read-only": Save anyway, or Cancel
struct RequestQuit {};                                     // the window's close button, Ctrl+Q
struct ClearRecent {};
struct Tick { double dt = 0; };                            // each frame: the autosave clock, the desktop dialog's answer
struct Restore { bool yes = false; };                      // the autosave offer
struct Export { ExportKind kind = ExportKind::trace_csv; };  // export.h: next to the document
}  // namespace files_cmd

using FilesCommand =
    std::variant<files_cmd::New, files_cmd::Open, files_cmd::OpenPreset, files_cmd::NewExpression, files_cmd::OpenExpression, files_cmd::ShowAsGraph, files_cmd::Save, files_cmd::SaveAs, files_cmd::ShowBrowser,
                 files_cmd::BrowseTo, files_cmd::SetName, files_cmd::CloseBrowser, files_cmd::AnswerPending,
                 files_cmd::DismissError, files_cmd::AnswerReadOnly, files_cmd::RequestQuit, files_cmd::ClearRecent, files_cmd::Tick,
                 files_cmd::Restore, files_cmd::Export>;

void apply_files(AppState& s, const FilesCommand& c);
// The error dialog (title and text) and the status line say what went wrong; nothing else changes.
void show_error(AppState& s, std::string title, std::string text);

// ---- where things are kept ----
std::string data_dir();                 // $XDG_DATA_HOME/backprop-studio, else ~/.local/share/...; "" if neither
std::string recent_store_path();        // config_dir()/recent.json, or ""

// Reads the recent list and last folder (files gone, or that cannot be looked at, dropped), and switches
// autosave on in autosave_dir (autosave.h), offering the unsaved work of instances that are gone.
// Called once at start.
void attach_files(FilesState& f, const std::string& store_path, const std::string& autosave_dir);


}  // namespace studio
