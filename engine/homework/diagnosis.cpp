// Matching a wrong answer with the classic mistakes (see diagnosis.h).
#include "engine/homework/diagnosis.h"

#include <cmath>

#include "engine/homework/mistake_text.h"

namespace bp {

Diagnoser::Diagnoser(const Network& net, const Matrix& X, const Matrix& Y, const TrainingConfig& config)
    : net_(net),
      Y_(Y),
      config_(config),
      correct_(run_with_mistake(net, X, Y, config, Mistake::none, kEveryLayer)),
      runs_(run_all_mistakes(net, X, Y, config)) {}

std::optional<Diagnosis> Diagnoser::diagnose(const QuantityRef& q, const WrittenNumber& given, Notation notation) const {
    const double exact_value = exact(q);
    if (agrees_to_digits_written(given, exact_value)) return std::nullopt;
    // Pass 0: mistakes made at the answer's own layer; 1: at every layer; 2: at another layer.
    const auto rank = [&](const MistakeRun& r) { return r.layer == q.l ? 0 : r.layer == kEveryLayer ? 1 : 2; };
    for (int pass = 0; pass < 3; ++pass) {
        for (const MistakeRun& run : runs_) {
            if (rank(run) != pass) continue;
            const double v = value_of(q, run.trace, run.after);
            if (!std::isfinite(v)) continue;                           // e.g. a transposed weight that does not exist
            if (within_last_digit(given, v, exact_value)) continue;    // indistinguishable from right at these digits
            if (!within_last_digit(given, given.value, v)) continue;   // the answer is not this mistake's value
            const Symbols symbols(notation, net_);
            const Explanation e = explain({net_, correct_.trace, Y_, config_, q, run.mistake, run.layer, symbols});
            return Diagnosis{run.mistake, run.layer, v, e.sentence, e.point_at};
        }
    }
    return std::nullopt;
}

}  // namespace bp
