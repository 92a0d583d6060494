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
// f'(z) for an element-wise activation (not softmax). relu'(0) = 0, leaky_relu'(0) = 0.01.
double activation_derivative(Activation f, double z);
// The same f'(z) given a = f(z) as well: sigmoid and tanh take it from a (a(1 - a), 1 - a²) instead of
// evaluating the exponential again. Bit for bit equal to activation_derivative(f, z) when a == activate(f, z).
double derivative_at(Activation f, double z, double a);
// d[i] *= f'(z[i]) for n values, f' taken from a[i] = f(z[i]) as derivative_at does (the same bits).
void multiply_by_derivative(Activation f, const double* z, const double* a, double* d, std::size_t n);
// a[i] = f(z[i]) for n values of an element-wise activation (not softmax), e.g. a layer's whole batch.
void activate_values(Activation f, const double* z, double* a, std::size_t n);
// a = f(z) for a whole layer of n neurons (softmax included, computed as exp(z - max) / sum).
void activate_layer(Activation f, const double* z, double* a, int n);
// da_i/dz_m of a whole layer (for softmax the full Jacobian entry; else 1[i=m] f'(z_i)).
double activation_jacobian(Activation f, const double* z, const double* a, int i, int m);

}  // namespace bp
