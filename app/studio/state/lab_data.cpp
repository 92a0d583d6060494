// The Lab's data edits (see lab_data.h).
#include "app/studio/state/lab_data.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"

namespace studio {
namespace {

// New weights (and biases) for layer l, shaped for the current sizes of layers l−1 and l.
void redraw_layer(bp::Network& net, int l, bp::InitScheme scheme, std::uint64_t seed) {
    bp::Layer& layer = net.layers[l];
    const bp::Network fresh = bp::make_network({net.layers[l - 1].size, layer.size}, {bp::Activation::linear},
                                               bp::Loss::mse_half, scheme, seed + static_cast<std::uint64_t>(l), layer.bias);
    layer.W = fresh.layers[1].W;
    layer.b = fresh.layers[1].b;
}

bp::Dataset& set_of(bp::Document& d, bool test) {
    std::optional<bp::Dataset>& s = test ? d.test : d.data;
    if (!s) {
        s = bp::Dataset{bp::Matrix(0, d.net.input_size()), bp::Matrix(0, d.net.output_size())};
    }
    return *s;
}

void check_ref(const bp::Document& d, PointRef p) {
    const std::optional<bp::Dataset>& s = p.test ? d.test : d.data;
    if (!s || p.row < 0 || p.row >= s->size())
        throw bp::Error(std::string("no sample ") + std::to_string(p.row) + " in the " + (p.test ? "test" : "training") + " set");
}

void append_row(bp::Matrix& m, const std::vector<double>& row) {
    m.v.insert(m.v.end(), row.begin(), row.end());
    ++m.rows;
}

void erase_row(bp::Matrix& m, int r) {
    m.v.erase(m.v.begin() + static_cast<std::ptrdiff_t>(r) * m.cols, m.v.begin() + static_cast<std::ptrdiff_t>(r + 1) * m.cols);
    --m.rows;
}

// Classification targets (one 0/1 column) as one-hot rows over two classes: y → (1 − y, y).
bp::Matrix one_hot(const bp::Matrix& y) {
    bp::Matrix out(y.rows, 2);
    for (int n = 0; n < y.rows; ++n) out(n, y(n, 0) >= 0.5 ? 1 : 0) = 1.0;
    return out;
}

}  // namespace

int spread_stride(int n, int max_rows) { return n <= max_rows ? 1 : (n + max_rows - 1) / max_rows; }

bp::Dataset spread_rows(const bp::Dataset& d, int max_rows) {
    const int k = spread_stride(d.size(), max_rows);
    if (k == 1) return d;
    const int rows = (d.size() + k - 1) / k;
    bp::Dataset out{bp::Matrix(rows, d.X.cols), bp::Matrix(rows, d.Y.cols)};
    for (int r = 0; r < rows; ++r) {
        std::copy_n(d.X.row(r * k), d.X.cols, out.X.row(r));
        std::copy_n(d.Y.row(r * k), d.Y.cols, out.Y.row(r));
    }
    return out;
}

bool is_classifier(const bp::Network& net) { return bp::loss_info(net.loss).targets != bp::Targets::any; }

bp::Document with_generated_data(const bp::Document& doc, const bp::DatasetSpec& spec, bp::InitScheme scheme,
                                 std::uint64_t seed, std::string& note) {
    bp::SplitDataset data = bp::generate_dataset(spec);
    const bool classes = bp::is_classification(spec.kind);
    bp::Document d = doc;
    bp::Network& net = d.net;
    const int L = net.L();
    const bool softmax = net.layers[L].activation == bp::Activation::softmax;  // one probability per class
    if (!classes && is_classifier(net))
        throw bp::Error(std::string("the ") + std::string(bp::to_string(spec.kind)) +
                        " set has real-valued targets, but the network's loss is " + std::string(bp::to_string(net.loss)) +
                        ": choose a squared-error loss first (architecture panel), or a classification set");
    if (classes && softmax) {  // a softmax classifier: one-hot targets over two classes
        data.train.Y = one_hot(data.train.Y);
        data.test.Y = one_hot(data.test.Y);
    }
    const int inputs = bp::input_size(spec.kind), outputs = data.train.Y.cols;
    note.clear();
    if (net.layers[0].size != inputs) {
        note = "the input layer now has " + std::to_string(inputs) + (inputs == 1 ? " neuron" : " neurons");
        net.layers[0].size = inputs;
        redraw_layer(net, 1, scheme, seed);
    }
    if (net.layers[L].size != outputs) {
        note += std::string(note.empty() ? "" : "; ") + "the output layer now has " + std::to_string(outputs) +
                (outputs == 1 ? " neuron" : " neurons");
        net.layers[L].size = outputs;
        redraw_layer(net, L, scheme, seed);
    }
    if (!note.empty()) note += " (new weights where the size changed)";
    d.data = std::move(data.train);
    d.test = std::move(data.test);
    (*d.extra)["dataset"] = {{"kind", std::string(bp::to_string(spec.kind))},
                          {"points", spec.points},
                          {"noise", spec.noise},
                          {"test_fraction", spec.test_fraction},
                          {"seed", spec.seed}};
    bp::validate(d.net);
    bp::validate_dataset(d.net, *d.data, "data");
    if (d.test->size() > 0) bp::validate_dataset(d.net, *d.test, "data.test");
    return d;
}

bool stored_spec(const bp::Document& doc, bp::DatasetSpec& spec) {
    const auto it = doc.extra->find("dataset");
    if (it == doc.extra->end() || !it->is_object()) return false;
    const nlohmann::json& j = *it;
    const auto kind = j.contains("kind") && j["kind"].is_string() ? bp::parse_dataset_kind(j["kind"].get<std::string>())
                                                                  : std::nullopt;
    if (!kind) return false;
    bp::DatasetSpec s;
    s.kind = *kind;
    if (j.contains("points") && j["points"].is_number_integer()) s.points = j["points"].get<int>();
    if (j.contains("noise") && j["noise"].is_number()) s.noise = j["noise"].get<double>();
    if (j.contains("test_fraction") && j["test_fraction"].is_number()) s.test_fraction = j["test_fraction"].get<double>();
    if (j.contains("seed") && j["seed"].is_number_unsigned()) s.seed = j["seed"].get<std::uint64_t>();
    spec = s;
    return true;
}

std::vector<double> brush_target(const bp::Network& net, int cls, double value) {
    const int K = net.output_size();
    if (!is_classifier(net)) return std::vector<double>(K, value);
    if (K == 1) return {cls > 0 ? 1.0 : 0.0};
    std::vector<double> y(K, 0.0);
    y[std::clamp(cls, 0, K - 1)] = 1.0;
    return y;
}

void add_sample(bp::Document& d, bool test, const std::vector<double>& x, const std::vector<double>& y) {
    if (static_cast<int>(x.size()) != d.net.input_size() || static_cast<int>(y.size()) != d.net.output_size())
        throw bp::Error("a sample needs " + std::to_string(d.net.input_size()) + " inputs and " +
                        std::to_string(d.net.output_size()) + " targets");
    bp::Dataset& s = set_of(d, test);
    if (s.size() >= bp::kMaxDatasetPoints) throw bp::Error("the data set is full (" + std::to_string(bp::kMaxDatasetPoints) + " samples)");
    append_row(s.X, x);
    append_row(s.Y, y);
}

void remove_sample(bp::Document& d, PointRef p) {
    check_ref(d, p);
    bp::Dataset& s = set_of(d, p.test);
    if (!p.test && s.size() == 1) throw bp::Error("the training set keeps at least one sample");
    erase_row(s.X, p.row);
    erase_row(s.Y, p.row);
}

void set_sample_value(bp::Document& d, PointRef p, bool target, int col, double value) {
    check_ref(d, p);
    bp::Dataset& s = set_of(d, p.test);
    bp::Matrix& m = target ? s.Y : s.X;
    if (col < 0 || col >= m.cols) throw bp::Error("no column " + std::to_string(col));
    if (!std::isfinite(value)) throw bp::Error("a value must be a finite number");
    m(p.row, col) = value;
}

void add_row(bp::Document& d, bool test) {
    add_sample(d, test, std::vector<double>(d.net.input_size(), 0.0), brush_target(d.net, 0, 0.0));
}

}  // namespace studio
