// The training scripts' engine side (engine/export): the seeded shuffle's order written into a script
// is the order the Trainer trains in (training on it by hand gives the Trainer's losses, bit for bit),
// number literals read back to the same double, and the refusals (no data, an order too long).
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/error.h"
#include "engine/export/script_parts.h"
#include "engine/export/training_script.h"
#include "engine/core/optimizer.h"

namespace {

bp::Document small_document(int N, int batch, bool shuffle) {
    bp::Document doc;
    doc.net = bp::make_network({2, 3, 1}, {bp::Activation::tanh, bp::Activation::sigmoid},
                               bp::Loss::binary_cross_entropy, bp::InitScheme::xavier, 3);
    bp::Dataset d{bp::Matrix(N, 2), bp::Matrix(N, 1)};
    for (int n = 0; n < N; ++n) {
        d.X(n, 0) = 0.1 * n - 0.4;
        d.X(n, 1) = 0.3 * ((n * 7) % 5) - 0.6;
        d.Y(n, 0) = n % 2;
    }
    doc.data = d;
    doc.training.batch_size = batch;
    doc.training.shuffle = shuffle;
    doc.training.seed = 42;
    doc.training.learning_rate = 0.5;
    return doc;
}

// The integers of the script's EPOCH_ORDERS, epoch after epoch.
std::vector<int> written_order(const std::string& script) {
    const auto begin = script.find("EPOCH_ORDERS = [\n");
    const auto end = script.find("\n]\n", begin);
    std::vector<int> order;
    for (std::size_t i = begin + 16; i < end;) {
        if (std::isdigit(static_cast<unsigned char>(script[i]))) {
            char* stop = nullptr;
            order.push_back(static_cast<int>(std::strtol(script.c_str() + i, &stop, 10)));
            i = static_cast<std::size_t>(stop - script.c_str());
        } else {
            ++i;
        }
    }
    return order;
}

TEST(TrainingScript, TheWrittenShuffleIsTheTrainersOrder) {
    const int N = 7, B = 3, steps = 12;  // 36 samples: 6 epochs, batches across their borders
    const bp::Document doc = small_document(N, B, true);
    for (bp::ScriptKind kind : {bp::ScriptKind::numpy, bp::ScriptKind::pytorch}) {
        const std::vector<int> order = written_order(bp::training_script(doc, kind, steps));
        ASSERT_EQ(order.size(), 6u * N);
        for (int e = 0; e < 6; ++e) {  // each epoch a permutation of the samples
            std::vector<int> seen(N, 0);
            for (int p = 0; p < N; ++p) ++seen[order[e * N + p]];
            EXPECT_EQ(seen, std::vector<int>(N, 1)) << "epoch " << e;
        }
        bp::Network by_trainer = doc.net, by_hand = doc.net;
        bp::Trainer trainer(*doc.data, doc.training);
        bp::OptimizerState state;
        for (int t = 0; t < steps; ++t) {
            const std::vector<int> batch(order.begin() + t * B, order.begin() + (t + 1) * B);
            const bp::Trace pass = bp::run_pass(by_hand, bp::take_rows(doc.data->X, batch), bp::take_rows(doc.data->Y, batch));
            bp::apply_update(by_hand, pass, doc.training, state);
            EXPECT_EQ(trainer.step(by_trainer), pass.loss) << "step " << t;
        }
    }
}

TEST(TrainingScript, FileOrderWritesNoOrder) {
    const std::string script = bp::training_script(small_document(5, 2, false), bp::ScriptKind::numpy, 10);
    EXPECT_EQ(script.find("EPOCH_ORDERS"), std::string::npos);
    EXPECT_NE(script.find("return [(t * B + i) % N for i in range(B)]"), std::string::npos);
}

TEST(TrainingScript, NumbersReadBackExactly) {
    for (double x : {0.1, -0.0, 1e-300, 5e-324, 1e16, 123456789012345678.0, 0.30000000000000004, -2.5, 1e22}) {
        const std::string text = bp::script::number(x);
        EXPECT_NE(text.find_first_of(".e"), std::string::npos) << text << " is not a Python float literal";
        EXPECT_EQ(std::strtod(text.c_str(), nullptr), x) << text;
    }
    EXPECT_EQ(bp::script::number(100.0), "100.0");
}

TEST(TrainingScript, RefusesWithoutDataOrWithTooLongAnOrder) {
    bp::Document doc = small_document(5, 1, true);
    EXPECT_THROW(bp::training_script(doc, bp::ScriptKind::numpy, bp::kMaxScriptOrder + 1), bp::Error);
    try {
        bp::training_script(doc, bp::ScriptKind::pytorch, bp::kMaxScriptOrder + 1);
    } catch (const bp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("fewer steps"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(bp::training_script(doc, bp::ScriptKind::numpy, bp::kMaxScriptOrder));
    doc.data.reset();
    EXPECT_THROW(bp::training_script(doc, bp::ScriptKind::numpy, 10), bp::Error);
}

TEST(TrainingScript, KindsByName) {
    EXPECT_EQ(bp::parse_script_kind("pytorch"), bp::ScriptKind::pytorch);
    EXPECT_EQ(bp::parse_script_kind("numpy"), bp::ScriptKind::numpy);
    EXPECT_FALSE(bp::parse_script_kind("torch"));
    EXPECT_EQ(bp::to_string(bp::ScriptKind::numpy), "numpy");
}

}  // namespace
