// Quiz mode's actions and queries, window-free (the state is quiz_state.h): which values of the pass the student computes (by kind, every one or one in k
// at random with a seed), the question waiting before the next value is revealed, the verdict on a typed
// answer by the digit rule with the diagnosis of the classic mistakes (engine/homework/homework.h), the hint level,
// the score of the pass and the totals kept per preset (in a small file in the XDG data directory).
// The actions (QuizCommand) are carried out by apply_quiz(); stepping calls quiz_hold() after it moved.
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "app/studio/state/quiz_state.h"

namespace studio {

struct AppState;

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
// Writes the feedback on screen again in the notation now chosen (View ▸ Notation): the same verdict,
// mistake and counts, the symbols of the new notation.
void rewrite_quiz_feedback(AppState& s);

// After the stepper moved forward from cursor `before`: in quiz mode, stops it before the first value in
// [before, cursor) that is asked and not yet answered, and says so in the status line; records the pass's
// score when the pass is complete. Returns true when it stopped the stepper.
bool quiz_hold(AppState& s, int before);

// ---- queries for the views ----
// The event whose value the student is asked now (the next one), or -1.
int quiz_question(const AppState& s);
// The hint level (0 to 2) and the answer field's text of the waiting question: 0 and "" when they were
// given for another question (a new pass, new numbers, another sample) or none waits.
int quiz_hint_level(const AppState& s);
const std::string& quiz_draft(const AppState& s);
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
