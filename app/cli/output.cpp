// Output helpers shared by the commands (see output.h).
#include "app/cli/output.h"

#include <cmath>
#include <optional>

#include "app/cli/json_layout.h"
#include "engine/teaching/notation.h"

namespace cli {
namespace {

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

// An nlohmann tree as a layout::Node.
template <class JsonT>
struct JsonNode {
    const JsonT& j;
    bool is_structured() const { return j.is_structured(); }
    bool is_object() const { return j.is_object(); }
    bool is_array() const { return j.is_array(); }
    bool empty() const { return j.empty(); }
    std::string scalar_text() const { return j.dump(); }
    template <class F>
    void for_each(F f) const {
        for (auto it = j.begin(); it != j.end(); ++it)
            if (!f(j.is_object() ? &it.key() : nullptr, JsonNode{it.value()})) return;
    }
};

template <class JsonT>
void write_json_of(std::ostream& out, const JsonT& j) {
    if (auto path = find_non_finite(j, ""))
        throw Diverged("the value at " + *path + " is not a finite number (the computation diverged)");
    layout::StreamSink sink{out};
    layout::write_document(sink, JsonNode<JsonT>{j});
}

}  // namespace

void write_json(std::ostream& out, const Json& j) { write_json_of(out, j); }
void write_json(std::ostream& out, const nlohmann::json& j) { write_json_of(out, j); }

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

std::string wrap_words(const std::string& text, std::size_t width) {
    const auto length = [](const std::string& s) {  // characters: UTF-8 bytes that do not continue one
        std::size_t n = 0;
        for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return n;
    };
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && length(line) + 1 + length(word) > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out + line;
}

}  // namespace cli
