// Quiz mode, window-free: which values of the pass the student computes (by kind, every one or one in k
// at random with a seed), the question waiting before the next value is revealed, the verdict on a typed
// answer by the digit rule with the diagnosis of the classic mistakes (engine/homework.h), the hint level,
// the score of the pass and the totals kept per preset (in a small file in the XDG data directory).
// The actions (QuizCommand) are carried out by apply_quiz(); stepping calls quiz_hold() after it moved.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/homework.h"
#include "engine/stepper.h"

namespace studio {

struct AppState;

// ---- what is asked ----
enum class QuizTopic { forward, loss, output_delta, hidden_delta, gradients, updates };
inline constexpr int kQuizTopics = 6;
QuizTopic topic_of(bp::EventKind);
std::string_view topic_key(QuizTopic);    // "forward", "loss", "output_delta", "hidden_delta", "gradients", "updates"
std::string_view topic_title(QuizTopic);  // "forward values z, a", "the loss L", "output δ", ...
std::optional<QuizTopic> parse_topic(std::string_view key);

inline constexpr int kMaxQuizOneIn = 50;

struct QuizConfig {
    std::array<bool, kQuizTopics> topics{true, true, true, true, true, true};
    int one_in = 1;           // 1: every value of the chosen kinds; k > 1: one in k, at random
    std::uint64_t seed = 1;   // the random choice (and the "new numbers")
    bool operator==(const QuizConfig&) const = default;
};

// Whether event `index` of pass number `pass` is asked: its kind is chosen and, for one in k, a hash of
// (seed, pass, index) falls on it. Deterministic: the same seed asks the same values.
bool quizzed(const QuizConfig& c, const bp::StepEvent& e, int index, long pass);

// ---- the score ----
struct QuizScore {
    int asked = 0;      // questions finished: answered right or revealed
    int first_try = 0;  // right at the first attempt, without a hint
    int later = 0;      // right after a wrong attempt or a hint
    int revealed = 0;
    int wrong = 0;      // wrong attempts in all
    bool operator==(const QuizScore&) const = default;
};
// "3 of 4 right first time · 1 revealed" ("no questions yet" when nothing was asked).
std::string score_text(const QuizScore& s);
int percent_first_try(const QuizScore& s);  // 0..100

struct QuizTotals {  // per preset or file title, over the passes finished with questions
    int passes = 0;
    QuizScore sum;
    int best_percent = 0;  // the best pass, right first time
    bool operator==(const QuizTotals&) const = default;
};

// ---- the last answer ----
enum class FeedbackKind { none, right, wrong, need_digits, unreadable, revealed };
struct QuizFeedback {
    FeedbackKind kind = FeedbackKind::none;
    int event = -1;         // the event it is about
    std::string headline;   // "✓ Right: z¹₁ = 0.3775", "✗ 0.38 is not z¹₁"
    std::string detail;     // the classic mistake in one sentence, why more digits are needed, ...
    bool has_point = false;
    bp::ValueRef point_at;  // the factor the diagnosis blames, to highlight on the canvas
};

// ---- check-my-homework in the window: one row per answer ----
struct HomeworkRow {
    bp::Quantity what = bp::Quantity::a;
    int l = 1, j = 0, k = 0;  // 0-based as in the file (the table shows neurons from 1)
    std::string value;        // as typed
    bool operator==(const HomeworkRow&) const = default;
};

struct QuizState {
    bool on = false;
    QuizConfig config;
    // ---- the pass being quizzed: meaningful while revision == AppState::pass_revision ----
    std::uint64_t revision = 0;
    std::vector<std::uint8_t> resolved;  // [event] 1 once answered right or revealed
    int attempts = 0;                    // wrong attempts at the waiting question
    int hint = 0;                        // hint shown: 0 none, 1 the formula in symbols, 2 with the numbers
    std::string draft;                   // the text in the answer field
    QuizFeedback feedback;               // about the last answer
    long checked = 0;                    // answers checked so far (the views refocus the field after each)
    std::shared_ptr<const bp::Homework> marker;  // exact values, formulas and diagnosis of this pass
    // ---- the score of the pass (pass = AppState::steps_done) ----
    long pass = -1;
    QuizScore score;
    bool recorded = false;  // the score is in totals
    // ---- kept across passes and files ----
    std::map<std::string, QuizTotals> totals;  // per preset / title
    std::string file;                          // the quiz file; "" = never written (headless runs, tests)
    std::uint64_t new_numbers = 0;             // presses of "try again with new numbers"
    std::vector<HomeworkRow> homework;         // the in-window homework table
};

// ---- actions (act::Quiz carries one) ----
namespace quiz_cmd {
struct SetOn { bool on = true; };
struct SetConfig { QuizConfig config; };
struct Type { std::string text; };    // the answer field changed
struct Answer { std::string text; };  // Enter: check it
struct Hint {};                       // one more hint level
struct Reveal {};                     // show the value and move on
struct NewNumbers {};                 // same architecture, fresh seeded parameters with 2 decimals
struct StartOver {};                  // ask this pass again from its first value
struct SetHomework { std::vector<HomeworkRow> rows; };
}  // namespace quiz_cmd
using QuizCommand = std::variant<quiz_cmd::SetOn, quiz_cmd::SetConfig, quiz_cmd::Type, quiz_cmd::Answer,
                                 quiz_cmd::Hint, quiz_cmd::Reveal, quiz_cmd::NewNumbers, quiz_cmd::StartOver,
                                 quiz_cmd::SetHomework>;

void apply_quiz(AppState& s, const QuizCommand& c);

// After the stepper moved forward from cursor `before`: in quiz mode, stops it before the first value in
// [before, cursor) that is asked and not yet answered, and says so in the status line; records the pass's
// score when the pass is complete. Returns true when it stopped the stepper.
bool quiz_hold(AppState& s, int before);

// ---- queries for the views ----
// The event whose value the student is asked now (the next one), or -1.
int quiz_question(const AppState& s);
bool quiz_resolved(const AppState& s, int event);
// The score of the current pass (empty once a new pass has started).
QuizScore quiz_pass_score(const AppState& s);
// The feedback, when it belongs to the current pass; else nullptr.
const QuizFeedback* quiz_feedback(const AppState& s);
// What the question asks for: "z¹₁", "δ²₁", "∂L/∂w²₁₁", "w²₁₁ after the step".
std::string question_label(const AppState& s, int event);
// The quiz state carried into a newly opened document: mode, choices, totals and file; not the pass.
QuizState carried_over(const QuizState& q);

// ---- the quiz file: $XDG_DATA_HOME/backprop-studio/quiz.json (else ~/.local/share/...) ----
std::string quiz_file_path();
std::string quiz_file_to_json(const QuizConfig& c, const std::map<std::string, QuizTotals>& totals);
// Reads what it can; anything missing or damaged keeps the given values.
void quiz_file_from_json(const std::string& text, QuizConfig& c, std::map<std::string, QuizTotals>& totals);
// Reads the file (if any) into q (its config only when keep_config is false) and remembers the path so
// finished passes are saved there.
void attach_quiz_file(QuizState& q, const std::string& path, bool keep_config);
// Writes q's config and totals atomically to q.file. Returns "" or why it failed.
std::string save_quiz_file(const QuizState& q);

}  // namespace studio
