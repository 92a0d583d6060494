// Quiz mode without a window: what is asked, stepping that stops before each asked value, verdicts by the
// digit rule, hints, the diagnosis of a classic mistake, reveal, the score and its file, new numbers, and
// the in-window homework table. Reference numbers: Mazur's 2-2-2 example, by hand —
//   z¹₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775      a¹₁ = σ(0.3775) = 0.593269992
//   a²₁ = 0.751365070, L = 0.298371109
//   δ²₁ = (a²₁ − y₁)·σ′(z²₁) = 0.741365070·0.186815602 = 0.138498562; without σ′: 0.741365070
//   ∂L/∂w²₁₁ = a¹₁·δ²₁ = 0.082167041
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "app/studio/handlers/actions.h"
#include "app/studio/program/cli_args.h"
#include "app/studio/handlers/example.h"
#include "app/studio/figures/homework_table.h"
#include "app/studio/handlers/quiz.h"
#include "tests/studio/pass_helpers.h"
#include "app/studio/program/startup.h"

using namespace studio;
using namespace studio::test;

namespace {

// A two-sample data set on the example network, for batch passes.
bp::Document two_samples() {
    bp::Document d = builtin_example();
    bp::Dataset data;
    data.X = bp::Matrix(2, 2);
    data.X(0, 0) = 0.05, data.X(0, 1) = 0.10, data.X(1, 0) = 0.9, data.X(1, 1) = -0.3;
    data.Y = bp::Matrix(2, 2);
    data.Y(0, 0) = 0.01, data.Y(0, 1) = 0.99, data.Y(1, 0) = 0.5, data.Y(1, 1) = 0.2;
    d.data = data;
    return d;
}

}  // namespace

// ---- what is asked ----

TEST(Quiz, TopicsFollowTheEventKinds) {
    EXPECT_EQ(topic_of(bp::EventKind::z), QuizTopic::forward);
    EXPECT_EQ(topic_of(bp::EventKind::a), QuizTopic::forward);
    EXPECT_EQ(topic_of(bp::EventKind::loss), QuizTopic::loss);
    EXPECT_EQ(topic_of(bp::EventKind::output_delta), QuizTopic::output_delta);
    EXPECT_EQ(topic_of(bp::EventKind::hidden_delta), QuizTopic::hidden_delta);
    EXPECT_EQ(topic_of(bp::EventKind::weight_gradient), QuizTopic::gradients);
    EXPECT_EQ(topic_of(bp::EventKind::bias_gradient), QuizTopic::gradients);
    EXPECT_EQ(topic_of(bp::EventKind::weight_update), QuizTopic::updates);
    EXPECT_EQ(topic_of(bp::EventKind::bias_update), QuizTopic::updates);
    for (int t = 0; t < kQuizTopics; ++t)
        EXPECT_EQ(parse_topic(topic_key(static_cast<QuizTopic>(t))), static_cast<QuizTopic>(t));
    EXPECT_FALSE(parse_topic("everything"));
}

TEST(Quiz, OneInKIsSeededAndAboutOneInK) {
    const AppState s = example();
    const auto& events = s.stepper->events();
    QuizConfig c;
    c.one_in = 3;
    c.seed = 7;
    const auto asked = [&](const QuizConfig& cfg, long pass) {
        std::set<int> out;
        for (int i = 0; i < static_cast<int>(events.size()); ++i)
            if (quizzed(cfg, events[i], i, pass)) out.insert(i);
        return out;
    };
    EXPECT_EQ(asked(c, 0), asked(c, 0));  // the same seed asks the same values
    QuizConfig other = c;
    other.seed = 8;
    EXPECT_NE(asked(c, 0), asked(other, 0));
    EXPECT_NE(asked(c, 0), asked(c, 1));  // and another pass other values
    // Over many passes about a third of the values are asked.
    long total = 0, hits = 0;
    for (long pass = 0; pass < 200; ++pass) {
        total += static_cast<long>(events.size());
        hits += static_cast<long>(asked(c, pass).size());
    }
    EXPECT_NEAR(static_cast<double>(hits) / total, 1.0 / 3, 0.03);
    c.one_in = 1;
    EXPECT_EQ(asked(c, 0).size(), events.size());  // every value
    EXPECT_TRUE(asked(only(QuizTopic::loss), 0) == std::set<int>{first_event(s, bp::EventKind::loss)});
}

// ---- stepping stops before each asked value ----

TEST(Quiz, SteppingStopsBeforeEachAskedValue) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    EXPECT_EQ(quiz_question(s), 0);  // z¹₁ waits
    EXPECT_EQ(question_label(s, 0), "z¹₁");
    apply(s, act::StepForward{});
    EXPECT_EQ(s.stepper->cursor(), 0);  // → does not reveal it
    EXPECT_NE(s.status.find("z¹₁"), std::string::npos) << s.status;
    apply(s, act::RunPass{});
    EXPECT_EQ(s.stepper->cursor(), 0);
    apply(s, act::SetPlaying{true});
    apply(s, act::Tick{5.0});
    EXPECT_EQ(s.stepper->cursor(), 0);
    apply(s, act::Seek{10});
    EXPECT_EQ(s.stepper->cursor(), 0);
    // Off: stepping shows every value again.
    quiz(s, quiz_cmd::SetOn{false});
    EXPECT_EQ(quiz_question(s), -1);
    apply(s, act::StepForward{});
    EXPECT_EQ(s.stepper->cursor(), 1);
}

TEST(Quiz, LayerStepsStopInsideTheGroup) {
    AppState s = example();
    Settings st = s.settings;
    st.granularity = bp::Granularity::phase;
    apply(s, act::SetSettings{st});
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::output_delta)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::StepForward{});  // the forward phase: nothing asked
    apply(s, act::StepForward{});  // the loss
    apply(s, act::StepForward{});  // the backward phase stops at δ²₁
    const int d21 = first_event(s, bp::EventKind::output_delta);
    EXPECT_EQ(s.stepper->cursor(), d21);
    EXPECT_EQ(quiz_question(s), d21);
    EXPECT_EQ(question_label(s, d21), "δ²₁");
}

// ---- verdicts ----

TEST(Quiz, RightAnswerRevealsAndMovesOn) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    quiz(s, quiz_cmd::Type{"0.3775"});
    EXPECT_EQ(s.quiz.draft, "0.3775");
    quiz(s, quiz_cmd::Answer{"0.3775"});
    EXPECT_EQ(s.stepper->cursor(), 1);  // z¹₁ is now shown
    ASSERT_NE(quiz_feedback(s), nullptr);
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::right);
    EXPECT_EQ(quiz_feedback(s)->headline, "✓ Right: z¹₁ = 0.3775");
    EXPECT_EQ(s.quiz.score.first_try, 1);
    EXPECT_EQ(s.quiz.score.asked, 1);
    EXPECT_TRUE(s.quiz.draft.empty());
    EXPECT_EQ(quiz_question(s), 1);  // a¹₁ waits
    // "0.59327" for a¹₁ = 0.593269992: right to the digits written.
    quiz(s, quiz_cmd::Answer{"0.59327"});
    EXPECT_EQ(s.stepper->cursor(), 2);
    EXPECT_EQ(s.quiz.score.first_try, 2);
}

TEST(Quiz, WrongAnswerHintsThenRight) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    quiz(s, quiz_cmd::Answer{"0.38"});  // z¹₁ = 0.3775: 0.0025 off, within one unit (0.01) of the last digit
    EXPECT_EQ(s.stepper->cursor(), 1) << "0.38 agrees with 0.3775 to the digits written (±0.01)";
    quiz(s, quiz_cmd::Answer{"0.6933"});  // a¹₁ = 0.59327: wrong
    EXPECT_EQ(s.stepper->cursor(), 1);
    ASSERT_NE(quiz_feedback(s), nullptr);
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::wrong);
    EXPECT_EQ(quiz_feedback(s)->headline, "✗ 0.6933 is not a¹₁");
    EXPECT_EQ(s.quiz.attempts, 1);
    EXPECT_EQ(s.quiz.draft, "0.6933");  // kept in the field to correct
    quiz(s, quiz_cmd::Hint{});
    EXPECT_EQ(s.quiz.hint, 1);
    quiz(s, quiz_cmd::Hint{});
    quiz(s, quiz_cmd::Hint{});
    EXPECT_EQ(s.quiz.hint, 2);  // symbols, then numbers: no third level
    quiz(s, quiz_cmd::Answer{"0.7"});
    EXPECT_EQ(quiz_feedback(s)->headline, "✗ 0.7 is not a¹₁ (attempt 2)");
    quiz(s, quiz_cmd::Answer{"0.5933"});
    EXPECT_EQ(s.stepper->cursor(), 2);
    EXPECT_EQ(s.quiz.score.first_try, 1);
    EXPECT_EQ(s.quiz.score.later, 1);
    EXPECT_EQ(s.quiz.score.wrong, 2);
    EXPECT_EQ(s.quiz.hint, 0);  // the next question starts without hints
}

TEST(Quiz, TooFewDigitsAndUnreadableAreNotAttempts) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    quiz(s, quiz_cmd::Answer{"0.4"});  // z¹₁ = 0.3775: one significant digit
    EXPECT_EQ(s.stepper->cursor(), 0);
    ASSERT_NE(quiz_feedback(s), nullptr);
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::need_digits);
    EXPECT_FALSE(quiz_feedback(s)->detail.empty());
    EXPECT_EQ(s.quiz.attempts, 0);
    quiz(s, quiz_cmd::Answer{"zero point four"});
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::unreadable);
    EXPECT_EQ(s.quiz.attempts, 0);
    EXPECT_EQ(s.stepper->cursor(), 0);
}

TEST(Quiz, DiagnosisNamesTheForgottenDerivative) {
    AppState s = example();
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::output_delta)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::StepForward{100});
    ASSERT_EQ(question_label(s, quiz_question(s)), "δ²₁");
    quiz(s, quiz_cmd::Answer{"0.7414"});  // a²₁ − y₁ without σ′(z²₁)
    const QuizFeedback* f = quiz_feedback(s);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->kind, FeedbackKind::wrong);
    EXPECT_NE(f->detail.find("You left out σ′(z²₁) = 0.1868"), std::string::npos) << f->detail;
    EXPECT_TRUE(f->has_point);
    EXPECT_EQ(f->point_at, (bp::ValueRef{bp::ValueRef::Kind::z, 2, 0, 0}));
    // A wrong answer no mistake explains gets the plain advice.
    quiz(s, quiz_cmd::Answer{"0.9"});
    EXPECT_FALSE(quiz_feedback(s)->has_point);
    quiz(s, quiz_cmd::Answer{"0.1385"});
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::right);
}

TEST(Quiz, RevealMovesOnAndCounts) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    quiz(s, quiz_cmd::Reveal{});
    EXPECT_EQ(s.stepper->cursor(), 1);
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::revealed);
    EXPECT_EQ(quiz_feedback(s)->headline, "Revealed: z¹₁ = 0.3775");
    EXPECT_EQ(s.quiz.score.revealed, 1);
    EXPECT_EQ(s.quiz.score.asked, 1);
    EXPECT_EQ(s.quiz.score.first_try, 0);
    // Stepping back and forward again does not ask an answered value twice.
    apply(s, act::StepBack{});
    apply(s, act::StepForward{});
    EXPECT_EQ(s.stepper->cursor(), 1);
    // Start over asks it again.
    quiz(s, quiz_cmd::StartOver{});
    EXPECT_EQ(s.stepper->cursor(), 0);
    EXPECT_EQ(quiz_question(s), 0);
    EXPECT_EQ(s.quiz.score, QuizScore{});
}

TEST(Quiz, EveryAskedValueIsJudgedAgainstTheValueTheStepShows) {
    // The marker (engine Homework) and the stepper agree on every value, for one sample and for a batch.
    for (int sample : {0, -1}) {
        AppState s = make_state(two_samples(), "", "two");
        apply(s, act::SetSample{sample});
        quiz(s, quiz_cmd::SetOn{true});
        int answered = 0;
        while (!s.stepper->at_end()) {
            const int i = quiz_question(s);
            ASSERT_EQ(i, s.stepper->cursor());
            const double v = s.stepper->events()[i].value;
            char text[64];
            std::snprintf(text, sizeof text, "%.12g", v);
            quiz(s, quiz_cmd::Answer{text});
            ASSERT_EQ(s.stepper->cursor(), i + 1) << "sample " << sample << ": " << s.stepper->text(i).title
                                                   << " = " << text << ": " << s.status;
            ++answered;
        }
        EXPECT_EQ(answered, s.stepper->size());
        EXPECT_EQ(s.quiz.score.first_try, answered);
    }
}

// ---- the score and its file ----

TEST(Quiz, FinishedPassGoesIntoTheTotalsAndTheFile) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "bp_quiz_test";
    std::filesystem::remove_all(dir);
    AppState s = example();
    attach_quiz_file(s.quiz, (dir / "sub" / "quiz.json").string(), false);
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::loss)});
    quiz(s, quiz_cmd::SetOn{true});
    apply(s, act::StepForward{100});
    ASSERT_EQ(question_label(s, quiz_question(s)), "L");
    quiz(s, quiz_cmd::Answer{"0.2984"});  // L = 0.298371109
    EXPECT_EQ(s.quiz.score.first_try, 1);
    EXPECT_TRUE(s.quiz.totals.empty());  // the pass is not over yet
    apply(s, act::RunPass{});
    ASSERT_TRUE(s.stepper->at_end());
    ASSERT_EQ(s.quiz.totals.count("example"), 1u);
    const QuizTotals t = s.quiz.totals.at("example");
    EXPECT_EQ(t.passes, 1);
    EXPECT_EQ(t.sum.asked, 1);
    EXPECT_EQ(t.best_percent, 100);
    // Written atomically; read back equal.
    AppState other = example();
    attach_quiz_file(other.quiz, (dir / "sub" / "quiz.json").string(), false);
    EXPECT_EQ(other.quiz.totals, s.quiz.totals);
    EXPECT_EQ(other.quiz.config, only(QuizTopic::loss));
    // The next pass starts a new score; a second finished pass adds to the totals.
    apply(s, act::StepForward{});  // commit and start pass 2
    EXPECT_EQ(quiz_pass_score(s), QuizScore{});
    apply(s, act::StepForward{100});
    quiz(s, quiz_cmd::Reveal{});
    apply(s, act::RunPass{});
    EXPECT_EQ(s.quiz.totals.at("example").passes, 2);
    EXPECT_EQ(s.quiz.totals.at("example").best_percent, 100);
    EXPECT_EQ(percent_first_try(s.quiz.totals.at("example").sum), 50);
    std::filesystem::remove_all(dir);
}

TEST(Quiz, FileReaderKeepsDefaultsForDamagedParts) {
    QuizConfig c;
    std::map<std::string, QuizTotals> totals;
    quiz_file_from_json("not json", c, totals);
    EXPECT_EQ(c, QuizConfig{});
    quiz_file_from_json(R"({"config": {"topics": ["loss", "bogus"], "one_in": 500}, "scores": {"x": 3, "y": {"passes": 2}}})",
                        c, totals);
    EXPECT_EQ(c.topics, only(QuizTopic::loss).topics);
    EXPECT_EQ(c.one_in, kMaxQuizOneIn);
    EXPECT_EQ(totals.count("x"), 0u);
    EXPECT_EQ(totals.at("y").passes, 2);
    QuizConfig back;
    std::map<std::string, QuizTotals> back_totals;
    quiz_file_from_json(quiz_file_to_json(c, totals), back, back_totals);
    EXPECT_EQ(back, c);
    EXPECT_EQ(back_totals, totals);
}

TEST(Quiz, ScoreText) {
    EXPECT_EQ(score_text({}), "no questions answered yet");
    EXPECT_EQ(score_text({4, 2, 1, 1, 3}), "2 of 4 right first time · 1 after a retry or a hint · 1 revealed");
    EXPECT_EQ(percent_first_try({3, 2, 0, 1, 0}), 67);
}

// ---- new numbers, opening another file ----

TEST(Quiz, NewNumbersKeepTheArchitectureWithTwoDecimals) {
    AppState s = example();
    const bp::Network before = s.doc.net;
    const Settings settings = s.settings;
    quiz(s, quiz_cmd::NewNumbers{});
    ASSERT_FALSE(s.status_is_error) << s.status;
    const bp::Network& net = s.doc.net;
    ASSERT_EQ(net.layers.size(), before.layers.size());
    bool changed = false;
    for (int l = 1; l <= net.L(); ++l) {
        EXPECT_EQ(net.layers[l].size, before.layers[l].size);
        EXPECT_EQ(net.layers[l].activation, before.layers[l].activation);
        for (std::size_t i = 0; i < net.layers[l].W.v.size(); ++i) {
            const double w = net.layers[l].W.v[i];
            EXPECT_NEAR(w * 100, std::round(w * 100), 1e-9) << w;
            changed |= w != before.layers[l].W.v[i];
        }
        for (double b : net.layers[l].b) EXPECT_NEAR(b * 100, std::round(b * 100), 1e-9) << b;
    }
    EXPECT_TRUE(changed);
    EXPECT_EQ(s.settings, settings);  // the user's init scheme and seed are theirs
    EXPECT_EQ(s.stepper->cursor(), 0);
    // Again: other numbers; Ctrl+Z brings the previous ones back.
    const bp::Network first = s.doc.net;
    quiz(s, quiz_cmd::NewNumbers{});
    EXPECT_NE(s.doc.net.layers[1].W.v, first.layers[1].W.v);
    apply(s, act::Undo{});
    EXPECT_EQ(s.doc.net.layers[1].W.v, first.layers[1].W.v);
}

TEST(Quiz, OpeningAnotherDocumentKeepsModeAndTotals) {
    AppState s = example();
    quiz(s, quiz_cmd::SetConfig{only(QuizTopic::gradients)});
    quiz(s, quiz_cmd::SetOn{true});
    s.quiz.totals["example"].passes = 3;
    quiz(s, quiz_cmd::Answer{"1"});
    apply(s, act::ReplaceDocument{two_samples(), "", "two"});
    EXPECT_TRUE(s.quiz.on);
    EXPECT_EQ(s.quiz.config, only(QuizTopic::gradients));
    EXPECT_EQ(s.quiz.totals.at("example").passes, 3);
    EXPECT_EQ(quiz_feedback(s), nullptr);
}

TEST(Quiz, EditingMidPassAsksTheRecomputedValuesAgain) {
    AppState s = example();
    quiz(s, quiz_cmd::SetOn{true});
    quiz(s, quiz_cmd::Answer{"0.3775"});
    apply(s, act::StepBack{});
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 0.25});  // z¹₁ = 0.25·0.05 + 0.2·0.1 + 0.35 = 0.3825
    EXPECT_EQ(quiz_question(s), 0);
    quiz(s, quiz_cmd::Answer{"0.3775"});
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::wrong);
    quiz(s, quiz_cmd::Answer{"0.3825"});
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::right);
}

// ---- the homework table ----

TEST(HomeworkTable, MarksEachRowWithTheEngineRule) {
    AppState s = example();
    s.quiz.homework = {
        {bp::Quantity::a, 2, 0, 0, "0.7514"},     // a²₁ = 0.751365070: right
        {bp::Quantity::delta, 2, 0, 0, "0.7414"}, // δ²₁ without σ′: wrong, diagnosed
        {bp::Quantity::dW, 2, 0, 0, "0.08217"},   // ∂L/∂w²₁₁ = 0.082167041: right
        {bp::Quantity::loss, 0, 0, 0, "0.3"},     // L = 0.2984: one digit → more digits
        {bp::Quantity::z, 5, 0, 0, "1.0"},        // no layer 5
        {bp::Quantity::z, 1, 1, 0, ""},           // nothing typed yet
    };
    HomeworkTableCache cache;
    const std::vector<HomeworkMark>& m = cache.get(s);
    ASSERT_EQ(m.size(), 6u);
    EXPECT_EQ(m[0].label, "a²₁");
    EXPECT_EQ(m[0].verdict, bp::Verdict::correct);
    EXPECT_EQ(m[0].mark, "✓ right");
    EXPECT_EQ(m[1].verdict, bp::Verdict::wrong);
    EXPECT_NE(m[1].diagnosis.find("σ′(z²₁)"), std::string::npos) << m[1].diagnosis;
    EXPECT_TRUE(m[1].has_point);
    EXPECT_EQ(m[2].label, "∂L/∂w²₁₁");
    EXPECT_EQ(m[2].verdict, bp::Verdict::correct);
    EXPECT_EQ(m[3].verdict, bp::Verdict::need_more_digits);
    EXPECT_FALSE(m[4].problem.empty());
    EXPECT_EQ(m[4].problem.rfind("layer: ", 0), 0u) << m[4].problem;
    EXPECT_FALSE(m[5].checked);
    EXPECT_EQ(m[5].label, "z¹₂");
    cache.get(s);
    EXPECT_EQ(cache.builds(), 1);
    quiz(s, quiz_cmd::SetHomework{{{bp::Quantity::a, 2, 0, 0, "0.75"}}});
    EXPECT_EQ(cache.get(s).size(), 1u);
    EXPECT_EQ(cache.builds(), 2);
}

// ---- the command line for screenshots ----

TEST(QuizCommandLine, FlagsParseAndStartTheQuiz) {
    Options o;
    EXPECT_EQ(parse_command_line({"--tab", "paths"}, o), "");
    EXPECT_EQ(o.tab, "paths");
    EXPECT_NE(parse_command_line({"--tab", "bogus"}, o).find("--tab bogus"), std::string::npos);
    EXPECT_NE(parse_command_line({"--quiz-what", "forward,bogus"}, o).find("'bogus'"), std::string::npos);
    EXPECT_NE(parse_command_line({"--answer"}, o).find("needs a value"), std::string::npos);
    ASSERT_EQ(parse_command_line({"--quiz-what", "output_delta", "--step", "100", "--answer", "0.7414", "--hint",
                                  "--tab", "quiz"},
                                 o),
              "");
    EXPECT_TRUE(o.quiz);
    EXPECT_EQ(o.hints, 1);
    const AppState s = initial_state(o);
    EXPECT_TRUE(s.quiz.on);
    EXPECT_EQ(s.side_tab, "quiz");
    EXPECT_EQ(question_label(s, quiz_question(s)), "δ²₁");
    ASSERT_NE(quiz_feedback(s), nullptr);
    EXPECT_EQ(quiz_feedback(s)->kind, FeedbackKind::wrong);
    EXPECT_EQ(s.quiz.hint, 1);
}
