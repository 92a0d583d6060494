// Check-my-homework: marks hand-computed answers for one pass of a network. For each answer: the exact
// value (run_pass on the chosen sample or on the whole data set as one batch, then one SGD step with the
// file's learning rate), the formula with the numbers, the verdict by the digit rule and, when it is
// wrong, the classic mistake it matches. Shared by `backprop-cli check` and the window.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "engine/homework/answer_check.h"
#include "engine/homework/diagnosis.h"
#include "engine/core/document.h"
#include "engine/teaching/quantity.h"

namespace bp {

struct HomeworkAnswer {
    QuantityRef ref;
    std::string given;  // as the student wrote it
};

struct MarkedAnswer {
    Verdict verdict = Verdict::unreadable;
    std::string given;
    double expected = 0.0;
    std::string label;      // "δ²₁"
    std::string formula;    // with the numbers
    std::string diagnosis;  // the mistake's sentence, why more digits are needed, why unreadable, or empty
    std::optional<Diagnosis> mistake;
    ValueRef where;         // the value's place on the canvas
    bool correct() const { return verdict == Verdict::correct; }
};

class Homework {
public:
    // sample: that sample alone (no 1/N); nullopt: all of data as one batch. The step is plain SGD with
    // config's learning rate, l2 and frozen biases, whatever optimiser config names. Throws bp::Error
    // when the sample is outside the data.
    Homework(const Network& net, const Dataset& data, const TrainingConfig& config, std::optional<int> sample);

    int batch_size() const { return X_.rows; }
    std::optional<RefProblem> check(const QuantityRef& q) const { return check_ref(net_, batch_size(), q); }
    double expected(const QuantityRef& q) const { return value_of(q, trace_, after_); }
    std::string formula(const QuantityRef& q) const;  // in the notation set (per-neuron unless set)
    void set_notation(Notation n) { notation_ = n; }
    Notation notation() const { return notation_; }
    // The answer's ref must pass check(). The formula and the mistake's sentence are in the notation set.
    MarkedAnswer mark(const HomeworkAnswer& answer) const;

    const Trace& trace() const { return trace_; }
    const Network& after() const { return after_; }

private:
    Network net_;
    Matrix X_, Y_;
    TrainingConfig config_;
    Trace trace_;
    Network after_;
    mutable std::unique_ptr<Diagnoser> diagnoser_;  // built at the first wrong answer
    Notation notation_ = Notation::per_neuron;
};

}  // namespace bp
