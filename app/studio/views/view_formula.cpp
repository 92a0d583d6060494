// The formula of the current step, large, as on the board: the symbols, then every number substituted,
// then the result, one under the other with the '=' aligned —
//   z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁
//       = 0.15·0.05 + 0.2·0.1 + 0.35
//       = 0.3775
// with Copy text / Copy LaTeX for slides. Before the first step it shows what comes next; at the end of
// the pass, what the next step will do. In quiz mode a waiting question takes its place (view_quiz.cpp).
#include <algorithm>
#include <string>

#include "app/studio/figures/formula_text.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

namespace studio {
namespace {

// Copy buttons at the right end of the title line; a short "copied" acknowledgement after a click.
void copy_buttons(const bp::EventText& e, const Ui& ui) {
    static double copied_at = -10;  // ImGui time of the last copy (ImGui-side state)
    const char* labels[2] = {"Copy text", "Copy LaTeX"};
    const float w = ImGui::CalcTextSize(labels[0]).x + ImGui::CalcTextSize(labels[1]).x +
                    ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
    const bool recent = ImGui::GetTime() - copied_at < 1.5;
    const float note = recent ? ImGui::CalcTextSize("copied ✓").x + ImGui::GetStyle().ItemSpacing.x : 0;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12 * ui.scale, ImGui::GetWindowContentRegionMax().x - w - note));
    if (recent) {
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "copied ✓");
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(labels[0])) {
        ImGui::SetClipboardText(formula_copy_text(e).c_str());
        copied_at = ImGui::GetTime();
    }
    item_tooltip("Copy the equation as text in course notation (Unicode), for slides or notes.");
    ImGui::SameLine();
    if (ImGui::SmallButton(labels[1])) {
        ImGui::SetClipboardText(formula_copy_latex(e).c_str());
        copied_at = ImGui::GetTime();
    }
    item_tooltip("Copy the equation as LaTeX display math: \\[ … \\].");
}

// The board layout of one event, in the large font.
void board(const bp::EventText& e, const Ui& ui, ImVec4 result_color) {
    const FormulaLines f = formula_lines(e);
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    ImGui::PushFont(ui.fonts.large);
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

}  // namespace

void draw_formula(const AppState& s, const Ui& ui, ActionQueue& q) {
    if (draw_quiz_question(s, ui, q)) return;
    const bp::Stepper& st = *s.stepper;
    const bp::StepEvent* e = st.current();
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    if (!e) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(dim, "The pass has not started: every value is still unknown (?).");
        if (const bp::StepEvent* next = st.next()) {
            const bp::EventText t = st.text(*next);
            ImGui::TextColored(dim, "Next: %s", t.title.c_str());
            ImGui::PushFont(ui.fonts.large);
            ImGui::TextUnformatted(t.symbolic.c_str());
            ImGui::PopFont();
        }
        ImGui::Spacing();
        ImGui::TextColored(dim, "%s", s.keyboard_mode ? "Keyboard mode: Tab, then → or Space computes it."
                                                      : "Press → or Space to compute it, End to run the whole pass.");
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::AlignTextToFramePadding();
    const bp::EventText text = st.text(*e);
    ImGui::TextColored(to_vec4(ui.colors.accent), "%s", text.title.c_str());
    copy_buttons(text, ui);
    // In quiz mode, the verdict on the value just answered.
    const QuizFeedback* f = quiz_feedback(s);
    const bool answered = f && f->event == st.cursor() - 1 && f->kind == FeedbackKind::right;
    if (f && f->event == st.cursor() - 1 && (f->kind == FeedbackKind::right || f->kind == FeedbackKind::revealed)) {
        ImGui::TextColored(to_vec4(answered ? ui.colors.right : ui.colors.text_dim), "%s", f->headline.c_str());
    }
    ImGui::Spacing();
    board(text, ui, to_vec4(answered ? ui.colors.right : ui.colors.accent));
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    if (st.at_end())
        ImGui::TextColored(dim, "Pass complete. → applies the update and starts the next pass; the loss curve records it.");
    else if (const bp::StepEvent* next = st.next())
        ImGui::TextColored(dim, "Next: %s", st.text(*next).title.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace studio
