// A lesson's prose into paragraphs of styled spans, and $…$ formulas into Unicode (see lesson_text.h).
//
// [SECTION] Unicode helpers
// [SECTION] formulas: TeX-like into the formula panel's Unicode
// [SECTION] inline markup: **bold**, `code`, $formula$
// [SECTION] paragraphs
#include "engine/lessons/lesson_text.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

namespace bp {
namespace lesson_text_detail {

// ---- [SECTION] Unicode helpers --------------------------------------------------------------------------

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point starting at text[i] and its length in bytes (invalid bytes count as one character).
std::pair<std::string_view, std::size_t> code_point_at(std::string_view text, std::size_t i) {
    std::size_t n = 1;
    while (i + n < text.size() && is_continuation(static_cast<unsigned char>(text[i + n]))) ++n;
    return {text.substr(i, n), n};
}

struct CharForm {
    std::string_view plain, super, sub;  // empty: no such form
};

// Superscript and subscript forms (Unicode has no complete set: a character without one falls back).
constexpr CharForm kForms[] = {
    {"0", "⁰", "₀"}, {"1", "¹", "₁"}, {"2", "²", "₂"}, {"3", "³", "₃"}, {"4", "⁴", "₄"},
    {"5", "⁵", "₅"}, {"6", "⁶", "₆"}, {"7", "⁷", "₇"}, {"8", "⁸", "₈"}, {"9", "⁹", "₉"},
    {"+", "⁺", "₊"}, {"-", "⁻", "₋"}, {"−", "⁻", "₋"}, {"=", "⁼", "₌"}, {"(", "⁽", "₍"}, {")", "⁾", "₎"},
    {",", ",", ","}, {"′", "′", ""}, {"ᵀ", "ᵀ", ""},
    {"a", "ᵃ", "ₐ"}, {"b", "ᵇ", ""}, {"c", "ᶜ", ""}, {"d", "ᵈ", ""}, {"e", "ᵉ", "ₑ"}, {"f", "ᶠ", ""},
    {"g", "ᵍ", ""}, {"h", "ʰ", "ₕ"}, {"i", "ⁱ", "ᵢ"}, {"j", "ʲ", "ⱼ"}, {"k", "ᵏ", "ₖ"}, {"l", "ˡ", "ₗ"},
    {"m", "ᵐ", "ₘ"}, {"n", "ⁿ", "ₙ"}, {"o", "ᵒ", "ₒ"}, {"p", "ᵖ", "ₚ"}, {"r", "ʳ", "ᵣ"}, {"s", "ˢ", "ₛ"},
    {"t", "ᵗ", "ₜ"}, {"u", "ᵘ", "ᵤ"}, {"v", "ᵛ", "ᵥ"}, {"w", "ʷ", ""}, {"x", "ˣ", "ₓ"}, {"y", "ʸ", ""},
    {"z", "ᶻ", ""},
    {"A", "ᴬ", ""}, {"B", "ᴮ", ""}, {"D", "ᴰ", ""}, {"E", "ᴱ", ""}, {"G", "ᴳ", ""}, {"H", "ᴴ", ""},
    {"I", "ᴵ", ""}, {"J", "ᴶ", ""}, {"K", "ᴷ", ""}, {"L", "ᴸ", ""}, {"M", "ᴹ", ""}, {"N", "ᴺ", ""},
    {"O", "ᴼ", ""}, {"P", "ᴾ", ""}, {"R", "ᴿ", ""}, {"T", "ᵀ", ""}, {"U", "ᵁ", ""}, {"V", "ⱽ", ""},
    {"W", "ᵂ", ""},
    {"β", "ᵝ", "ᵦ"}, {"γ", "ᵞ", "ᵧ"}, {"δ", "ᵟ", ""}, {"θ", "ᶿ", ""}, {"φ", "ᵠ", "ᵩ"}, {"χ", "ᵡ", "ᵪ"},
    {"ρ", "", "ᵨ"},
    // already raised or lowered: kept (a superscript inside a superscript stays one)
    {"⁰", "⁰", ""}, {"¹", "¹", ""}, {"²", "²", ""}, {"³", "³", ""}, {"₀", "", "₀"}, {"₁", "", "₁"}, {"₂", "", "₂"},
};

// text with every character raised (super) or lowered; nullopt when one has no such form.
std::optional<std::string> shifted(std::string_view text, bool super) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view cp = code_point_at(text, i).first;  // not a structured binding: the lambda below reads it
        i += cp.size();
        if (cp == " ") continue;
        const auto it = std::find_if(std::begin(kForms), std::end(kForms), [&](const CharForm& f) { return f.plain == cp; });
        const std::string_view form = it == std::end(kForms) ? std::string_view() : super ? it->super : it->sub;
        if (form.empty()) return std::nullopt;
        out += form;
    }
    return out;
}

// ---- [SECTION] formulas: TeX-like into the formula panel's Unicode --------------------------------------

struct Accented {
    std::string_view accent, plain, composed;
};
// Precomposed letters: the window's text drawing has no combining marks, so ŷ must be one character.
constexpr Accented kAccented[] = {
    {"hat", "y", "ŷ"}, {"hat", "a", "â"}, {"hat", "e", "ê"}, {"hat", "i", "î"}, {"hat", "o", "ô"}, {"hat", "u", "û"},
    {"hat", "w", "ŵ"}, {"hat", "c", "ĉ"}, {"hat", "g", "ĝ"}, {"hat", "h", "ĥ"}, {"hat", "j", "ĵ"}, {"hat", "s", "ŝ"},
    {"hat", "z", "ẑ"}, {"hat", "Y", "Ŷ"}, {"hat", "A", "Â"}, {"hat", "E", "Ê"}, {"hat", "O", "Ô"}, {"hat", "W", "Ŵ"},
    {"bar", "a", "ā"}, {"bar", "e", "ē"}, {"bar", "i", "ī"}, {"bar", "o", "ō"}, {"bar", "u", "ū"}, {"bar", "y", "ȳ"},
    {"bar", "A", "Ā"}, {"bar", "E", "Ē"}, {"bar", "Y", "Ȳ"},
    {"tilde", "a", "ã"}, {"tilde", "n", "ñ"}, {"tilde", "o", "õ"}, {"tilde", "i", "ĩ"}, {"tilde", "u", "ũ"}, {"tilde", "y", "ỹ"},
};

// The letter with its accent: precomposed when Unicode has it, else followed by the combining mark.
std::string accented(const std::string& letter, const std::string& accent) {
    for (const Accented& a : kAccented)
        if (a.accent == accent && a.plain == letter) return std::string(a.composed);
    return letter + (accent == "hat" ? "\u0302" : accent == "bar" ? "\u0304" : "\u0303");
}

struct Symbol {
    std::string_view name, text;
};
constexpr Symbol kSymbols[] = {
    {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"}, {"varepsilon", "ε"},
    {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"iota", "ι"}, {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"},
    {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"upsilon", "υ"},
    {"phi", "φ"}, {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"},
    {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"},
    {"Sigma", "Σ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
    {"partial", "∂"}, {"nabla", "∇"}, {"cdot", "·"}, {"times", "×"}, {"odot", "⊙"}, {"circ", "∘"},
    {"otimes", "⊗"}, {"sum", "Σ"}, {"prod", "∏"}, {"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"},
    {"gets", "←"}, {"le", "≤"}, {"leq", "≤"}, {"ge", "≥"}, {"geq", "≥"}, {"ne", "≠"}, {"neq", "≠"},
    {"approx", "≈"}, {"infty", "∞"}, {"top", "ᵀ"}, {"prime", "′"}, {"pm", "±"}, {"in", "∈"},
    {"ldots", "…"}, {"dots", "…"}, {"cdots", "⋯"}, {"mid", "|"}, {"|", "‖"}, {"{", "{"}, {"}", "}"},
    {"$", "$"}, {"quad", "   "}, {"qquad", "     "},
    {"log", "log"}, {"exp", "exp"}, {"ln", "ln"}, {"max", "max"}, {"min", "min"}, {"tanh", "tanh"},
};

constexpr std::string_view kFormulaCommands =
    "Greek letters (\\delta, \\sigma, \\eta, …), \\partial \\cdot \\times \\odot \\otimes \\sum \\top \\to "
    "\\le \\ge \\approx \\infty, \\frac{a}{b}, \\sqrt{x}, \\hat{y}, \\bar{x}, \\text{…}, \\mathbb{R}";

class FormulaWriter {
public:
    explicit FormulaWriter(std::string_view tex) : tex_(tex) {}

    std::optional<std::string> run(std::string* error, std::size_t* offset) {
        std::string out;
        if (items(out) && pos_ < tex_.size()) fail(pos_, "'}' without a '{' before it");
        if (error_.empty()) return out;
        if (error) *error = error_;
        if (offset) *offset = error_at_;
        return std::nullopt;
    }

private:
    bool fail(std::size_t at, std::string why) {
        if (error_.empty()) {
            error_ = std::move(why);
            error_at_ = at;
        }
        return false;
    }

    // Writes items until a '}' (left unread) or the end; false on an error.
    bool items(std::string& out) {
        while (pos_ < tex_.size() && tex_[pos_] != '}')
            if (!item(out)) return false;
        return true;
    }

    // One unit: {group}, \command, ^x, _x, or a character.
    bool item(std::string& out) {
        const char c = tex_[pos_];
        if (c == '{') return braced(out);
        if (c == '\\') return command(out);
        if (c == '^' || c == '_') return script(out, c == '^');
        ++pos_;
        switch (c) {
            case '-': out += "−"; return true;
            case '*': out += "·"; return true;
            case '\'': out += "′"; return true;
            case ' ': space(out); return true;
            default: break;
        }
        const auto [cp, n] = code_point_at(tex_, pos_ - 1);
        out += cp;
        pos_ += n - 1;
        return true;
    }

    // Spaces are kept as written, but never two in a row (\, and a typed space give one).
    static void space(std::string& out) {
        if (!out.empty() && out.back() != ' ') out += ' ';
    }

    bool braced(std::string& out) {
        const std::size_t open = pos_++;
        if (++depth_ > kMaxFormulaDepth) return fail(open, "braces nested deeper than " + std::to_string(kMaxFormulaDepth));
        std::string inner;
        if (!items(inner)) return false;
        if (pos_ >= tex_.size()) return fail(open, "'{' without its '}'");
        ++pos_;  // '}'
        --depth_;
        out += inner;
        return true;
    }

    // The argument of a command or a script: {group} or one item.
    bool argument(std::string& out, std::string_view what, std::size_t at) {
        while (pos_ < tex_.size() && tex_[pos_] == ' ') ++pos_;
        if (pos_ >= tex_.size() || tex_[pos_] == '}') return fail(at, std::string(what) + " needs an argument");
        if (++depth_ > kMaxFormulaDepth) return fail(at, "arguments nested deeper than " + std::to_string(kMaxFormulaDepth));
        const bool ok = item(out);
        --depth_;
        return ok;
    }

    bool script(std::string& out, bool super) {
        if (++depth_ > kMaxFormulaDepth) return fail(pos_, "scripts nested deeper than " + std::to_string(kMaxFormulaDepth));
        const bool ok = raised_or_lowered(out, super);
        --depth_;
        return ok;
    }

    bool raised_or_lowered(std::string& out, bool super) {
        if (pos_ + 1 < tex_.size() && tex_[pos_ + 1] == '(') {  // e^(x²) as written: the formula panel's own form
            out += tex_[pos_++];
            return true;
        }
        const std::size_t at = pos_++;
        std::string inner;
        if (!argument(inner, super ? "^" : "_", at)) return false;
        if (const auto s = shifted(inner, super)) out += *s;
        else if (code_point_at(inner, 0).second == inner.size()) out += std::string(super ? "^" : "_") + inner;  // δ_N
        else out += std::string(super ? "^(" : "_(") + inner + ")";  // no raised form: the formula panel's e^(x)
        return true;
    }

    static bool compound(const std::string& s) {
        for (std::string_view op : {" ", "+", "−", "·", "×", "/", "⊙"})
            if (s.find(op) != std::string::npos) return true;
        return false;
    }

    // Whether a denominator reads as one thing after '/': a number, or one symbol with its indices and
    // primes, optionally after ∂ or d ("∂w²₁₁", "dx", "σ′"); "2n" must be written (2n).
    static bool atomic(const std::string& s) {
        if (compound(s)) return false;
        if (!s.empty() && s.find_first_not_of("0123456789.") == std::string::npos) return true;
        std::string_view rest = s;
        for (std::string_view prefix : {"∂", "d"})
            if (rest.size() > prefix.size() && rest.substr(0, prefix.size()) == prefix) {
                rest.remove_prefix(prefix.size());
                break;
            }
        if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')' && rest.find(')') == rest.size() - 1) return true;  // d(w₃h₂)
        int base = 0;
        for (std::size_t i = 0; i < rest.size();) {
            const std::string_view cp = code_point_at(rest, i).first;
            const std::size_t n = cp.size();
            const bool raised = std::any_of(std::begin(kForms), std::end(kForms), [&](const CharForm& f) {
                return (f.super == cp || f.sub == cp) && f.plain != cp;
            });
            const bool mark = cp == "′" || cp == "\u0302" || cp == "\u0303" || cp == "\u0304";
            if (cp == "_" || cp == "^") i += code_point_at(rest, i + n).second;  // z_N: an index without a Unicode form
            else if (!raised && !mark) ++base;
            i += n;
        }
        return base <= 1;
    }

    bool command(std::string& out) {
        const std::size_t at = pos_++;
        std::size_t end = pos_;
        while (end < tex_.size() && std::isalpha(static_cast<unsigned char>(tex_[end]))) ++end;
        if (end == pos_ && end < tex_.size()) end += code_point_at(tex_, end).second;  // one character: \| \{ \, \$
        const std::string name(tex_.substr(pos_, end - pos_));
        pos_ = end;
        if (name == "partial" || name == "nabla")  // ∂ and ∇ bind to what follows: \partial L is ∂L
            while (pos_ < tex_.size() && tex_[pos_] == ' ') ++pos_;
        if (name == "frac") {
            std::string top, bottom;
            if (!argument(top, "\\frac", at) || !argument(bottom, "\\frac", at)) return false;
            if (top == "1" && bottom == "2") out += "½";
            else out += (compound(top) ? "(" + top + ")" : top) + "/" + (atomic(bottom) ? bottom : "(" + bottom + ")");
            return true;
        }
        if (name == "sqrt") {
            std::string inner;
            if (!argument(inner, "\\sqrt", at)) return false;
            out += "√" + (compound(inner) ? "(" + inner + ")" : inner);
            return true;
        }
        if (name == "hat" || name == "bar" || name == "tilde") {
            std::string inner;
            if (!argument(inner, "\\" + name, at)) return false;
            out += accented(inner, name);
            return true;
        }
        if (name == "text" || name == "mathrm" || name == "mathbf" || name == "operatorname") {
            std::string inner;
            if (!argument(inner, "\\" + name, at)) return false;
            out += inner;
            return true;
        }
        if (name == "mathbb") {
            std::string inner;
            if (!argument(inner, "\\mathbb", at)) return false;
            if (inner == "R") out += "ℝ";
            else if (inner == "N") out += "ℕ";
            else if (inner == "Z") out += "ℤ";
            else if (inner == "1") out += "1";  // the indicator 1(h > 0), as the formula panel writes it
            else return fail(at, "\\mathbb{" + inner + "}: only \\mathbb{R}, \\mathbb{N}, \\mathbb{Z} and \\mathbb{1} are known");
            return true;
        }
        if (name == "left" || name == "right") return true;  // \left( is (
        if (name == "," || name == ";" || name == " ") {
            space(out);
            return true;
        }
        for (const Symbol& s : kSymbols)
            if (s.name == name) {
                out += s.text;
                return true;
            }
        if (name.empty()) return fail(at, "a formula cannot end with '\\'");
        return fail(at, "\\" + name + " is not a formula command (the commands: " + std::string(kFormulaCommands) + ")");
    }

    static constexpr int kMaxFormulaDepth = 32;  // {…} and ^/_ within each other: no input exhausts the stack

    std::string_view tex_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    std::string error_;
    std::size_t error_at_ = 0;
};

// ---- [SECTION] inline markup: **bold**, `code`, $formula$ -----------------------------------------------

// A paragraph's lines joined by spaces, with where each joined byte came from (for columns in errors).
struct JoinedText {
    std::string text;
    struct Piece {
        std::size_t start;       // in text
        const SourceLine* line;
        std::size_t skipped;     // bytes of the line left out before it (indentation, a "- ")
    };
    std::vector<Piece> pieces;

    void add(const SourceLine& line, std::size_t skip) {
        if (!text.empty()) text += ' ';
        pieces.push_back({text.size(), &line, skip});
        text += std::string_view(line.text).substr(skip);
    }
    // The line and column of byte `at` of text.
    std::pair<int, int> place(std::size_t at) const {
        const Piece* p = &pieces.front();
        for (const Piece& q : pieces)
            if (q.start <= at) p = &q;
        const std::size_t byte = p->skipped + std::min(at - p->start, p->line->text.size() - p->skipped);
        return {p->line->number, character_count(p->line->text, byte) + 1};
    }
};

class InlineReader {
public:
    InlineReader(const JoinedText& joined, const std::string& file, std::vector<LessonError>& errors)
        : in_(joined), file_(file), errors_(errors) {}

    std::vector<TextSpan> read() {
        const std::string& t = in_.text;
        std::size_t bold_open = 0;
        for (std::size_t i = 0; i < t.size();) {
            const char c = t[i];
            if (c == '\\' && i + 1 < t.size() && std::ispunct(static_cast<unsigned char>(t[i + 1]))) {
                current_ += t[i + 1];
                i += 2;
            } else if (c == '*' && i + 1 < t.size() && t[i + 1] == '*') {
                flush();
                bold_ = !bold_;
                bold_open = i;
                i += 2;
            } else if (c == '`' || c == '$') {
                const std::size_t close = closing(t, i + 1, c);
                if (close == std::string::npos) {
                    error(i, c == '`' ? "` without its closing `" : "$ without its closing $ (write \\$ for a dollar sign)");
                    return spans_;
                }
                flush();
                const std::string_view inner = std::string_view(t).substr(i + 1, close - i - 1);
                if (c == '`') spans_.push_back({TextSpan::Style::code, std::string(inner)});
                else formula(inner, i + 1);
                i = close + 1;
            } else {
                current_ += c;
                ++i;
            }
        }
        if (bold_) error(bold_open, "** without its closing **");
        flush();
        return spans_;
    }

    // A whole $$…$$ paragraph.
    std::vector<TextSpan> display(std::size_t begin, std::size_t end) {
        formula(std::string_view(in_.text).substr(begin, end - begin), begin);
        return spans_;
    }

private:
    static std::size_t closing(const std::string& t, std::size_t from, char c) {
        for (std::size_t i = from; i < t.size(); ++i) {
            if (t[i] == '\\' && c == '$') ++i;  // \$ inside a formula
            else if (t[i] == c) return i;
        }
        return std::string::npos;
    }
    void formula(std::string_view tex, std::size_t at) {
        std::string why;
        std::size_t offset = 0;
        if (const auto u = formula_unicode(tex, &why, &offset)) spans_.push_back({TextSpan::Style::formula, *u});
        else error(at + offset, why);
    }
    void flush() {
        if (current_.empty()) return;
        spans_.push_back({bold_ ? TextSpan::Style::bold : TextSpan::Style::plain, current_});
        current_.clear();
    }
    void error(std::size_t at, std::string why) {
        const auto [line, column] = in_.place(at);
        errors_.push_back({file_, line, column, std::move(why)});
    }

    const JoinedText& in_;
    const std::string& file_;
    std::vector<LessonError>& errors_;
    std::vector<TextSpan> spans_;
    std::string current_;
    bool bold_ = false;
};

// ---- [SECTION] paragraphs -------------------------------------------------------------------------------

std::size_t indentation(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}

bool blank(const std::string& s) { return indentation(s) == s.size(); }

Paragraph finish(Paragraph::Kind kind, const JoinedText& joined, const std::string& file, std::vector<LessonError>& errors) {
    Paragraph p;
    p.kind = kind;
    p.line = joined.pieces.front().line->number;
    InlineReader reader(joined, file, errors);
    const std::string& t = joined.text;
    const std::size_t end = t.find_last_not_of(' ');
    if (kind == Paragraph::Kind::text && t.size() >= 4 && t.compare(0, 2, "$$") == 0 && end != std::string::npos &&
        end >= 3 && t.compare(end - 1, 2, "$$") == 0) {
        p.kind = Paragraph::Kind::formula;
        p.spans = reader.display(2, end - 1);
    } else {
        p.spans = reader.read();
    }
    return p;
}

}  // namespace lesson_text_detail

int character_count(std::string_view text, std::size_t bytes) {
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
        if (!lesson_text_detail::is_continuation(static_cast<unsigned char>(text[i]))) ++n;
    return n;
}

std::string Paragraph::plain() const {
    std::string out;
    for (const TextSpan& s : spans) out += s.text;
    return out;
}

std::optional<std::string> formula_unicode(std::string_view tex, std::string* error, std::size_t* error_offset) {
    return lesson_text_detail::FormulaWriter(tex).run(error, error_offset);
}

Paragraph read_short_text(const std::vector<SourceLine>& pieces, const std::string& file, std::vector<LessonError>& errors) {
    using namespace lesson_text_detail;
    JoinedText joined;
    for (const SourceLine& piece : pieces) joined.add(piece, indentation(piece.text));
    if (joined.pieces.empty()) return {};
    Paragraph p;
    p.line = joined.pieces.front().line->number;
    p.spans = InlineReader(joined, file, errors).read();
    return p;
}

std::vector<Paragraph> read_paragraphs(const std::vector<SourceLine>& lines, const std::string& file,
                                       std::vector<LessonError>& errors) {
    using namespace lesson_text_detail;
    std::vector<Paragraph> out;
    JoinedText joined;
    Paragraph::Kind kind = Paragraph::Kind::text;
    const auto end_paragraph = [&] {
        if (!joined.pieces.empty()) out.push_back(finish(kind, joined, file, errors));
        joined = JoinedText();
        kind = Paragraph::Kind::text;
    };
    for (const SourceLine& line : lines) {
        const std::string& s = line.text;
        const std::size_t indent = indentation(s);
        if (blank(s)) {
            end_paragraph();
        } else if (s.compare(indent, 4, "### ") == 0) {
            end_paragraph();
            kind = Paragraph::Kind::heading;
            joined.add(line, indent + 4);
            end_paragraph();
        } else if (s.compare(indent, 2, "- ") == 0) {
            end_paragraph();
            kind = Paragraph::Kind::bullet;
            joined.add(line, indent + 2);
        } else {
            joined.add(line, indent);
        }
    }
    end_paragraph();
    return out;
}

}  // namespace bp
