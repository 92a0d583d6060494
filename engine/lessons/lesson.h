// A lesson: a set of course notes as a guided walk through the live program. It is read from Markdown
// (docs/LESSONS.md): a "# Title" line, then pages ("## Page title"), each prose plus fenced blocks for
// the state the page puts the program in (```state), questions (```question) and tasks (```task), every
// block a list of "key: value" lines. Reading collects every error with its line (and column), never
// just the first; what needs files (presets, events of the pass) is checked by lesson_check.h.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.h"
#include "engine/graph/graph_pass.h"
#include "engine/graph/graph_quiz.h"
#include "engine/lessons/condition.h"
#include "engine/lessons/lesson_error.h"
#include "engine/lessons/lesson_text.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/quantity.h"
#include "engine/teaching/stepper.h"

namespace bp {

inline constexpr std::size_t kMaxLessonBytes = std::size_t{1} << 20;  // a lesson file is text: 1 MiB at most
inline constexpr int kAllSamples = -1;                                // `sample: all`: the whole data set as one batch
inline constexpr int kPinnableRows = 12;                              // the Paths tab's rows (a pinned row is one of them)

// ---- [SECTION] the state a page puts the program in ---------------------------------------------------

enum class DocumentKind { preset, file, expression, expression_preset, same };
std::string_view to_string(DocumentKind);  // "preset", "file", "expression", "expression-preset", "document: same"

struct DocumentSource {
    DocumentKind kind = DocumentKind::same;
    std::string name;      // the preset's stem, the file's path (relative to the lesson), or the expression
    VariableValues at;     // expression: the values of its variables (`at: x=0.5, w1=2`)
};

// `step:` — where the pass stands when the page opens: at its start, at its end, or just after one event
// (the event done and shown). Network events as the CLI names them (`z 1,0`, `delta 2,0`, `update w 2,0,1`);
// expression events by node (`value h2`, `adjoint x`).
struct StepTarget {
    enum class Where { start, end, network_event, graph_event } where = Where::start;
    EventKind kind = EventKind::z;  // network_event; delta names output_delta or hidden_delta by the layer
    bool delta = false;             // written `delta l,j`: output or hidden, whichever layer l is
    int l = 0, j = 0, k = 0;
    GraphEventKind graph_kind = GraphEventKind::value;  // graph_event
    std::string node;               // graph_event: the node as written ("h2", "y", "x")
    std::string text;               // as written, for messages
};

// `select:` — a weight, a bias or a neuron of the network (0-based, as in files), or a node of the graph.
struct SelectTarget {
    enum class Kind { weight, bias, neuron, node } kind = Kind::neuron;
    int l = 0, j = 0, k = 0;
    std::string node;
    std::string text;
};

// `set: w 2,0,0 = 0.9` (a weight), `set: b 1,0 = 0` (a bias), `set: x = 1.5` (an expression's variable).
struct ParameterEdit {
    enum class Kind { weight, bias, variable } kind = Kind::weight;
    int l = 0, j = 0, k = 0;
    std::string name;  // variable
    double value = 0.0;
    int line = 0;
    std::string text;
};

enum class NeuronShows { automatic, z, a, delta };   // `neurons: auto|z|a|delta`
enum class EdgeShows { weight, gradient };           // `edges: w|grad`
enum class SideTab { inspector, paths, lab, quiz };  // `tab: …`
std::string_view to_string(NeuronShows);
std::string_view to_string(EdgeShows);
std::string_view to_string(SideTab);

// Everything a page sets. A page's state is complete: a key not given takes its default (below), nothing
// carries over from the page before except the document when it says `document: same`. A page without a
// ```state block keeps the previous page's whole state (`kept`).
struct PageState {
    bool kept = false;
    DocumentSource document;
    int sample = 0;                          // a row of the data, or kAllSamples
    std::vector<ParameterEdit> edits;        // applied to the document as it loads
    std::optional<double> learning_rate;     // `lr:`; else the file's
    long train_steps = 0;                    // `train:` steps with the file's optimiser before the page shows
    StepTarget step;                         // default: the start of the pass
    std::optional<SelectTarget> select;
    int pin_path = 0;                        // a row of the Paths tab, from 1; 0 = none
    NeuronShows neurons = NeuronShows::automatic;
    EdgeShows edges = EdgeShows::weight;
    Notation notation = Notation::per_neuron;
    bool hide_side = false, hide_loss = false;
    SideTab tab = SideTab::inspector;
    int line = 0;                            // the ```state line (0 when kept)
    std::map<std::string, int, std::less<>> lines;  // the line of every key given
    int line_of(std::string_view key) const;        // that line, or the block's line
};

// ---- [SECTION] questions and tasks ---------------------------------------------------------------------

// A value question's quantity on an expression page: `value h2`, `adjoint x`, `local h2 h1`.
struct GraphAsk {
    GraphQuantity what = GraphQuantity::value;
    std::string node;   // as written
    std::string input;  // local: the input of `node` the edge comes from
};

struct Question {
    enum class Kind { value, choice } kind = Kind::value;
    Paragraph prompt;              // may be empty for a value question (question_prompt writes one)
    // value: the quantity, in `backprop-cli check`'s words on a network page, or a graph's
    bool on_graph = false;
    QuantityRef quantity;          // network
    std::optional<int> sample;     // network: a sample of its own (or kAllSamples); else the page's
    GraphAsk graph;                // graph
    std::string ask;               // `ask:` as written
    // choice: the statements; the right one was marked with a leading '*'
    std::vector<Paragraph> choices;
    int right = -1;
    Paragraph explain;             // shown after an answer
    Paragraph hint;
    int line = 0;
    std::map<std::string, int, std::less<>> lines;
    int line_of(std::string_view key) const;
};

// "Show me how": what the program does for the student, each action checked to reach the task's goal.
struct DemoAction {
    enum class Kind { set, learning_rate, train } kind = Kind::set;
    ParameterEdit edit;    // set
    double value = 0.0;    // learning_rate
    long steps = 0;        // train
    int line = 0;
    std::string text;
};

struct Task {
    Paragraph goal;                 // one sentence
    Condition when;                 // checked live against the state the student has changed
    Paragraph hint;
    Paragraph show;                 // a sentence shown by "show me how" (may be empty when `do:` is given)
    std::vector<DemoAction> demo;   // `do:` lines: what "show me how" does
    int line = 0;
    std::map<std::string, int, std::less<>> lines;
    int line_of(std::string_view key) const;
};

// ---- [SECTION] the lesson ------------------------------------------------------------------------------

struct LessonPage {
    std::string title;
    std::vector<Paragraph> text;
    PageState state;
    std::vector<Question> questions;
    std::vector<Task> tasks;
    int line = 0;  // the "## " line
};

struct Lesson {
    std::string path;                     // as given (relative files are found beside it)
    std::string title;                    // the first line without "# "
    std::vector<Paragraph> introduction;  // prose between the title and the first page
    std::vector<LessonPage> pages;
};

struct LessonParse {
    Lesson lesson;
    std::vector<LessonError> errors;  // in line order; empty when the lesson is well formed
    bool ok() const { return errors.empty(); }
};

// Reads a lesson's text; `path` names it in errors and is where relative files are looked for.
LessonParse parse_lesson(std::string_view text, const std::string& path);
// Reads the file (a regular file of at most kMaxLessonBytes; an I/O error is a LessonError at line 0).
LessonParse read_lesson(const std::string& path);
// read_lesson, throwing LessonFailure when there is any error.
Lesson load_lesson(const std::string& path);

// The prompt of a question as the student sees it: its own, else "What is δ²₁?" / "What is ∂y/∂h₁?" (the
// quantity as a formula span). Prompts, choices, hints, goals and explanations use the prose's markup.
Paragraph question_prompt(const Question& q);

}  // namespace bp
