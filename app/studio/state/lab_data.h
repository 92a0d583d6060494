// The Lab's data edits as plain functions on a document: replace the data by a generated set (resizing
// the input and output layers when they do not fit), add, move and delete points, type exact values,
// add and remove table rows. Each leaves a document that validates, or throws bp::Error saying why.
// Window-free; actions (lab.cpp) wrap them in undoable edits.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/datasets.h"
#include "engine/core/document.h"

namespace studio {

// A sample of the training set (test = false) or of the test set.
struct PointRef {
    bool test = false;
    int row = -1;
    bool valid() const { return row >= 0; }
    bool operator==(const PointRef&) const = default;
};

// Every k-th sample, k = ⌈n / max_rows⌉ (1 when n ≤ max_rows): the stride that spreads at most max_rows
// samples evenly over n, for the work per frame that must not grow with the data.
int spread_stride(int n, int max_rows);
// The samples 0, k, 2k, … of d with k = spread_stride(d.size(), max_rows).
bp::Dataset spread_rows(const bp::Dataset& d, int max_rows);

// Whether the network is a classifier: its loss is (binary) cross-entropy.
bool is_classifier(const bp::Network& net);

// The document with its data and test set replaced by generate_dataset(spec) and the spec kept in
// extra["dataset"]. The input layer takes the data's input count (1 or 2); the output layer takes one
// neuron, or two with one-hot targets when it is a softmax (classification sets only). A layer whose
// size changes gets new weights (and biases) from `scheme` and `seed`; the others keep theirs.
// Refused (bp::Error): regression targets on a cross-entropy loss. `note` says what was resized.
bp::Document with_generated_data(const bp::Document& doc, const bp::DatasetSpec& spec, bp::InitScheme scheme,
                                 std::uint64_t seed, std::string& note);

// The dataset spec kept in a document (extra["dataset"], as the presets keep it), if any.
bool stored_spec(const bp::Document& doc, bp::DatasetSpec& spec);

// The target row a click adds: a classifier gets class `cls` (0/1 for one output, one-hot for several,
// clamped to the classes there are); otherwise every output gets `value`.
std::vector<double> brush_target(const bp::Network& net, int cls, double value);

// Appends a sample (x: n_0 inputs, y: n_L targets) to the training or the test set.
void add_sample(bp::Document& d, bool test, const std::vector<double>& x, const std::vector<double>& y);
// Removes a sample; the training set keeps at least one.
void remove_sample(bp::Document& d, PointRef p);
// Sets input (target = false) or target column `col` of a sample.
void set_sample_value(bp::Document& d, PointRef p, bool target, int col, double value);
// A new table row: inputs 0, targets as brush_target(net, 0, 0).
void add_row(bp::Document& d, bool test);

// The sample nearest to (px, py) in screen pixels, within `radius` pixels, given each sample's screen
// position from `to_screen` (dims = 2: (x₁, x₂); dims = 1: (x₁, y₁)); none (row −1) when nothing is near.
// Only the samples a plot of at most `max_points` per set draws (spread_stride) are candidates.
template <class ToScreen>
PointRef nearest_sample(const bp::Document& d, int dims, double px, double py, double radius, ToScreen to_screen,
                        int max_points = bp::kMaxDatasetPoints);

// ---- implementation of the template ----
template <class ToScreen>
PointRef nearest_sample(const bp::Document& d, int dims, double px, double py, double radius, ToScreen to_screen, int max_points) {
    PointRef best;
    double best_d2 = radius * radius;
    for (int t = 0; t < 2; ++t) {
        const bp::Dataset* s = t == 0 ? (d.data ? &*d.data : nullptr) : (d.test ? &*d.test : nullptr);
        if (!s) continue;
        const int stride = spread_stride(s->size(), max_points);
        for (int n = 0; n < s->size(); n += stride) {
            const double u = s->X(n, 0), v = dims == 2 ? s->X(n, 1) : s->Y(n, 0);
            double sx = 0, sy = 0;
            to_screen(u, v, sx, sy);
            const double d2 = (sx - px) * (sx - px) + (sy - py) * (sy - py);
            if (d2 <= best_d2) best_d2 = d2, best = {t == 1, n};
        }
    }
    return best;
}

}  // namespace studio
