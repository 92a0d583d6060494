// What is wrong with a lesson, and where: the file, the line and (when it helps) the column. Reading and
// checking a lesson collect every error rather than stopping at the first, so a teacher fixes them all at once.
#pragma once
#include <string>
#include <vector>

#include "engine/core/error.h"

namespace bp {

struct LessonError {
    std::string file;
    int line = 0;    // from 1; 0 when the error concerns the whole file (it cannot be read)
    int column = 0;  // characters from 1; 0 when the whole line is meant
    std::string message;
    std::string text() const;  // "notes.md:12: message", "notes.md:12:7: message" or "notes.md: message"
};

// Thrown by load_lesson and by the headless set-up of a page: every error found, what() all their texts.
struct LessonFailure : Error {
    explicit LessonFailure(std::vector<LessonError> all);
    std::vector<LessonError> errors;
};

}  // namespace bp
