// Output helpers shared by the commands (see output.h).
#include "app/cli/output.h"

#include <cmath>
#include <optional>

#include "engine/teaching/notation.h"

namespace cli {
namespace {

constexpr std::size_t kLineWidth = 100;  // structured values shorter than this stay on one line

// The JSON path ("/layers/2/delta/0/1") of the first NaN/Inf in v, if any.
template <class JsonT>
std::optional<std::string> find_non_finite(const JsonT& v, const std::string& path) {
    if (v.is_number_float()) {
        if (!std::isfinite(v.template get<double>())) return path.empty() ? "/" : path;
        return std::nullopt;
    }
    if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (auto p = find_non_finite(v[i], path + "/" + std::to_string(i))) return p;
    } else if (v.is_object()) {
        for (const auto& [key, value] : v.items())
            if (auto p = find_non_finite(value, path + "/" + key)) return p;
    }
    return std::nullopt;
}

template <class JsonT>
bool all_scalars(const JsonT& v) {
    for (const JsonT& e : v)
        if (e.is_structured()) return false;
    return true;
}

// One line: [1, 2] and {"a": 1}. Scalars use nlohmann's dump (shortest round-trip doubles).
template <class JsonT>
void write_compact(std::string& out, const JsonT& v) {
    if (!v.is_structured()) {
        out += v.dump();
        return;
    }
    const bool object = v.is_object();
    out += object ? '{' : '[';
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ", ";
        first = false;
        if (object) out += JsonT(it.key()).dump() + ": ";
        write_compact(out, it.value());
    }
    out += object ? '}' : ']';
}

template <class JsonT>
void write_pretty(std::string& out, const JsonT& v, int depth) {
    std::string line;
    write_compact(line, v);
    const std::size_t indent = 2 * static_cast<std::size_t>(depth);
    if (!v.is_structured() || v.empty() || line.size() + indent <= kLineWidth || (v.is_array() && all_scalars(v))) {
        out += line;
        return;
    }
    const bool object = v.is_object();
    out += object ? "{\n" : "[\n";
    const std::string pad(indent + 2, ' ');
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ",\n";
        first = false;
        out += pad;
        if (object) out += JsonT(it.key()).dump() + ": ";
        write_pretty(out, it.value(), depth + 1);
    }
    out += "\n" + std::string(indent, ' ') + (object ? "}" : "]");
}

template <class JsonT>
std::string json_text_of(const JsonT& j) {
    if (auto path = find_non_finite(j, ""))
        throw Diverged("the value at " + *path + " is not a finite number (the computation diverged)");
    std::string out;
    write_pretty(out, j, 0);
    return out + "\n";
}

}  // namespace

std::string json_text(const Json& j) { return json_text_of(j); }
std::string json_text(const nlohmann::json& j) { return json_text_of(j); }

Json matrix_json(const bp::Matrix& m) {
    Json rows = Json::array();
    for (int r = 0; r < m.rows; ++r) rows.push_back(std::vector<double>(m.row(r), m.row(r) + m.cols));
    return rows;
}

Json parameter_json(const bp::ParameterRef& p) {
    if (p.bias) return {{"bias", {p.l, p.j}}};
    return {{"weight", {p.l, p.j, p.k}}};
}

std::string parameter_label(const bp::ParameterRef& p) {
    return p.bias ? bp::bias_label(p.l, p.j) : bp::weight_label(p.l, p.j, p.k);
}

std::string table_number(double x) { return bp::format_number(x, 9); }

std::string labelled(const std::string& label, double x) { return label + " = " + table_number(x); }

void require_finite(double x, const std::string& what) {
    if (!std::isfinite(x))
        throw Diverged(what + " is " + (std::isnan(x) ? "NaN" : "infinite") + ": the computation diverged");
}

}  // namespace cli
