// A lesson's prose in the window: paragraphs of styled spans (engine/lessons/lesson_text.h) wrapped at
// spaces to a width — plain text in the body font, **bold** in the bold face, `code` in the mono font on a
// shaded ground, $formulas$ (already the notation's Unicode) in the formula colour; a $$formula$$ on its
// own line in the formula panel's large font, bullets hung, ### headings bold, verbatim blocks as written.
#pragma once
#include <vector>

#include "app/studio/views/ui.h"
#include "engine/lessons/lesson_text.h"

namespace studio {

// Draws spans wrapped to `width` from the cursor and moves the cursor below them; plain and formula spans
// in `plain_font` (the current font when none is given).
void draw_spans(const std::vector<bp::TextSpan>& spans, const Ui& ui, float width, ImFont* plain_font = nullptr);
void draw_paragraph(const bp::Paragraph& p, const Ui& ui, float width);
void draw_paragraphs(const std::vector<bp::Paragraph>& ps, const Ui& ui, float width);

}  // namespace studio
