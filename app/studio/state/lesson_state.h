// The lesson panel's part of the app state (AppState::lesson): the lesson open and the page shown, what
// the student answered and did on this page, the book of progress kept between runs, and the Lessons
// window's list of the program's lessons. Changed only by apply_lesson() (handlers/lesson.h); the page's
// state itself (document, step, selection, views) is the rest of AppState, set through apply().
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/lessons/lesson.h"
#include "engine/lessons/lesson_library.h"
#include "engine/lessons/lesson_progress.h"

namespace studio {

// A question of the page shown, as the student answered it.
struct LessonAnswer {
    std::string given;      // the number typed (a value question)
    int chosen = -1;        // the statement chosen (a choice question)
    bool answered = false;
    bool right = false;
    std::string label;      // "δ²₁": what the value question asked for
    std::string diagnosis;  // why it is wrong: the classic mistake, too few digits, unreadable
};

// A task of the page shown.
struct LessonTaskState {
    bool done = false;         // its condition held on screen at least once since the page opened
    bool hint_shown = false;
    std::string problem;       // why the condition cannot be evaluated now ("" when it can)
};

// One lesson of the Lessons window's list.
struct LessonEntry {
    bp::LessonInfo info;
    int pages = 0, questions = 0, tasks = 0;
    bp::LessonProgress progress;  // from the book, when the window opened
    std::string error;  // the first reason the file does not read ("" when it is well formed)
};

struct LessonState {
    std::optional<bp::Lesson> lesson;  // the lesson open, if any
    int page = 0;                      // the page shown, from 0
    std::vector<LessonAnswer> answers;     // one per question of the page
    std::vector<LessonTaskState> tasks;    // one per task of the page
    long steps_at_entry = 0;               // AppState::steps_done when the page opened (steps_done names)
    // ---- progress (lesson_progress.h) ----
    bp::ProgressBook book;
    bp::LessonProgress progress;       // the open lesson's, reconciled with it
    std::string progress_path;         // the book's file ("" = not kept: scripted runs)
    // ---- the Lessons window (Help ▸ Lessons, File ▸ Open lesson…) ----
    bool library_open = false;
    std::vector<LessonEntry> library;  // read when the window opens
    std::string library_dir;
    int pending_page = 0;              // the page to open once the unsaved-changes question is answered
};

}  // namespace studio
