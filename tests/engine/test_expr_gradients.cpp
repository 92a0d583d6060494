// The backward pass against finite differences, on 300 random expressions from a seeded generator (every
// operation and function, variables used several times), each at random values away from kinks and poles.
// The difference quotient is Richardson-extrapolated central differences, accurate to O(h⁴).
#include <cmath>
#include <iostream>
#include <string>

#include <gtest/gtest.h>

#include "engine/graph/expression_parser.h"
#include "random_expression.h"

namespace bp {
namespace {

constexpr double kStep = 1e-3;

// f as a function of one variable, the others fixed.
double value_with(const ExpressionGraph& g, VariableValues values, const std::string& name, double x) {
    values[name] = x;
    return graph_forward(g, values).value[static_cast<std::size_t>(g.output)];
}

// (4·D(h/2) − D(h))/3 with D(h) = (f(x + h) − f(x − h))/2h.
double richardson(const ExpressionGraph& g, const VariableValues& values, const std::string& name, double step) {
    const double x = values.at(name);
    const auto central = [&](double h) {
        return (value_with(g, values, name, x + h) - value_with(g, values, name, x - h)) / (2 * h);
    };
    return (4 * central(step / 2) - central(step)) / 3;
}

TEST(ExprGradients, BackwardAgreesWithFiniteDifferencesOnRandomExpressions) {
    Rng rng(20240611);
    int checked = 0, attempts = 0, variables_checked = 0;
    while (checked < 300 && attempts < 100000) {
        ++attempts;
        const std::string text = test::random_expression(rng, 4);
        const VariableValues values = test::random_values(rng);
        const ExpressionGraph g = parse_expression(text);
        if (g.variables.empty()) continue;
        GraphPass pass;
        double fd[3] = {};
        try {
            pass = run_graph(g, values);
            if (!test::usable(g, pass, kStep)) continue;
            const double f = pass.value[static_cast<std::size_t>(g.output)];
            bool converged = true;  // the quotient settles when the step shrinks (sin(u⁹) may not, at this step)
            for (std::size_t i = 0; i < g.variables.size(); ++i) {
                const std::string& name = g.node(g.variables[i]).name;
                fd[i] = richardson(g, values, name, kStep / 4);
                const double coarse = richardson(g, values, name, kStep);
                converged = converged && std::fabs(fd[i] - coarse) <= 1e-6 * std::max({1.0, std::fabs(fd[i]), std::fabs(f)});
            }
            if (!converged) continue;
        } catch (const DomainError&) {
            continue;  // this one leaves its domain here (or within a step of it): not a test of derivatives
        }
        ++checked;
        const double f = pass.value[static_cast<std::size_t>(g.output)];
        for (std::size_t i = 0; i < g.variables.size(); ++i) {
            const double adjoint = pass.adjoint[static_cast<std::size_t>(g.variables[i])];
            const double tolerance = 1e-6 * std::max({1.0, std::fabs(adjoint), std::fabs(f)});
            EXPECT_NEAR(adjoint, fd[i], tolerance) << text << " d/d" << g.node(g.variables[i]).name;
            ++variables_checked;
        }
    }
    EXPECT_EQ(checked, 300) << "after " << attempts << " attempts";
    EXPECT_GT(variables_checked, 500);
    std::cout << "[          ] " << checked << " expressions (" << variables_checked << " derivatives) of " << attempts
              << " drawn\n";
}

}  // namespace
}  // namespace bp
