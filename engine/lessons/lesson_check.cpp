// Checking a lesson page by page, headless (see lesson_check.h).
#include "engine/lessons/lesson_check.h"

#include <algorithm>
#include <cmath>

#include "engine/lessons/lesson_questions.h"
#include "engine/lessons/page_scene.h"
#include "engine/teaching/notation.h"

namespace bp {
namespace lesson_check_detail {

struct Checker {
    const Lesson& lesson;
    std::vector<LessonError> errors;

    void add(int line, std::string why) { errors.push_back({lesson.path, line, 0, std::move(why)}); }

    void value_question(const Question& q, const PageScene& scene) {
        try {
            const double answer = question_answer(q, scene);
            if (!std::isfinite(answer)) add(q.line_of("ask"), "ask: " + q.ask + " is not a finite number on this page");
        } catch (const Error& e) {
            add(q.line_of("ask"), std::string("ask: ") + e.what());
        }
    }

    void task(const Task& t, const PageScene& scene) {
        const int when = t.line_of("when");
        const ConditionContext start = scene_context(scene);
        bool names_ok = true;
        for (const std::string& name : condition_names(t.when))
            if (!start.count(name)) {
                add(when, "when: " + unknown_name_reason(name, start, scene.document.is_network()));
                names_ok = false;
            }
        if (!names_ok) return;
        const ConditionValue now = evaluate_condition(t.when, start);
        if (!now.problem.empty()) return add(when, "when: cannot be evaluated on this page: " + now.problem);
        if (now.satisfied)
            return add(when, "when: the task is done before the student moves (" + condition_values(t.when, start) + " already meets " +
                                 t.when.text + ")");
        if (t.demo.empty()) return;
        PageScene shown = scene;
        try {
            apply_demo(shown, t.demo);
        } catch (const Error& e) {
            return add(t.demo.front().line, std::string("do: ") + e.what());
        }
        const ConditionContext after = scene_context(shown);
        const ConditionValue done = evaluate_condition(t.when, after);
        if (!done.satisfied)
            add(t.demo.front().line, "do: does not reach the goal: after it " + condition_values(t.when, after) + ", and the task wants " +
                                         t.when.text + (done.problem.empty() ? "" : " (" + done.problem + ")"));
    }
};

}  // namespace lesson_check_detail

std::string counts_text(const LessonCounts& c) {
    return std::to_string(c.pages) + " pages, " + std::to_string(c.questions) + " questions, " + std::to_string(c.tasks) + " tasks";
}

LessonCounts count(const Lesson& lesson) {
    LessonCounts c;
    c.pages = static_cast<int>(lesson.pages.size());
    for (const LessonPage& p : lesson.pages) {
        c.questions += static_cast<int>(p.questions.size());
        c.tasks += static_cast<int>(p.tasks.size());
    }
    return c;
}

LessonCheck check_lesson(const Lesson& lesson, const LessonResolver& r) {
    lesson_check_detail::Checker c{lesson, {}};
    std::vector<bool> failed(lesson.pages.size(), false);
    for (std::size_t i = 0; i < lesson.pages.size(); ++i) {
        const LessonPage& page = lesson.pages[i];
        // A page that keeps the state before it shares that page's errors: report them once.
        const bool kept_from_failed = page.state.kept && i > 0 && failed[i - 1];
        std::optional<PageScene> scene;
        try {
            scene = build_scene(lesson, static_cast<int>(i), r);
        } catch (const LessonFailure& f) {
            failed[i] = true;
            if (!kept_from_failed) c.errors.insert(c.errors.end(), f.errors.begin(), f.errors.end());
        } catch (const Error& e) {
            failed[i] = true;
            c.add(page.line, e.what());
        }
        if (!scene) continue;
        for (const Question& q : page.questions)
            if (q.kind == Question::Kind::value) c.value_question(q, *scene);
        for (const Task& t : page.tasks) c.task(t, *scene);
    }
    std::stable_sort(c.errors.begin(), c.errors.end(), [](const LessonError& a, const LessonError& b) { return a.line < b.line; });
    return {count(lesson), std::move(c.errors)};
}

LessonCheck check_lesson_file(const std::string& path, const LessonResolver& r) {
    LessonParse parsed = read_lesson(path);
    if (!parsed.ok()) return {count(parsed.lesson), std::move(parsed.errors)};
    return check_lesson(parsed.lesson, r);
}

}  // namespace bp
