// The files' part of the app state (AppState::files): the recent list and last folder, the in-app file
// browser, the unsaved-changes question waiting for an answer, the file error shown, the autosave and
// its restore offer. Changed only by apply_files() (handlers/files.h).
#pragma once
#include <string>
#include <vector>

namespace studio {

// What File ▸ Export writes next to the document (handlers/export.h writes it).
enum class ExportKind { trace_csv, trace_json, loss_csv, formula_text, formula_latex };

inline constexpr int kMaxRecent = 8;
inline constexpr double kAutosaveSeconds = 5.0;  // unsaved work reaches the disk this often

// One row of the file browser: a folder or a *.json file.
struct DirEntry {
    std::string name;
    bool dir = false;
    bool operator==(const DirEntry&) const = default;
};

struct FileBrowser {
    bool open = false;
    bool saving = false;        // Save As… (else Open…)
    std::string dir;            // the folder shown
    std::string name;           // the file name field
    std::vector<DirEntry> entries;
    std::string error;          // why the folder cannot be listed
};

// What waits for the answer to "Save the changes to …?": everything that replaces the document or
// closes the window asks first when there are unsaved changes.
enum class Pending { none, new_document, open_file, open_preset, quit };

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
    Pending pending = Pending::none;  // with the question shown while != none
    std::string pending_path;
    std::string pending_title;        // a preset's title
    bool pending_from_browser = false;  // Cancel goes back to the Open browser
    std::string error_title, error_text;  // a modal dialog while error_title is not empty
    Autosave autosave;
    bool quit = false;                // the window may close now
};

}  // namespace studio
