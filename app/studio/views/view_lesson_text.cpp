// A lesson's prose, wrapped at spaces across spans of different faces (see view_lesson_text.h). ImGui
// 1.86 wraps one font at a time, so the words are placed here: each piece (a word with the spaces after
// it) goes on the line when it fits, else starts the next; a piece wider than the whole line is drawn on
// a line of its own.
#include "app/studio/views/view_lesson_text.h"

#include <algorithm>
#include <string>

#include "app/studio/views/ui_metrics.h"

namespace studio {
namespace lesson_text_view {

ImFont* font_of(const bp::TextSpan& span, const Ui& ui, ImFont* plain) {
    switch (span.style) {
        case bp::TextSpan::Style::bold: return ui.fonts.bold ? ui.fonts.bold : plain;
        case bp::TextSpan::Style::code: return ui.fonts.mono ? ui.fonts.mono : plain;
        case bp::TextSpan::Style::plain:
        case bp::TextSpan::Style::formula: return plain;
    }
    return plain;
}

float text_width(ImFont* f, const std::string& t) { return f->CalcTextSizeA(f->FontSize, 1e9f, 0, t.c_str()).x; }

// The text cut after each run of spaces: "a b  c" → "a ", "b  ", "c".
std::vector<std::string> pieces(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        while (end < text.size() && text[end] == ' ') ++end;
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

std::string trim_right(std::string t) {
    while (!t.empty() && t.back() == ' ') t.pop_back();
    return t;
}

}  // namespace lesson_text_view

void draw_spans(const std::vector<bp::TextSpan>& spans, const Ui& ui, float width, ImFont* plain_font) {
    using namespace lesson_text_view;
    ImFont* plain = plain_font ? plain_font : ImGui::GetFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float line_h = plain->FontSize;
    for (const bp::TextSpan& span : spans) line_h = std::max(line_h, font_of(span, ui, plain)->FontSize);
    line_h += ImGui::GetStyle().ItemSpacing.y * 0.5f;
    const float pad = px(ui, ui_metric::lesson_code_pad);
    float x = 0, y = 0;
    for (const bp::TextSpan& span : spans) {
        ImFont* f = font_of(span, ui, plain);
        const Rgb colour = span.style == bp::TextSpan::Style::formula ? ui.colors.accent_read : ui.colors.text;
        for (const std::string& piece : pieces(span.text)) {
            const std::string word = trim_right(piece);
            const float word_w = text_width(f, word), piece_w = text_width(f, piece);
            if (x > 0 && x + word_w > width) x = 0, y += line_h;
            const ImVec2 at(origin.x + x, origin.y + y + (line_h - f->FontSize) * 0.5f);
            if (span.style == bp::TextSpan::Style::code && !word.empty())
                dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + word_w + pad, at.y + f->FontSize + pad),
                                  to_u32(ui.colors.grid, 0.6f), pad);
            dl->AddText(f, f->FontSize, at, to_u32(colour), piece.c_str());
            x += piece_w;
        }
    }
    ImGui::Dummy(ImVec2(width, y + line_h));
}

void draw_paragraph(const bp::Paragraph& p, const Ui& ui, float width) {
    using namespace lesson_text_view;
    using Kind = bp::Paragraph::Kind;
    switch (p.kind) {
        case Kind::text: return draw_spans(p.spans, ui, width);
        case Kind::heading: {
            std::vector<bp::TextSpan> bold = p.spans;
            for (bp::TextSpan& s : bold)
                if (s.style == bp::TextSpan::Style::plain) s.style = bp::TextSpan::Style::bold;
            return draw_spans(bold, ui, width);
        }
        case Kind::bullet: {
            const float indent = px(ui, ui_metric::lesson_bullet_indent);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y), to_u32(ui.colors.text_dim), "•");
            ImGui::Indent(indent);
            draw_spans(p.spans, ui, width - indent);
            ImGui::Unindent(indent);
            return;
        }
        case Kind::formula: {  // on its own line, in the formula panel's font when it fits the width
            ImFont* large = ui.fonts.large ? ui.fonts.large : ImGui::GetFont();
            float w = 0;
            for (const bp::TextSpan& s : p.spans) w += text_width(large, s.text);
            ImFont* f = w <= width ? large : ImGui::GetFont();
            if (w <= width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
            return draw_spans(p.spans, ui, w <= width ? w + 1 : width, f);
        }
        case Kind::verbatim: {
            ImGui::PushFont(ui.fonts.mono ? ui.fonts.mono : ImGui::GetFont());
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            for (const bp::TextSpan& s : p.spans) ImGui::TextWrapped("%s", s.text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            return;
        }
    }
}

void draw_paragraphs(const std::vector<bp::Paragraph>& ps, const Ui& ui, float width) {
    using namespace lesson_text_view;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i > 0) ImGui::Dummy(ImVec2(0, px(ui, ui_metric::lesson_paragraph_gap)));
        draw_paragraph(ps[i], ui, width);
    }
}

}  // namespace studio
