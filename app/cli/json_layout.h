// The layout of every JSON output, as one algorithm over any tree that can be walked: objects and long
// arrays one entry per line, arrays of scalars and values shorter than the line width on one line.
// A value's one-line form is measured only up to the width, never built, so a document of any size is
// written in one pass with the memory of a line — an nlohmann tree or a view of the engine's own arrays
// (trace) alike, byte for byte the same text.
//
// A Node offers: is_structured(), is_object(), is_array(), empty(), scalar_text() (of a scalar, in
// nlohmann's form), and for_each(f) calling f(const std::string* key, const Node& child) for each child in
// order (key null in an array) until f returns false. A Sink offers put(std::string_view).
#pragma once
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace cli::layout {

inline constexpr std::size_t kLineWidth = 100;  // structured values shorter than this stay on one line

inline std::string key_text(const std::string& key) { return nlohmann::json(key).dump() + ": "; }

// The length of v on one line, or any number above cap once it is known to be longer.
template <class Node>
std::size_t compact_size(const Node& v, std::size_t cap) {
    if (!v.is_structured()) return v.scalar_text().size();
    std::size_t n = 2;  // the brackets
    bool first = true;
    v.for_each([&](const std::string* key, const Node& child) {
        n += (first ? 0 : 2) + (key ? key_text(*key).size() : 0);
        first = false;
        if (n <= cap) n += compact_size(child, cap - n);
        return n <= cap;
    });
    return n;
}

template <class Node>
bool all_scalars(const Node& v) {
    bool all = true;
    v.for_each([&](const std::string*, const Node& child) { return all = !child.is_structured(); });
    return all;
}

// One line: [1, 2] and {"a": 1}.
template <class Node, class Sink>
void write_compact(Sink& out, const Node& v) {
    if (!v.is_structured()) {
        out.put(v.scalar_text());
        return;
    }
    out.put(v.is_object() ? "{" : "[");
    bool first = true;
    v.for_each([&](const std::string* key, const Node& child) {
        if (!first) out.put(", ");
        first = false;
        if (key) out.put(key_text(*key));
        write_compact(out, child);
        return true;
    });
    out.put(v.is_object() ? "}" : "]");
}

template <class Node, class Sink>
void write_pretty(Sink& out, const Node& v, int depth) {
    const std::size_t indent = 2 * static_cast<std::size_t>(depth);
    const bool fits = indent <= kLineWidth && compact_size(v, kLineWidth - indent) <= kLineWidth - indent;
    if (!v.is_structured() || v.empty() || fits || (v.is_array() && all_scalars(v))) {
        write_compact(out, v);
        return;
    }
    out.put(v.is_object() ? "{\n" : "[\n");
    const std::string pad(indent + 2, ' ');
    bool first = true;
    v.for_each([&](const std::string* key, const Node& child) {
        if (!first) out.put(",\n");
        first = false;
        out.put(pad);
        if (key) out.put(key_text(*key));
        write_pretty(out, child, depth + 1);
        return true;
    });
    out.put("\n" + std::string(indent, ' ') + (v.is_object() ? "}" : "]"));
}

struct StringSink {
    std::string& text;
    void put(std::string_view s) { text.append(s); }
};

struct StreamSink {
    std::ostream& out;
    void put(std::string_view s) { out.write(s.data(), static_cast<std::streamsize>(s.size())); }
};

// A whole document: its layout and a final newline.
template <class Node, class Sink>
void write_document(Sink& out, const Node& v) {
    write_pretty(out, v, 0);
    out.put("\n");
}

}  // namespace cli::layout
