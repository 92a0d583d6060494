// A JSON document made of the engine's own arrays (see json_view.h).
#include "app/cli/json_view.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/cli/output.h"

namespace cli {

JsonView JsonView::number(double x) {
    JsonView v(Kind::number);
    v.x_ = x;
    return v;
}

JsonView JsonView::numbers(const std::vector<double>& values) {
    JsonView v(Kind::numbers);
    v.data_ = values.data();
    v.cols_ = static_cast<int>(values.size());
    return v;
}

JsonView JsonView::matrix(const bp::Matrix& m) {
    JsonView v(Kind::matrix);
    v.data_ = m.rows > 0 ? m.row(0) : nullptr;
    v.rows_ = m.rows;
    v.cols_ = m.cols;
    return v;
}

JsonView JsonView::object() { return JsonView(Kind::object); }
JsonView JsonView::array() { return JsonView(Kind::array); }

void JsonView::add(std::string key, JsonView v) { members_.emplace_back(std::move(key), std::move(v)); }
void JsonView::push(JsonView v) { members_.emplace_back(std::string(), std::move(v)); }

bool JsonView::empty() const {
    switch (kind_) {
        case Kind::number: return false;
        case Kind::numbers: return cols_ == 0;
        case Kind::matrix: return rows_ == 0;
        case Kind::object:
        case Kind::array: return members_.empty();
    }
    return true;
}

std::string JsonView::scalar_text() const {
    if (!std::isfinite(x_)) throw Diverged("a value is not a finite number (the computation diverged)");
    return nlohmann::json(x_).dump();
}

}  // namespace cli
