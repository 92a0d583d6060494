// Built-in data sets (see datasets.h): each generator draws one sample from a bp::Rng, so a spec and its
// seed give the same points everywhere. Shapes after TensorFlow Playground, scaled from radius 5 to 1.
#include "engine/core/datasets.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/error.h"
#include "engine/core/rng.h"

namespace bp {

namespace {

constexpr double kPi = 3.141592653589793;

// One generated sample before the split: inputs (1 or 2 used) and one target.
struct Sample {
    double x[2] = {0.0, 0.0};
    double y = 0.0;
};

// ---- classification: class c ∈ {0, 1}, jitter = noise · N(0, 1) on each input ----

// XOR of the signs: target 1 when exactly one coordinate is positive (x₁·x₂ < 0).
Sample xor_sample(Rng& rng, int c, double noise) {
    constexpr double pad = 0.05;  // keeps points off the axes, where the class flips
    const double s1 = rng.uniform() < 0.5 ? -1.0 : 1.0;
    const double s2 = c == 1 ? -s1 : s1;
    Sample s;
    s.x[0] = s1 * rng.uniform(pad, 1.0) + noise * rng.normal();
    s.x[1] = s2 * rng.uniform(pad, 1.0) + noise * rng.normal();
    s.y = c;
    return s;
}

// Class 1 inside radius 0.5, class 0 in the ring 0.7 … 1.0.
Sample circle_sample(Rng& rng, int c, double noise) {
    const double r = c == 1 ? rng.uniform(0.0, 0.5) : rng.uniform(0.7, 1.0);
    const double angle = rng.uniform(0.0, 2.0 * kPi);
    Sample s;
    s.x[0] = r * std::cos(angle) + noise * rng.normal();
    s.x[1] = r * std::sin(angle) + noise * rng.normal();
    s.y = c;
    return s;
}

// Class 1 around (0.4, 0.4), class 0 around (−0.4, −0.4), each with spread 0.15 before the jitter.
Sample gaussians_sample(Rng& rng, int c, double noise) {
    constexpr double spread = 0.15;
    const double centre = c == 1 ? 0.4 : -0.4;
    Sample s;
    s.x[0] = centre + spread * rng.normal() + noise * rng.normal();
    s.x[1] = centre + spread * rng.normal() + noise * rng.normal();
    s.y = c;
    return s;
}

// Point i of n on arm c: r = (i + ½)/n, θ = 3.5π·r + (c = 0 ? π : 0); (x₁, x₂) = r (sin θ, cos θ).
// Each arm turns 1¾ times, so the two arms (the same curve turned by π) wind around each other.
Sample spiral_sample(Rng& rng, int c, int i, int n, double noise) {
    const double r = (i + 0.5) / n;
    const double theta = 1.75 * 2.0 * kPi * r + (c == 0 ? kPi : 0.0);
    Sample s;
    s.x[0] = r * std::sin(theta) + noise * rng.normal();
    s.x[1] = r * std::cos(theta) + noise * rng.normal();
    s.y = c;
    return s;
}

// ---- regression: x uniform in [−1, 1], target = f(x) + noise · N(0, 1) ----

Sample line_sample(Rng& rng, double noise) {
    Sample s;
    s.x[0] = rng.uniform(-1.0, 1.0);
    s.y = 0.6 * s.x[0] + 0.2 + noise * rng.normal();  // y = 0.6x + 0.2
    return s;
}

Sample sine_sample(Rng& rng, double noise) {
    Sample s;
    s.x[0] = rng.uniform(-1.0, 1.0);
    s.y = std::sin(kPi * s.x[0]) + noise * rng.normal();  // y = sin(πx)
    return s;
}

Sample plane_sample(Rng& rng, double noise) {
    Sample s;
    s.x[0] = rng.uniform(-1.0, 1.0);
    s.x[1] = rng.uniform(-1.0, 1.0);
    s.y = 0.6 * s.x[0] - 0.4 * s.x[1] + noise * rng.normal();  // y = 0.6x₁ − 0.4x₂
    return s;
}

void check_spec(const DatasetSpec& spec) {
    if (spec.points < 2 || spec.points > kMaxDatasetPoints)
        throw Error("dataset points " + std::to_string(spec.points) + " is outside 2.." +
                    std::to_string(kMaxDatasetPoints));
    if (!std::isfinite(spec.noise) || spec.noise < 0.0 || spec.noise > kMaxDatasetNoise)
        throw Error("dataset noise must be a number from 0 to " +
                    std::to_string(static_cast<int>(kMaxDatasetNoise)));
    if (!std::isfinite(spec.test_fraction) || spec.test_fraction < 0.0 || spec.test_fraction >= 1.0)
        throw Error("dataset test_fraction must be at least 0 and below 1");
}

std::vector<Sample> draw_samples(const DatasetSpec& spec, Rng& rng) {
    const int n = spec.points;
    std::vector<Sample> samples;
    samples.reserve(static_cast<std::size_t>(n));
    if (spec.kind == DatasetKind::spiral) {
        for (int c : {1, 0}) {  // class 1 gets ⌈n/2⌉ points, class 0 ⌊n/2⌋
            const int arm = c == 1 ? (n + 1) / 2 : n / 2;
            for (int i = 0; i < arm; ++i) samples.push_back(spiral_sample(rng, c, i, arm, spec.noise));
        }
        return samples;
    }
    for (int i = 0; i < n; ++i) {
        const int c = i % 2 == 0 ? 1 : 0;  // alternate: exact class balance
        switch (spec.kind) {
            case DatasetKind::xor_gate: samples.push_back(xor_sample(rng, c, spec.noise)); break;
            case DatasetKind::circle: samples.push_back(circle_sample(rng, c, spec.noise)); break;
            case DatasetKind::gaussians: samples.push_back(gaussians_sample(rng, c, spec.noise)); break;
            case DatasetKind::line: samples.push_back(line_sample(rng, spec.noise)); break;
            case DatasetKind::sine: samples.push_back(sine_sample(rng, spec.noise)); break;
            case DatasetKind::plane: samples.push_back(plane_sample(rng, spec.noise)); break;
            case DatasetKind::spiral: break;  // handled above
        }
    }
    return samples;
}

// Copies samples [first, first + count) into a Dataset with n_in input columns and one target column.
Dataset to_dataset(const std::vector<Sample>& samples, int first, int count, int n_in) {
    Dataset d;
    d.X = Matrix(count, n_in);  // (N, n_0)
    d.Y = Matrix(count, 1);     // (N, 1)
    for (int n = 0; n < count; ++n) {
        const Sample& s = samples[static_cast<std::size_t>(first + n)];
        for (int k = 0; k < n_in; ++k) d.X(n, k) = s.x[k];
        d.Y(n, 0) = s.y;
    }
    return d;
}

}  // namespace

std::string_view to_string(DatasetKind kind) {
    switch (kind) {
        case DatasetKind::xor_gate: return "xor";
        case DatasetKind::circle: return "circle";
        case DatasetKind::gaussians: return "gaussians";
        case DatasetKind::spiral: return "spiral";
        case DatasetKind::line: return "line";
        case DatasetKind::sine: return "sine";
        case DatasetKind::plane: return "plane";
    }
    return "?";
}

std::optional<DatasetKind> parse_dataset_kind(std::string_view name) {
    for (DatasetKind kind : kAllDatasetKinds)
        if (name == to_string(kind)) return kind;
    return std::nullopt;
}

std::string_view describe(DatasetKind kind) {
    switch (kind) {
        case DatasetKind::xor_gate: return "XOR: class 1 where the two inputs have opposite signs";
        case DatasetKind::circle: return "circle: class 1 inside radius 0.5, class 0 in a ring around it";
        case DatasetKind::gaussians: return "two gaussian clouds, one per class";
        case DatasetKind::spiral: return "two interleaved spiral arms, one per class";
        case DatasetKind::line: return "1-D regression: y = 0.6x + 0.2";
        case DatasetKind::sine: return "1-D regression: y = sin(πx)";
        case DatasetKind::plane: return "2-D regression: y = 0.6x₁ − 0.4x₂";
    }
    return "?";
}

bool is_classification(DatasetKind kind) {
    return kind == DatasetKind::xor_gate || kind == DatasetKind::circle || kind == DatasetKind::gaussians ||
           kind == DatasetKind::spiral;
}

int input_size(DatasetKind kind) { return kind == DatasetKind::line || kind == DatasetKind::sine ? 1 : 2; }

SplitDataset generate_dataset(const DatasetSpec& spec) {
    check_spec(spec);
    Rng rng(spec.seed);
    std::vector<Sample> samples = draw_samples(spec, rng);
    for (int i = spec.points - 1; i > 0; --i)  // Fisher–Yates with the same generator
        std::swap(samples[static_cast<std::size_t>(i)], samples[static_cast<std::size_t>(rng.below(i + 1))]);

    long n_test = std::lround(spec.points * spec.test_fraction);
    if (n_test > spec.points - 1) n_test = spec.points - 1;  // keep at least one training sample
    const int n_train = spec.points - static_cast<int>(n_test);
    const int n_in = input_size(spec.kind);
    return {to_dataset(samples, 0, n_train, n_in), to_dataset(samples, n_train, static_cast<int>(n_test), n_in)};
}

}  // namespace bp
