// libFuzzer target for the network-file loader: bp::parse_document on arbitrary bytes must either throw
// bp::Error or return a valid Document that survives a pass, a training step, a save and a reload, and
// the loader's fast path for number arrays must give the outcome of nlohmann's tree alone.
// Anything else (another exception, a crash, a leak, a hang, > 2 GB) is a bug; see docs/RELIABILITY.md.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/core/optimizer.h"
#include "engine/core/passes.h"
#include "engine/io/serialize.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_loader: %s\n", what.c_str());
    std::abort();
}

bool same_parameters(const bp::Network& a, const bp::Network& b) {
    if (a.L() != b.L() || a.loss != b.loss) return false;
    for (int l = 0; l <= a.L(); ++l) {
        const bp::Layer& x = a.layers[l];
        const bp::Layer& y = b.layers[l];
        if (x.size != y.size || x.W != y.W || x.b != y.b) return false;
        if (l > 0 && (x.activation != y.activation || x.bias != y.bias)) return false;
    }
    return true;
}

// Targets that every loss accepts (zeros; a one-hot row for cross_entropy), one sample of zero inputs.
bp::Dataset probe_data(const bp::Network& net) {
    bp::Dataset d{bp::Matrix(1, net.input_size()), bp::Matrix(1, net.output_size())};
    if (net.loss == bp::Loss::cross_entropy) d.Y(0, 0) = 1.0;
    return d;
}

// What the CLI and the app do with a document they have loaded.
void exercise(const bp::Document& doc) {
    bp::validate(doc.net);  // a returned document is a usable network
    const bp::Dataset data = doc.data ? *doc.data : probe_data(doc.net);
    const bp::Trace t = bp::run_pass(doc.net, data.X, data.Y);
    if (t.N() != data.size() || static_cast<int>(t.layers.size()) != doc.net.L() + 1)
        fail("run_pass returned a trace of the wrong shape");

    // A training step never leaves a non-finite parameter (diverged steps are undone). The loader
    // refuses a batch_size above the data's size; a file without data trains here on the one probe
    // sample, so its batch is capped the same way.
    if (doc.data && doc.training.batch_size > doc.data->size()) fail("batch_size larger than the data accepted");
    bp::TrainingConfig config = doc.training;
    if (config.batch_size > data.size()) config.batch_size = data.size();
    bp::Network net = doc.net;
    bp::Trainer trainer(data, config);
    for (int s = 0; s < 2; ++s) {
        trainer.step(net);
        if (!bp::all_finite(net)) fail("a training step left a non-finite parameter");
    }

    // Save, reload: the same network, and saving again gives the same text.
    const std::string saved = bp::dump_document(doc);
    bp::Document back;
    try {
        back = bp::parse_document(saved);
    } catch (const bp::Error& e) {
        fail(std::string("a saved document does not load again: ") + e.what() + "\n" + saved);
    }
    if (!same_parameters(doc.net, back.net)) fail("save + load changed the network");
    if (bp::dump_document(back) != saved) fail("saving a reloaded document gives different text");
}

// The loader reads the number arrays beside nlohmann's tree (engine/io/checked_parser.h, array_skimmer.h):
// it must accept and refuse exactly what the tree alone does, with the same message or the same document.
std::string outcome(const std::string& text, bool through_tree) {
    try {
        return "document " + bp::dump_document(through_tree ? bp::document_from_json(bp::parse_json_checked(text))
                                                            : bp::parse_document(text));
    } catch (const bp::Error& e) {
        return std::string("error ") + e.what();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        if (outcome(text, false) != outcome(text, true)) fail("the number arrays read beside the tree differ from the tree's");
    } catch (const std::exception& e) {
        fail(std::string("parse_document threw something other than bp::Error: ") + e.what());
    }
    bp::Document doc;
    try {
        doc = bp::parse_document(text);
    } catch (const bp::Error& e) {
        if (std::string(e.what()).empty()) fail("bp::Error without a message");
        return 0;  // refused with a message: the expected outcome for most inputs
    } catch (const std::exception& e) {
        fail(std::string("parse_document threw something other than bp::Error: ") + e.what());
    }
    try {
        exercise(doc);
    } catch (const std::exception& e) {
        fail(std::string("an accepted document failed later: ") + e.what());
    }
    return 0;
}
