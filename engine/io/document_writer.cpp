// The document's JSON text as dump(2) writes it (see document_writer.h): objects and arrays laid out as
// nlohmann's serializer lays them out, scalars and keys written by nlohmann itself, and the number arrays'
// doubles by nlohmann's own shortest round-trip formatting (detail::to_chars, which dump uses), so
// every byte is dump's. tests/engine/test_document_writer.cpp compares the two on presets and random
// networks.
#include "engine/io/document_writer.h"

#include <array>
#include <cmath>

#include <nlohmann/json.hpp>

namespace bp {
namespace {
using nlohmann::json;

// Where a value of the tree is: the places that may hold a number array written from the document.
enum class Place { other, top, layers, layer, data, test };

// A number array of the document: a matrix (rows of cols) or a vector (one row, written flat).
struct NumberArray {
    const double* values = nullptr;
    int rows = 0;
    int cols = 0;
    bool matrix = false;
};

class DocumentWriter {
public:
    DocumentWriter(const Document& doc, std::string& out) : doc_(doc), out_(out) {}

    void value(const json& v, int indent, Place place, int index) {
        if (v.is_object()) object(v, indent, place, index);
        else if (v.is_array()) array(v, indent, place);
        else out_ += v.dump();
    }

private:
    void object(const json& v, int indent, Place place, int index) {
        if (v.empty()) {
            out_ += "{}";
            return;
        }
        out_ += "{\n";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!first) out_ += ",\n";
            first = false;
            pad(indent + 2);
            out_ += json(it.key()).dump();
            out_ += ": ";
            NumberArray numbers;
            if (it.value().is_null() && number_array(place, index, it.key(), numbers)) write(numbers, indent + 2);
            else value(it.value(), indent + 2, child_place(place, it.key()), -1);
        }
        out_ += '\n';
        pad(indent);
        out_ += '}';
    }

    void array(const json& v, int indent, Place place) {
        if (v.empty()) {
            out_ += "[]";
            return;
        }
        out_ += "[\n";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out_ += ",\n";
            pad(indent + 2);
            value(v[i], indent + 2, place == Place::layers ? Place::layer : Place::other, static_cast<int>(i));
        }
        out_ += '\n';
        pad(indent);
        out_ += ']';
    }

    static Place child_place(Place place, const std::string& key) {
        if (place == Place::top && key == "layers") return Place::layers;
        if (place == Place::top && key == "data") return Place::data;
        if (place == Place::data && key == "test") return Place::test;
        return Place::other;
    }

    // The number array the tree's null at `key` stands for, if any (document_tree in serialize.cpp).
    bool number_array(Place place, int index, const std::string& key, NumberArray& numbers) const {
        if (place == Place::layer && index >= 1 && index <= doc_.net.L()) {
            const Layer& layer = doc_.net.layers[static_cast<std::size_t>(index)];
            if (key == "weights") numbers = {layer.W.v.data(), layer.W.rows, layer.W.cols, true};
            else if (key == "biases") numbers = {layer.b.data(), 1, static_cast<int>(layer.b.size()), false};
            else return false;
            return true;
        }
        const Dataset* set = place == Place::data ? (doc_.data ? &*doc_.data : nullptr)
                             : place == Place::test ? (doc_.test ? &*doc_.test : nullptr)
                                                    : nullptr;
        if (!set) return false;
        if (key == "inputs") numbers = {set->X.v.data(), set->X.rows, set->X.cols, true};
        else if (key == "targets") numbers = {set->Y.v.data(), set->Y.rows, set->Y.cols, true};
        else return false;
        return true;
    }

    void write(const NumberArray& a, int indent) {
        if (!a.matrix) return row(a.values, a.cols, indent);
        if (a.rows == 0) {
            out_ += "[]";
            return;
        }
        out_ += "[\n";
        for (int r = 0; r < a.rows; ++r) {
            if (r > 0) out_ += ",\n";
            pad(indent + 2);
            row(a.values + static_cast<std::size_t>(r) * static_cast<std::size_t>(a.cols), a.cols, indent + 2);
        }
        out_ += '\n';
        pad(indent);
        out_ += ']';
    }

    void row(const double* values, int count, int indent) {
        if (count == 0) {
            out_ += "[]";
            return;
        }
        out_ += "[\n";
        for (int c = 0; c < count; ++c) {
            if (c > 0) out_ += ",\n";
            pad(indent + 2);
            number(values[c]);
        }
        out_ += '\n';
        pad(indent);
        out_ += ']';
    }

    // As nlohmann's serializer writes a double: null when not finite, else its shortest round-trip text.
    void number(double x) {
        if (!std::isfinite(x)) {
            out_ += "null";
            return;
        }
        std::array<char, 64> buffer;  // the serializer's own buffer size
        const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
        out_.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    }

    void pad(int n) { out_.append(static_cast<std::size_t>(n), ' '); }

    const Document& doc_;
    std::string& out_;
};

}  // namespace

std::string write_document_json(const json& tree, const Document& doc) {
    std::string out;
    std::size_t numbers = 0;  // a guess of the length: about 30 bytes a number at the matrices' indent
    for (const Layer& layer : doc.net.layers) numbers += layer.W.v.size() + layer.b.size();
    for (const Dataset* set : {doc.data ? &*doc.data : nullptr, doc.test ? &*doc.test : nullptr})
        if (set) numbers += set->X.v.size() + set->Y.v.size();
    out.reserve(4096 + 32 * numbers);
    DocumentWriter(doc, out).value(tree, 0, Place::top, -1);
    out += '\n';
    return out;
}

}  // namespace bp
