// Reading a lesson file: lines into the title, pages, prose and fenced blocks, and each block's
// "key: value" lines into the page's state, questions and tasks (see lesson.h, docs/LESSONS.md).
//
// [SECTION] small things: errors, names, prompts
// [SECTION] lines and blocks
// [SECTION] ```state
// [SECTION] ```question and ```task
// [SECTION] the whole lesson
#include "engine/lessons/lesson.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "engine/graph/expression_parser.h"
#include "engine/io/text_file.h"
#include "engine/lessons/lesson_values.h"

namespace bp {

// ---- [SECTION] small things: errors, names, prompts ------------------------------------------------------

std::string LessonError::text() const {
    std::string where = file;
    if (line > 0) where += ":" + std::to_string(line);
    if (line > 0 && column > 0) where += ":" + std::to_string(column);
    return where + ": " + message;
}

namespace {
std::string all_texts(const std::vector<LessonError>& errors) {
    std::string out;
    for (const LessonError& e : errors) out += (out.empty() ? "" : "\n") + e.text();
    return out;
}
}  // namespace

LessonFailure::LessonFailure(std::vector<LessonError> all) : Error(all_texts(all)), errors(std::move(all)) {}

std::string_view to_string(DocumentKind k) {
    switch (k) {
        case DocumentKind::preset: return "preset";
        case DocumentKind::file: return "file";
        case DocumentKind::expression: return "expression";
        case DocumentKind::expression_preset: return "expression-preset";
        case DocumentKind::same: return "document: same";
    }
    return "";
}
std::string_view to_string(NeuronShows v) {
    constexpr std::string_view names[] = {"auto", "z", "a", "delta"};
    return names[static_cast<int>(v)];
}
std::string_view to_string(EdgeShows v) { return v == EdgeShows::weight ? "w" : "grad"; }
std::string_view to_string(SideTab v) {
    constexpr std::string_view names[] = {"inspector", "paths", "lab", "quiz"};
    return names[static_cast<int>(v)];
}

namespace {
int line_in(const std::map<std::string, int, std::less<>>& lines, std::string_view key, int fallback) {
    const auto it = lines.find(key);
    return it == lines.end() ? fallback : it->second;
}
}  // namespace

int PageState::line_of(std::string_view key) const { return line_in(lines, key, line); }
int Question::line_of(std::string_view key) const { return line_in(lines, key, line); }
int Task::line_of(std::string_view key) const { return line_in(lines, key, line); }

Paragraph question_prompt(const Question& q) {
    if (!q.prompt.empty()) return q.prompt;
    const auto sub = [](const std::string& name) { return variable_label(name); };
    std::string quantity;
    if (q.kind == Question::Kind::choice) quantity = "";
    else if (!q.on_graph) quantity = label(q.quantity);
    else if (q.graph.what == GraphQuantity::value) quantity = sub(q.graph.node);
    else if (q.graph.what == GraphQuantity::adjoint) quantity = "∂y/∂" + sub(q.graph.node);
    else quantity = "∂" + sub(q.graph.node) + "/∂" + sub(q.graph.input);
    Paragraph p;
    p.line = q.line;
    if (quantity.empty()) {
        p.spans = {{TextSpan::Style::plain, "Which is right?"}};
    } else {
        p.spans = {{TextSpan::Style::plain, "What is "}, {TextSpan::Style::formula, quantity}, {TextSpan::Style::plain, "?"}};
    }
    return p;
}

namespace lesson_parser_detail {

// ---- [SECTION] lines and blocks -------------------------------------------------------------------------

struct KeyLine {
    std::string key, value;         // the value with its continuation lines joined by spaces
    int line = 0;
    int value_column = 0;           // the value's first character, from 1
    std::vector<SourceLine> pieces; // for styled text: the value's line (the key blanked out) and its continuations
};

struct Block {
    std::string kind;  // "state", "question", "task", "" (verbatim)
    int line = 0;      // the opening ```
    std::vector<SourceLine> lines;
};

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + static_cast<std::size_t>(n) > s.size()) return false;
        for (int k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

class Reader {
public:
    Reader(std::string_view text, const std::string& path) : text_(text), path_(path) { lesson_.path = path; }

    LessonParse run() {
        if (text_.size() > kMaxLessonBytes) {
            error(0, 0, "is " + byte_size_text(text_.size()) + ", larger than the " + byte_size_text(kMaxLessonBytes) +
                            " a lesson may have");
            return finish();
        }
        split_lines();
        if (lines_.empty() || lines_[0].text.rfind("# ", 0) != 0 || trim(lines_[0].text.substr(2)).empty()) {
            error(1, 0, "the first line must be the lesson's title: '# Notes 004: the δ recurrence'");
            return finish();
        }
        lesson_.title = trim(lines_[0].text.substr(2));
        read_body();
        if (lesson_.pages.empty()) error(1, 0, "the lesson has no pages: each page starts with a '## Page title' line");
        return finish();
    }

private:
    void error(int line, int column, std::string why) { errors_.push_back({path_, line, column, std::move(why)}); }
    void error_at(const KeyLine& k, std::size_t byte, std::string why) {
        error(k.line, k.value_column + character_count(k.value, byte), std::move(why));
    }

    LessonParse finish() {
        std::stable_sort(errors_.begin(), errors_.end(), [](const LessonError& a, const LessonError& b) { return a.line < b.line; });
        return {std::move(lesson_), std::move(errors_)};
    }

    void split_lines() {
        std::string_view t = text_;
        if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);  // a byte-order mark
        int number = 0;
        while (!t.empty()) {
            const std::size_t nl = t.find('\n');
            std::string_view line = t.substr(0, nl);
            t.remove_prefix(nl == std::string_view::npos ? t.size() : nl + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            ++number;
            if (!valid_utf8(line)) {
                error(number, 0, "is not valid UTF-8 text");
                line = "";
            }
            lines_.push_back({number, std::string(line)});
        }
    }

    // Pages, prose and blocks after the title line.
    void read_body() {
        std::vector<SourceLine> prose;
        const auto flush_prose = [&] {
            auto paragraphs = read_paragraphs(prose, path_, errors_);
            auto& into = lesson_.pages.empty() ? lesson_.introduction : lesson_.pages.back().text;
            into.insert(into.end(), paragraphs.begin(), paragraphs.end());
            prose.clear();
        };
        for (std::size_t i = 1; i < lines_.size(); ++i) {
            const SourceLine& line = lines_[i];
            const std::string& s = line.text;
            if (s.rfind("## ", 0) == 0 || s == "##") {
                flush_prose();
                end_page();
                LessonPage page;
                page.title = trim(s.substr(2));
                page.line = line.number;
                if (page.title.empty()) error(line.number, 0, "a page needs a title: '## The title'");
                lesson_.pages.push_back(std::move(page));
            } else if (s.rfind("# ", 0) == 0) {
                error(line.number, 0, "only the first line is a '# ' title: a page starts with '## '");
            } else if (trim(s).rfind("```", 0) == 0) {
                flush_prose();
                Block b{trim(trim(s).substr(3)), line.number, {}};
                std::size_t j = i + 1;
                while (j < lines_.size() && trim(lines_[j].text) != "```") b.lines.push_back(lines_[j++]);
                if (j >= lines_.size()) {
                    error(line.number, 0, "```" + b.kind + " is not closed: end the block with a line of ```");
                    return;
                }
                i = j;
                take_block(b);
            } else {
                prose.push_back(line);
            }
        }
        flush_prose();
        end_page();
    }

    void take_block(const Block& b) {
        if (b.kind.empty()) {  // verbatim text
            Paragraph p;
            p.kind = Paragraph::Kind::verbatim;
            p.line = b.line + 1;
            std::string joined;
            for (std::size_t i = 0; i < b.lines.size(); ++i) joined += (i == 0 ? "" : "\n") + b.lines[i].text;
            p.spans.push_back({TextSpan::Style::plain, joined});
            (lesson_.pages.empty() ? lesson_.introduction : lesson_.pages.back().text).push_back(std::move(p));
            return;
        }
        if (b.kind != "state" && b.kind != "question" && b.kind != "task") {
            error(b.line, 4, "```" + b.kind + " is not a block of a lesson (state, question or task; ``` alone keeps text as it is)");
            return;
        }
        if (lesson_.pages.empty()) {
            error(b.line, 0, "```" + b.kind + " before the first page: blocks belong to a page ('## Page title')");
            return;
        }
        const std::vector<KeyLine> keys = key_lines(b);
        LessonPage& page = lesson_.pages.back();
        if (b.kind == "state") {
            if (page_has_state_) {
                error(b.line, 0, "a page has one ```state block; this page's is on line " + std::to_string(page.state.line));
                return;
            }
            page_has_state_ = true;
            read_state(b, keys, page.state);
        } else if (b.kind == "question") {
            page.questions.push_back(read_question(b, keys));
        } else {
            page.tasks.push_back(read_task(b, keys));
        }
    }

    // The "key: value" lines of a block; an indented line continues the value above it; # starts a comment.
    std::vector<KeyLine> key_lines(const Block& b) {
        std::vector<KeyLine> out;
        for (const SourceLine& l : b.lines) {
            const std::string t = trim(l.text);
            if (t.empty() || t[0] == '#') continue;
            if (std::isspace(static_cast<unsigned char>(l.text[0])) && !out.empty()) {
                out.back().value += " " + t;
                out.back().pieces.push_back(l);
                continue;
            }
            std::size_t k = 0;
            while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '-' || t[k] == '_')) ++k;
            if (k == 0 || k >= t.size() || t[k] != ':') {
                error(l.number, 0, "expected 'key: value' in the ```" + b.kind + " block");
                continue;
            }
            std::size_t v = k + 1;
            while (v < t.size() && std::isspace(static_cast<unsigned char>(t[v]))) ++v;
            const std::size_t lead = l.text.find_first_not_of(" \t");
            const std::size_t value_at = lead + v;
            SourceLine piece{l.number, std::string(value_at, ' ') + l.text.substr(value_at)};
            out.push_back({t.substr(0, k), t.substr(v), l.number, character_count(l.text, value_at) + 1, {piece}});
        }
        return out;
    }

    // Records where each key is; refuses a key outside `known` and a second one of a key not in `repeatable`.
    bool known_key(const Block& b, const KeyLine& k, std::initializer_list<std::string_view> known,
                   std::initializer_list<std::string_view> repeatable, std::map<std::string, int, std::less<>>& lines) {
        if (std::find(known.begin(), known.end(), k.key) == known.end()) {
            std::string list;
            for (std::string_view n : known) list += (list.empty() ? "" : ", ") + std::string(n);
            error(k.line, 0, "'" + k.key + "' is not a key of a ```" + b.kind + " block (its keys: " + list + ")");
            return false;
        }
        const bool again = lines.count(k.key) != 0;
        if (again && std::find(repeatable.begin(), repeatable.end(), k.key) == repeatable.end()) {
            error(k.line, 0, "'" + k.key + "' is given twice (first on line " + std::to_string(lines[k.key]) + ")");
            return false;
        }
        if (!again) lines[k.key] = k.line;
        if (k.value.empty()) {
            error(k.line, 0, "'" + k.key + ":' has no value");
            return false;
        }
        return true;
    }

    // A value written as text: **bold**, `code` and $formulas$ as in the prose.
    Paragraph styled(const KeyLine& k) { return read_short_text(k.pieces, path_, errors_); }

    // Runs read(value); a ValueError becomes an error at its column.
    bool value(const KeyLine& k, const std::function<void()>& read) {
        try {
            read();
            return true;
        } catch (const ValueError& e) {
            error_at(k, e.at, e.what());
        }
        return false;
    }

    // ---- [SECTION] ```state -----------------------------------------------------------------------------

    void read_state(const Block& b, const std::vector<KeyLine>& keys, PageState& s) {
        s.line = b.line;
        int documents = 0;
        bool at_read = true;  // a malformed at: is reported once, not again as missing values
        for (const KeyLine& k : keys) {
            if (!known_key(b, k,
                           {"preset", "file", "expression", "expression-preset", "document", "at", "sample", "set", "lr",
                            "train", "step", "select", "pin-path", "neurons", "edges", "notation", "hide", "tab"},
                           {"set"}, s.lines))
                continue;
            const std::string& v = k.value;
            if (k.key == "preset" || k.key == "file" || k.key == "expression" || k.key == "expression-preset" || k.key == "document") {
                if (++documents > 1) {
                    error(k.line, 0, "a page opens one document: '" + k.key + ":' after another one");
                    continue;
                }
                read_document(k, s.document);
            } else if (k.key == "at") {
                at_read = value(k, [&] { s.document.at = parse_assignments(v); });
            } else if (k.key == "sample") {
                value(k, [&] { s.sample = v == "all" ? kAllSamples : static_cast<int>(parse_lesson_count(v, "sample", 0, 1000000)); });
            } else if (k.key == "set") {
                value(k, [&] {
                    ParameterEdit e = parse_edit(v);
                    e.line = k.line;
                    s.edits.push_back(std::move(e));
                });
            } else if (k.key == "lr") {
                value(k, [&] {
                    s.learning_rate = parse_lesson_number(v, "lr");
                    if (*s.learning_rate <= 0 || *s.learning_rate > 1e9) throw ValueError("lr is in (0, 1e9]");
                });
            } else if (k.key == "train") {
                value(k, [&] { s.train_steps = parse_lesson_count(v, "train", 0, 100000); });
            } else if (k.key == "step") {
                value(k, [&] { s.step = parse_step_target(v); });
            } else if (k.key == "select") {
                value(k, [&] { s.select = parse_select_target(v); });
            } else if (k.key == "pin-path") {
                value(k, [&] { s.pin_path = static_cast<int>(parse_lesson_count(v, "pin-path (a row of the Paths tab, from 1)", 1, kPinnableRows)); });
            } else if (k.key == "neurons") {
                value(k, [&] { s.neurons = static_cast<NeuronShows>(parse_lesson_choice(v, "neurons", {"auto", "z", "a", "delta"})); });
            } else if (k.key == "edges") {
                value(k, [&] { s.edges = static_cast<EdgeShows>(parse_lesson_choice(v, "edges", {"w", "grad"})); });
            } else if (k.key == "notation") {
                value(k, [&] {
                    s.notation = static_cast<Notation>(parse_lesson_choice(v, "notation", {to_string(Notation::per_neuron), to_string(Notation::vector),
                                                                       to_string(Notation::derivation), to_string(Notation::batch)}));
                });
            } else if (k.key == "hide") {
                value(k, [&] { read_hide(v, s); });
            } else if (k.key == "tab") {
                value(k, [&] { s.tab = static_cast<SideTab>(parse_lesson_choice(v, "tab", {"inspector", "paths", "lab", "quiz"})); });
            }
        }
        if (documents == 0)
            error(b.line, 0, "the ```state block names no document: give preset:, file:, expression:, expression-preset: or document: same");
        if (s.lines.count("at") && s.document.kind != DocumentKind::expression && s.document.kind != DocumentKind::expression_preset)
            error(s.line_of("at"), 0, "at: gives the variables of expression: or expression-preset:");
        if (s.pin_path > 0 && !s.select)
            error(s.line_of("pin-path"), 0, "pin-path: pins a path of the selected parameter (or node): add select:");
        if (s.lines.count("document") && s.document.kind == DocumentKind::same && lesson_.pages.size() == 1)
            error(s.line_of("document"), 0, "document: same on the first page: there is no page before it");
        if (at_read) check_expression_values(s);
        parsed_expression_.reset();
    }

    void read_document(const KeyLine& k, DocumentSource& d) {
        if (k.key == "document") {
            if (k.value != "same") error_at(k, 0, "document: same keeps the previous page's document; to open one, use preset:, file:, expression: or expression-preset:");
            d.kind = DocumentKind::same;
            return;
        }
        d.kind = k.key == "preset" ? DocumentKind::preset
               : k.key == "file" ? DocumentKind::file
               : k.key == "expression" ? DocumentKind::expression
                                       : DocumentKind::expression_preset;
        d.name = k.value;
        if (d.kind == DocumentKind::expression && d.name.size() >= 2 && d.name.front() == '"' && d.name.back() == '"')
            d.name = d.name.substr(1, d.name.size() - 2);
        if (d.kind == DocumentKind::expression) {
            const int quote = k.value.front() == '"' ? 1 : 0;
            try {
                parsed_expression_ = parse_expression(d.name);
            } catch (const ExpressionError& e) {
                error(k.line, k.value_column + quote + std::max(0, e.position - 1), "the expression: " + reason_without_position(e));
                parsed_expression_.reset();
            }
        } else if (d.name.find('/') != std::string::npos && d.kind != DocumentKind::file) {
            error_at(k, 0, std::string(k.key) + ": names a file of the program's " + (k.key == "preset" ? "presets" : "expressions") +
                               " by its name without .json (a file of your own: file: PATH)");
        }
    }

    // An expression written in the lesson needs a value for each of its variables, and at: names only those.
    void check_expression_values(const PageState& s) {
        if (s.document.kind != DocumentKind::expression || !parsed_expression_) return;
        const ExpressionGraph& g = *parsed_expression_;
        for (const auto& [name, v] : s.document.at)
            if (g.find_variable(name) < 0) error(s.line_of("at"), 0, "at: " + name + " is not a variable of the expression");
        for (int id : g.variables)
            if (!s.document.at.count(g.node(id).name))
                error(s.line_of("expression"), 0, "the expression uses " + g.node(id).name + ": give its value in at: (at: " +
                                                      g.node(id).name + "=0.5)");
        parsed_expression_.reset();
    }

    void read_hide(const std::string& v, PageState& s) {
        if (v == "none") return;
        std::size_t start = 0;
        while (start <= v.size()) {
            const std::size_t comma = std::min(v.find(',', start), v.size());
            const std::string item = trim(std::string_view(v).substr(start, comma - start));
            try {
                (parse_lesson_choice(item, "hide", {"side", "loss"}) == 0 ? s.hide_side : s.hide_loss) = true;
            } catch (const ValueError& e) {
                throw ValueError(std::string(e.what()) + " (or none)", start);
            }
            start = comma + 1;
        }
    }

    // ---- [SECTION] ```question and ```task --------------------------------------------------------------

    Question read_question(const Block& b, const std::vector<KeyLine>& keys) {
        Question q;
        q.line = b.line;
        for (const KeyLine& k : keys) {
            if (!known_key(b, k, {"ask", "sample", "prompt", "choose", "explain", "hint"}, {"choose"}, q.lines)) continue;
            if (k.key == "ask") {
                value(k, [&] { parse_ask(k.value, q); });
            } else if (k.key == "sample") {
                value(k, [&] { q.sample = k.value == "all" ? kAllSamples : static_cast<int>(parse_lesson_count(k.value, "sample", 0, 1000000)); });
            } else if (k.key == "prompt") {
                q.prompt = styled(k);
            } else if (k.key == "choose") {
                q.kind = Question::Kind::choice;
                KeyLine c = k;
                if (c.value[0] == '*' && (c.value.size() == 1 || c.value[1] != '*')) {
                    if (q.right >= 0) error(k.line, 0, "two choices are marked right (*): mark one");
                    q.right = static_cast<int>(q.choices.size());
                    c.pieces.front().text[static_cast<std::size_t>(c.pieces.front().text.find('*'))] = ' ';
                }
                q.choices.push_back(styled(c));
            } else if (k.key == "explain") {
                q.explain = styled(k);
            } else if (k.key == "hint") {
                q.hint = styled(k);
            }
        }
        const bool asks = q.lines.count("ask") != 0;
        if (asks && q.kind == Question::Kind::choice)
            error(q.line_of("ask"), 0, "a question either asks for a value (ask:) or offers choices (choose:), not both");
        else if (!asks && q.kind == Question::Kind::value)
            error(b.line, 0, "the question asks nothing: give ask: QUANTITY, or choose: lines with the right one marked *");
        if (q.kind == Question::Kind::choice) {
            if (q.choices.size() < 2) error(b.line, 0, "a choice question needs at least two choose: lines");
            if (q.right < 0 && !q.choices.empty()) error(b.line, 0, "no choice is marked right: start the right one with '*'");
            if (q.lines.count("sample")) error(q.line_of("sample"), 0, "sample: goes with ask:, not with choices");
            if (q.prompt.empty()) error(b.line, 0, "a choice question needs a prompt: the question it asks");
        }
        if (q.on_graph && q.lines.count("sample")) error(q.line_of("sample"), 0, "sample: is for a network's quantities, not a graph's");
        return q;
    }

    Task read_task(const Block& b, const std::vector<KeyLine>& keys) {
        Task t;
        t.line = b.line;
        for (const KeyLine& k : keys) {
            if (!known_key(b, k, {"goal", "when", "hint", "show", "do"}, {"do"}, t.lines)) continue;
            if (k.key == "goal") {
                t.goal = styled(k);
            } else if (k.key == "when") {
                try {
                    t.when = parse_condition(k.value);
                } catch (const ConditionError& e) {
                    error(k.line, k.value_column + e.column - 1, std::string("the condition: ") + e.what());
                }
            } else if (k.key == "hint") {
                t.hint = styled(k);
            } else if (k.key == "show") {
                t.show = styled(k);
            } else if (k.key == "do") {
                value(k, [&] {
                    DemoAction d = parse_demo_action(k.value);
                    d.line = k.line;
                    t.demo.push_back(std::move(d));
                });
            }
        }
        for (const char* required : {"goal", "when", "hint"})
            if (!t.lines.count(required)) error(b.line, 0, std::string("a task needs ") + required + ":");
        if (!t.lines.count("show") && !t.lines.count("do"))
            error(b.line, 0, "a task needs a way to show how: show: a sentence, do: what the program does, or both");
        return t;
    }

    // ---- [SECTION] the whole lesson ---------------------------------------------------------------------

    void end_page() {
        if (lesson_.pages.empty()) return;
        LessonPage& page = lesson_.pages.back();
        if (!page_has_state_) {
            page.state.kept = true;
            if (lesson_.pages.size() == 1)
                error(page.line, 0, "the first page needs a ```state block: it names the document the lesson opens");
        }
        page_has_state_ = false;
    }

    std::string_view text_;
    std::string path_;
    std::vector<SourceLine> lines_;
    Lesson lesson_;
    std::vector<LessonError> errors_;
    bool page_has_state_ = false;
    std::optional<ExpressionGraph> parsed_expression_;  // the expression: of the ```state block being read
};

}  // namespace lesson_parser_detail

LessonParse parse_lesson(std::string_view text, const std::string& path) {
    return lesson_parser_detail::Reader(text, path).run();
}

LessonParse read_lesson(const std::string& path) {
    std::string text;
    try {
        text = read_text_file(path, "a lesson", kMaxLessonBytes);
    } catch (const Error& e) {
        LessonParse failed;
        failed.lesson.path = path;
        std::string why = e.what();
        if (why.rfind(path + ": ", 0) == 0) why = why.substr(path.size() + 2);  // the error names the file itself
        failed.errors.push_back({path, 0, 0, why});
        return failed;
    }
    return parse_lesson(text, path);
}

Lesson load_lesson(const std::string& path) {
    LessonParse p = read_lesson(path);
    if (!p.ok()) throw LessonFailure(std::move(p.errors));
    return std::move(p.lesson);
}

}  // namespace bp
