// The divergence check every command makes first (see pass_check.h).
#include "app/cli/pass_check.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/cli/output.h"
#include "engine/teaching/notation.h"

namespace cli {
namespace {

// Throws Diverged naming the first value of m that is not finite, e.g. "δ²₁ of sample 3". The words are
// written only for that value: a whole data set of finite values costs one comparison each.
void check_matrix(const bp::Matrix& m, const char* symbol, int l, int first_sample) {
    for (int n = 0; n < m.rows; ++n)
        for (int j = 0; j < m.cols; ++j)
            if (!std::isfinite(m(n, j)))
                require_finite(m(n, j), bp::neuron_label(symbol, l, j) + " of sample " + std::to_string(first_sample + n));
}

}  // namespace

void check_trace(const bp::Trace& t, int first_sample) {
    for (std::size_t l = 1; l < t.layers.size(); ++l) {
        const int li = static_cast<int>(l);
        const bp::LayerTrace& lt = t.layers[l];
        check_matrix(lt.z, "z", li, first_sample);
        check_matrix(lt.a, "a", li, first_sample);
    }
    require_finite(t.loss, "the loss L");
    for (std::size_t l = 1; l < t.layers.size(); ++l) {
        const int li = static_cast<int>(l);
        const bp::LayerTrace& lt = t.layers[l];
        check_matrix(lt.delta, "δ", li, first_sample);
        for (int j = 0; j < lt.dW.rows; ++j) {
            for (int k = 0; k < lt.dW.cols; ++k)
                if (!std::isfinite(lt.dW(j, k))) require_finite(lt.dW(j, k), "∂L/∂" + bp::weight_label(li, j, k));
            if (!std::isfinite(lt.db[j])) require_finite(lt.db[j], "∂L/∂" + bp::bias_label(li, j));
        }
    }
}

bp::Trace checked_pass(const bp::Network& net, const bp::Dataset& data) {
    bp::Trace t = bp::run_pass(net, data.X, data.Y);
    check_trace(t);
    return t;
}

void check_converges(const bp::Network& net, const bp::Dataset& data) {
    if (data.size() <= kCheckSlice) {
        checked_pass(net, data);
        return;
    }
    for (int first = 0; first < data.size(); first += kCheckSlice) {
        const int count = std::min(kCheckSlice, data.size() - first);
        check_trace(bp::run_pass(net, bp::take_rows(data.X, first, count), bp::take_rows(data.Y, first, count)), first);
    }
}

}  // namespace cli
