// Losses of one sample and their derivatives, stable for saturated outputs: BCE is computed from z
// through softplus and cross-entropy through log-softmax, so z = 40 on the wrong class stays exact.
// L of a batch is the mean over samples of sample_loss (mse also averages over the K outputs).
#pragma once
#include "engine/core/network.h"

namespace bp {

// The loss of one sample: output pre-activations z, activations a, targets y (all of length K).
double sample_loss(Loss loss, Activation out, const double* z, const double* a, const double* y, int K);
// sample_loss of each of N samples at once (z, a, y are N×K, row by row) into losses[0 … N−1], bit for
// bit; the common sigmoid + binary cross-entropy output runs as one vectorised loop.
void sample_losses(Loss loss, Activation out, const double* z, const double* a, const double* y, int N, int K,
                   double* losses);
// dL_n/da_i of one sample, before the 1/N of the batch mean.
double loss_derivative(Loss loss, const double* a, const double* y, int K, int i);
// Human readable formula of the loss, e.g. "½ Σ_j (a_j − y_j)²".
const char* loss_formula(Loss loss);

}  // namespace bp
