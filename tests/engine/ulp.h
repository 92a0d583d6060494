// Accuracy of the engine's own elementary functions, measured against long double.
#pragma once
#include <cmath>
#include <limits>

namespace bp::test {

// |got − exact| in units of the last place of the exact value rounded to double.
inline double ulp_error(double got, long double exact) {
    const double rounded = static_cast<double>(exact);
    const double ulp = std::nextafter(std::fabs(rounded), std::numeric_limits<double>::infinity()) - std::fabs(rounded);
    return static_cast<double>(std::fabs(static_cast<long double>(got) - exact) / ulp);
}

}  // namespace bp::test
