// Activation functions f(z) and their derivatives f'(z), numerically stable (sigmoid never overflows).
// Softmax is a whole-layer function; its Jacobian is da_i/dz_m = a_i (1[i=m] - a_m).
#pragma once
#include <cstddef>

#include "engine/core/network.h"

namespace bp {

double sigmoid(double z);
double softplus(double z);  // log(1 + e^z), stable for any z
double softplus_tail(double z);  // log1p(e^(-|z|)): softplus(z) = max(z, 0) + this, and softplus(-z) = max(-z, 0) + this
// f(z) for an element-wise activation (not softmax).
double activate(Activation f, double z);
// f'(z) for an element-wise activation (not softmax), from z: sigmoid and tanh keep their relative
// precision where they saturate (logistic.h, tanh.h). relu'(0) = 0, leaky_relu'(0) = 0.01. The one f'
// of the engine: passes, stepper, trainer, mistake passes, chain-rule factors and formulas all use it.
double activation_derivative(Activation f, double z);
// a[i] = f(z[i]) and fprime[i] = f'(z[i]) for n values of an element-wise activation, bit for bit activate's
// and activation_derivative's: one vectorised loop, so tanh and sigmoid compute their exponential once.
void activate_with_derivatives(Activation f, const double* z, double* a, double* fprime, std::size_t n);
// a[i] = f(z[i]) for n values of an element-wise activation (not softmax), e.g. a layer's whole batch.
void activate_values(Activation f, const double* z, double* a, std::size_t n);
// a = f(z) for a whole layer of n neurons (softmax included, computed as exp(z - max) / sum).
void activate_layer(Activation f, const double* z, double* a, int n);
// da_i/dz_m of a whole layer (for softmax the full Jacobian entry; else 1[i=m] f'(z_i)).
double activation_jacobian(Activation f, const double* z, const double* a, int i, int m);

}  // namespace bp
