// Small helpers the studio tests share: Mazur's example as a fresh state, a quiz command applied, a quiz
// that asks one kind of value only, and the first event of a kind in the pass.
#pragma once
#include <utility>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"

namespace studio::test {

inline AppState example() { return make_state(builtin_example(), "", "example"); }

inline void quiz(AppState& s, QuizCommand c) { apply(s, act::Quiz{std::move(c)}); }

inline QuizConfig only(QuizTopic t) {
    QuizConfig c;
    c.topics.fill(false);
    c.topics[static_cast<int>(t)] = true;
    return c;
}

inline int first_event(const AppState& s, bp::EventKind k) {
    for (int i = 0; i < s.stepper->size(); ++i)
        if (s.stepper->events()[i].kind == k) return i;
    return -1;
}

}  // namespace studio::test
