// Building the first state from the command line (see startup.h).
#include "app/studio/program/startup.h"

#include <algorithm>
#include <filesystem>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace studio {

namespace {

// The state of a file of either kind: a network or an expression (handlers/expression.h).
AppState state_of_file(const std::string& path) {
    AppState s = make_state(builtin_example(), "", "");
    if (const std::string why = open_any_document(s, load_any_document(path), path, std::filesystem::path(path).stem().string());
        !why.empty())
        throw bp::Error(path + ": " + why);
    return s;
}

}  // namespace

AppState initial_state(const Options& o) {
    AppState s = o.file.empty() ? make_state(builtin_example(), "", "Mazur's 2-2-2 example") : state_of_file(o.file);
    s.present = o.present;
    s.keyboard_mode = o.keyboard_mode;
    if (!o.lesson.empty()) {  // the lesson's page replaces the document; the options below act on it
        std::string why;
        const std::string path = find_lesson(o.lesson, &why);
        if (path.empty()) throw bp::Error("--lesson: " + why);
        apply(s, act::Lesson{lesson_cmd::Open{path, std::max(0, o.lesson_page - 1), true}});
        if (!s.lesson.lesson) throw bp::Error("--lesson " + o.lesson + ": " + s.files.error_title + "\n" + s.files.error_text);
    }
    if (o.select && !valid(s.doc.net, *o.select))
        throw bp::Error("--select: the network has no such " +
                        std::string(o.select->kind == Selection::Kind::weight ? "weight"
                                    : o.select->kind == Selection::Kind::bias ? "bias"
                                                                              : "neuron") +
                        " (indices are 0-based; layer 0 is the input)");
    if (o.select && o.select->kind == Selection::Kind::bias && !s.doc.net.layers[o.select->l].bias)
        throw bp::Error("--select: layer " + std::to_string(o.select->l) + " has no bias");
    if (o.learning_rate) {
        bp::TrainingConfig c = s.doc.training;
        c.learning_rate = *o.learning_rate;
        apply(s, act::Lab{lab::SetConfig{c}});
        if (s.status_is_error) throw bp::Error("--lr: " + s.status);
    }
    if (o.train_steps > 0) {  // as the Lab trains: an exploding loss stops it early with the message shown
        apply(s, act::Lab{lab::Train{o.train_steps}});
        if (s.status_is_error && !s.lab.diverged) throw bp::Error("--train-steps: " + s.status);
    }
    if (o.quiz) {  // before stepping, so --step stops at the first question
        QuizConfig c;
        if (!o.quiz_what.empty()) {
            c.topics.fill(false);
            for (const std::string& w : o.quiz_what)
                if (const auto topic = parse_topic(w)) c.topics[static_cast<int>(*topic)] = true;
        }
        if (s.expression) apply(s, act::Expression{expr_cmd::SetQuiz{true}});
        else apply(s, act::Quiz{quiz_cmd::SetConfig{c}}), apply(s, act::Quiz{quiz_cmd::SetOn{true}});
    }
    apply(s, act::StepForward{o.step, false});  // stops at the end of the pass
    if (o.select) apply(s, act::Select{*o.select});
    // --lr and --train-steps changed the document: it differs from the file (the title shows *).
    if (!s.lesson.lesson) {
        s.status = o.file.empty() ? "Press → or Space to step through the pass; drag an edge to change a weight."
                                  : "Opened " + o.file;
        s.status_is_error = false;
    }
    if (s.lab.diverged) s.status = divergence_message(*s.lab.diverged), s.status_is_error = true;
    for (const std::string& text : o.answers)
        s.expression ? apply(s, act::Expression{expr_cmd::Answer{text}}) : apply(s, act::Quiz{quiz_cmd::Answer{text}});
    for (int i = 0; i < o.hints; ++i) apply(s, act::Quiz{quiz_cmd::Hint{}});
    if (!o.homework.empty()) apply(s, act::Quiz{quiz_cmd::SetHomework{o.homework}});
    if (!o.tab.empty()) apply(s, act::ShowTab{o.tab});
    if (o.path > 0 && o.select) apply(s, act::PinPath{PathPin{*o.select, o.path - 1}});
    return s;
}

}  // namespace studio
