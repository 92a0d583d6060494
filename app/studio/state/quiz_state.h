// Quiz mode's part of the app state (AppState::quiz): what is asked (by kind, every one or one in k at
// random with a seed), the answer field and the verdict on the last answer, the hint level, the score of
// the pass and the totals kept per preset. Changed only by apply_quiz() (handlers/quiz.h).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/homework/homework.h"
#include "engine/teaching/stepper.h"

namespace studio {

// ---- what is asked ----
enum class QuizTopic { forward, loss, output_delta, hidden_delta, gradients, updates };
inline constexpr int kQuizTopics = 6;
QuizTopic topic_of(bp::EventKind);
// The topic's key in the quiz file and on the command line (its title, in the notation on screen, is
// figures/quantity_words.h's quiz_topic_title): "forward", "loss", "output_delta", …, "updates".
std::string_view topic_key(QuizTopic);
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
    std::string given;      // the answer as typed (the words are rewritten from it when the notation changes)
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
    // The question the next three belong to: a hint, a draft or the attempts never carry over to another
    // question (quiz_hint_level, quiz_draft in handlers/quiz.h read them through it).
    int asked_event = -1;
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

struct AppState;
// Whether event `event` of the current pass has been answered right or revealed.
bool quiz_resolved(const AppState& s, int event);
// Whether quiz mode will ask event `event` of the current pass: it is asked, not answered yet, and the
// pass has not reached it. Every copy of its value stays hidden meanwhile (pass_view.h).
bool quiz_will_ask(const AppState& s, int event);

}  // namespace studio
