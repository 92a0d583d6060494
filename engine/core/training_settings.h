// The allowed range of every training setting, in one place: the network file's loader, backprop-cli's
// options (--lr, --batch) and the studio's controls check a value with these, so a value one of them
// refuses, all refuse, in the same words.
#pragma once
#include <string>
#include <string_view>

namespace bp {

enum class TrainingSetting { learning_rate, l2, momentum, beta1, beta2, epsilon };

struct SettingRange {
    double lo, hi;
    bool lo_included;  // false: lo itself is refused (a learning rate of 0 trains nothing)
};
SettingRange range_of(TrainingSetting);
std::string_view key_of(TrainingSetting);   // "learning_rate", as in the file's "training"
std::string_view name_of(TrainingSetting);  // "the learning rate", for messages

// Empty when x is allowed; otherwise the rule it breaks, naming the setting:
// "the learning rate must be greater than 0 and at most 1e9".
std::string setting_problem(TrainingSetting, double x);

// Samples per step: 0 (all of the data) up to kMaxSamples, and no more than the data has (data_size,
// when known, ≥ 1): a larger batch would only repeat samples, at a memory cost of batch × layer widths.
// Empty when allowed, else "the batch size must be between 0 (all of the data) and 1000000" or
// "the batch size is larger than the data (2 samples)".
std::string batch_size_problem(long long batch, int data_size = -1);

// The first setting of c that breaks its rule (setting_problem, batch_size_problem), or "": the one check
// of a whole configuration, whoever changes it (data_size as for batch_size_problem).
struct TrainingConfig;
std::string training_problem(const TrainingConfig& c, int data_size = -1);

}  // namespace bp
