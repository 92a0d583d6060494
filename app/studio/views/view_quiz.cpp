// Quiz mode in the window: the switch in the toolbar, the question in the formula panel (the answer field,
// hints, the verdict and the diagnosis), a small answer field beside the value on the canvas with the
// diagnosed factor marked, and the "Quiz" tab (what is asked and how often, the score, new numbers, and
// the check-my-homework table). All the logic is in quiz.h and homework_table.h; this file only draws.
// [SECTION] shared pieces   [SECTION] toolbar switch   [SECTION] the question   [SECTION] canvas
// [SECTION] the Quiz tab
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/studio/figures/formula_text.h"
#include "app/studio/figures/homework_table.h"
#include "app/studio/figures/label_place.h"
#include "app/studio/figures/quantity_words.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

// ---- [SECTION] shared pieces ----

Rgb right_color(const Ui& ui) { return ui.colors.right; }
Rgb wrong_color(const Ui& ui) { return ui.colors.wrong; }

Rgb feedback_color(FeedbackKind k, const Ui& ui) {
    switch (k) {
        case FeedbackKind::right: return right_color(ui);
        case FeedbackKind::wrong:
        case FeedbackKind::unreadable: return wrong_color(ui);
        case FeedbackKind::need_digits: return ui.colors.negative;
        default: return ui.colors.text_dim;
    }
}

void push_quiz(ActionQueue& q, QuizCommand c) { q.push_back(act::Quiz{std::move(c)}); }

// Text fields whose text lives in the state: the buffer (in the views' memory) is refreshed from the state
// every frame, except while the field is being edited (ImGui owns it then). One field is edited at a time.
void refresh_unless_editing(ViewMemory& m, const char* id, char* buf, std::size_t size, const std::string& text) {
    if (m.quiz_editing != ImGui::GetID(id)) std::snprintf(buf, size, "%s", text.c_str());
}

void note_editing(ViewMemory& m, const char* id) {  // call right after the field
    const ImGuiID me = ImGui::GetID(id);
    if (ImGui::IsItemActive()) m.quiz_editing = me;
    else if (m.quiz_editing == me) m.quiz_editing = 0;
}

// The answer field, shared by the formula panel and the canvas: the text lives in s.quiz.draft (typing
// pushes Type, Enter pushes Answer). Returns true when Enter was pressed.
bool answer_field(const char* id, const AppState& s, const Ui& ui, float width, bool focus, ActionQueue& q) {
    char* buf = ui.memory.quiz_answer;  // ImGui writes the typed text here; copied from the state every frame
    const std::size_t size = sizeof ui.memory.quiz_answer;
    refresh_unless_editing(ui.memory, id, buf, size, quiz_draft(s));
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width);
    const bool enter = ImGui::InputTextWithHint(id, "?", buf, size,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    note_editing(ui.memory, id);
    if (ImGui::IsItemEdited()) push_quiz(q, quiz_cmd::Type{buf});
    if (enter) push_quiz(q, quiz_cmd::Answer{buf});
    return enter;
}

}  // namespace

// ---- [SECTION] toolbar switch ----

constexpr const char* kSwitchOn = "✓ Quiz mode";
constexpr const char* kSwitchOff = "Quiz mode";
constexpr const char* kSwitchOnShort = "✓ Quiz";
constexpr const char* kSwitchOffShort = "Quiz";

float quiz_switch_width(const Ui&, bool brief) {
    return ImGui::CalcTextSize(brief ? kSwitchOnShort : kSwitchOn).x + ImGui::GetStyle().FramePadding.x * 2 +
           ImGui::GetStyle().ItemSpacing.x;
}

void draw_quiz_switch(const AppState& s, const Ui& ui, ActionQueue& q, bool brief) {
    const bool on = s.quiz.on;
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(ui.colors.accent, 0.9f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(ui.colors.accent, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ui.light ? ImVec4(1, 1, 1, 1) : ImVec4(0.08f, 0.08f, 0.1f, 1));
    }
    const char* label = brief ? (on ? kSwitchOnShort : kSwitchOffShort) : (on ? kSwitchOn : kSwitchOff);
    if (ImGui::Button(label)) push_quiz(q, quiz_cmd::SetOn{!on});
    if (on) ImGui::PopStyleColor(3);
    item_tooltip(on ? "Quiz mode is on: stepping stops before each value you are asked to compute (click to turn it off)."
                    : "Quiz mode: stepping stops before each value and you compute it (choose what is asked in the "
                      "Quiz tab).");
}

// ---- [SECTION] the question (formula panel) ----

bool draw_quiz_question(const AppState& s, const Ui& ui, ActionQueue& q) {
    const int i = quiz_question(s);
    if (i < 0) return false;
    ViewMemory& m = ui.memory;  // which question had the focus
    const bp::EventText e = s.stepper->text(i);
    const QuizState& qs = s.quiz;
    const QuizFeedback* f = quiz_feedback(s);
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    ImGui::PushTextWrapPos(0.0f);
    if (f && f->event == i - 1 && (f->kind == FeedbackKind::right || f->kind == FeedbackKind::revealed))
        ImGui::TextColored(to_vec4(feedback_color(f->kind, ui)), "%s", f->headline.c_str());
    ImGui::TextColored(to_vec4(ui.colors.accent), "Your turn · %s", e.title.c_str());
    ImGui::PopTextWrapPos();

    // "z¹₁ = [field] Check Hint Reveal", large
    const FormulaLines lines = formula_lines(e);
    ImGui::PushFont(ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((question_label(s, i) + " =").c_str());
    ImGui::SameLine();
    const bool fresh = m.quiz_asked_revision != s.pass_revision || m.quiz_asked_event != i || m.quiz_seen_checked != qs.checked;
    m.quiz_asked_revision = s.pass_revision;
    m.quiz_asked_event = i;
    m.quiz_seen_checked = qs.checked;
    // A new question takes the keyboard focus, unless the student is typing in another field. (Not
    // io.WantTextInput: it lags a frame, so right after Enter it still reports the field just left.)
    const bool other_field = ImGui::IsAnyItemActive() && m.quiz_editing != ImGui::GetID("##quiz_answer");
    answer_field("##quiz_answer", s, ui, ImGui::GetFontSize() * 6.5f, fresh && !other_field, q);
    ImGui::PopFont();
    same_line_or_wrap(button_width("Check"));  // the buttons wrap under the field in a narrow panel
    if (ImGui::Button("Check")) push_quiz(q, quiz_cmd::Answer{quiz_draft(s)});
    report_item("quiz.check");
    item_tooltip("Check the answer (or press Enter): it counts as right when it matches the exact value to the "
                 "digits you wrote, give or take one in the last digit.");
    const int hint = quiz_hint_level(s);
    same_line_or_wrap(button_width(hint == 0 ? "Hint" : "More hint"));
    const bool more_hints = hint < 2;
    if (!more_hints) ImGui::BeginDisabled();
    if (ImGui::Button(hint == 0 ? "Hint" : "More hint")) push_quiz(q, quiz_cmd::Hint{});
    report_item("quiz.hint");
    if (!more_hints) ImGui::EndDisabled();
    item_tooltip("The formula of this value: first in symbols, then, pressed again, with the numbers put in.");
    same_line_or_wrap(button_width("Reveal"));
    if (ImGui::Button("Reveal")) push_quiz(q, quiz_cmd::Reveal{});
    report_item("quiz.reveal");
    item_tooltip("Show the value and move on (it counts as revealed in the score).");

    // The verdict on the last attempt at this question, and the diagnosis in one sentence.
    if (f && f->event == i && f->kind != FeedbackKind::right && f->kind != FeedbackKind::revealed) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextColored(to_vec4(feedback_color(f->kind, ui)), "%s", f->headline.c_str());
        ImGui::PopFont();
        // (the canvas marks a diagnosed factor with "check this factor")
        if (!f->detail.empty()) text_wrapped_at_spaces(f->detail, ImGui::GetStyle().Colors[ImGuiCol_Text]);
    }
    // Hints: the formula in symbols, then with the numbers, aligned under the '='.
    if (hint >= 1) {
        ImGui::Spacing();
        ImGui::PushFont(ui.fonts.small);
        ImGui::TextColored(dim, "%s", hint == 1 ? "Hint: the formula" : "Hint: the formula with the numbers");
        report_text("quiz.hint_text", hint == 1 ? "formula" : "numbers");
        ImGui::PopFont();
        ImGui::PushFont(ui.fonts.large);
        const float hanging = ImGui::CalcTextSize("= ").x;
        ImGui::TextColored(dim, "%s =", lines.lhs.c_str());
        ImGui::SameLine();
        text_wrapped_at_spaces(lines.symbolic.empty() ? "?" : lines.symbolic, dim, hanging);
        if (hint >= 2 && !lines.substituted.empty()) {
            const float indent = ImGui::CalcTextSize((lines.lhs + " ").c_str()).x;
            ImGui::Indent(indent);
            ImGui::TextColored(dim, "=");
            ImGui::SameLine();
            text_wrapped_at_spaces(lines.substituted, dim, hanging);
            ImGui::Unindent(indent);
        }
        ImGui::PopFont();
    }
    return true;
}

// ---- [SECTION] canvas ----

namespace {

// Where a value sits on the canvas: a neuron's centre, an edge's point near its target, the loss node.
ImVec2 value_place(const bp::ValueRef& r, const NetworkLayout& lay, float* reach) {
    using Kind = bp::ValueRef::Kind;
    *reach = lay.radius;
    switch (r.kind) {
        case Kind::z:
        case Kind::a:
        case Kind::delta:
        case Kind::target: return ImVec2(lay.neurons[r.l][r.j].x, lay.neurons[r.l][r.j].y);
        case Kind::weight:
        case Kind::dW:
        case Kind::bias:
        case Kind::db: {
            const bool bias = r.kind == Kind::bias || r.kind == Kind::db;
            const Vec2 a = bias ? lay.bias[r.l] : lay.neurons[r.l - 1][r.k], b = lay.neurons[r.l][r.j];
            *reach = 4;
            return ImVec2(a.x + (b.x - a.x) * 0.55f, a.y + (b.y - a.y) * 0.55f);
        }
        case Kind::loss: *reach = lay.radius * 0.8f; return ImVec2(lay.loss.x, lay.loss.y);
    }
    return ImVec2(0, 0);
}

// Where a box of `size` goes beside the node [node_min, node_max], `gap` away: the first of the places
// right, left, above and below it (then the same twice as far) that lies inside the canvas over no
// neuron; else the one over the fewest.
ImVec2 beside(ImVec2 node_min, ImVec2 node_max, ImVec2 size, float gap, ImVec2 clip_min, ImVec2 clip_max,
              const NetworkLayout& lay) {
    std::vector<Rect> places;
    for (const float g : {gap, 2 * gap + size.y}) {
        const float cx = (node_min.x + node_max.x - size.x) / 2, cy = (node_min.y + node_max.y - size.y) / 2;
        const float right = node_max.x + g, left = node_min.x - g - size.x, above = node_min.y - g - size.y, below = node_max.y + g;
        for (const ImVec2 a : {ImVec2(right, node_min.y - size.y), ImVec2(right, node_max.y), ImVec2(left, node_min.y - size.y),
                               ImVec2(left, node_max.y), ImVec2(cx, above), ImVec2(cx, below), ImVec2(right, cy), ImVec2(left, cy)})
            places.push_back({a.x, a.y, a.x + size.x, a.y + size.y});
    }
    // Each place also pushed sideways into the canvas (above a node at the canvas's edge, say).
    const std::size_t n = places.size();
    for (std::size_t i = 0; i < n; ++i) {
        const float x = std::clamp(places[i].x0, clip_min.x, std::max(clip_min.x, clip_max.x - size.x));
        places.push_back({x, places[i].y0, x + size.x, places[i].y1});
    }
    const LabelPlacer free_of_neurons({clip_min.x, clip_min.y, clip_max.x, clip_max.y}, lay);
    for (const Rect& r : places)
        if (free_of_neurons.free(r) && !r.overlaps({node_min.x, node_min.y, node_max.x, node_max.y})) return ImVec2(r.x0, r.y0);
    const auto neurons_under = [&](const Rect& r) {
        int n = 0;
        for (const std::vector<Vec2>& column : lay.neurons)
            for (const Vec2& c : column) n += touches_circle(r, c, lay.radius);
        return n;
    };
    const Rect* best = nullptr;
    for (const Rect& r : places)
        if (r.inside({clip_min.x, clip_min.y, clip_max.x, clip_max.y}) && !r.overlaps({node_min.x, node_min.y, node_max.x, node_max.y}) &&
            (!best || neurons_under(r) < neurons_under(*best)))
            best = &r;
    if (best) return ImVec2(best->x0, best->y0);
    // No place fits inside the canvas (a tiny canvas): right of the node, kept in the canvas.
    return ImVec2(std::clamp(node_max.x + gap, clip_min.x, std::max(clip_min.x, clip_max.x - size.x)),
                  std::clamp(node_min.y - size.y, clip_min.y, std::max(clip_min.y, clip_max.y - size.y)));
}

void mark_factor(const bp::ValueRef& r, const NetworkLayout& lay, const Ui& ui) {
    using Kind = bp::ValueRef::Kind;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = to_u32(wrong_color(ui));
    const float sc = ui.scale;
    if (r.kind == Kind::weight || r.kind == Kind::dW || ((r.kind == Kind::bias || r.kind == Kind::db) && lay.has_bias[r.l])) {
        const bool bias = r.kind == Kind::bias || r.kind == Kind::db;
        const Vec2 a = bias ? lay.bias[r.l] : lay.neurons[r.l - 1][r.k], b = lay.neurons[r.l][r.j];
        dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, b.y), to_u32(wrong_color(ui), 0.35f), 14 * sc);
        dl->AddLine(ImVec2(a.x, a.y), ImVec2(b.x, b.y), col, 4 * sc);
    } else if (r.kind == Kind::loss) {
        dl->AddCircle(ImVec2(lay.loss.x, lay.loss.y), lay.radius * 0.9f, col, 0, 4 * sc);
    } else if (r.l >= 0 && r.l < static_cast<int>(lay.neurons.size()) && r.j < static_cast<int>(lay.neurons[r.l].size())) {
        const Vec2 p = lay.neurons[r.l][r.j];
        dl->AddCircle(ImVec2(p.x, p.y), lay.radius + 9 * sc, to_u32(wrong_color(ui), 0.35f), 0, 8 * sc);
        dl->AddCircle(ImVec2(p.x, p.y), lay.radius + 9 * sc, col, 0, 3.5f * sc);
    }
    float reach = 0;
    const ImVec2 p = value_place(r, lay, &reach);
    const char* tag = "check this factor";
    ImFont* f = ui.fonts.small;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, tag);
    const ImVec2 at(p.x - ts.x / 2, p.y + reach + 12 * sc);
    dl->AddRectFilled(ImVec2(at.x - 4 * sc, at.y - 2 * sc), ImVec2(at.x + ts.x + 4 * sc, at.y + ts.y + 2 * sc),
                      to_u32(ui.colors.canvas, 0.92f), 4 * sc);
    dl->AddText(f, f->FontSize, at, col, tag);
}

}  // namespace

bool quiz_field_on_canvas(const AppState& s) { return quiz_question(s) >= 0; }

namespace {

// The node a question asks about: a neuron's circle, an edge's point, the loss box.
void question_node(const AppState& s, const Ui& ui, const NetworkLayout& lay, int i, ImVec2& min, ImVec2& max) {
    const bp::StepEvent& e = s.stepper->events()[i];
    float reach = 0;
    const ImVec2 p = value_place(e.writes, lay, &reach);
    min = ImVec2(p.x - reach, p.y - reach), max = ImVec2(p.x + reach, p.y + reach);
    if (e.writes.kind == bp::ValueRef::Kind::loss) {
        const Box b = loss_node_box(s, ui, lay);
        min = ImVec2(b.x, b.y), max = ImVec2(b.x + b.w, b.y + b.h);
    }
}

std::string field_label(const AppState& s, int i) { return question_label(s, i) + " ="; }

}  // namespace

std::optional<Box> quiz_field_box(const AppState& s, const Ui& ui, const NetworkLayout& lay, ImVec2 clip_min, ImVec2 clip_max) {
    const int i = quiz_question(s);
    if (i < 0) return std::nullopt;
    ImVec2 node_min, node_max;
    question_node(s, ui, lay, i, node_min, node_max);
    ImFont* f = ui.fonts.small;
    const float field_w = f->FontSize * 6.0f;
    const std::string label = field_label(s, i);
    const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + ImGui::GetStyle().ItemInnerSpacing.x +
                    field_w + 2 * px(ui, ui_metric::quiz_pad_x);
    const float h = f->FontSize + ImGui::GetStyle().FramePadding.y * 2 + 2 * px(ui, ui_metric::quiz_pad_y);
    // The node asked about stays in sight: the field goes beside it, never over it.
    const ImVec2 at = beside(node_min, node_max, ImVec2(w, h), px(ui, ui_metric::quiz_gap), clip_min, clip_max, lay);
    return Box{at.x, at.y, w, h};
}

void draw_quiz_canvas(const AppState& s, const Ui& ui, ActionQueue& q, const NetworkLayout& lay, const std::optional<Box>& field) {
    const int i = quiz_question(s);
    if (i < 0 || !field) return;
    if (const QuizFeedback* f = quiz_feedback(s); f && f->event == i && f->has_point) mark_factor(f->point_at, lay, ui);
    ImVec2 node_min, node_max;
    question_node(s, ui, lay, i, node_min, node_max);
    const ImVec2 at(field->x, field->y), end(field->x + field->w, field->y + field->h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, end, to_u32(ui.colors.panel, 0.96f), px(ui, ui_metric::quiz_rounding));
    dl->AddRect(at, end, to_u32(ui.colors.accent), px(ui, ui_metric::quiz_rounding), 0, px(ui, ui_metric::quiz_border));
    report_rect("quiz.field", at, end);
    report_rect("quiz.node", node_min, node_max);
    ImGui::PushFont(ui.fonts.small);
    ImGui::SetCursorScreenPos(ImVec2(at.x + px(ui, ui_metric::quiz_pad_x), at.y + px(ui, ui_metric::quiz_pad_y)));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(field_label(s, i).c_str());
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    answer_field("##quiz_canvas_answer", s, ui, ImGui::GetFontSize() * 6.0f, false, q);
    ImGui::PopFont();
}

// ---- [SECTION] the Quiz tab ----

namespace {

void choices(const AppState& s, const Ui& ui, ActionQueue& q) {
    QuizConfig c = s.quiz.config;
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "Ask for:");
    const bp::Symbols sym = symbols(s);
    for (int t = 0; t < kQuizTopics; ++t) {
        const std::string name = quiz_topic_title(sym, s.doc.net, static_cast<QuizTopic>(t));
        if (t > 0) same_line_or_wrap(ImGui::CalcTextSize(name.c_str()).x + ImGui::GetFrameHeight() + 12 * ui.scale);
        bool v = c.topics[t];
        const std::string id = name + "##topic" + std::to_string(t);  // the same checkbox in every notation
        if (ImGui::Checkbox(id.c_str(), &v)) c.topics[t] = v;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "How often:");
    const float radio = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    same_line_or_wrap(radio + ImGui::CalcTextSize("every value").x);
    const bool some = c.one_in > 1;
    if (ImGui::RadioButton("every value", !some)) c.one_in = 1;
    same_line_or_wrap(radio + ImGui::CalcTextSize("one value in 10, at random").x + ImGui::GetFontSize() * 3);
    if (ImGui::RadioButton("one value in", some) && !some) c.one_in = 3;
    ImGui::SameLine();
    int k = std::max(2, c.one_in);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 2.6f);
    if (ImGui::DragInt("##one_in", &k, 0.1f, 2, kMaxQuizOneIn, "%d", ImGuiSliderFlags_AlwaysClamp)) c.one_in = k;
    item_tooltip("Ask one value in k, chosen at random; the seed makes the choice repeatable.");
    ImGui::SameLine();
    ImGui::TextUnformatted(", at random");
    if (some) {
        ImGui::Indent(radio);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "seed");
        ImGui::SameLine();
        int seed = static_cast<int>(std::min<std::uint64_t>(c.seed, 1000000));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.0f);
        if (ImGui::DragInt("##seed", &seed, 0.2f, 0, 1000000, "%d", ImGuiSliderFlags_AlwaysClamp))
            c.seed = static_cast<std::uint64_t>(seed);
        item_tooltip("The same seed asks the same values of the same pass.");
        ImGui::Unindent(radio);
    }
    if (!(c == s.quiz.config)) push_quiz(q, quiz_cmd::SetConfig{c});
}

void score(const AppState& s, const Ui& ui, ActionQueue& q) {
    const QuizState& qs = s.quiz;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(("This pass: " + score_text(quiz_pass_score(s))).c_str());
    if (const auto it = qs.totals.find(s.title); it != qs.totals.end()) {
        const QuizTotals& t = it->second;
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s: %d finished %s, %d%% right first time, best pass %d%%",
                           s.title.c_str(), t.passes, t.passes == 1 ? "pass" : "passes", percent_first_try(t.sum),
                           t.best_percent);
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Start this pass over")) push_quiz(q, quiz_cmd::StartOver{});
    item_tooltip("Back to the first value of this pass; every question is asked again.");
    same_line_or_wrap(button_width("Try again with new numbers"));
    if (ImGui::Button("Try again with new numbers")) push_quiz(q, quiz_cmd::NewNumbers{});
    item_tooltip("The same network with fresh random weights and biases of two decimals, so the arithmetic is "
                 "doable by hand (Ctrl+Z brings back the old ones).");
}

constexpr bp::Quantity kWhat[] = {bp::Quantity::z,  bp::Quantity::a,    bp::Quantity::delta,   bp::Quantity::dW,
                                  bp::Quantity::db, bp::Quantity::loss, bp::Quantity::W_after, bp::Quantity::b_after};

int what_index(bp::Quantity w) {
    for (int i = 0; i < 8; ++i)
        if (kWhat[i] == w) return i;
    return 0;
}

// A small integer cell shown from `base` (layers from 0, neurons from 1); returns true when changed.
bool index_cell(const char* id, int& v, int base, float width) {
    int shown = v + base;
    ImGui::SetNextItemWidth(width);
    if (!ImGui::DragInt(id, &shown, 0.05f, base, 99 + base, "%d", ImGuiSliderFlags_AlwaysClamp)) return false;
    v = shown - base;
    return true;
}

Rgb mark_color(const HomeworkMark& m, const Ui& ui) {
    if (!m.checked) return ui.colors.text_dim;
    if (m.verdict == bp::Verdict::correct) return right_color(ui);
    return m.verdict == bp::Verdict::wrong ? wrong_color(ui) : ui.colors.negative;
}

// The table; `want` gets what the pointer is on (for the canvas highlight).
void homework(const AppState& s, const Ui& ui, ActionQueue& q, std::vector<bp::ValueRef>& want) {
    ViewMemory& memory = ui.memory;
    const std::vector<HomeworkMark>& marks = memory.homework.get(s);  // re-marked only when the pass or the rows change
    auto& value_buf = memory.homework_values;  // the typed answers while a field is active
    std::vector<HomeworkRow> rows = s.quiz.homework;
    bool changed = false;
    int remove = -1;
    // The "what" column's names in the notation on screen: "δ", "∂L/∂u", "εₗ", "dL/dZₗ".
    const bp::Symbols sym = symbols(s);
    std::vector<std::string> names;
    for (const bp::Quantity w : kWhat) names.push_back(quantity_name(sym, w));
    std::vector<const char*> what_names;
    float what_w = ImGui::GetFontSize() * 4.6f;  // as wide as the widest name and the combo's arrow
    for (const std::string& n : names) {
        what_names.push_back(n.c_str());
        what_w = std::max(what_w, ImGui::CalcTextSize(n.c_str()).x + ImGui::GetFrameHeight() +
                                      2 * ImGui::GetStyle().FramePadding.x);
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(to_vec4(ui.colors.text_dim),
                       "Check my homework: type the values you computed for this network and pass (%s); each is "
                       "marked by the digits you wrote, as backprop-cli check does.",
                       s.sample >= 0 ? ("sample " + std::to_string(s.sample + 1) + " alone").c_str() : "the whole batch");
    ImGui::PopTextWrapPos();
    const float cell = ImGui::GetFontSize() * 2.6f;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!rows.empty() && ImGui::BeginTable("homework", 7, flags)) {
        ImGui::TableSetupColumn("value of");
        ImGui::TableSetupColumn("layer");
        ImGui::TableSetupColumn("j");
        ImGui::TableSetupColumn("k");
        ImGui::TableSetupColumn("your answer");
        ImGui::TableSetupColumn("mark", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (int r = 0; r < static_cast<int>(rows.size()) && r < 64; ++r) {
            HomeworkRow& row = rows[r];
            const HomeworkMark* m = r < static_cast<int>(marks.size()) ? &marks[r] : nullptr;
            ImGui::PushID(r);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            int w = what_index(row.what);
            ImGui::SetNextItemWidth(what_w);
            if (ImGui::Combo("##what", &w, what_names.data(), 8)) {
                row.what = kWhat[w];
                changed = true;
            }
            const bool no_index = row.what == bp::Quantity::loss;
            const bool weight = bp::is_weight(row.what);
            ImGui::TableNextColumn();
            if (!no_index) changed |= index_cell("##l", row.l, 0, cell);
            ImGui::TableNextColumn();
            if (!no_index) changed |= index_cell("##j", row.j, 1, cell);
            ImGui::TableNextColumn();
            if (weight) changed |= index_cell("##k", row.k, 1, cell);
            ImGui::TableNextColumn();
            refresh_unless_editing(memory, "##value", value_buf[r], sizeof value_buf[r], row.value);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
            if (ImGui::InputTextWithHint("##value", "e.g. 0.7514", value_buf[r], sizeof value_buf[r])) {
                row.value = value_buf[r];
                changed = true;
            }
            note_editing(memory, "##value");
            ImGui::TableNextColumn();
            if (m && !m->problem.empty()) {
                ImGui::TextColored(to_vec4(wrong_color(ui)), "✗ not in this network");
            } else if (m) {
                ImGui::TextColored(to_vec4(mark_color(*m, ui)), "%s %s", m->label.c_str(), m->checked ? m->mark.c_str() : "");
                if (ImGui::IsItemHovered()) want = {m->point_at};  // where it is (or the diagnosed factor)
                if (m->checked && ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                    ImGui::TextUnformatted(m->formula.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("×")) remove = r;
            item_tooltip("Remove this row");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // Why a row is wrong or cannot be marked, in full sentences under the table.
    for (std::size_t r = 0; r < marks.size() && r < rows.size(); ++r) {
        const HomeworkMark& m = marks[r];
        const std::string why = !m.problem.empty() ? m.problem : m.checked ? m.diagnosis : "";
        if (why.empty()) continue;
        ImGui::TextColored(to_vec4(!m.problem.empty() ? wrong_color(ui) : mark_color(m, ui)), "%zu. %s", r + 1,
                           m.label.empty() ? "" : m.label.c_str());
        ImGui::SameLine();
        text_wrapped_at_spaces(why, ImGui::GetStyle().Colors[ImGuiCol_Text]);
    }
    if (remove >= 0) {
        rows.erase(rows.begin() + remove);
        changed = true;
    }
    const bool add = ImGui::Button("+ Add an answer");
    item_tooltip("A new row for one more of the student's answers, copying the last row's quantity and place.");
    if (add && rows.size() < 64) {
        HomeworkRow row = rows.empty() ? HomeworkRow{} : rows.back();
        row.value.clear();
        rows.push_back(row);
        changed = true;
    }
    if (changed) push_quiz(q, quiz_cmd::SetHomework{rows});
}

}  // namespace

void draw_quiz_tab(const AppState& s, const Ui& ui, ActionQueue& q) {
    ImGui::BeginChild("quiz_scroll");
    bool on = s.quiz.on;
    ImGui::PushFont(ui.fonts.large);
    if (ImGui::Checkbox("Quiz mode", &on)) push_quiz(q, quiz_cmd::SetOn{on});
    item_tooltip("Each step waits for you to compute its value before it is shown.");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(to_vec4(ui.colors.text_dim),
                       "Stepping stops before each value you are asked for: type it in the formula panel (or on the "
                       "network) and press Enter. A wrong answer gets a hint and, when it matches a classic mistake, "
                       "the mistake named.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    choices(s, ui, q);
    ImGui::Spacing();
    ImGui::Separator();
    score(s, ui, q);
    ImGui::Spacing();
    ImGui::Separator();
    std::vector<bp::ValueRef> want;
    homework(s, ui, q, want);
    ImGui::EndChild();
    if (want != s.highlight) q.push_back(act::Highlight{want});  // this tab owns the highlight while shown
}

}  // namespace studio
