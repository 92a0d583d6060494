// The lesson panel's work, window-free: opening a lesson (a malformed one is refused with the parser's
// messages in the file-error dialog, the document untouched; over unsaved work the Save/Discard/Cancel
// question first), entering a page — the page's state set up headless by engine/lessons/page_scene.h and
// carried into the window through the document doors and apply() (a network or an expression, sample,
// step, selection, pinned path, views, hidden panels, tab) — going back to the page's state after exploring, marking
// answers from the state on screen, checking tasks every frame, "show me how", and the progress book
// saved atomically in the XDG data folder. The views push act::Lesson commands; apply_lesson() does them.
#pragma once
#include <string>
#include <variant>

#include "app/studio/state/lesson_state.h"

namespace studio {

struct AppState;

namespace lesson_cmd {
struct Open { std::string path; int page = 0; bool discard = false; };  // page from 0
struct GoTo { int page = 0; };        // another page of the lesson open (Next, Back, Alt+→, Alt+←)
struct ReturnToPage {};               // R: the page's state again, the student's exploring undone
struct Answer { int question = 0; std::string given; };  // a value question
struct Choose { int question = 0; int choice = 0; };      // a choice question
struct Hint { int task = 0; };
struct ShowMe { int task = 0; };      // "show me how": the task's do: actions, through apply()
struct Close {};
struct ShowLibrary { bool open = true; };  // the Lessons window (read the program's lessons when it opens)
struct Tick {};                       // each frame: the tasks checked against the state on screen
}  // namespace lesson_cmd

using LessonCommand = std::variant<lesson_cmd::Open, lesson_cmd::GoTo, lesson_cmd::ReturnToPage, lesson_cmd::Answer,
                                   lesson_cmd::Choose, lesson_cmd::Hint, lesson_cmd::ShowMe, lesson_cmd::Close,
                                   lesson_cmd::ShowLibrary, lesson_cmd::Tick>;

void apply_lesson(AppState& s, const LessonCommand& c);

// Opens the lesson at `path` on page `page` now, whatever the document holds (the files handler calls it
// once the unsaved-changes question is answered). Returns "" or why not (also in the file-error dialog).
std::string open_lesson_now(AppState& s, const std::string& path, int page);

// A lesson named on the command line: a file, or the stem of one of the program's lessons
// ("notes-004-delta-recurrence"). Returns its path, or "" with *why (the names there are).
std::string find_lesson(const std::string& name_or_path, std::string* why);

// The progress book's file: $XDG_DATA_HOME/backprop-studio/lessons.json (files.h data_dir()).
std::string lesson_progress_path();
// Reads the book (a damaged file: an empty book, said in the status line) and keeps it at `path` from now
// on; a lesson already open takes its progress from it.
void attach_lesson_progress(AppState& s, const std::string& path);

}  // namespace studio
