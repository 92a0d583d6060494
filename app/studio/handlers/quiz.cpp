// Quiz mode (see quiz.h).
// [SECTION] the pass being quizzed   [SECTION] the commands   [SECTION] the quiz file
#include "app/studio/handlers/quiz.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/document.h"
#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/teaching/notation.h"
#include "engine/io/serialize.h"

namespace studio {

// ---- [SECTION] the pass being quizzed ----

namespace {


// Brings the per-pass fields up to the current pass (they are forgotten when the pass is rebuilt).
void sync(AppState& s) {
    QuizState& q = s.quiz;
    if (q.revision != s.pass_revision) {
        q.revision = s.pass_revision;
        q.resolved.assign(static_cast<std::size_t>(s.stepper->size()), 0);
        q.attempts = 0;
        q.hint = 0;
        q.draft.clear();
        q.feedback = {};
        q.marker.reset();
    }
    if (q.pass != s.steps_done) {
        q.pass = s.steps_done;
        q.score = {};
        q.recorded = false;
    }
    if (const int i = quiz_question(s); q.asked_event != i) {  // another question: its own hints and attempts
        q.asked_event = i;
        q.attempts = 0;
        q.hint = 0;
        q.draft.clear();
    }
}

// The quiz's marker, in the notation on screen: its diagnoses are written in it.
const bp::Homework& marker(AppState& s) {
    QuizState& q = s.quiz;
    if (!q.marker || q.marker->notation() != s.settings.notation) {
        const std::optional<int> sample = s.sample >= 0 ? std::optional<int>(s.sample) : std::nullopt;
        auto m = std::make_shared<bp::Homework>(s.doc.net, *s.doc.data, s.doc.training, sample);
        m->set_notation(s.settings.notation);
        q.marker = std::move(m);
    }
    return *q.marker;
}

bp::QuantityRef quantity(const AppState& s, int event) {
    return bp::quantity_of(s.stepper->events()[event], s.stepper->shown_sample());
}

void record_if_complete(AppState& s) {
    QuizState& q = s.quiz;
    if (!s.stepper->at_end() || q.score.asked == 0 || q.recorded) return;
    QuizTotals& t = q.totals[s.title];
    ++t.passes;
    t.sum.asked += q.score.asked;
    t.sum.first_try += q.score.first_try;
    t.sum.later += q.score.later;
    t.sum.revealed += q.score.revealed;
    t.sum.wrong += q.score.wrong;
    t.best_percent = std::max(t.best_percent, percent_first_try(q.score));
    q.recorded = true;
    if (const std::string e = save_quiz_file(q); !e.empty()) set_status(s, "quiz score not saved: " + e, true);
}

// The question is done (right or revealed): reveal the value and move past it.
void resolve(AppState& s, int event) {
    QuizState& q = s.quiz;
    q.resolved[static_cast<std::size_t>(event)] = 1;
    ++q.score.asked;
    q.attempts = 0;
    q.hint = 0;
    q.draft.clear();
    s.stepper->seek(event + 1);
    record_if_complete(s);
}

void ask_status(AppState& s, int event) {
    set_status(s, "Your turn: compute " + question_label(s, event) + ", type it and press Enter (or ask for a hint, or reveal it).");
}

}  // namespace

int quiz_question(const AppState& s) {
    if (!s.stepper) return -1;
    const int i = s.stepper->cursor();
    return quiz_will_ask(s, i) ? i : -1;
}

int quiz_hint_level(const AppState& s) {
    const QuizState& q = s.quiz;
    return q.revision == s.pass_revision && q.asked_event >= 0 && q.asked_event == quiz_question(s) ? q.hint : 0;
}

const std::string& quiz_draft(const AppState& s) {
    static const std::string none;
    const QuizState& q = s.quiz;
    return q.revision == s.pass_revision && q.asked_event >= 0 && q.asked_event == quiz_question(s) ? q.draft : none;
}

QuizScore quiz_pass_score(const AppState& s) { return s.quiz.pass == s.steps_done ? s.quiz.score : QuizScore{}; }

const QuizFeedback* quiz_feedback(const AppState& s) {
    const QuizState& q = s.quiz;
    if (q.revision != s.pass_revision || q.feedback.kind == FeedbackKind::none) return nullptr;
    return &q.feedback;
}

std::string question_label(const AppState& s, int event) {
    if (!s.stepper || event < 0 || event >= s.stepper->size()) return "";
    return bp::label(quantity(s, event), symbols(s));
}

bool quiz_hold(AppState& s, int before) {
    if (!s.quiz.on || !s.stepper) return false;
    sync(s);
    const int after = s.stepper->cursor();
    for (int i = std::max(0, before); i < after; ++i) {
        if (quizzed(s.quiz.config, s.stepper->events()[i], i, s.steps_done) && !quiz_resolved(s, i)) {
            s.stepper->seek(i);
            ask_status(s, i);
            return true;
        }
    }
    record_if_complete(s);
    return false;
}

QuizState carried_over(const QuizState& q) {
    QuizState c;
    c.on = q.on;
    c.config = q.config;
    c.totals = q.totals;
    c.file = q.file;
    c.new_numbers = q.new_numbers;
    c.homework = q.homework;
    return c;
}

// ---- [SECTION] the commands ----

namespace {

// The feedback's words for `text` given as the value of event i, marked m: in the notation on screen.
QuizFeedback feedback_for(AppState& s, int i, const std::string& text, const bp::MarkedAnswer& m) {
    const QuizState& q = s.quiz;
    const std::string name = question_label(s, i);
    const std::string given = text.empty() ? "(nothing)" : text;
    QuizFeedback f;
    f.event = i;
    f.given = text;
    switch (m.verdict) {
        case bp::Verdict::correct:
            f.kind = FeedbackKind::right;
            f.headline = "✓ Right: " + name + " = " + s.stepper->text(i).result;
            break;
        case bp::Verdict::wrong:
            f.kind = FeedbackKind::wrong;
            f.headline = "✗ " + given + " is not " + name + (q.attempts > 1 ? " (attempt " + std::to_string(q.attempts) + ")" : "");
            if (m.mistake) {
                f.detail = m.mistake->sentence;
                f.has_point = true;
                f.point_at = m.mistake->point_at;
            } else {
                f.detail = q.hint < 2 ? "Try again, or ask for a hint." : "Try again, or reveal the value.";
            }
            break;
        case bp::Verdict::need_more_digits:
            f.kind = FeedbackKind::need_digits;
            f.headline = "Need more digits: " + given;
            f.detail = m.diagnosis.empty() ? "Write at least two significant digits." : m.diagnosis;
            break;
        case bp::Verdict::unreadable:
            f.kind = FeedbackKind::unreadable;
            f.headline = "Not a number: " + given;
            f.detail = m.diagnosis;
            break;
    }
    return f;
}

std::string revealed_headline(const AppState& s, int i) {
    return "Revealed: " + question_label(s, i) + " = " + s.stepper->text(i).result;
}

void answer(AppState& s, const std::string& text) {
    QuizState& q = s.quiz;
    const int i = quiz_question(s);
    if (i < 0) return set_status(s, "No question is waiting: step forward to the next value.");
    const bp::MarkedAnswer m = marker(s).mark({quantity(s, i), text});
    ++q.checked;
    if (m.verdict == bp::Verdict::correct) {
        if (q.attempts == 0 && q.hint == 0) ++q.score.first_try;
        else ++q.score.later;
    } else if (m.verdict == bp::Verdict::wrong) {
        ++q.attempts;
        ++q.score.wrong;
    }
    q.feedback = feedback_for(s, i, text, m);
    if (m.verdict == bp::Verdict::correct) {
        const std::string name = question_label(s, i);
        resolve(s, i);
        return set_status(s, "Right: " + name + " = " + s.stepper->text(i).result);
    }
    q.draft = text;
    set_status(s, q.feedback.headline);
}

void reveal(AppState& s) {
    const int i = quiz_question(s);
    if (i < 0) return;
    QuizFeedback f;
    f.kind = FeedbackKind::revealed;
    f.event = i;
    f.headline = revealed_headline(s, i);
    s.quiz.feedback = f;
    ++s.quiz.score.revealed;
    resolve(s, i);
}

void new_numbers(AppState& s) {
    QuizState& q = s.quiz;
    const std::uint64_t seed = bp::Rng(q.config.seed * 1000003ull + ++q.new_numbers).next_u64();
    const bool done = edit_document_and_say(s, "new numbers for the quiz", [&](bp::Document& d) {
        bp::initialize(d.net, bp::InitScheme::uniform, seed);  // weights and biases in ±1/√fan-in
        bp::round_parameters(d.net, 2);                          // short decimals: doable by hand
    });
    if (!done) return;
    s.stepper->restart();
    s.playing = false;
    set_status(s, "New numbers: the same network with fresh weights and biases of two decimals (Ctrl+Z brings back the old ones).");
}

struct QuizHandler {
    AppState& s;
    void operator()(const quiz_cmd::SetOn& c) {
        s.quiz.on = c.on;
        if (!c.on) return set_status(s, "Quiz mode off: stepping shows every value again.");
        sync(s);
        const int i = quiz_question(s);
        if (i >= 0) ask_status(s, i);
        else set_status(s, "Quiz mode on: stepping stops before each value you are asked to compute.");
    }
    void operator()(const quiz_cmd::SetConfig& c) {
        QuizConfig t = c.config;
        t.one_in = std::clamp(t.one_in, 1, kMaxQuizOneIn);
        s.quiz.config = t;
        if (!s.quiz.file.empty()) save_quiz_file(s.quiz);  // a failure here is reported when a score is saved
    }
    void operator()(const quiz_cmd::Type& c) {
        sync(s);
        s.quiz.draft = c.text;
    }
    void operator()(const quiz_cmd::Answer& c) {
        sync(s);
        answer(s, c.text);
    }
    void operator()(const quiz_cmd::Hint&) {
        sync(s);
        if (quiz_question(s) >= 0) s.quiz.hint = std::min(2, s.quiz.hint + 1);
    }
    void operator()(const quiz_cmd::Reveal&) {
        sync(s);
        reveal(s);
    }
    void operator()(const quiz_cmd::NewNumbers&) { new_numbers(s); }
    void operator()(const quiz_cmd::StartOver&) {
        sync(s);
        std::fill(s.quiz.resolved.begin(), s.quiz.resolved.end(), 0);
        s.quiz.score = {};
        s.quiz.recorded = false;
        s.quiz.attempts = s.quiz.hint = 0;
        s.quiz.feedback = {};
        s.quiz.draft.clear();
        s.stepper->restart();
        s.playing = false;
        if (const int i = quiz_question(s); i >= 0) ask_status(s, i);
    }
    void operator()(const quiz_cmd::SetHomework& c) { s.quiz.homework = c.rows; }
};

}  // namespace

void apply_quiz(AppState& s, const QuizCommand& c) { std::visit(QuizHandler{s}, c); }

void rewrite_quiz_feedback(AppState& s) {
    QuizFeedback& f = s.quiz.feedback;
    if (!quiz_feedback(s) || f.event < 0 || f.event >= s.stepper->size()) return;
    const std::string before = f.headline;
    if (f.kind == FeedbackKind::revealed) f.headline = revealed_headline(s, f.event);
    else f = feedback_for(s, f.event, f.given, marker(s).mark({quantity(s, f.event), f.given}));
    if (s.status == before) set_status(s, f.headline);
}

// ---- [SECTION] the quiz file ----

namespace {
using nlohmann::json;

int read_int(const json& j, const char* key, int fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}
}  // namespace

std::string quiz_file_path() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x && x[0] == '/') return std::string(x) + "/backprop-studio/quiz.json";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/backprop-studio/quiz.json";
    return "";
}

std::string quiz_file_to_json(const QuizConfig& c, const std::map<std::string, QuizTotals>& totals) {
    json topics = json::array();
    for (int i = 0; i < kQuizTopics; ++i)
        if (c.topics[i]) topics.push_back(std::string(topic_key(static_cast<QuizTopic>(i))));
    json scores = json::object();
    for (const auto& [title, t] : totals)
        scores[title] = {{"passes", t.passes},       {"asked", t.sum.asked},       {"first_try", t.sum.first_try},
                         {"later", t.sum.later},     {"revealed", t.sum.revealed}, {"wrong", t.sum.wrong},
                         {"best_percent", t.best_percent}};
    const json j = {{"format_version", 1},
                    {"config", {{"topics", topics}, {"one_in", c.one_in}, {"seed", c.seed}}},
                    {"scores", scores}};
    return j.dump(2) + "\n";
}

void quiz_file_from_json(const std::string& text, QuizConfig& c, std::map<std::string, QuizTotals>& totals) {
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    if (const auto cfg = j.find("config"); cfg != j.end() && cfg->is_object()) {
        if (const auto t = cfg->find("topics"); t != cfg->end() && t->is_array()) {
            c.topics.fill(false);
            for (const json& k : *t)
                if (k.is_string())
                    if (const auto topic = parse_topic(k.get<std::string>())) c.topics[static_cast<int>(*topic)] = true;
        }
        c.one_in = std::clamp(read_int(*cfg, "one_in", c.one_in), 1, kMaxQuizOneIn);
        if (const auto seed = cfg->find("seed"); seed != cfg->end() && seed->is_number_unsigned()) c.seed = seed->get<std::uint64_t>();
    }
    if (const auto sc = j.find("scores"); sc != j.end() && sc->is_object()) {
        for (const auto& [title, v] : sc->items()) {
            if (!v.is_object()) continue;
            QuizTotals t;
            t.passes = read_int(v, "passes", 0);
            t.sum.asked = read_int(v, "asked", 0);
            t.sum.first_try = read_int(v, "first_try", 0);
            t.sum.later = read_int(v, "later", 0);
            t.sum.revealed = read_int(v, "revealed", 0);
            t.sum.wrong = read_int(v, "wrong", 0);
            t.best_percent = std::clamp(read_int(v, "best_percent", 0), 0, 100);
            totals[title] = t;
        }
    }
}

void attach_quiz_file(QuizState& q, const std::string& path, bool keep_config) {
    q.file = path;
    if (path.empty()) return;
    std::ifstream in(path);
    if (!in) return;
    std::stringstream text;
    text << in.rdbuf();
    QuizConfig c = q.config;
    quiz_file_from_json(text.str(), c, q.totals);
    if (!keep_config) q.config = c;
}

std::string save_quiz_file(const QuizState& q) {
    if (q.file.empty()) return "";
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::path(q.file).parent_path();
    std::filesystem::create_directories(dir, ec);
    if (ec) return "cannot create " + dir.string() + ": " + ec.message();
    try {
        bp::write_file_atomically(q.file, quiz_file_to_json(q.config, q.totals));
    } catch (const bp::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace studio
