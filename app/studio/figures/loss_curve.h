// The loss curve's math, window-free: min/max decimation per pixel column (the history's points draw as
// fast as a hundred, and no spike is lost), "nice" axis ticks for linear and log scales, and the y mapping.
#pragma once
#include <string>
#include <vector>

#include "app/studio/state/loss_history.h"

namespace studio {

// One pixel column of the curve: the smallest and largest finite value among the points it covers.
struct ColumnRange {
    double min = 0, max = 0;
    long first = 0, last = 0;  // points [first, last) fall in this column (first == last: none)
    bool empty = true;         // no finite value
};

// Splits the steps [0, x_max] into `columns` equal runs (by step number, as the x axis does: column c
// holds the steps from x_max·c/columns up to x_max·(c+1)/columns) and keeps min and max of `value` (the
// training or the test loss) over the points of each. Points are ascending by step; a step outside
// [0, x_max] joins the nearest end column.
std::vector<ColumnRange> decimate_minmax(const std::vector<LossPoint>& points, double LossPoint::*value, double x_max,
                                         int columns);

// Ticks for an axis from lo to hi: 1, 2 or 5 × 10^e steps, at most about max_ticks of them, inside [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);
// Ticks for a log axis: the powers of ten in [lo, hi] (lo > 0), thinned to at most max_ticks.
std::vector<double> log_ticks(double lo, double hi, int max_ticks);
// A short tick label: "0.25", "1e-3", "2000", "10k".
std::string tick_label(double v);

// Maps a value onto [0, 1] of the axis (0 at lo, 1 at hi); log scale maps log10.
// Values outside the range are not clamped; non-positive values on a log axis map to lo.
double axis_fraction(double v, double lo, double hi, bool log_scale);

// The y range to show for the finite values of y (all of them), padded by 5 %; for log, the smallest
// positive value is the floor. Returns false when y has no finite value.
bool value_range(const std::vector<double>& y, bool log_scale, double& lo, double& hi);

}  // namespace studio
