// Data-set checks and optimiser names (see document.h).
#include "engine/core/document.h"

#include <cmath>

#include "engine/core/error.h"

namespace bp {

std::string_view to_string(OptimizerKind k) {
    switch (k) {
        case OptimizerKind::sgd: return "sgd";
        case OptimizerKind::momentum: return "momentum";
        case OptimizerKind::adam: return "adam";
    }
    return "?";
}

std::optional<OptimizerKind> parse_optimizer(std::string_view s) {
    for (OptimizerKind k : {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::adam})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

void validate_dataset(const Network& net, const Dataset& d, const std::string& where) {
    const std::string in = where + ".inputs", tg = where + ".targets";
    if (d.X.rows == 0) throw Error(in + " is empty: at least one sample is needed");
    if (d.Y.rows != d.X.rows)
        throw Error(tg + " has " + std::to_string(d.Y.rows) + " rows but " + in + " has " + std::to_string(d.X.rows));
    if (d.X.cols != net.input_size())
        throw Error(in + " rows have " + std::to_string(d.X.cols) + " entries, expected " +
                    std::to_string(net.input_size()) + " (the input layer's size)");
    if (d.Y.cols != net.output_size())
        throw Error(tg + " rows have " + std::to_string(d.Y.cols) + " entries, expected " +
                    std::to_string(net.output_size()) + " (the output layer's size)");
    const Targets rule = loss_info(net.loss).targets;
    const std::string loss(to_string(net.loss));
    for (int n = 0; n < d.X.rows; ++n) {
        const std::string row = "[" + std::to_string(n) + "]";
        for (int k = 0; k < d.X.cols; ++k)
            if (!std::isfinite(d.X(n, k))) throw Error(in + row + "[" + std::to_string(k) + "] is not a finite number");
        double sum = 0.0;
        for (int k = 0; k < d.Y.cols; ++k) {
            const double y = d.Y(n, k);
            const std::string cell = tg + row + "[" + std::to_string(k) + "]";
            if (!std::isfinite(y)) throw Error(cell + " is not a finite number");
            if (rule == Targets::unit_interval && (y < 0.0 || y > 1.0))
                throw Error(cell + " = " + std::to_string(y) + " is outside [0, 1], as " + loss + " needs");
            if (rule == Targets::distribution && y < 0.0)
                throw Error(cell + " = " + std::to_string(y) + " is negative; " + loss + " targets are probabilities");
            sum += y;
        }
        if (rule == Targets::distribution && std::fabs(sum - 1.0) > 1e-6)
            throw Error(tg + row + " sums to " + std::to_string(sum) + "; " + loss + " targets must sum to 1");
    }
}

}  // namespace bp
