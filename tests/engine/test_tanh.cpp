// The engine's own tanh (engine/kernels/tanh.h): accurate to 3 ulp of the exact value over every range a
// network meets, exact at the special values, and the same bits from the vectorised loop as from one call.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "engine/core/activations.h"
#include "engine/kernels/tanh.h"
#include "ulp.h"

namespace bp {
namespace {

TEST(Tanh, WithinThreeUlpFromTinyToSaturated) {
    std::mt19937_64 gen(2026);
    double worst = 0.0, worst_x = 0.0;
    for (int e = -30; e <= 5; ++e) {  // |x| up to 2^e: subnormal-adjacent, the series range, the exp range, ±1
        std::uniform_real_distribution<double> pick(-std::ldexp(1.0, e), std::ldexp(1.0, e));
        for (int i = 0; i < 20000; ++i) {
            const double x = pick(gen);
            const double err = test::ulp_error(tanh_value(x), std::tanh(static_cast<long double>(x)));
            if (err > worst) worst = err, worst_x = x;
        }
    }
    EXPECT_LE(worst, 3.0) << "at x = " << worst_x;
}

TEST(Tanh, SpecialValues) {
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(tanh_value(0.0), 0.0);
    EXPECT_TRUE(std::signbit(tanh_value(-0.0)));
    EXPECT_EQ(tanh_value(inf), 1.0);
    EXPECT_EQ(tanh_value(-inf), -1.0);
    EXPECT_EQ(tanh_value(25.0), 1.0);
    EXPECT_EQ(tanh_value(-1e300), -1.0);
    EXPECT_TRUE(std::isnan(tanh_value(std::numeric_limits<double>::quiet_NaN())));
    EXPECT_EQ(tanh_value(1e-300), 1e-300);  // tanh x = x to double precision for tiny x
    EXPECT_EQ(tanh_value(-5e-324), -5e-324);
    EXPECT_EQ(tanh_value(-1.5), -tanh_value(1.5));  // odd
}

TEST(Tanh, IncreasingAndNeverBeyondOne) {
    double previous = -1.0;
    for (double x = -20.0; x <= 20.0; x += 1.0 / 1024) {
        const double t = tanh_value(x);
        ASSERT_GE(t, previous) << x;
        ASSERT_LE(std::fabs(t), 1.0) << x;
        previous = t;
    }
}

TEST(Tanh, TheVectorisedLoopGivesTheSameBitsAsOneCall) {
    std::mt19937_64 gen(7);
    std::uniform_real_distribution<double> pick(-25.0, 25.0);
    std::vector<double> z(4099), a(z.size()), layer(z.size());  // an odd length: the loop's tail too
    for (double& v : z) v = pick(gen);
    z[5] = std::numeric_limits<double>::quiet_NaN();
    tanh_values(z.data(), a.data(), z.size());
    activate_values(Activation::tanh, z.data(), layer.data(), z.size());
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (i == 5) {
            EXPECT_TRUE(std::isnan(a[i]) && std::isnan(layer[i]));
            continue;
        }
        ASSERT_EQ(a[i], tanh_value(z[i])) << z[i];
        ASSERT_EQ(layer[i], activate(Activation::tanh, z[i])) << z[i];
    }
}

}  // namespace
}  // namespace bp
