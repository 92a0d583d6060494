// A lesson's prose: paragraphs of styled spans, as the lesson panel draws them. The markup is small on
// purpose (docs/LESSONS.md): **bold**, `code` for keys and names, $…$ for a formula written TeX-like and
// turned into the formula panel's Unicode ($w^2_{11}$ → w²₁₁, $\delta$ → δ, $\frac{\partial L}{\partial w}$
// → ∂L/∂w), a paragraph that is one $$…$$ shown as a display formula, "- " bullets, "### " headings, and
// ``` blocks kept verbatim. Unicode written directly (w²₁₁, δ, ∂L/∂w) is kept as it is.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lessons/lesson_error.h"

namespace bp {

struct TextSpan {
    enum class Style { plain, bold, code, formula } style = Style::plain;
    std::string text;  // UTF-8; a formula already in Unicode
    bool operator==(const TextSpan&) const = default;
};

struct Paragraph {
    enum class Kind { text, bullet, formula, heading, verbatim } kind = Kind::text;
    std::vector<TextSpan> spans;  // verbatim: one plain span, its lines joined by '\n'
    int line = 0;                 // where it starts
    std::string plain() const;    // the spans' text, joined
    bool empty() const { return spans.empty(); }
};

// One line of the file with its number (from 1).
struct SourceLine {
    int number = 0;
    std::string text;
};

// Reads prose lines into paragraphs (blank lines separate them). Errors (an unclosed **, ` or $, an unknown
// \command in a formula) are appended with their line and column, naming `file`.
std::vector<Paragraph> read_paragraphs(const std::vector<SourceLine>& lines, const std::string& file,
                                       std::vector<LessonError>& errors);

// A short text of a block (a prompt, a choice, a hint, a goal) with the same inline markup: its pieces are
// the value on its key's line (text before the value blanked with spaces, so columns stay right) and
// the lines that continue it.
Paragraph read_short_text(const std::vector<SourceLine>& pieces, const std::string& file, std::vector<LessonError>& errors);

// A formula written TeX-like, in the formula panel's Unicode: ^x and ^{…} superscripts, _x and _{…}
// subscripts, Greek letters and symbols by name (\delta, \sigma, \partial, \cdot, \odot, \sum, \eta, \top,
// …), \frac{a}{b} as a/b (parenthesised when a side is more than one term), \hat{y} as ŷ, ' as ′, - as −,
// * as ·. nullopt with *error ("\foo is not a formula command …") and *error_offset (bytes into tex)
// when it cannot be written.
std::optional<std::string> formula_unicode(std::string_view tex, std::string* error = nullptr,
                                           std::size_t* error_offset = nullptr);

// The number of characters (code points) in the first `bytes` bytes of UTF-8 text: turns a byte offset
// into a column.
int character_count(std::string_view text, std::size_t bytes);

}  // namespace bp
