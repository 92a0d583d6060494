// The lesson panel, a column of its own at the window's left (beside the canvas and the formula: the side
// panel's tabs stay free for what a page shows, e.g. the Paths tab) — presenting, a caption strip across
// the bottom, the text on the left and the rest on the right: the lesson's and the page's titles,
// the page's text, its questions (a value typed and checked, or a statement chosen) and tasks (checked live,
// with a hint and "show me how"), then the progress, Back / Next with the page counter, the return to the
// page's state and Close. Also the Lessons window (Help ▸ Lessons, File ▸ Open lesson…): the program's
// lessons with their progress, and a field for a lesson file of one's own.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_lesson_text.h"
#include "app/studio/views/views.h"

namespace studio {
namespace lesson_view {

void push_lesson(ActionQueue& q, const LessonCommand& c) { q.push_back(act::Lesson{c}); }

std::string counts(int done, int of, const char* what) {
    return std::to_string(done) + "/" + std::to_string(of) + " " + what;
}


// "pages 3/9 · questions 2/7 right · tasks 1/2 done"
std::string progress_line(const bp::LessonProgress& p, int pages, int questions, int tasks) {
    return "pages " + counts(p.pages_seen(), pages, "seen") + " · questions " + counts(p.questions_right(), questions, "right") +
           " · tasks " + counts(p.tasks_done(), tasks, "done");
}

void lesson_sizes(const bp::Lesson& l, int& questions, int& tasks) {
    questions = tasks = 0;
    for (const bp::LessonPage& p : l.pages) {
        questions += static_cast<int>(p.questions.size());
        tasks += static_cast<int>(p.tasks.size());
    }
}

// The value questions' fields belong to one page: another page starts them empty.
void sync_answer_fields(const LessonState& L, const Ui& ui) {
    const std::string key = L.lesson->title + "\n" + std::to_string(L.page);
    if (ui.memory.lesson_page_shown == key) return;
    ui.memory.lesson_page_shown = key;
    ui.memory.lesson_answers.assign(L.answers.size(), std::array<char, 64>{});
}

void verdict(bool right, const std::string& text, const std::string& id, const Ui& ui) {
    const std::string line = (right ? "✓ " : "✗ ") + text;
    text_wrapped_at_spaces(line, to_vec4(right ? ui.colors.right : ui.colors.wrong));
    report_text(id, line);
}

void value_question(const LessonAnswer& a, int i, const Ui& ui, ActionQueue& qu) {
    const std::string n = std::to_string(i);
    auto& field = ui.memory.lesson_answers[static_cast<std::size_t>(i)];
    ImGui::SetNextItemWidth(px(ui, ui_metric::lesson_answer_w));
    const bool enter = ImGui::InputText(("##lesson_answer_" + n).c_str(), field.data(), field.size(),
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsScientific);
    report_item("lesson.answer." + n);
    ImGui::SameLine();
    const bool check = ImGui::Button(("Check##lesson_" + n).c_str());
    report_item("lesson.check." + n);
    if ((enter || check) && field[0] != '\0') push_lesson(qu, lesson_cmd::Answer{i, field.data()});
    if (!a.answered) return;
    verdict(a.right, a.right ? "Right: " + a.label + " = " + a.given : (a.diagnosis.empty() ? "Not right yet." : a.diagnosis),
            "lesson.verdict." + n, ui);
}

void choice_question(const bp::Question& q, const LessonAnswer& a, int i, const Ui& ui, ActionQueue& qu, float width) {
    const std::string n = std::to_string(i);
    for (std::size_t k = 0; k < q.choices.size(); ++k) {
        const std::string id = "lesson.choice." + n + "." + std::to_string(k);
        if (ImGui::RadioButton(("##" + id).c_str(), a.chosen == static_cast<int>(k))) push_lesson(qu, lesson_cmd::Choose{i, static_cast<int>(k)});
        report_item(id);
        ImGui::SameLine();
        const float x = ImGui::GetCursorPosX();
        ImGui::BeginGroup();
        draw_spans(q.choices[k].spans, ui, std::max(1.0f, width - x + ImGui::GetStyle().WindowPadding.x));
        ImGui::EndGroup();
    }
    if (a.answered) verdict(a.right, a.right ? "Right." : "Not this one: try another.", "lesson.verdict." + n, ui);
}

void questions(const LessonState& L, const bp::LessonPage& page, const Ui& ui, ActionQueue& q, float width) {
    for (std::size_t i = 0; i < page.questions.size(); ++i) {
        const bp::Question& question = page.questions[i];
        const LessonAnswer& a = L.answers[i];
        ImGui::Separator();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(("Question " + std::to_string(i + 1)).c_str());
        ImGui::PopFont();
        draw_paragraph(bp::question_prompt(question), ui, width);
        if (question.kind == bp::Question::Kind::value) value_question(a, static_cast<int>(i), ui, q);
        else choice_question(question, a, static_cast<int>(i), ui, q, width);
        if (a.answered && a.right && !question.explain.empty()) draw_paragraph(question.explain, ui, width);
        else if (a.answered && !a.right && !question.hint.empty()) {
            dim_text(ui, "Hint:");
            draw_paragraph(question.hint, ui, width);
        }
    }
}

void tasks(const LessonState& L, const bp::LessonPage& page, const Ui& ui, ActionQueue& q, float width) {
    for (std::size_t i = 0; i < page.tasks.size(); ++i) {
        const bp::Task& task = page.tasks[i];
        const LessonTaskState& t = L.tasks[i];
        const std::string n = std::to_string(i);
        ImGui::Separator();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted("Task");
        ImGui::PopFont();
        ImGui::SameLine();
        const std::string mark = t.done ? "✓ done" : "not done yet";
        ImGui::TextColored(to_vec4(t.done ? ui.colors.right : ui.colors.text_dim), "%s", mark.c_str());
        report_text("lesson.task." + n, t.done ? "done" : "open");
        draw_paragraph(task.goal, ui, width);
        if (!t.problem.empty()) text_wrapped_at_spaces("(" + t.problem + ")", to_vec4(ui.colors.text_dim));
        if (ImGui::Button(("Hint##lesson_task_" + n).c_str())) push_lesson(q, lesson_cmd::Hint{static_cast<int>(i)});
        report_item("lesson.hint." + n);
        ImGui::SameLine();
        if (ImGui::Button(("Show me how##lesson_task_" + n).c_str())) push_lesson(q, lesson_cmd::ShowMe{static_cast<int>(i)});
        report_item("lesson.showme." + n);
        if (t.hint_shown) draw_paragraph(task.hint, ui, width);
    }
}

// The open lesson's progress line.
std::string open_progress_line(const LessonState& L) {
    int nq = 0, nt = 0;
    lesson_sizes(*L.lesson, nq, nt);
    return progress_line(L.progress, static_cast<int>(L.lesson->pages.size()), nq, nt);
}

// "pages 3/9 seen · …", wrapped.
void progress(const LessonState& L, const Ui& ui) {
    const std::string line = open_progress_line(L);
    ImGui::BeginGroup();
    text_wrapped_at_spaces(line, to_vec4(ui.colors.text_dim));
    ImGui::EndGroup();
    report_text("lesson.progress", line);
}

// ◀ Back, the page counter, Next ▶, ↺ Page (R), Close.
void page_buttons(const LessonState& L, ActionQueue& q) {
    const int pages = static_cast<int>(L.lesson->pages.size());
    ImGui::BeginDisabled(L.page == 0);
    if (ImGui::Button("◀ Back")) push_lesson(q, lesson_cmd::GoTo{L.page - 1});
    ImGui::EndDisabled();
    item_tooltip("The previous page (Page Up or Alt+←: a clicker turns the pages).");
    report_item("lesson.back");
    ImGui::SameLine();
    const std::string counter = std::to_string(L.page + 1) + " / " + std::to_string(pages);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(counter.c_str());
    report_text("lesson.counter", counter);
    ImGui::SameLine();
    ImGui::BeginDisabled(L.page + 1 >= pages);
    if (ImGui::Button("Next ▶")) push_lesson(q, lesson_cmd::GoTo{L.page + 1});
    ImGui::EndDisabled();
    item_tooltip("The next page (Page Down or Alt+→: a clicker turns the pages).");
    report_item("lesson.next");
    same_line_or_wrap(button_width("↺ Page (R)"));
    if (ImGui::Button("↺ Page (R)")) push_lesson(q, lesson_cmd::ReturnToPage{});
    item_tooltip("Back to the page's state (R): the document, the step, the selection and the views as the page set "
                 "them, whatever you changed since.");
    report_item("lesson.return");
    same_line_or_wrap(button_width("Close"));
    if (ImGui::Button("Close")) push_lesson(q, lesson_cmd::Close{});
    report_item("lesson.close");
}

// What stays under the scrolling page: measured, so the page above leaves it this much room next frame.
template <class Draw>
void footer(const Ui& ui, const Draw& draw) {
    const float top = ImGui::GetCursorPosY();
    draw();
    ui.memory.lesson_footer_h = ImGui::GetCursorPosY() - top;
}

void page_title(const bp::LessonPage& page, const Ui& ui) {
    ImGui::PushFont(ui.fonts.bold);
    text_wrapped_at_spaces(page.title, to_vec4(ui.colors.text));
    ImGui::PopFont();
    report_text("lesson.page_title", page.title);
}

// The titles: the lesson's (dim) and the page's (bold).
void titles(const bp::Lesson& lesson, const bp::LessonPage& page, const Ui& ui) {
    text_ellipsis(lesson.title, to_vec4(ui.colors.text_dim), ImGui::GetContentRegionAvail().x);
    report_text("lesson.title", lesson.title);
    page_title(page, ui);
}

// The page shown (its answer fields ready), or nullptr when no lesson is open.
const bp::LessonPage* shown_page(const LessonState& L, const Ui& ui) {
    if (!L.lesson) return nullptr;
    sync_answer_fields(L, ui);
    return &L.lesson->pages[static_cast<std::size_t>(L.page)];
}

// The page's prose (the lesson's introduction before the first page).
void page_text(const LessonState& L, const bp::LessonPage& page, const Ui& ui, float width) {
    const bp::Lesson& lesson = *L.lesson;
    if (L.page == 0 && !lesson.introduction.empty()) {
        draw_paragraphs(lesson.introduction, ui, width);
        ImGui::Dummy(ImVec2(0, px(ui, ui_metric::lesson_paragraph_gap)));
    }
    draw_paragraphs(page.text, ui, width);
    report_item("lesson.text");
}

// A scrolling child above the footer's room (as tall as the footer was last drawn).
void begin_scrolled(const char* id, const Ui& ui) {
    const float footer_h = std::max(ui.memory.lesson_footer_h, ImGui::GetFrameHeightWithSpacing()) + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild(id, ImVec2(0, -footer_h), false);
}

// The column beside the canvas: the titles, the page (text, questions, tasks) scrolling, then the progress
// and the page buttons.
void column(const LessonState& L, const bp::LessonPage& page, const Ui& ui, ActionQueue& q) {
    titles(*L.lesson, page, ui);
    begin_scrolled("lesson_body", ui);
    const float width = ImGui::GetContentRegionAvail().x;
    page_text(L, page, ui, width);
    ImGui::Spacing();
    questions(L, page, ui, q, width);
    tasks(L, page, ui, q, width);
    ImGui::EndChild();
    footer(ui, [&] {
        progress(L, ui);
        page_buttons(L, q);
    });
}

// Presenting: a strip across the bottom.
void caption_strip(const LessonState& L, const bp::LessonPage& page, const Ui& ui, ActionQueue& q) {
    // The page's title and text on the left, its questions and tasks on the right, and under both one row:
    // the page buttons and the progress.
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2, row_h = ImGui::GetFrameHeightWithSpacing();
    const float text_w = std::round((ImGui::GetContentRegionAvail().x - gap) * ui_metric::lesson_strip_text_share);
    ImGui::BeginChild("lesson_caption", ImVec2(text_w, -row_h), false);
    page_title(page, ui);
    page_text(L, page, ui, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("lesson_body", ImVec2(0, -row_h), false);
    const float width = ImGui::GetContentRegionAvail().x;
    questions(L, page, ui, q, width);
    tasks(L, page, ui, q, width);
    ImGui::EndChild();
    page_buttons(L, q);
    ImGui::SameLine(0, gap);
    const std::string line = open_progress_line(L);
    ImGui::AlignTextToFramePadding();
    text_ellipsis(line, to_vec4(ui.colors.text_dim), ImGui::GetContentRegionAvail().x);
    report_text("lesson.progress", line);
}

}  // namespace lesson_view

float lesson_panel_width(const AppState& s, const Ui&, float avail_w) {
    if (!s.lesson.lesson || s.present) return 0;  // presenting: a caption strip instead
    const float want = std::max(avail_w * ui_metric::lesson_share, ImGui::GetFontSize() * ui_metric::lesson_min_em);
    return std::round(std::min(want, avail_w * ui_metric::lesson_max_share));
}

float lesson_strip_height(const AppState& s, const Ui&, float avail_h) {
    if (!s.lesson.lesson || !s.present) return 0;
    return std::round(std::max(avail_h * ui_metric::lesson_strip_share, ImGui::GetFontSize() * ui_metric::lesson_strip_min_em));
}

bool lesson_crowds_side_panel(const AppState& s, const Ui& ui) {
    const bool narrow = ImGui::GetMainViewport()->Size.x < ImGui::GetFontSize() * ui_metric::lesson_three_columns_em;
    return s.lesson.lesson && !s.present && narrow && s.side_tab.empty() && ui.memory.side_tab_shown == "inspector";
}

void draw_lesson_panel(const AppState& s, const Ui& ui, ActionQueue& q) {
    using namespace lesson_view;
    const LessonState& L = s.lesson;
    const bp::LessonPage* shown = shown_page(L, ui);
    if (!shown) return;
    if (s.present) return caption_strip(L, *shown, ui, q);
    column(L, *shown, ui, q);
}

void draw_lessons_window(const AppState& s, const Ui& ui, ActionQueue& q) {
    using namespace lesson_view;
    const LessonState& L = s.lesson;
    const char* id = "Lessons";
    if (L.library_open && !ImGui::IsPopupOpen(id) && s.files.error_title.empty() && s.files.pending == Pending::none) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(vp->Size.x * 0.9f, ImGui::GetFontSize() * 40);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->Size.y * 0.9f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove))
        return;
    report_dialog(id);
    if (!L.library_open) {
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    const float list_h = std::min(vp->Size.y * 0.9f - 7 * ImGui::GetFrameHeightWithSpacing(),
                                  static_cast<float>(L.library.size()) * 3.2f * ImGui::GetFrameHeightWithSpacing());
    dim_text(ui, "The program's lessons (" + L.library_dir + "):");
    ImGui::BeginChild("lessons_list", ImVec2(0, std::max(list_h, ImGui::GetFrameHeight())), true);
    for (const LessonEntry& e : L.library) {
        ImGui::PushID(e.info.stem.c_str());
        const bool open = ImGui::Button("Open");
        report_item("lessons.open." + e.info.stem);
        if (open) push_lesson(q, lesson_cmd::Open{e.info.path, 0});
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushFont(ui.fonts.bold);
        text_wrapped_at_spaces(e.info.title, to_vec4(ui.colors.text));
        ImGui::PopFont();
        if (!e.error.empty()) {
            text_wrapped_at_spaces(e.error, to_vec4(ui.colors.negative));
        } else {
            const bool is_open = L.lesson && L.lesson->title == e.info.title;
            const std::string line = progress_line(is_open ? L.progress : e.progress, e.pages, e.questions, e.tasks) + (is_open ? "  (open)" : "");
            text_wrapped_at_spaces(line, to_vec4(ui.colors.text_dim));
            report_text("lessons.progress." + e.info.stem, line);
        }
        ImGui::EndGroup();
        ImGui::PopID();
        ImGui::Spacing();
    }
    if (L.library.empty()) dim_text(ui, "No lessons found: the program's lessons folder is missing.");
    ImGui::EndChild();
    ImGui::TextUnformatted("A lesson file of your own (Markdown, see docs/LESSONS.md):");
    if (ui.memory.lesson_file_focus) {
        ImGui::SetKeyboardFocusHere();
        ui.memory.lesson_file_focus = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - button_width("Open file") - ImGui::GetStyle().ItemSpacing.x);
    const bool enter = ImGui::InputText("##lesson_file", ui.memory.lesson_file, sizeof ui.memory.lesson_file, ImGuiInputTextFlags_EnterReturnsTrue);
    report_item("lessons.file");
    ImGui::SameLine();
    const bool open_file = ImGui::Button("Open file");
    report_item("lessons.open_file");
    if ((enter || open_file) && ui.memory.lesson_file[0] != '\0') push_lesson(q, lesson_cmd::Open{ui.memory.lesson_file, 0});
    ImGui::Spacing();
    const bool close = ImGui::Button("Close", ImVec2(ImGui::GetFontSize() * 6, 0));
    report_item("lessons.close");
    if (close || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) push_lesson(q, lesson_cmd::ShowLibrary{false});
    ImGui::EndPopup();
}

}  // namespace studio
