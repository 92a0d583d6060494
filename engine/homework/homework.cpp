// Marking hand-computed answers (see homework.h).
#include "engine/homework/homework.h"

#include "engine/homework/answer_formula.h"
#include "engine/core/error.h"
#include "engine/core/optimizer.h"
#include "engine/core/passes.h"

namespace bp {

Homework::Homework(const Network& net, const Dataset& data, const TrainingConfig& config, std::optional<int> sample)
    : net_(net), config_(config) {
    if (sample && (*sample < 0 || *sample >= data.size()))
        throw Error("sample " + std::to_string(*sample) + " is outside the data (0.." + std::to_string(data.size() - 1) + ")");
    X_ = sample ? take_rows(data.X, *sample, 1) : data.X;
    Y_ = sample ? take_rows(data.Y, *sample, 1) : data.Y;
    config_.optimizer = OptimizerKind::sgd;  // "after one SGD step"
    trace_ = run_pass(net_, X_, Y_);
    after_ = net_;
    OptimizerState state;
    apply_update(after_, trace_, config_, state);  // w ← w − η(∂L/∂w + λw)
}

std::string Homework::formula(const QuantityRef& q) const {
    return formula_with_numbers({net_, trace_, Y_, after_, config_, notation_}, q);
}

MarkedAnswer Homework::mark(const HomeworkAnswer& answer) const {
    MarkedAnswer m;
    m.given = answer.given;
    m.expected = expected(answer.ref);
    m.label = label(answer.ref, Symbols(notation_, net_));
    m.formula = formula(answer.ref);
    m.where = value_ref(answer.ref);
    const AnswerCheck c = check_answer(answer.given, m.expected);
    m.verdict = c.verdict;
    m.diagnosis = c.reason;
    if (c.verdict != Verdict::wrong) return m;
    if (c.given.significant < kMinSignificantDigits) {
        // Too few digits to tell one mistake from another: only the request for more.
        m.diagnosis = "Write at least " + std::to_string(kMinSignificantDigits) + " significant digits.";
        return m;
    }
    if (!diagnoser_) diagnoser_ = std::make_unique<Diagnoser>(net_, X_, Y_, config_);
    m.mistake = diagnoser_->diagnose(answer.ref, c.given, notation_);
    if (m.mistake) m.diagnosis = m.mistake->sentence;
    return m;
}

}  // namespace bp
