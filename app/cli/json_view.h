// A JSON document made of the engine's own arrays, written by layout::write_document without being
// built: numbers, rows of numbers and matrices are read where they lie (nothing copied), objects and
// arrays hold their members' views. trace writes a million samples this way with no copy of its output.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/core/matrix.h"

namespace cli {

class JsonView {
public:
    static JsonView number(double x);
    static JsonView numbers(const std::vector<double>& v);  // [x, y, …]
    static JsonView matrix(const bp::Matrix& m);           // one array per row
    static JsonView object();
    static JsonView array();
    void add(std::string key, JsonView v);  // objects, in order
    void push(JsonView v);                  // arrays

    // layout::Node
    bool is_structured() const { return kind_ != Kind::number; }
    bool is_object() const { return kind_ == Kind::object; }
    bool is_array() const { return kind_ != Kind::number && kind_ != Kind::object; }
    bool empty() const;
    std::string scalar_text() const;  // as nlohmann writes a double; Diverged for NaN/Inf
    template <class F>
    void for_each(F f) const;

private:
    enum class Kind { number, numbers, matrix, object, array };
    explicit JsonView(Kind k) : kind_(k) {}
    Kind kind_;
    double x_ = 0.0;
    const double* data_ = nullptr;  // numbers: cols_ values; matrix: rows_ × cols_, row by row
    int rows_ = 0, cols_ = 0;
    std::vector<std::pair<std::string, JsonView>> members_;  // object (key, value); array ("", value)
};

template <class F>
void JsonView::for_each(F f) const {
    switch (kind_) {
        case Kind::number: return;
        case Kind::numbers:
            for (int i = 0; i < cols_; ++i)
                if (!f(nullptr, number(data_[i]))) return;
            return;
        case Kind::matrix:
            for (int r = 0; r < rows_; ++r) {
                JsonView row(Kind::numbers);
                row.data_ = data_ + static_cast<std::size_t>(r) * cols_;
                row.cols_ = cols_;
                if (!f(nullptr, row)) return;
            }
            return;
        case Kind::object:
        case Kind::array:
            for (const auto& [key, value] : members_)
                if (!f(kind_ == Kind::object ? &key : nullptr, value)) return;
            return;
    }
}

}  // namespace cli
