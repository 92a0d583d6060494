// The files' part of the app state (AppState::files): the recent list and last folder, the in-app file
// browser, the unsaved-changes question waiting for an answer, the file error shown, the autosave and
// its restore offer. Changed only by apply_files() (handlers/files.h).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/studio/state/expression_state.h"

namespace studio {

class NativeDialog;  // desktop/native_dialog.h

// What File ▸ Export writes next to the document (handlers/export.h writes it).
enum class ExportKind { trace_csv, trace_json, loss_csv, formula_text, formula_latex, pytorch_script, numpy_script };

inline constexpr int kMaxRecent = 8;
inline constexpr double kAutosaveSeconds = 5.0;  // unsaved work reaches the disk this often
inline constexpr int kAutosaveWhileTrainingSamples = 20000;  // larger data: the autosave waits for training to pause

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
enum class Pending { none, new_document, open_file, open_preset, new_expression, open_expression, open_lesson, quit };

// Unsaved work written every few seconds. Each running instance has its own file in the autosave
// folder and holds a lock on it for its whole life, so a second instance never offers, overwrites or
// deletes the first one's; at start, only the files of instances that are gone (crashed, killed) are
// offered, newest first, one at a time.
struct AutosaveOffer {
    std::string path;           // the gone instance's autosave
    std::string time;           // "2026-11-23 14:05"
    std::string origin;         // the file it belonged to ("" = untitled)
    int lock_fd = -1;           // its lock, held while it is offered (so no other new instance offers it)
};

struct Autosave {
    std::string dir;            // the autosave folder; "" = autosave off (scripted runs unless --autosave-dir)
    std::string path;           // this instance's file (dir/autosave-<pid>-<time>-<n>.json)
    int lock_fd = -1;           // this instance's lock, held until it ends
    double since_write = 0;     // seconds since the last check
    std::string last_text;      // what was written last (nothing is written twice)
    bool failing = false;       // the last write failed (the status line said so once; retried each tick)
    std::vector<AutosaveOffer> offers;  // the first is the one shown
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
    std::string pending_title;        // a preset's title
    std::shared_ptr<const ExpressionSource> pending_expression;  // open_expression: what it opens
    bool pending_from_browser = false;  // Cancel goes back to the Open browser
    std::string error_title, error_text;  // a modal dialog while error_title is not empty
    // A save met a read-only file: "Replace it anyway?" is asked (Save anyway retries with the engine's
    // force option, which keeps the file's mode) while this is not empty.
    std::string read_only_path;
    Autosave autosave;
    bool quit = false;                // the window may close now
};

}  // namespace studio
