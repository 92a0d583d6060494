// libFuzzer target for `backprop-cli check`'s answer sheets (app/cli/answer_sheet.h): arbitrary JSON
// read against a fixed 2-3-2 network with three samples. A sheet is refused with bp::Error or every
// answer in it can be marked (engine/homework/homework.h) without any exception; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/answer_sheet.h"
#include "engine/core/error.h"
#include "engine/homework/homework.h"
#include "engine/io/serialize.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_answers: %s\n", what.c_str());
    std::abort();
}

const bp::Document& network() {
    static const bp::Document doc = bp::parse_document(R"({
      "layers": [{"size": 2},
        {"size": 3, "activation": "tanh", "weights": [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], "biases": [0.1, 0.2, 0.3]},
        {"size": 2, "activation": "softmax", "weights": [[0.7, -0.8, 0.9], [1.0, 1.1, -1.2]], "biases": [0.4, 0.5]}],
      "loss": "cross_entropy",
      "data": {"inputs": [[0.05, 0.1], [0.5, -0.5], [1, 2]], "targets": [[1, 0], [0, 1], [0.5, 0.5]]},
      "training": {"learning_rate": 0.5}})");
    return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bp::Document& doc = network();
    const nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, false);  // no exceptions
    if (j.is_discarded()) return 0;
    cli::AnswerSheet sheet;
    try {
        sheet = cli::answer_sheet_from_json(j, doc.net, doc.data->size());
    } catch (const bp::Error& e) {
        if (std::string(e.what()).empty()) fail("bp::Error without a message");
        return 0;
    } catch (const std::exception& e) {
        fail(std::string("answer_sheet_from_json threw something other than bp::Error: ") + e.what());
    }
    try {
        const bp::Homework hw(doc.net, *doc.data, doc.training, sheet.sample);
        for (const bp::HomeworkAnswer& a : sheet.answers) {
            if (hw.check(a.ref)) fail("an accepted answer refers to no value of the network");
            const bp::MarkedAnswer m = hw.mark(a);
            if (m.label.empty()) fail("a marked answer without a label");
        }
    } catch (const std::exception& e) {
        fail(std::string("marking an accepted sheet threw: ") + e.what());
    }
    return 0;
}
