// Reading lesson files (engine/lessons/lesson.h, docs/LESSONS.md): the structure (title, introduction, pages,
// prose, blocks), the prose's markup and $…$ formulas in Unicode, every key of the ```state, ```question
// and ```task blocks, and every class of malformed file with its file:line(:column) message.
#include <string>

#include <gtest/gtest.h>

#include "engine/lessons/lesson.h"
#include "engine/lessons/lesson_text.h"
#include "temp_folder.h"

namespace bp {
namespace {

const char* const kPath = "course/notes.md";

LessonParse parse(const std::string& text) { return parse_lesson(text, kPath); }

// A well-formed lesson around one page body.
std::string one_page(const std::string& body) { return "# Notes 999: test\n\n## Page\n\n" + body; }
// Lines: 1 title, 3 "## Page", 5 the body's first line.
constexpr int kBodyLine = 5;

std::string state_block(const std::string& keys) { return "```state\n" + keys + "\n```\n"; }

// The only error of a text, as "line:column: message".
std::string only_error(const std::string& text) {
    const LessonParse p = parse(text);
    if (p.errors.size() != 1) {
        std::string all;
        for (const LessonError& e : p.errors) all += "\n  " + e.text();
        ADD_FAILURE() << p.errors.size() << " errors:" << all;
        return "";
    }
    const LessonError& e = p.errors.front();
    EXPECT_EQ(e.file, kPath);
    return std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
}

std::string formula(const std::string& tex) {
    std::string why;
    const auto u = formula_unicode(tex, &why);
    return u ? *u : "error: " + why;
}

// ---- [SECTION] the structure ----------------------------------------------------------------------------

TEST(LessonFormat, TitlePagesProseAndBlocks) {
    const LessonParse p = parse(
        "# Notes 004: the δ recurrence\n"
        "\n"
        "An introduction with **bold**.\n"
        "\n"
        "## First page\n"
        "\n"
        "A paragraph\n"
        "on two lines.\n"
        "\n"
        "- a bullet\n"
        "  that goes on\n"
        "- another\n"
        "\n"
        "### A heading\n"
        "\n"
        "```state\n"
        "preset: mazur-2-2-2\n"
        "step: delta 2,0\n"
        "```\n"
        "\n"
        "```\n"
        "verbatim   text\n"
        "  kept\n"
        "```\n"
        "\n"
        "$$\\delta^L_j = \\frac{\\partial C}{\\partial z^L_j}$$\n"
        "\n"
        "## Second page\n"
        "\n"
        "Text only: it keeps the first page's state.\n");
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const Lesson& l = p.lesson;
    EXPECT_EQ(l.title, "Notes 004: the δ recurrence");
    EXPECT_EQ(l.path, kPath);
    ASSERT_EQ(l.introduction.size(), 1u);
    EXPECT_EQ(l.introduction[0].plain(), "An introduction with bold.");
    ASSERT_EQ(l.pages.size(), 2u);
    const LessonPage& first = l.pages[0];
    EXPECT_EQ(first.title, "First page");
    EXPECT_EQ(first.line, 5);
    ASSERT_EQ(first.text.size(), 6u);
    EXPECT_EQ(first.text[0].kind, Paragraph::Kind::text);
    EXPECT_EQ(first.text[0].plain(), "A paragraph on two lines.");
    EXPECT_EQ(first.text[0].line, 7);
    EXPECT_EQ(first.text[1].kind, Paragraph::Kind::bullet);
    EXPECT_EQ(first.text[1].plain(), "a bullet that goes on");
    EXPECT_EQ(first.text[2].plain(), "another");
    EXPECT_EQ(first.text[3].kind, Paragraph::Kind::heading);
    EXPECT_EQ(first.text[3].plain(), "A heading");
    EXPECT_EQ(first.text[4].kind, Paragraph::Kind::verbatim);
    EXPECT_EQ(first.text[4].plain(), "verbatim   text\n  kept");
    EXPECT_EQ(first.text[5].kind, Paragraph::Kind::formula);
    EXPECT_EQ(first.text[5].plain(), "δᴸⱼ = ∂C/∂zᴸⱼ");
    EXPECT_FALSE(first.state.kept);
    EXPECT_EQ(first.state.line, 16);
    EXPECT_EQ(first.state.document.kind, DocumentKind::preset);
    EXPECT_EQ(first.state.document.name, "mazur-2-2-2");
    EXPECT_EQ(first.state.line_of("step"), 18);
    EXPECT_TRUE(l.pages[1].state.kept);
}

TEST(LessonFormat, CarriageReturnsAndAByteOrderMarkAreRead) {
    const LessonParse p = parse("\xEF\xBB\xBF# Title\r\n\r\n## Page\r\n\r\n```state\r\npreset: x\r\n```\r\n");
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    EXPECT_EQ(p.lesson.title, "Title");
    EXPECT_EQ(p.lesson.pages[0].state.document.name, "x");
}

// ---- [SECTION] prose and formulas -----------------------------------------------------------------------

TEST(LessonFormat, InlineMarkupBecomesStyledSpans) {
    const LessonParse p = parse(one_page("Plain **bold** `w 2,0,1` $w^2_{11}$ and \\$5 \\*not bold\\*.\n\n" + state_block("preset: a")));
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const std::vector<TextSpan>& s = p.lesson.pages[0].text[0].spans;
    ASSERT_EQ(s.size(), 7u);
    EXPECT_EQ(s[0], (TextSpan{TextSpan::Style::plain, "Plain "}));
    EXPECT_EQ(s[1], (TextSpan{TextSpan::Style::bold, "bold"}));
    EXPECT_EQ(s[2], (TextSpan{TextSpan::Style::plain, " "}));
    EXPECT_EQ(s[3], (TextSpan{TextSpan::Style::code, "w 2,0,1"}));
    EXPECT_EQ(s[4], (TextSpan{TextSpan::Style::plain, " "}));
    EXPECT_EQ(s[5], (TextSpan{TextSpan::Style::formula, "w²₁₁"}));
    EXPECT_EQ(s[6], (TextSpan{TextSpan::Style::plain, " and $5 *not bold*."}));
}

TEST(LessonFormat, FormulasInTheFormulaPanelsUnicode) {
    EXPECT_EQ(formula("w^2_{11}"), "w²₁₁");
    EXPECT_EQ(formula("\\delta^l_j = \\sum_k w^{l+1}_{kj} \\delta^{l+1}_k \\sigma'(z^l_j)"), "δˡⱼ = Σₖ wˡ⁺¹ₖⱼ δˡ⁺¹ₖ σ′(zˡⱼ)");
    EXPECT_EQ(formula("\\frac{\\partial L}{\\partial w^2_{11}}"), "∂L/∂w²₁₁");
    EXPECT_EQ(formula("\\frac{1}{2}(y - a)^2"), "½(y − a)²");
    EXPECT_EQ(formula("\\frac{1}{2n}"), "1/(2n)");                       // 1/2n would read as n/2
    EXPECT_EQ(formula("\\frac{1}{1 + e^{-x}}"), "1/(1 + e⁻ˣ)");
    EXPECT_EQ(formula("\\frac{a + b}{c}"), "(a + b)/c");
    EXPECT_EQ(formula("\\frac{dy}{d(w_3h_2)}"), "dy/d(w₃h₂)");
    EXPECT_EQ(formula("\\hat{y} = X w"), "\u0177 = X w");        // precomposed: the window draws no combining marks
    EXPECT_EQ(formula("\\bar{a} + \\hat{\\theta}"), "\u0101 + \u03b8\u0302");  // θ̂ has no precomposed form
    EXPECT_EQ(formula("x^\\top \\odot W^{(2)\\top}"), "xᵀ ⊙ W⁽²⁾ᵀ");
    EXPECT_EQ(formula("w \\leftarrow w - \\eta \\cdot g"), "w ← w − η · g");
    EXPECT_EQ(formula("e^{h_1}"), "e^(h₁)");                             // no raised ₁: the panel's own form
    EXPECT_EQ(formula("e^(x²)"), "e^(x²)");                              // written that way: kept
    EXPECT_EQ(formula("\\delta_N"), "δ_N");                              // no subscript N
    EXPECT_EQ(formula("\\mathbb{1}(h > 0) \\in \\mathbb{R}"), "1(h > 0) ∈ ℝ");
    EXPECT_EQ(formula("a  \\, b"), "a b");                               // spaces kept, never two
    EXPECT_EQ(formula("\\sqrt{x + 1}"), "√(x + 1)");
    EXPECT_EQ(formula("\\text{softmax}(f)"), "softmax(f)");
}

TEST(LessonFormat, FormulaErrorsNameThePlace) {
    std::string why;
    std::size_t at = 99;
    EXPECT_FALSE(formula_unicode("a + \\foo", &why, &at));
    EXPECT_NE(why.find("\\foo is not a formula command"), std::string::npos) << why;
    EXPECT_EQ(at, 4u);
    EXPECT_FALSE(formula_unicode("x^{2", &why, &at));
    EXPECT_EQ(why, "'{' without its '}'");
    EXPECT_EQ(at, 2u);
    EXPECT_FALSE(formula_unicode("x}", &why, &at));
    EXPECT_EQ(why, "'}' without a '{' before it");
    EXPECT_EQ(at, 1u);
    EXPECT_FALSE(formula_unicode("\\frac{a}", &why, &at));
    EXPECT_EQ(why, "\\frac needs an argument");
    EXPECT_FALSE(formula_unicode("x^", &why, &at));
    EXPECT_EQ(why, "^ needs an argument");
    EXPECT_FALSE(formula_unicode("\\δ", &why, &at));
    EXPECT_EQ(why.rfind("\\δ is not a formula command (", 0), 0u) << why;  // the whole character, never half of one
    EXPECT_FALSE(formula_unicode(std::string(100000, '{') + std::string(100000, '}'), &why, &at));
    EXPECT_EQ(why, "braces nested deeper than 32");
    EXPECT_FALSE(formula_unicode(std::string(50000, '^') + "x", &why, &at));
    EXPECT_EQ(why, "scripts nested deeper than 32");
    EXPECT_FALSE(formula_unicode([] { std::string s; for (int i = 0; i < 10000; ++i) s += "\\sqrt"; return s + "x"; }(), &why, &at));
    EXPECT_EQ(why, "arguments nested deeper than 32");
    EXPECT_EQ(formula(std::string(32, '{') + "x" + std::string(32, '}')), "x");
}

TEST(LessonFormat, ShortTextsTakeTheMarkupToo) {
    const LessonParse p = parse(one_page(state_block("preset: a") +
                                         "```question\n"
                                         "prompt: What is **$\\delta^2_1$**?\n"
                                         "ask: delta 2,0\n"
                                         "hint: (a − y)·σ′(z),\n"
                                         "  on two lines\n"
                                         "```\n"));
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const Question& q = p.lesson.pages[0].questions[0];
    EXPECT_EQ(q.prompt.plain(), "What is δ²₁?");
    ASSERT_EQ(q.prompt.spans.size(), 3u);
    EXPECT_EQ(q.prompt.spans[1].style, TextSpan::Style::formula);
    EXPECT_EQ(q.hint.plain(), "(a − y)·σ′(z), on two lines");
}

// ---- [SECTION] the keys ---------------------------------------------------------------------------------

TEST(LessonFormat, EveryStateKey) {
    const LessonParse p = parse(one_page(state_block(
        "preset: mazur-2-2-2\n"
        "sample: all\n"
        "set: w 2,0,0 = -0.5\n"
        "set: b 1,1 = 0.25\n"
        "lr: 0.05\n"
        "train: 20\n"
        "step: update w 2,0,1\n"
        "select: w 2,1,0\n"
        "pin-path: 2\n"
        "neurons: delta\n"
        "edges: grad\n"
        "notation: derivation\n"
        "hide: side, loss\n"
        "tab: paths")));
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const PageState& s = p.lesson.pages[0].state;
    EXPECT_EQ(s.sample, kAllSamples);
    ASSERT_EQ(s.edits.size(), 2u);
    EXPECT_EQ(s.edits[0].kind, ParameterEdit::Kind::weight);
    EXPECT_EQ(s.edits[0].value, -0.5);
    EXPECT_EQ(s.edits[0].line, kBodyLine + 3);
    EXPECT_EQ(s.edits[1].kind, ParameterEdit::Kind::bias);
    EXPECT_EQ(s.edits[1].l, 1);
    EXPECT_EQ(s.edits[1].j, 1);
    EXPECT_EQ(*s.learning_rate, 0.05);
    EXPECT_EQ(s.train_steps, 20);
    EXPECT_EQ(s.step.where, StepTarget::Where::network_event);
    EXPECT_EQ(s.step.kind, EventKind::weight_update);
    EXPECT_EQ(s.step.l * 100 + s.step.j * 10 + s.step.k, 201);
    EXPECT_EQ(s.select->kind, SelectTarget::Kind::weight);
    EXPECT_EQ(s.select->l * 100 + s.select->j * 10 + s.select->k, 210);
    EXPECT_EQ(s.pin_path, 2);
    EXPECT_EQ(s.neurons, NeuronShows::delta);
    EXPECT_EQ(s.edges, EdgeShows::gradient);
    EXPECT_EQ(s.notation, Notation::derivation);
    EXPECT_TRUE(s.hide_side);
    EXPECT_TRUE(s.hide_loss);
    EXPECT_EQ(s.tab, SideTab::paths);
}

TEST(LessonFormat, DefaultsOfAState) {
    const LessonParse p = parse(one_page(state_block("preset: mazur-2-2-2")));
    ASSERT_TRUE(p.ok());
    const PageState& s = p.lesson.pages[0].state;
    EXPECT_EQ(s.sample, 0);
    EXPECT_EQ(s.step.where, StepTarget::Where::start);
    EXPECT_FALSE(s.select.has_value());
    EXPECT_EQ(s.pin_path, 0);
    EXPECT_EQ(s.neurons, NeuronShows::automatic);
    EXPECT_EQ(s.edges, EdgeShows::weight);
    EXPECT_EQ(s.notation, Notation::per_neuron);
    EXPECT_FALSE(s.hide_side || s.hide_loss);
    EXPECT_EQ(s.tab, SideTab::inspector);
    EXPECT_FALSE(s.learning_rate.has_value());
}

TEST(LessonFormat, EventsAsTheCommandLineNamesThem) {
    struct Case {
        const char* text;
        StepTarget::Where where;
        EventKind kind;
        bool delta;
    };
    const Case cases[] = {
        {"start", StepTarget::Where::start, EventKind::z, false},
        {"end", StepTarget::Where::end, EventKind::z, false},
        {"z 1,0", StepTarget::Where::network_event, EventKind::z, false},
        {"a 2,1", StepTarget::Where::network_event, EventKind::a, false},
        {"loss", StepTarget::Where::network_event, EventKind::loss, false},
        {"delta 2,0", StepTarget::Where::network_event, EventKind::output_delta, true},
        {"hidden_delta 1,0", StepTarget::Where::network_event, EventKind::hidden_delta, false},
        {"dW 2,0,1", StepTarget::Where::network_event, EventKind::weight_gradient, false},
        {"db 1,0", StepTarget::Where::network_event, EventKind::bias_gradient, false},
        {"update w 2,0,1", StepTarget::Where::network_event, EventKind::weight_update, false},
        {"update b 1,0", StepTarget::Where::network_event, EventKind::bias_update, false},
        {"value h2", StepTarget::Where::graph_event, EventKind::z, false},
        {"adjoint x", StepTarget::Where::graph_event, EventKind::z, false},
    };
    for (const Case& c : cases) {
        const LessonParse p = parse(one_page(state_block(std::string("preset: a\nstep: ") + c.text)));
        ASSERT_TRUE(p.ok()) << c.text << ": " << p.errors.front().text();
        const StepTarget& t = p.lesson.pages[0].state.step;
        EXPECT_EQ(t.where, c.where) << c.text;
        if (c.where == StepTarget::Where::network_event) {
            EXPECT_EQ(t.kind, c.kind) << c.text;
            EXPECT_EQ(t.delta, c.delta) << c.text;
        }
        EXPECT_EQ(t.text, c.text);
    }
}

TEST(LessonFormat, QuestionsOfBothKinds) {
    const LessonParse p = parse(one_page(state_block("preset: a") +
                                         "```question\nask: W_after 2,0,1\nsample: 1\n```\n\n"
                                         "```question\nask: local h2 h1\n```\n\n"
                                         "```question\nprompt: Which?\nchoose: one\nchoose: * two\nchoose: three\nexplain: because\n```\n"));
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const std::vector<Question>& q = p.lesson.pages[0].questions;
    ASSERT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0].kind, Question::Kind::value);
    EXPECT_FALSE(q[0].on_graph);
    EXPECT_EQ(q[0].quantity.what, Quantity::W_after);
    EXPECT_EQ(q[0].quantity.k, 1);
    EXPECT_EQ(q[0].sample, 1);
    EXPECT_EQ(question_prompt(q[0]).plain(), "What is w²₁₂ after the step?");
    EXPECT_TRUE(q[1].on_graph);
    EXPECT_EQ(q[1].graph.what, GraphQuantity::local_derivative);
    EXPECT_EQ(q[1].graph.node, "h2");
    EXPECT_EQ(q[1].graph.input, "h1");
    EXPECT_EQ(question_prompt(q[1]).plain(), "What is ∂h₂/∂h₁?");
    EXPECT_EQ(q[2].kind, Question::Kind::choice);
    ASSERT_EQ(q[2].choices.size(), 3u);
    EXPECT_EQ(q[2].choices[1].plain(), "two");
    EXPECT_EQ(q[2].right, 1);
    EXPECT_EQ(q[2].explain.plain(), "because");
}

TEST(LessonFormat, TasksWithTheirConditionAndShowMeHow) {
    const LessonParse p = parse(one_page(state_block("preset: a") +
                                         "```task\n"
                                         "goal: Make it small.\n"
                                         "when: abs(delta2_0) < 0.01 and L <= 0.3 or diverged\n"
                                         "hint: Drag.\n"
                                         "show: It sets w.\n"
                                         "do: set w 2,0,1 = 3\n"
                                         "do: lr 0.5\n"
                                         "do: train 10\n"
                                         "```\n"));
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const Task& t = p.lesson.pages[0].tasks[0];
    EXPECT_EQ(t.goal.plain(), "Make it small.");
    EXPECT_EQ(t.when.any_of.size(), 2u);
    EXPECT_EQ(t.when.any_of[0].size(), 2u);
    ASSERT_EQ(t.demo.size(), 3u);
    EXPECT_EQ(t.demo[0].kind, DemoAction::Kind::set);
    EXPECT_EQ(t.demo[0].edit.value, 3.0);
    EXPECT_EQ(t.demo[1].kind, DemoAction::Kind::learning_rate);
    EXPECT_EQ(t.demo[2].steps, 10);
    EXPECT_EQ(t.demo[2].line, kBodyLine + 10);
}

TEST(LessonFormat, ExpressionsWithTheirValues) {
    const LessonParse p = parse(one_page(state_block("expression: \"exp(exp(x^2)) * w\"\nat: x=0.5, w=-2")));
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const DocumentSource& d = p.lesson.pages[0].state.document;
    EXPECT_EQ(d.kind, DocumentKind::expression);
    EXPECT_EQ(d.name, "exp(exp(x^2)) * w");
    EXPECT_EQ(d.at.at("x"), 0.5);
    EXPECT_EQ(d.at.at("w"), -2.0);
}

// ---- [SECTION] malformed lessons: every error with its place ---------------------------------------------

TEST(LessonErrors, TheFileAsAWhole) {
    EXPECT_EQ(only_error(""), "1:0: the first line must be the lesson's title: '# Notes 004: the δ recurrence'");
    EXPECT_EQ(only_error("Notes 004\n## Page\n"), "1:0: the first line must be the lesson's title: '# Notes 004: the δ recurrence'");
    EXPECT_EQ(only_error("# Title\n\nNo pages.\n"), "1:0: the lesson has no pages: each page starts with a '## Page title' line");
    EXPECT_EQ(only_error(one_page(state_block("preset: a")) + "# Again\n"),
              "8:0: only the first line is a '# ' title: a page starts with '## '");
    EXPECT_EQ(only_error(one_page(state_block("preset: a")) + "## \n"), "8:0: a page needs a title: '## The title'");
    EXPECT_EQ(only_error(one_page(state_block("preset: a")) + "bad \xC3 byte\n"), "8:0: is not valid UTF-8 text");
    const LessonParse big = parse("# T\n" + std::string(kMaxLessonBytes, 'x'));
    ASSERT_EQ(big.errors.size(), 1u);
    EXPECT_EQ(big.errors[0].text(), std::string(kPath) + ": is 1.0 MiB, larger than the 1 MiB a lesson may have");
}

TEST(LessonErrors, Blocks) {
    EXPECT_EQ(only_error(one_page("```state\npreset: a\n")), "5:0: ```state is not closed: end the block with a line of ```");
    EXPECT_EQ(only_error(one_page(state_block("preset: a") + "```stat\n```\n")),
              "8:4: ```stat is not a block of a lesson (state, question or task; ``` alone keeps text as it is)");
    EXPECT_EQ(only_error("# T\n```state\npreset: a\n```\n## P\n" + state_block("preset: a")),
              "2:0: ```state before the first page: blocks belong to a page ('## Page title')");
    EXPECT_EQ(only_error(one_page(state_block("preset: a") + state_block("preset: b"))),
              "8:0: a page has one ```state block; this page's is on line 5");
    EXPECT_EQ(only_error(one_page("Text only.\n")),
              "3:0: the first page needs a ```state block: it names the document the lesson opens");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\npreset a"))), "7:0: expected 'key: value' in the ```state block");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\ncolour: red"))),
              "7:0: 'colour' is not a key of a ```state block (its keys: preset, file, expression, expression-preset, "
              "document, at, sample, set, lr, train, step, select, pin-path, neurons, edges, notation, hide, tab)");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\nstep: z 1,0\nstep: a 1,0"))), "8:0: 'step' is given twice (first on line 7)");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\nstep:"))), "7:0: 'step:' has no value");
}

TEST(LessonErrors, TheDocumentOfAPage) {
    EXPECT_EQ(only_error(one_page(state_block("step: end"))),
              "5:0: the ```state block names no document: give preset:, file:, expression:, expression-preset: or document: same");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\nfile: b.json"))), "7:0: a page opens one document: 'file:' after another one");
    EXPECT_EQ(only_error(one_page(state_block("document: same"))), "6:0: document: same on the first page: there is no page before it");
    EXPECT_EQ(only_error(one_page(state_block("preset: a")) + "## Two\n" + state_block("document: previous")),
              "10:11: document: same keeps the previous page's document; to open one, use preset:, file:, expression: or expression-preset:");
    EXPECT_EQ(only_error(one_page(state_block("preset: ../x"))),
              "6:9: preset: names a file of the program's presets by its name without .json (a file of your own: file: PATH)");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\nat: x=1"))), "7:0: at: gives the variables of expression: or expression-preset:");
    EXPECT_EQ(only_error(one_page(state_block("expression: \"exp(x\"\nat: x=1"))), "6:19: the expression: missing ')'");
    EXPECT_EQ(only_error(one_page(state_block("expression: 2x\nat: x=1"))), "6:14: the expression: implicit product: write 2*x");
    EXPECT_EQ(only_error(one_page(state_block("expression: x*w\nat: x=1"))),
              "6:0: the expression uses w: give its value in at: (at: w=0.5)");
    EXPECT_EQ(only_error(one_page(state_block("expression: x\nat: x=1, y=2"))), "7:0: at: y is not a variable of the expression");
    EXPECT_EQ(only_error(one_page(state_block("expression: x\nat: x=1, x=2"))), "7:10: x is given twice");
    EXPECT_EQ(only_error(one_page(state_block("preset: a\npin-path: 1"))),
              "7:0: pin-path: pins a path of the selected parameter (or node): add select:");
}

TEST(LessonErrors, ValuesNameTheirColumn) {
    // Line 7 of these lessons: "<key>: <value>", the value from column len(key) + 3.
    const auto value_error = [](const std::string& line) { return only_error(one_page(state_block("preset: a\n" + line))); };
    EXPECT_EQ(value_error("step: delta 2"), "7:13: delta needs 2 indices (l,j), not 1: e.g. 1,0");
    EXPECT_EQ(value_error("step: dW 2,0,x"), "7:14: dW needs 3 indices from 0 separated by commas, e.g. 2,0,1");
    EXPECT_EQ(value_error("step: dW 2,0;1"), "7:13: ';' in the indices of dW");
    EXPECT_EQ(value_error("step: dW 2,0δ1"), "7:13: 'δ' in the indices of dW");
    EXPECT_EQ(value_error("step: dW 2,-1,0"), "7:12: dW needs 3 indices from 0 separated by commas, e.g. 2,0,1");
    EXPECT_EQ(value_error("step: update v 1,0"), "7:14: update w l,j,k or update b l,j");
    EXPECT_EQ(value_error("step: sigma 1,0"),
              "7:7: 'sigma' is not an event of the pass (the events: start, end, z l,j, a l,j, loss, delta l,j, dW l,j,k, db l,j, "
              "update w l,j,k, update b l,j; on an expression page value NODE or adjoint NODE)");
    EXPECT_EQ(value_error("step: loss 1"), "7:12: 'loss' takes no indices");
    EXPECT_EQ(value_error("select: q 1,0"), "7:9: select is one of w, b, n, not 'q'");
    EXPECT_EQ(value_error("select: node"), "7:13: node takes one name: node h2");
    EXPECT_EQ(value_error("set: w 2,0,0 = abc"), "7:16: the value: 'abc' is not a number: it has no digits");
    EXPECT_EQ(value_error("set: w 2,0,0 0.5"), "7:6: expected '… = value', e.g. w 2,0,0 = 0.9, b 1,0 = 0 or x = 1.5");
    EXPECT_EQ(value_error("lr: 0"), "7:5: lr is in (0, 1e9]");
    EXPECT_EQ(value_error("train: 1e9"), "7:8: train: '1e9' is not a whole number");
    EXPECT_EQ(value_error("train: 100001"), "7:8: train: 100001 is outside 0 … 100000");
    EXPECT_EQ(value_error("sample: -1"), "7:9: sample: -1 is outside 0 … 1000000");
    EXPECT_EQ(value_error("sample: first"), "7:9: sample: 'first' is not a whole number");
    EXPECT_EQ(value_error("pin-path: 13"), "7:11: pin-path (a row of the Paths tab, from 1): 13 is outside 1 … 12");
    EXPECT_EQ(value_error("neurons: sigma"), "7:10: neurons is one of auto, z, a, delta, not 'sigma'");
    EXPECT_EQ(value_error("edges: weights"), "7:8: edges is one of w, grad, not 'weights'");
    EXPECT_EQ(value_error("notation: matrix"), "7:11: notation is one of per-neuron, vector, derivation, batch, not 'matrix'");
    EXPECT_EQ(value_error("hide: side, formula"), "7:12: hide is one of side, loss, not 'formula' (or none)");
    EXPECT_EQ(value_error("tab: help"), "7:6: tab is one of inspector, paths, lab, quiz, not 'help'");
}

TEST(LessonErrors, Questions) {
    const auto question_error = [](const std::string& keys) {
        return only_error(one_page(state_block("preset: a") + "```question\n" + keys + "\n```\n"));
    };
    EXPECT_EQ(question_error("hint: h"), "8:0: the question asks nothing: give ask: QUANTITY, or choose: lines with the right one marked *");
    EXPECT_EQ(question_error("ask: q 2,0"),
              "9:6: 'q' is not a quantity (on a network: z, a, delta, dW, db, loss, W_after, b_after with their indices; on an "
              "expression: value NODE, adjoint NODE, local NODE INPUT)");
    EXPECT_EQ(question_error("ask: dW 2,0"), "9:9: dW needs 3 indices (l,j,k), not 2: e.g. 2,0,1");
    EXPECT_EQ(question_error("ask: local h2"), "9:12: local NODE INPUT: the edge into NODE from INPUT, e.g. local h2 h1");
    EXPECT_EQ(question_error("prompt: p\nask: loss\nchoose: * a\nchoose: b"),
              "10:0: a question either asks for a value (ask:) or offers choices (choose:), not both");
    EXPECT_EQ(question_error("prompt: p\nchoose: * a"), "8:0: a choice question needs at least two choose: lines");
    EXPECT_EQ(question_error("prompt: p\nchoose: a\nchoose: b"), "8:0: no choice is marked right: start the right one with '*'");
    EXPECT_EQ(question_error("prompt: p\nchoose: * a\nchoose: * b"), "11:0: two choices are marked right (*): mark one");
    EXPECT_EQ(question_error("choose: * a\nchoose: b"), "8:0: a choice question needs a prompt: the question it asks");
    EXPECT_EQ(question_error("prompt: p\nchoose: * a\nchoose: b\nsample: 0"), "12:0: sample: goes with ask:, not with choices");
    EXPECT_EQ(question_error("ask: value h2\nsample: 0"), "10:0: sample: is for a network's quantities, not a graph's");
}

TEST(LessonErrors, Tasks) {
    const auto task_error = [](const std::string& keys) {
        return only_error(one_page(state_block("preset: a") + "```task\n" + keys + "\n```\n"));
    };
    const std::string rest = "\nhint: h\nshow: s";
    EXPECT_EQ(task_error("when: L < 1" + rest), "8:0: a task needs goal:");
    EXPECT_EQ(task_error("goal: g" + rest), "8:0: a task needs when:");
    EXPECT_EQ(task_error("goal: g\nwhen: L < 1\nshow: s"), "8:0: a task needs hint:");
    EXPECT_EQ(task_error("goal: g\nwhen: L < 1\nhint: h"),
              "8:0: a task needs a way to show how: show: a sentence, do: what the program does, or both");
    // The condition's errors name their column: "when: " is 6 characters.
    EXPECT_EQ(task_error("goal: g\nwhen: L < (0.25" + rest), "10:16: the condition: missing ')'");
    EXPECT_EQ(task_error("goal: g\nwhen: L < 0.25 and" + rest), "10:19: the condition: nothing after 'and'");
    EXPECT_EQ(task_error("goal: g\nwhen: L = 0.25" + rest), "10:9: the condition: '=' alone: write == to compare (a == b, or a == b ± 0.01)");
    EXPECT_EQ(task_error("goal: g\nwhen: 0 < L < 1" + rest), "10:13: the condition: one comparison to a term: join two with 'and' (a < b and b < c)");
    EXPECT_EQ(task_error("goal: g\nwhen: L < 0.25" + rest + "\ndo: jump 3"),
              "13:5: do: is one of set w l,j,k = X, set b l,j = X, set NAME = X, lr X, train N; not 'jump' (a sentence goes in show:)");
    EXPECT_EQ(task_error("goal: g\nwhen: L < 0.25" + rest + "\ndo: train 0"), "13:11: train: 0 is outside 1 … 100000");
}

TEST(LessonErrors, ProseMarkup) {
    EXPECT_EQ(only_error(one_page("Some **bold.\n\n" + state_block("preset: a"))), "5:6: ** without its closing **");
    EXPECT_EQ(only_error(one_page("A `key.\n\n" + state_block("preset: a"))), "5:3: ` without its closing `");
    EXPECT_EQ(only_error(one_page("Costs $5.\n\n" + state_block("preset: a"))), "5:7: $ without its closing $ (write \\$ for a dollar sign)");
    EXPECT_EQ(only_error(one_page("First line,\nthen $\\foo$.\n\n" + state_block("preset: a"))).substr(0, 34),
              "6:7: \\foo is not a formula command");
    EXPECT_EQ(only_error(one_page(state_block("preset: a") + "```task\ngoal: $x^{2$\nwhen: L < 1\nhint: h\nshow: s\n```\n")),
              "9:10: '{' without its '}'");
}

TEST(LessonErrors, EveryErrorIsCollectedInLineOrder) {
    const LessonParse p = parse(one_page("**open\n\n" + state_block("preset: a\nstep: nothing\ntab: none") +
                                         "```task\ngoal: g\nwhen: (\nhint: h\nshow: s\n```\n"));
    ASSERT_EQ(p.errors.size(), 4u);
    EXPECT_EQ(p.errors[0].line, 5);
    EXPECT_EQ(p.errors[1].line, 9);
    EXPECT_EQ(p.errors[2].line, 10);
    EXPECT_EQ(p.errors[3].line, 14);
    EXPECT_EQ(p.errors[3].text().rfind("course/notes.md:14:8: the condition: missing an operand after '('", 0), 0u) << p.errors[3].text();
}

class LessonFiles : public test::TempFolder {};

TEST_F(LessonFiles, ReadFromDiskOrRefusedWithTheReason) {
    const std::string path = this->path("lesson.md");
    EXPECT_EQ(read_lesson(path).errors.at(0).text(), path + ": cannot open (No such file or directory)");
    EXPECT_THROW(load_lesson(path), LessonFailure);
    {
        std::FILE* f = std::fopen(path.c_str(), "w");
        std::fputs("# T\n\n## P\n\n```state\npreset: a\n```\n", f);
        std::fclose(f);
    }
    EXPECT_EQ(load_lesson(path).title, "T");
    EXPECT_EQ(read_lesson(dir_).errors.at(0).text(), dir_ + ": is a folder, not a lesson");
    try {
        load_lesson(dir_);
        ADD_FAILURE() << "a folder was read as a lesson";
    } catch (const LessonFailure& e) {
        EXPECT_EQ(std::string(e.what()), dir_ + ": is a folder, not a lesson");
        EXPECT_EQ(e.errors.size(), 1u);
    }
}

}  // namespace
}  // namespace bp
