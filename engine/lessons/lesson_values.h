// The values of a lesson's "key: value" lines, one reader each: indices ("2,0,1", 0-based as in files),
// numbers, events of the pass (`delta 2,0`, `update w 2,0,1`, `value h2`), selections, edits of a parameter
// (`w 2,0,0 = 0.9`), what "show me how" does (`set …`, `lr 5`, `train 100`) and what a question asks.
// Each throws ValueError with the reason and the place in the value, for a file:line:column message.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.h"
#include "engine/lessons/lesson.h"

namespace bp {

struct ValueError : Error {
    ValueError(const std::string& why, std::size_t at_byte = 0) : Error(why), at(at_byte) {}
    std::size_t at = 0;  // bytes into the value
};

// Exactly `count` integers ≥ 0 separated by commas (spaces allowed): "2,0,1".
std::vector<int> parse_index_list(std::string_view text, int count, std::string_view what);
// A finite number as a student writes one ("0.5", "−2", "1e-3"); `what` names it in the message.
double parse_lesson_number(std::string_view text, std::string_view what);
// An integer in [lo, hi].
long parse_lesson_count(std::string_view text, std::string_view what, long lo, long hi);
// One of `names` (its position), or ValueError listing them.
int parse_lesson_choice(std::string_view text, std::string_view what, std::initializer_list<std::string_view> names);
// `x=0.5, w1=2`: names and finite values, each name once.
VariableValues parse_assignments(std::string_view text);

StepTarget parse_step_target(std::string_view text);
SelectTarget parse_select_target(std::string_view text);
ParameterEdit parse_edit(std::string_view text);     // `w 2,0,0 = 0.9`, `b 1,0 = 0`, `x = 1.5`
DemoAction parse_demo_action(std::string_view text); // `set w 2,0,0 = 0.9`, `lr 5`, `train 100`
// `ask:` of a value question: the check vocabulary (`a 2,0`, `dW 2,0,1`, `loss`, `W_after 2,0,0`) or a
// graph's (`value h2`, `adjoint x`, `local h2 h1`); fills q.on_graph and q.quantity or q.graph.
void parse_ask(std::string_view text, Question& q);

}  // namespace bp
