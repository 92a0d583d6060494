// Built-in data sets, seeded and reproducible: 2-D classification (XOR, circle, two gaussians, spiral)
// and regression (line and sine in 1-D, a plane in 2-D), with noise, size and a train/test split.
// Shapes follow TensorFlow Playground's sets, scaled from its [-6, 6] square to about [-1, 1] so that
// tanh and sigmoid units start in their working range.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/core/document.h"

namespace bp {

enum class DatasetKind { xor_gate, circle, gaussians, spiral, line, sine, plane };
inline constexpr std::array<DatasetKind, 7> kAllDatasetKinds = {
    DatasetKind::xor_gate, DatasetKind::circle, DatasetKind::gaussians, DatasetKind::spiral,
    DatasetKind::line,     DatasetKind::sine,   DatasetKind::plane};

std::string_view to_string(DatasetKind);  // "xor", "circle", "gaussians", "spiral", "line", "sine", "plane"
std::optional<DatasetKind> parse_dataset_kind(std::string_view);
std::string_view describe(DatasetKind);  // one line for menus, e.g. "two interleaved spiral arms"
bool is_classification(DatasetKind);
int input_size(DatasetKind);  // 2, or 1 for line and sine

// Limits of a spec (generate_dataset refuses anything outside them with a bp::Error).
inline constexpr int kMaxDatasetPoints = 100000;
inline constexpr double kMaxDatasetNoise = 10.0;

struct DatasetSpec {
    DatasetKind kind = DatasetKind::circle;
    int points = 200;             // train + test, 2 .. kMaxDatasetPoints
    double noise = 0.1;           // std. deviation of Gaussian jitter: on the inputs (classification)
                                  // or on the target (regression), in the data's own units
    double test_fraction = 0.2;   // share of the points held out for the test set, in [0, 1)
    std::uint64_t seed = 1;
};

struct SplitDataset {
    Dataset train;  // points − round(points · test_fraction) samples (at least 1)
    Dataset test;   // the rest; 0 rows (but the right column counts) when test_fraction is 0
};

// Classification targets are 0/1 in one column (for a sigmoid output with binary_cross_entropy); the two
// classes get ⌈points/2⌉ and ⌊points/2⌋ samples. Samples come in a seeded random order; the train set
// takes the first of them, the test set the last round(points · test_fraction). Same spec, same numbers
// on every platform. Throws bp::Error for a spec outside the limits.
SplitDataset generate_dataset(const DatasetSpec& spec);

}  // namespace bp
