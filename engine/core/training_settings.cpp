// The allowed range of every training setting (see training_settings.h).
#include "engine/core/training_settings.h"

#include <cmath>
#include <utility>

#include "engine/core/document.h"
#include "engine/core/network.h"
#include "engine/core/number_text.h"

namespace bp {

SettingRange range_of(TrainingSetting s) {
    switch (s) {
        case TrainingSetting::learning_rate: return {0.0, 1e9, false};
        case TrainingSetting::l2: return {0.0, 1e9, true};
        case TrainingSetting::momentum: return {0.0, 0.999999, true};  // μ = 1 never forgets: no convergence
        case TrainingSetting::beta1: return {0.0, 0.999999, true};
        case TrainingSetting::beta2: return {0.0, 0.999999, true};
        case TrainingSetting::epsilon: return {0.0, 1.0, false};  // ε = 0 divides by zero on a zero gradient
    }
    return {0.0, 0.0, true};
}

std::string_view key_of(TrainingSetting s) {
    switch (s) {
        case TrainingSetting::learning_rate: return "learning_rate";
        case TrainingSetting::l2: return "l2";
        case TrainingSetting::momentum: return "momentum";
        case TrainingSetting::beta1: return "beta1";
        case TrainingSetting::beta2: return "beta2";
        case TrainingSetting::epsilon: return "epsilon";
    }
    return "?";
}

std::string_view name_of(TrainingSetting s) {
    switch (s) {
        case TrainingSetting::learning_rate: return "the learning rate";
        case TrainingSetting::l2: return "the L2 weight decay";
        case TrainingSetting::momentum: return "the momentum";
        case TrainingSetting::beta1: return "Adam's beta1";
        case TrainingSetting::beta2: return "Adam's beta2";
        case TrainingSetting::epsilon: return "Adam's epsilon";
    }
    return "?";
}

std::string setting_problem(TrainingSetting s, double x) {
    const SettingRange r = range_of(s);
    const bool ok = std::isfinite(x) && (r.lo_included ? x >= r.lo : x > r.lo) && x <= r.hi;
    if (ok) return "";
    return std::string(name_of(s)) + " must be " + (r.lo_included ? "at least " : "greater than ") +
           format_number(r.lo, 6, false) + " and at most " + format_number(r.hi, 6, false);
}

std::string batch_size_problem(long long batch, int data_size) {
    if (batch < 0 || batch > kMaxSamples)
        return "the batch size must be between 0 (all of the data) and " + std::to_string(kMaxSamples);
    if (data_size >= 1 && batch > data_size)
        return "the batch size is larger than the data (" + std::to_string(data_size) + " sample" +
               (data_size == 1 ? ")" : "s)");
    return "";
}

std::string training_problem(const TrainingConfig& c, int data_size) {
    const std::pair<TrainingSetting, double> values[] = {
        {TrainingSetting::learning_rate, c.learning_rate}, {TrainingSetting::l2, c.l2},
        {TrainingSetting::momentum, c.momentum},           {TrainingSetting::beta1, c.beta1},
        {TrainingSetting::beta2, c.beta2},                 {TrainingSetting::epsilon, c.epsilon}};
    for (const auto& [setting, x] : values)
        if (std::string why = setting_problem(setting, x); !why.empty()) return why;
    return batch_size_problem(c.batch_size, data_size);
}

}  // namespace bp
