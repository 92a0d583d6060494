// A small dense row-major matrix of doubles: the only tensor type the engine needs.
// Rows are samples (batch) or neurons (weights); shapes are commented where a Matrix is declared.
#pragma once
#include <cstddef>
#include <vector>

namespace bp {

struct Matrix {
    int rows = 0;
    int cols = 0;
    std::vector<double> v;  // rows * cols, row-major

    Matrix() = default;
    Matrix(int r, int c, double fill = 0.0) : rows(r), cols(c), v(static_cast<std::size_t>(r) * c, fill) {}

    double& operator()(int r, int c) { return v[static_cast<std::size_t>(r) * cols + c]; }
    double operator()(int r, int c) const { return v[static_cast<std::size_t>(r) * cols + c]; }
    double* row(int r) { return v.data() + static_cast<std::size_t>(r) * cols; }
    const double* row(int r) const { return v.data() + static_cast<std::size_t>(r) * cols; }
    bool empty() const { return v.empty(); }
    bool operator==(const Matrix&) const = default;
};

// Reshapes m (to zeros) only when its shape differs, so loops that run every training step allocate nothing.
inline void ensure_shape(Matrix& m, int rows, int cols) {
    if (m.rows != rows || m.cols != cols) m = Matrix(rows, cols);
}

}  // namespace bp
