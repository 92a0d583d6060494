// JSON load/save of network files with precise errors (see serialize.h).
// [SECTION] reading helpers  [SECTION] load  [SECTION] save
#include "engine/io/serialize.h"

#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/training_settings.h"
#include "engine/core/error.h"
#include "engine/io/checked_parser.h"
#include "engine/io/document_writer.h"
#include "engine/io/text_file.h"

namespace bp {
namespace {
using nlohmann::json;

// [SECTION] reading helpers -------------------------------------------------------------------------
constexpr long kMaxExactInteger = 9007199254740991L;  // 2^53 − 1: every integer up to it is a double

std::string type_name(const json& v) {
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_boolean()) return "a boolean";
    if (v.is_array()) return "an array";
    if (v.is_object()) return "an object";
    return "null";
}

double read_number(const json& v, const std::string& path) {
    if (!v.is_number()) throw Error(path + " must be a number, got " + type_name(v));
    const double x = v.get<double>();
    if (!std::isfinite(x)) throw Error(path + " is not a finite number");
    return x;
}

// read_number for the many entries of a matrix or a vector: their path ("data.inputs[3][1]") is written only
// for the message when the entry is refused, not for each of 10^5 good numbers.
template <class Path>
double read_entry(const json& v, const Path& path) {
    if (v.is_number())
        if (const double x = v.get<double>(); std::isfinite(x)) return x;
    return read_number(v, path());  // throws: the same words as read_number
}

long read_integer(const json& v, const std::string& path, long lo, long hi) {
    if (!v.is_number()) throw Error(path + " must be an integer, got " + type_name(v));
    const double x = v.get<double>();
    if (!std::isfinite(x) || x != std::floor(x)) throw Error(path + " must be an integer");
    if (x < static_cast<double>(lo) || x > static_cast<double>(hi))
        throw Error(path + " = " + v.dump() + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return static_cast<long>(x);
}

bool read_bool(const json& v, const std::string& path) {
    if (!v.is_boolean()) throw Error(path + " must be true or false, got " + type_name(v));
    return v.get<bool>();
}

std::string read_string(const json& v, const std::string& path) {
    if (!v.is_string()) throw Error(path + " must be a string, got " + type_name(v));
    return v.get<std::string>();
}

const json& require(const json& obj, const char* key, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) throw Error(path + "." + key + " is missing");
    return *it;
}

// A rows x cols matrix (rows = -1: any number of rows) the parser read beside the tree: the checks of
// read_matrix below, in its order and words.
Matrix matrix_from_rows(NumberRows& n, const std::string& path, int rows, int cols) {
    const std::size_t count = n.row_sizes.size();
    if (rows >= 0 && static_cast<int>(count) != rows)
        throw Error(path + " has " + std::to_string(count) + " rows, expected " + std::to_string(rows));
    if (count > static_cast<std::size_t>(kMaxSamples))
        throw Error(path + " has too many rows (" + std::to_string(count) + "): the limit is " +
                    std::to_string(kMaxSamples) + " samples");
    for (std::size_t r = 0; r < count; ++r)
        if (n.row_sizes[r] != static_cast<std::size_t>(cols))
            throw Error(path + " row " + std::to_string(r) + " has " + std::to_string(n.row_sizes[r]) +
                        " entries, expected " + std::to_string(cols));
    for (std::size_t i = 0; i < n.values.size(); ++i)  // JSON has no infinity, but say so if one came
        if (!std::isfinite(n.values[i]))
            throw Error(path + "[" + std::to_string(i / cols) + "][" + std::to_string(i % cols) + "] is not a finite number");
    Matrix m;
    m.rows = static_cast<int>(count);
    m.cols = cols;
    m.v = std::move(n.values);
    if (m.v.capacity() - m.v.size() > m.v.size() / 8) m.v.shrink_to_fit();  // no slack of the reading kept
    return m;
}

// A rows x cols matrix (rows = -1: any number of rows), from the tree or, when the parser read it into
// `arrays` (checked_parser.h), from there.
Matrix read_matrix(const json& v, const std::string& path, int rows, int cols, NumberArrays* arrays) {
    if (arrays)
        if (const auto it = arrays->find(path); it != arrays->end()) return matrix_from_rows(it->second, path, rows, cols);
    if (!v.is_array()) throw Error(path + " must be an array of rows, got " + type_name(v));
    if (rows >= 0 && static_cast<int>(v.size()) != rows)
        throw Error(path + " has " + std::to_string(v.size()) + " rows, expected " + std::to_string(rows));
    if (v.size() > static_cast<std::size_t>(kMaxSamples))
        throw Error(path + " has too many rows (" + std::to_string(v.size()) + "): the limit is " +
                    std::to_string(kMaxSamples) + " samples");
    // Every row's shape before the allocation: 10^6 empty rows must not allocate 10^6 x cols doubles.
    for (std::size_t r = 0; r < v.size(); ++r) {
        const json& row = v[r];
        if (!row.is_array())
            throw Error(path + " row " + std::to_string(r) + " must be an array of numbers, got " + type_name(row));
        if (static_cast<int>(row.size()) != cols)
            throw Error(path + " row " + std::to_string(r) + " has " + std::to_string(row.size()) + " entries, expected " +
                        std::to_string(cols));
    }
    Matrix m(static_cast<int>(v.size()), cols);
    for (std::size_t r = 0; r < v.size(); ++r)
        for (int c = 0; c < cols; ++c)
            m(static_cast<int>(r), c) =
                read_entry(v[r][c], [&] { return path + "[" + std::to_string(r) + "][" + std::to_string(c) + "]"; });
    return m;
}

// [SECTION] load ------------------------------------------------------------------------------------
Layer read_layer(const json& v, int l, int prev_size, NumberArrays* arrays) {
    const std::string path = "layers[" + std::to_string(l) + "]";
    if (!v.is_object()) throw Error(path + " must be an object, got " + type_name(v));
    Layer layer;
    layer.size = static_cast<int>(read_integer(require(v, "size", path), path + ".size", 1, kMaxNeurons));
    if (l == 0) {  // the input: a⁰ = x, nothing computed, so nothing of a computed layer may be given
        for (const char* key : {"activation", "bias", "weights", "biases"})
            if (v.contains(key))
                throw Error(path + "." + key + " does not belong on the input layer: layers[0] is x itself (only " +
                            "\"size\"); " + (std::string(key) == "activation" ? "activations" : "weights and biases") +
                            " start at layers[1]");
        return layer;
    }
    const std::string act = read_string(require(v, "activation", path), path + ".activation");
    const auto f = parse_activation(act);
    if (!f)
        throw Error(path + ".activation \"" + act +
                    "\" is unknown (" + activation_names() + ")");
    layer.activation = *f;
    if (auto it = v.find("bias"); it != v.end()) layer.bias = read_bool(*it, path + ".bias");
    layer.W = read_matrix(require(v, "weights", path), path + ".weights", layer.size, prev_size, arrays);
    layer.b.assign(layer.size, 0.0);
    if (auto it = v.find("biases"); it != v.end()) {
        const std::string bp = path + ".biases";
        if (!it->is_array()) throw Error(bp + " must be an array of numbers, got " + type_name(*it));
        if (static_cast<int>(it->size()) != layer.size)
            throw Error(bp + " has " + std::to_string(it->size()) + " entries, expected " + std::to_string(layer.size));
        for (int j = 0; j < layer.size; ++j)
            layer.b[j] = read_entry((*it)[j], [&] { return bp + "[" + std::to_string(j) + "]"; });
    } else if (layer.bias) {
        throw Error(path + ".biases is missing (or set \"bias\": false for a layer without bias)");
    }
    return layer;
}

Dataset read_dataset(const json& v, const Network& net, const std::string& path, NumberArrays* arrays) {
    if (!v.is_object()) throw Error(path + " must be an object with inputs and targets, got " + type_name(v));
    Dataset d;
    d.X = read_matrix(require(v, "inputs", path), path + ".inputs", -1, net.input_size(), arrays);
    d.Y = read_matrix(require(v, "targets", path), path + ".targets", d.X.rows, net.output_size(), arrays);
    validate_dataset(net, d, path);
    return d;
}

TrainingConfig read_training(const json& v) {
    const std::string path = "training";
    if (!v.is_object()) throw Error("training must be an object, got " + type_name(v));
    TrainingConfig c;
    if (auto it = v.find("optimizer"); it != v.end()) {
        const std::string name = read_string(*it, path + ".optimizer");
        const auto k = parse_optimizer(name);
        if (!k) throw Error(path + ".optimizer \"" + name + "\" is unknown (sgd, momentum or adam)");
        c.optimizer = *k;
    }
    if (c.optimizer == OptimizerKind::adam) c.learning_rate = 0.001;  // torch.optim.Adam's default
    const auto setting = [&](TrainingSetting which, double& out) {
        const std::string key(key_of(which));
        auto it = v.find(key);
        if (it == v.end()) return;
        const double x = read_number(*it, path + "." + key);
        if (const std::string problem = setting_problem(which, x); !problem.empty())
            throw Error(path + "." + key + " = " + it->dump() + " is out of range: " + problem);
        out = x;
    };
    setting(TrainingSetting::learning_rate, c.learning_rate);
    setting(TrainingSetting::l2, c.l2);
    setting(TrainingSetting::momentum, c.momentum);
    setting(TrainingSetting::beta1, c.beta1);
    setting(TrainingSetting::beta2, c.beta2);
    setting(TrainingSetting::epsilon, c.epsilon);
    if (auto it = v.find("batch_size"); it != v.end()) {
        const long b = read_integer(*it, path + ".batch_size", -kMaxExactInteger, kMaxExactInteger);
        if (const std::string problem = batch_size_problem(b); !problem.empty())
            throw Error(path + ".batch_size = " + it->dump() + " is out of range: " + problem);
        c.batch_size = static_cast<int>(b);
    }
    if (auto it = v.find("seed"); it != v.end())
        c.seed = static_cast<std::uint64_t>(read_integer(*it, path + ".seed", 0, kMaxExactInteger));
    if (auto it = v.find("shuffle"); it != v.end()) c.shuffle = read_bool(*it, path + ".shuffle");
    if (auto it = v.find("freeze_biases"); it != v.end()) c.freeze_biases = read_bool(*it, path + ".freeze_biases");
    return c;
}

// [SECTION] save ------------------------------------------------------------------------------------
json matrix_json(const Matrix& m) {
    json rows = json::array();
    for (int r = 0; r < m.rows; ++r) rows.push_back(std::vector<double>(m.row(r), m.row(r) + m.cols));
    return rows;
}

// with_numbers false: null in place of the number arrays (document_writer.h writes them from the document).
json dataset_json(const Dataset& d, json base, bool with_numbers) {
    if (!base.is_object()) base = json::object();
    base["inputs"] = with_numbers ? matrix_json(d.X) : json();
    base["targets"] = with_numbers ? matrix_json(d.Y) : json();
    return base;
}

}  // namespace

namespace {

// The model read from the tree; doc.extra is left for the callers below.
Document read_document(const json& j, NumberArrays* arrays) {
    if (!j.is_object()) throw Error("the file must hold a JSON object with \"layers\" and \"loss\", got " + type_name(j));
    if (auto it = j.find("format_version"); it != j.end()) {
        const long version = read_integer(*it, "format_version", 1, 1000000);
        if (version > 1)
            throw Error("format_version " + std::to_string(version) + " is newer than this program reads (1)");
    }
    if (auto it = j.find("kind"); it != j.end() && *it == "expression")
        throw Error("this is an expression document (\"kind\": \"expression\"), not a network file: "
                    "open it with backprop-cli expr --file");
    Document doc;
    const json& layers = require(j, "layers", "file");
    if (!layers.is_array()) throw Error("layers must be an array, got " + type_name(layers));
    if (layers.size() < 2) throw Error("layers must hold the input layer and at least one more layer");
    if (layers.size() > static_cast<std::size_t>(kMaxLayers) + 1)
        throw Error("layers has " + std::to_string(layers.size() - 1) + " layers after the input, the limit is " +
                    std::to_string(kMaxLayers));
    // Sizes first, so the parameter cap is checked before any large matrix is read.
    long params = 0;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const std::string path = "layers[" + std::to_string(l) + "]";
        if (!layers[l].is_object()) throw Error(path + " must be an object, got " + type_name(layers[l]));
        const long n = read_integer(require(layers[l], "size", path), path + ".size", 1, kMaxNeurons);
        if (l > 0) params += n * (read_integer(layers[l - 1]["size"], "size", 1, kMaxNeurons) + 1);
    }
    if (params > kMaxParameters)
        throw Error("layers: " + std::to_string(params) + " parameters, the limit is " + std::to_string(kMaxParameters));
    for (std::size_t l = 0; l < layers.size(); ++l)
        doc.net.layers.push_back(read_layer(layers[l], static_cast<int>(l), l ? doc.net.layers[l - 1].size : 0, arrays));
    const std::string loss = read_string(require(j, "loss", "file"), "loss");
    const auto lo = parse_loss(loss);
    if (!lo) throw Error("loss \"" + loss + "\" is unknown (" + loss_names() + ")");
    doc.net.loss = *lo;
    validate(doc.net);
    if (auto it = j.find("data"); it != j.end() && !it->is_null()) {
        doc.data = read_dataset(*it, doc.net, "data", arrays);
        if (auto t = it->find("test"); t != it->end() && !t->is_null()) doc.test = read_dataset(*t, doc.net, "data.test", arrays);
    }
    if (auto it = j.find("training"); it != j.end()) doc.training = read_training(*it);
    if (doc.data)
        if (const std::string problem = batch_size_problem(doc.training.batch_size, doc.data->size()); !problem.empty())
            throw Error("training.batch_size = " + std::to_string(doc.training.batch_size) + " is out of range: " + problem);
    return doc;
}

// The data's numbers are in doc.data and doc.test now, and document_to_json writes them from there:
// the tree kept for the other keys drops its copy (for 10⁶ samples, most of the loader's memory).
void drop_data_arrays(json& j) {
    const auto it = j.find("data");
    if (it == j.end() || !it->is_object()) return;
    it->erase("inputs");
    it->erase("targets");
    if (const auto t = it->find("test"); t != it->end() && t->is_object()) {
        t->erase("inputs");
        t->erase("targets");
    }
}

// `arrays`: the number arrays the parser read beside the tree (null: all in the tree).
Document document_from_owned_json(json j, NumberArrays* arrays) {
    Document doc = read_document(j, arrays);
    drop_data_arrays(j);
    *doc.extra = std::move(j);
    return doc;
}

}  // namespace

Document document_from_json(const json& j) { return document_from_owned_json(j, nullptr); }
std::string json_type_name(const json& v) { return type_name(v); }

json parse_json_checked(const std::string& text) { return parse_checked(text, false).tree; }

Document parse_document(const std::string& text) {
    ParsedJson parsed = parse_checked(text, true);
    return document_from_owned_json(std::move(parsed.tree), &parsed.arrays);
}

Document load_document(const std::string& path) {
    std::string text = read_text_file(path, "a network file");
    try {
        ParsedJson parsed = parse_checked(text, true);
        std::string().swap(text);  // the tree and the arrays hold it all now: free the text
        return document_from_owned_json(std::move(parsed.tree), &parsed.arrays);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
}

namespace {

// The document's tree; with_numbers false: null in place of the number arrays (weights, biases, inputs,
// targets), which write_document_json (document_writer.h) writes straight from the document.
json document_tree(const Document& doc, bool with_numbers) {
    json out = doc.extra->is_object() ? *doc.extra : json::object();
    const json old_layers = out.contains("layers") && out["layers"].is_array() ? out["layers"] : json::array();
    json layers = json::array();
    for (int l = 0; l <= doc.net.L(); ++l) {
        const Layer& layer = doc.net.layers[l];
        // Keep any keys of the original layer object the engine does not know.
        json obj = l < static_cast<int>(old_layers.size()) && old_layers[l].is_object() ? old_layers[l] : json::object();
        obj["size"] = layer.size;
        if (l > 0) {
            obj["activation"] = std::string(to_string(layer.activation));
            obj["bias"] = layer.bias;
            obj["weights"] = with_numbers ? matrix_json(layer.W) : json();
            obj["biases"] = with_numbers ? json(layer.b) : json();
        }
        layers.push_back(std::move(obj));
    }
    out["layers"] = std::move(layers);
    out["loss"] = std::string(to_string(doc.net.loss));
    if (doc.data) {
        json data = dataset_json(*doc.data, out.value("data", json::object()), with_numbers);
        if (doc.test) data["test"] = dataset_json(*doc.test, data.value("test", json::object()), with_numbers);
        else data.erase("test");
        out["data"] = std::move(data);
    } else {
        out.erase("data");
    }
    json t = out.value("training", json::object());
    if (!t.is_object()) t = json::object();
    const TrainingConfig& c = doc.training;
    t["optimizer"] = std::string(to_string(c.optimizer));
    t["learning_rate"] = c.learning_rate;
    t["batch_size"] = c.batch_size;
    t["seed"] = c.seed;
    t["shuffle"] = c.shuffle;
    t["freeze_biases"] = c.freeze_biases;
    t["l2"] = c.l2;
    if (c.optimizer == OptimizerKind::momentum) t["momentum"] = c.momentum;
    if (c.optimizer == OptimizerKind::adam) {
        t["beta1"] = c.beta1;
        t["beta2"] = c.beta2;
        t["epsilon"] = c.epsilon;
    }
    out["training"] = std::move(t);
    if (!out.contains("format_version")) out["format_version"] = 1;
    return out;
}

}  // namespace

json document_to_json(const Document& doc) { return document_tree(doc, true); }

std::string dump_document(const Document& doc) {
    // As document_to_json(doc).dump(2) + "\n", byte for byte, without the tree of the number arrays.
    return write_document_json(document_tree(doc, false), doc);
}

void save_document(const std::string& path, const Document& doc, WriteOptions options) {
    write_file_atomically(path, dump_document(doc), options);
}

}  // namespace bp
