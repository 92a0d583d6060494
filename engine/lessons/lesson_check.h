// `backprop-cli lesson check`: a lesson is checked as the window would use it, page by page, without a
// window: every page's state loads (its preset, file or expression; its event, selection and pinned path),
// every value question's answer can be computed, every task's condition reads only names the page has, is
// not already met when the page opens (a task done before the student moves is no task), and is met after
// its "show me how" actions (`do:`). Errors name the file and the line of the key at fault.
#pragma once
#include <string>
#include <vector>

#include "engine/lessons/lesson.h"
#include "engine/lessons/lesson_library.h"

namespace bp {

struct LessonCounts {
    int pages = 0, questions = 0, tasks = 0;
};
// "8 pages, 2 questions, 1 tasks" (always plural, as the contract says).
std::string counts_text(const LessonCounts& c);
LessonCounts count(const Lesson& lesson);

struct LessonCheck {
    LessonCounts counts;
    std::vector<LessonError> errors;  // in line order
    bool ok() const { return errors.empty(); }
};

LessonCheck check_lesson(const Lesson& lesson, const LessonResolver& r);
// Reads, parses and checks a file (a lesson that does not parse is not checked further).
LessonCheck check_lesson_file(const std::string& path, const LessonResolver& r);

}  // namespace bp
