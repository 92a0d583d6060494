// The progress book and its JSON file (see lesson_progress.h).
#include "engine/lessons/lesson_progress.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/io/atomic_file.h"
#include "engine/io/serialize.h"
#include "engine/io/text_file.h"

namespace bp {
namespace lesson_progress_detail {

using nlohmann::json;

std::set<int> index_set(const json& page, const char* key, const std::string& where) {
    std::set<int> out;
    const auto it = page.find(key);
    if (it == page.end()) return out;
    if (!it->is_array()) throw Error(where + "." + key + " is " + json_type_name(*it) + ", expected an array of indices");
    for (const json& v : *it) {
        if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 100000)
            throw Error(where + "." + key + " holds " + v.dump() + ", expected indices from 0");
        out.insert(v.get<int>());
    }
    return out;
}

PageProgress page_from_json(const json& p, const std::string& where) {
    if (!p.is_object()) throw Error(where + " is " + json_type_name(p) + ", expected an object");
    PageProgress out;
    if (const auto t = p.find("title"); t != p.end()) {
        if (!t->is_string()) throw Error(where + ".title is " + json_type_name(*t) + ", expected a string");
        out.title = t->get<std::string>();
    }
    if (const auto s = p.find("seen"); s != p.end()) {
        if (!s->is_boolean()) throw Error(where + ".seen is " + json_type_name(*s) + ", expected true or false");
        out.seen = s->get<bool>();
    }
    out.questions_right = index_set(p, "questions_right", where);
    out.tasks_done = index_set(p, "tasks_done", where);
    return out;
}

template <class Set>
Set below(const Set& s, std::size_t n) {
    Set out;
    for (int i : s)
        if (static_cast<std::size_t>(i) < n) out.insert(i);
    return out;
}

}  // namespace lesson_progress_detail

int LessonProgress::pages_seen() const {
    int n = 0;
    for (const PageProgress& p : pages) n += p.seen ? 1 : 0;
    return n;
}
int LessonProgress::questions_right() const {
    int n = 0;
    for (const PageProgress& p : pages) n += static_cast<int>(p.questions_right.size());
    return n;
}
int LessonProgress::tasks_done() const {
    int n = 0;
    for (const PageProgress& p : pages) n += static_cast<int>(p.tasks_done.size());
    return n;
}

LessonProgress progress_for(const ProgressBook& book, const Lesson& lesson) {
    LessonProgress out;
    const auto it = book.find(lesson.title);
    for (std::size_t i = 0; i < lesson.pages.size(); ++i) {
        const LessonPage& page = lesson.pages[i];
        PageProgress p;
        p.title = page.title;
        if (it != book.end() && i < it->second.pages.size() && it->second.pages[i].title == page.title) {
            const PageProgress& stored = it->second.pages[i];
            p.seen = stored.seen;
            p.questions_right = lesson_progress_detail::below(stored.questions_right, page.questions.size());
            p.tasks_done = lesson_progress_detail::below(stored.tasks_done, page.tasks.size());
        }
        out.pages.push_back(std::move(p));
    }
    return out;
}

void record_progress(ProgressBook& book, const Lesson& lesson, const LessonProgress& progress) {
    book[lesson.title] = progress;
}

nlohmann::json progress_to_json(const ProgressBook& book) {
    using nlohmann::json;
    json lessons = json::object();
    for (const auto& [title, progress] : book) {
        json pages = json::array();
        for (const PageProgress& p : progress.pages)
            pages.push_back({{"title", p.title}, {"seen", p.seen}, {"questions_right", p.questions_right}, {"tasks_done", p.tasks_done}});
        lessons[title] = {{"pages", pages}};
    }
    return {{"format_version", 1}, {"lessons", lessons}};
}

ProgressBook progress_from_json(const nlohmann::json& j) {
    using namespace lesson_progress_detail;
    if (!j.is_object()) throw Error("the progress file is " + json_type_name(j) + ", expected an object");
    ProgressBook book;
    const auto lessons = j.find("lessons");
    if (lessons == j.end()) return book;
    if (!lessons->is_object()) throw Error("lessons is " + json_type_name(*lessons) + ", expected an object");
    for (const auto& [title, entry] : lessons->items()) {
        const std::string where = "lessons[\"" + title + "\"]";
        if (!entry.is_object()) throw Error(where + " is " + json_type_name(entry) + ", expected an object");
        LessonProgress progress;
        if (const auto pages = entry.find("pages"); pages != entry.end()) {
            if (!pages->is_array()) throw Error(where + ".pages is " + json_type_name(*pages) + ", expected an array");
            for (std::size_t i = 0; i < pages->size(); ++i)
                progress.pages.push_back(page_from_json((*pages)[i], where + ".pages[" + std::to_string(i) + "]"));
        }
        book[title] = std::move(progress);
    }
    return book;
}

std::string dump_progress(const ProgressBook& book) { return progress_to_json(book).dump(2) + "\n"; }

ProgressBook load_progress(const std::string& path, std::string* problem) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    try {
        return progress_from_json(parse_json_checked(read_text_file(path, "a progress file")));
    } catch (const Error& e) {
        if (problem) *problem = path + ": " + e.what();
        return {};
    }
}

void save_progress(const std::string& path, const ProgressBook& book) { write_file_atomically(path, dump_progress(book)); }

}  // namespace bp
