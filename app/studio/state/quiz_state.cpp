// Quiz mode's state: the topics, which values are asked, the score's words (see quiz_state.h).
#include "app/studio/state/quiz_state.h"

#include "app/studio/state/studio_state.h"
#include "engine/core/rng.h"

namespace studio {

// ---- [SECTION] what is asked ----

QuizTopic topic_of(bp::EventKind k) {
    switch (k) {
        case bp::EventKind::z:
        case bp::EventKind::a: return QuizTopic::forward;
        case bp::EventKind::loss: return QuizTopic::loss;
        case bp::EventKind::output_delta: return QuizTopic::output_delta;
        case bp::EventKind::hidden_delta: return QuizTopic::hidden_delta;
        case bp::EventKind::weight_gradient:
        case bp::EventKind::bias_gradient: return QuizTopic::gradients;
        case bp::EventKind::weight_update:
        case bp::EventKind::bias_update: return QuizTopic::updates;
    }
    return QuizTopic::forward;
}

namespace {
constexpr std::string_view kTopicKeys[kQuizTopics] = {"forward", "loss", "output_delta", "hidden_delta", "gradients",
                                                      "updates"};

std::uint64_t mix(std::uint64_t x) { return bp::Rng(x).next_u64(); }  // splitmix64's first output
}  // namespace

std::string_view topic_key(QuizTopic t) { return kTopicKeys[static_cast<int>(t)]; }

std::optional<QuizTopic> parse_topic(std::string_view key) {
    for (int i = 0; i < kQuizTopics; ++i)
        if (kTopicKeys[i] == key) return static_cast<QuizTopic>(i);
    return std::nullopt;
}

bool quizzed(const QuizConfig& c, const bp::StepEvent& e, int index, long pass) {
    if (!c.topics[static_cast<int>(topic_of(e.kind))]) return false;
    if (c.one_in <= 1) return true;
    const std::uint64_t h = mix(mix(c.seed ^ 0x51A2C0FFEEull) ^ (static_cast<std::uint64_t>(pass) << 20) ^
                                static_cast<std::uint64_t>(index));
    return h % static_cast<std::uint64_t>(c.one_in) == 0;
}

bool quiz_resolved(const AppState& s, int event) {
    const QuizState& q = s.quiz;
    return q.revision == s.pass_revision && event >= 0 && event < static_cast<int>(q.resolved.size()) &&
           q.resolved[static_cast<std::size_t>(event)] != 0;
}

bool quiz_will_ask(const AppState& s, int event) {
    if (!s.quiz.on || !s.stepper || event < s.stepper->cursor() || event >= s.stepper->size()) return false;
    return quizzed(s.quiz.config, s.stepper->events()[event], event, s.steps_done) && !quiz_resolved(s, event);
}

// ---- [SECTION] the score ----

std::string score_text(const QuizScore& s) {
    if (s.asked == 0) return "no questions answered yet";
    std::string t = std::to_string(s.first_try) + " of " + std::to_string(s.asked) + " right first time";
    if (s.later) t += " · " + std::to_string(s.later) + " after a retry or a hint";
    if (s.revealed) t += " · " + std::to_string(s.revealed) + " revealed";
    return t;
}

int percent_first_try(const QuizScore& s) { return s.asked > 0 ? (200 * s.first_try + s.asked) / (2 * s.asked) : 0; }

}  // namespace studio
