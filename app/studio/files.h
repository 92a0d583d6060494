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

#include "app/studio/export.h"

namespace studio {

struct AppState;
class NativeDialog;

inline constexpr int kMaxRecent = 8;
inline constexpr double kAutosaveSeconds = 5.0;  // unsaved work reaches the disk this often

// One row of the file browser: a folder or a *.json file.
struct DirEntry {
    std::string name;
    bool dir = false;
    bool operator==(const DirEntry&) const = default;
};
// Folders first, then *.json files, each sorted by name ignoring case; hidden entries left out.
// On failure returns nothing and says why in error.
std::vector<DirEntry> list_directory(const std::string& dir, std::string& error);
std::string documents_dir();  // ~/Documents when it exists, else ~ (else /)

struct FileBrowser {
    bool open = false;
    bool saving = false;        // Save As… (else Open…)
    std::string dir;            // the folder shown
    std::string name;           // the file name field
    std::vector<DirEntry> entries;
    std::string error;          // why the folder cannot be listed
};

// What waits for the answer to "Save the changes to …?".
enum class Pending { none, new_document, open_file, quit };

struct Autosave {
    std::string path;           // "" = autosave off (scripted runs unless --autosave-dir)
    double since_write = 0;     // seconds since the last check
    std::string last_text;      // what was written last (nothing is written twice)
    // A previous run's unsaved work found at start: offered until restored or discarded.
    bool offer = false;
    std::string offer_time;     // "2026-11-23 14:05"
    std::string offer_origin;   // the file it belonged to ("" = untitled)
};

struct FilesState {
    std::vector<std::string> recent;  // most recent first
    std::string last_dir;             // where the browser opens
    std::string store_path;           // recent.json in the config dir ("" = not kept)
    FileBrowser browser;
    // The desktop's Open or Save As dialog while it is on the screen (Settings::desktop_dialogs); its
    // answer is taken by the Tick of a later frame. Shared so that AppState stays copyable.
    std::shared_ptr<NativeDialog> desktop_dialog;
    bool desktop_dialog_saving = false;
    Pending pending = Pending::none;  // with the question shown while != none
    std::string pending_path;
    std::string error_title, error_text;  // a modal dialog while error_title is not empty
    Autosave autosave;
    bool quit = false;                // the window may close now
};

namespace files_cmd {
struct New { bool discard = false; };                      // the built-in example, untitled
struct Open { std::string path; bool discard = false; };   // discard: do not ask about unsaved changes
struct Save {};                                            // to the file it came from, else Save As
struct SaveAs { std::string path; };                       // ".json" is added when missing
struct ShowBrowser { bool saving = false; };               // the desktop's dialog, else the in-app browser
struct BrowseTo { std::string dir; };
struct SetName { std::string name; };                      // the browser's file name field
struct CloseBrowser {};
enum class Answer { save, discard, cancel };
struct AnswerPending { Answer answer = Answer::cancel; };  // the unsaved-changes question
struct DismissError {};
struct RequestQuit {};                                     // the window's close button, Ctrl+Q
struct ClearRecent {};
struct Tick { double dt = 0; };                            // each frame: the autosave clock, the desktop dialog's answer
struct Restore { bool yes = false; };                      // the autosave offer
struct Export { ExportKind kind = ExportKind::trace_csv; };  // export.h: next to the document
}  // namespace files_cmd

using FilesCommand =
    std::variant<files_cmd::New, files_cmd::Open, files_cmd::Save, files_cmd::SaveAs, files_cmd::ShowBrowser,
                 files_cmd::BrowseTo, files_cmd::SetName, files_cmd::CloseBrowser, files_cmd::AnswerPending,
                 files_cmd::DismissError, files_cmd::RequestQuit, files_cmd::ClearRecent, files_cmd::Tick,
                 files_cmd::Restore, files_cmd::Export>;

void apply_files(AppState& s, const FilesCommand& c);

// ---- where things are kept ----
std::string data_dir();                 // $XDG_DATA_HOME/backprop-studio, else ~/.local/share/...; "" if neither
std::string default_autosave_path();    // data_dir()/autosave.json, or ""
std::string recent_store_path();        // config_dir()/recent.json, or ""

// Reads the recent list and last folder (missing files dropped), and switches autosave on at
// autosave_path, offering a previous run's autosave when one is there. Called once at start.
void attach_files(FilesState& f, const std::string& store_path, const std::string& autosave_path);

// The autosave file's contents: the document plus where it belonged and when. Parsed back by the
// engine like any network file (the extra key is kept and ignored).
inline constexpr const char* kAutosaveKey = "backprop_studio_autosave";
void write_autosave(AppState& s);  // now, when the document differs from the last write
void remove_autosave(FilesState& f);

}  // namespace studio
