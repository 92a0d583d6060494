// A student's progress through the lessons, kept between runs as plain data: for each lesson (by its title)
// and each page (by its place, with its title so that a page moved or rewritten since is not credited),
// whether it was seen, which questions were answered right and which tasks were done. The window keeps the
// book in its XDG data folder ($XDG_DATA_HOME/backprop-studio/lessons.json); a damaged file gives an empty
// book with the reason, never lost work elsewhere.
//   {"format_version": 1, "lessons": {"Notes 004: …": {"pages": [
//      {"title": "…", "seen": true, "questions_right": [0], "tasks_done": [0]}, …]}}}
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/lessons/lesson.h"

namespace bp {

struct PageProgress {
    std::string title;
    bool seen = false;
    std::set<int> questions_right;  // indices of the page's questions, from 0
    std::set<int> tasks_done;       // indices of the page's tasks, from 0
};

struct LessonProgress {
    std::vector<PageProgress> pages;  // one per page of the lesson, in order
    int pages_seen() const;
    int questions_right() const;
    int tasks_done() const;
};

using ProgressBook = std::map<std::string, LessonProgress>;  // by lesson title

// The progress of `lesson` in the book, one entry per page: what was recorded for a page with the same
// title at the same place, nothing for a page that is new or changed (and questions or tasks past the
// page's count dropped).
LessonProgress progress_for(const ProgressBook& book, const Lesson& lesson);
void record_progress(ProgressBook& book, const Lesson& lesson, const LessonProgress& progress);

nlohmann::json progress_to_json(const ProgressBook& book);
ProgressBook progress_from_json(const nlohmann::json& j);  // throws bp::Error naming the field
std::string dump_progress(const ProgressBook& book);

// The book in a file: a missing file is an empty book; a damaged one too, with the reason in *problem.
ProgressBook load_progress(const std::string& path, std::string* problem = nullptr);
void save_progress(const std::string& path, const ProgressBook& book);  // atomic; throws bp::WriteError

}  // namespace bp
