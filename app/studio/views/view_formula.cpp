// The formula of the current step, large, as on the board: the symbols, then every number substituted,
// then the result, one under the other with the '=' aligned —
//   z¹₁ = w¹₁₁·a¹₁ + w¹₁₂·a¹₂ + b¹₁
//       = 0.15·0.05 + 0.2·0.1 + 0.35
//       = 0.3775
// with Copy text / Copy LaTeX for slides. Before the first step it shows what comes next; at the end of
// the pass, what the next step will do. In quiz mode a waiting question takes its place (view_quiz.cpp).
// The formula is always shown whole: it wraps at spaces, never scrolls; the frame gives its panel the
// height it measured when last drawn (formula_panel_height), and a formula too tall for the room left
// beside the canvas leaves out the "Next:" line, then is written in the body font instead of the large
// one. When presenting, the banner above the canvas carries the step's title, so the panel leaves it
// out, and the "Next:" line too.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>

#include "app/studio/figures/formula_text.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_graph_parts.h"
#include "app/studio/views/views.h"
#include "engine/graph/graph_paths.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

// What the panel's height depends on besides its width: the pass, the step, the quiz's question, hint
// and verdict, the modes that change the words.
std::uint64_t content_key(const AppState& s, float width, float scale) {
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    mix(s.pass_revision);
    mix(static_cast<std::uint64_t>(s.stepper->cursor()));
    if (s.expression) {  // an expression's graph is on screen
        mix(s.expression->pass_revision);
        mix(static_cast<std::uint64_t>(s.expression->stepper.cursor()));
        mix(static_cast<std::uint64_t>(s.expression->quiz.asked) << 1 | static_cast<std::uint64_t>(s.expression->quiz.on));
        mix(std::hash<std::string>{}(s.expression->quiz.feedback));
    }
    mix(static_cast<std::uint64_t>(width));
    mix(static_cast<std::uint64_t>(scale * 1000));
    mix(static_cast<std::uint64_t>(s.quiz.on) | static_cast<std::uint64_t>(s.present) << 1 |
        static_cast<std::uint64_t>(s.keyboard_mode) << 2);
    mix(static_cast<std::uint64_t>(s.quiz.checked));
    mix(static_cast<std::uint64_t>(quiz_hint_level(s)));
    mix(static_cast<std::uint64_t>(s.quiz.feedback.kind));
    return h;
}

// Copy buttons at the right end of the title line (or under a long title); a short "copied" after a click.
// `brief`: "Text" and "LaTeX" for "Copy text" and "Copy LaTeX".
void copy_buttons(const bp::EventText& e, const Ui& ui, bool same_line, bool brief) {
    const char* labels[2] = {brief ? "Text" : "Copy text", brief ? "LaTeX" : "Copy LaTeX"};
    const float w = ImGui::CalcTextSize(labels[0]).x + ImGui::CalcTextSize(labels[1]).x +
                    ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
    const bool recent = ImGui::GetTime() - ui.memory.copied_at < 1.5;
    const float note = recent ? ImGui::CalcTextSize("copied ✓").x + ImGui::GetStyle().ItemSpacing.x : 0;
    if (same_line) {  // (SameLine's own x counts from the enclosing group: set the window's x instead)
        ImGui::SameLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w - note));
    }
    if (recent) {
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "copied ✓");
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(labels[0])) {
        ImGui::SetClipboardText(formula_copy_text(e).c_str());
        ui.memory.copied_at = ImGui::GetTime();
    }
    item_tooltip("Copy the equation as text in course notation (Unicode), for slides or notes.");
    report_item("formula.copy_text");
    ImGui::SameLine();
    if (ImGui::SmallButton(labels[1])) {
        ImGui::SetClipboardText(formula_copy_latex(e).c_str());
        ui.memory.copied_at = ImGui::GetTime();
    }
    item_tooltip("Copy the equation as LaTeX display math: \\[ … \\].");
    report_item("formula.copy_latex");
}

// The step's title in the accent colour with the copy buttons beside it (with short labels when the full
// ones do not fit), or under it when neither fits.
void title_line(const bp::EventText& text, const std::string& shapes, const Ui& ui) {
    const auto buttons = [](const char* labels) {
        return ImGui::CalcTextSize(labels).x + ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x * 3 +
               ImGui::CalcTextSize("copied ✓").x;
    };
    const float title = ImGui::CalcTextSize(text.title.c_str()).x, room = ImGui::GetContentRegionAvail().x;
    const bool full = title + buttons("Copy textCopy LaTeX") <= room, brief = !full && title + buttons("TextLaTeX") <= room;
    ImGui::AlignTextToFramePadding();
    ImGui::BeginGroup();
    text_wrapped_at_spaces(text.title, to_vec4(ui.colors.accent));
    ImGui::EndGroup();
    report_item("formula.title");
    if (!shapes.empty()) item_tooltip(("The whole matrices, with their shapes:  " + shapes).c_str());  // batch notation
    copy_buttons(text, ui, full || brief, brief);
}

// The board layout of one event, in the large font (or `font` when the large one would not fit).
void board(const bp::EventText& e, ImFont* font, ImVec4 result_color, const Ui& ui) {
    const FormulaLines f = formula_lines(e);
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    ImGui::PushFont(font);
    ImGui::TextUnformatted(f.lhs.c_str());
    const float indent = ImGui::CalcTextSize((f.lhs + " ").c_str()).x;
    ImGui::Indent(indent);
    const float hanging = ImGui::CalcTextSize("= ").x;  // wrapped lines continue right of the '='
    const auto line = [&](const std::string& text, ImVec4 color, bool first) {
        if (first) ImGui::SameLine(0, ImGui::CalcTextSize(" ").x);
        ImGui::TextColored(dim, "=");
        ImGui::SameLine();
        text_wrapped_at_spaces(text, color, hanging);
    };
    const ImVec4 ink = ImGui::GetStyle().Colors[ImGuiCol_Text];
    if (!f.symbolic.empty()) line(f.symbolic, ink, true);
    if (!f.substituted.empty()) line(f.substituted, ink, f.symbolic.empty());
    line(f.result, result_color, f.symbolic.empty() && f.substituted.empty());
    ImGui::Unindent(indent);
    ImGui::PopFont();
}

// The panel's content for the step on screen (not a quiz question).
void step_content(const AppState& s, const Ui& ui, int level) {
    ImFont* board_font = level >= 2 ? ui.fonts.body : ui.fonts.large;
    const bp::Stepper& st = *s.stepper;
    const bp::StepEvent* e = st.current();
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    if (!e) {
        text_wrapped_at_spaces("The pass has not started: every value is still unknown (?).", dim);
        if (const bp::StepEvent* next = st.next()) {
            const bp::EventText t = st.text(*next);
            text_wrapped_at_spaces("Next: " + t.title, dim);
            ImGui::PushFont(board_font);
            text_wrapped_at_spaces(t.symbolic, ImGui::GetStyle().Colors[ImGuiCol_Text], ImGui::GetFontSize());
            ImGui::PopFont();
        }
        ImGui::Spacing();
        text_wrapped_at_spaces(s.keyboard_mode ? "Keyboard mode: Tab, then → or Space computes it."
                                               : "Press → or Space to compute it, End to run the whole pass.",
                               dim);
        return;
    }
    const bp::EventText text = st.text(*e);
    if (!s.present) title_line(text, st.shapes(static_cast<int>(e - st.events().data())), ui);  // presenting: the banner above the canvas says it
    // In quiz mode, the verdict on the value just answered.
    const QuizFeedback* f = quiz_feedback(s);
    const bool answered = f && f->event == st.cursor() - 1 && f->kind == FeedbackKind::right;
    if (f && f->event == st.cursor() - 1 && (f->kind == FeedbackKind::right || f->kind == FeedbackKind::revealed))
        text_wrapped_at_spaces(f->headline, to_vec4(answered ? ui.colors.right : ui.colors.text_dim));
    if (!s.present) ImGui::Spacing();
    board(text, board_font, to_vec4(answered ? ui.colors.right : ui.colors.accent), ui);
    if (s.present || level >= 1) return;  // presenting, or short of room: the room goes to the formula
    ImGui::Spacing();
    if (st.at_end())
        text_wrapped_at_spaces("Pass complete. → applies the update and starts the next pass; the loss curve records it.", dim);
    else if (const bp::StepEvent* next = st.next())
        text_wrapped_at_spaces("Next: " + st.text(*next).title, dim);
}

// An expression's step: the same board; an adjoint reached by few paths also shows each as the chain
// of the notes, ∂y/∂h₂·∂h₂/∂h₁·∂h₁/∂x, with its numbers.
inline constexpr int kChainsShown = 3;

void chain_lines(const ExpressionState& e, int node, const Ui& ui) {
    const bp::ExpressionGraph& g = e.stepper.graph();
    if (node == g.output) return;
    bp::GraphPathListing l;
    try {
        l = bp::enumerate_graph_paths(g, e.stepper.pass(), node, kChainsShown, kChainsShown);
    } catch (const bp::Error&) {
        return;
    }
    if (l.count > kChainsShown || l.paths.empty()) return;
    for (const bp::GraphPath& p : l.paths) {
        if (p.factors.size() < 3) continue;  // two factors or fewer: the formula above says it already
        std::string labels, numbers;
        for (int i = 0; i < static_cast<int>(p.factors.size()); ++i) {
            labels += (i ? "·" : "") + bp::factor_label(g, p, i);
            numbers += (i ? " · " : "") + bp::format_number(p.factors[static_cast<std::size_t>(i)]);
        }
        text_wrapped_at_spaces("chain " + bp::path_route(g, p) + ":  " + labels + " = " + numbers + " = " + bp::format_number(p.product),
                               to_vec4(ui.colors.text_dim));
        report_item("formula.chain");
    }
}

void graph_step_content(const AppState& s, const Ui& ui, int level) {
    const ExpressionState& e = *s.expression;
    const bp::GraphStepper& st = e.stepper;
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    ImFont* board_font = level >= 2 ? ui.fonts.body : ui.fonts.large;
    if (!st.current()) {
        text_wrapped_at_spaces("The pass has not started: every operation's value is still unknown (?).", dim);
        if (st.next()) text_wrapped_at_spaces("Next: " + st.text(0).title, dim);
        text_wrapped_at_spaces("Press → or Space to compute it, End to run the whole pass.", dim);
        return;
    }
    const int index = st.cursor() - 1;
    const bp::EventText text = st.text(index);
    if (!s.present) title_line(text, "", ui);
    if (e.quiz.on && e.quiz.feedback_right) text_wrapped_at_spaces(e.quiz.feedback, to_vec4(ui.colors.right));
    board(text, board_font, to_vec4(ui.colors.accent), ui);
    if (st.current()->kind == bp::GraphEventKind::adjoint) chain_lines(e, st.current()->node, ui);
    if (s.present || level >= 1) return;
    if (st.at_end()) text_wrapped_at_spaces("Pass complete: every adjoint is known. ← steps back; Home starts again.", dim);
    else text_wrapped_at_spaces("Next: " + st.text(st.cursor()).title, dim);
}

}  // namespace

float formula_panel_height(const AppState& s, const Ui& ui, float width, float room) {
    FormulaMeasure& m = ui.memory.formula;
    const std::uint64_t key = content_key(s, width, ui.scale);
    if (m.key != key) {  // not drawn like this yet: measured at the end of this frame
        m.key = key;
        std::fill(std::begin(m.height), std::end(m.height), 0.0f);
    }
    // The first level that fits the room beside the canvas (an unmeasured one is tried: measured this frame).
    m.level = 0;
    while (m.level + 1 < kFormulaLevels && m.height[m.level] > room) ++m.level;
    const float need = m.height[m.level];
    // The row keeps the tallest height of this pass at this size, so it does not jump at every step.
    if (m.row_revision != s.pass_revision || m.row_width != width || m.row_scale != ui.scale) m.row = 0;
    m.row = std::max(m.row, need);
    m.row_revision = s.pass_revision;
    m.row_width = width;
    m.row_scale = ui.scale;
    return std::min(m.row, room);
}

void draw_formula(const AppState& s, const Ui& ui, ActionQueue& q) {
    FormulaMeasure& m = ui.memory.formula;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    if (s.expression) {
        if (!draw_graph_quiz_question(s, ui, q)) graph_step_content(s, ui, m.level);
    } else if (!draw_quiz_question(s, ui, q)) {
        step_content(s, ui, m.level);
    }
    ImGui::EndGroup();
    const ImVec2 end = ImGui::GetItemRectMax();
    report_rect("formula", top, ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, end.y));
    m.height[m.level] = end.y - ImGui::GetWindowPos().y + px(ui, ui_metric::panel_pad_y) + 1;  // + the border
}

}  // namespace studio
