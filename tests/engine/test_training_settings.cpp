// One validator per training setting (engine/core/training_settings.h): the loader refuses exactly the
// values the validator refuses, with the validator's words, so backprop-cli's options and the studio,
// which call the same functions, refuse the same values as the file.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "engine/core/training_settings.h"
#include "engine/core/document.h"
#include "engine/core/error.h"
#include "engine/core/network.h"
#include "engine/teaching/notation.h"
#include "engine/io/serialize.h"

namespace bp {
namespace {

std::string load_error_with_training(const std::string& training) {
    const std::string text = R"({"layers": [{"size": 1}, {"size": 1, "activation": "sigmoid", "weights": [[0.5]],
        "biases": [0]}], "loss": "mse_half", "data": {"inputs": [[1], [2]], "targets": [[0], [1]]},
        "training": {)" + training + "}}";
    try {
        parse_document(text);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(TrainingSettings, TheLearningRateIsAboveZeroAndAtMostABillion) {
    EXPECT_EQ(setting_problem(TrainingSetting::learning_rate, 0.5), "");
    EXPECT_EQ(setting_problem(TrainingSetting::learning_rate, 1e9), "");
    EXPECT_EQ(setting_problem(TrainingSetting::learning_rate, 1e-300), "");
    for (double bad : {0.0, -0.5, 1e10, 1e300, std::numeric_limits<double>::infinity(), std::nan("")})
        EXPECT_EQ(setting_problem(TrainingSetting::learning_rate, bad),
                  "the learning rate must be greater than 0 and at most 1e9")
            << bad;
}

TEST(TrainingSettings, TheFileRefusesWhatTheValidatorRefusesInItsWords) {
    const struct {
        TrainingSetting setting;
        double good, bad;
    } cases[] = {{TrainingSetting::learning_rate, 0.1, 0.0},  {TrainingSetting::l2, 0.0, -0.1},
                 {TrainingSetting::momentum, 0.0, 1.0},       {TrainingSetting::beta1, 0.5, 1.0},
                 {TrainingSetting::beta2, 0.999, 1.5},        {TrainingSetting::epsilon, 1e-8, 0.0}};
    for (const auto& c : cases) {
        const std::string key(key_of(c.setting));
        EXPECT_EQ(load_error_with_training("\"" + key + "\": " + round_trip(c.good)), "") << key;
        EXPECT_EQ(setting_problem(c.setting, c.good), "") << key;
        const std::string problem = setting_problem(c.setting, c.bad);
        ASSERT_NE(problem, "") << key;
        const std::string error = load_error_with_training("\"" + key + "\": " + round_trip(c.bad));
        EXPECT_NE(error.find("training." + key + " = "), std::string::npos) << error;
        EXPECT_NE(error.find("is out of range: " + problem), std::string::npos) << error;
    }
}

TEST(TrainingSettings, TheBatchSizeIsZeroToTheDataSize) {
    EXPECT_EQ(batch_size_problem(0, 2), "") << "0 = all of the data";
    EXPECT_EQ(batch_size_problem(2, 2), "");
    EXPECT_EQ(batch_size_problem(3, 2), "the batch size is larger than the data (2 samples)");
    EXPECT_EQ(batch_size_problem(2, 1), "the batch size is larger than the data (1 sample)");
    EXPECT_EQ(batch_size_problem(-1), "the batch size must be between 0 (all of the data) and 1000000");
    EXPECT_EQ(batch_size_problem(kMaxSamples + 1LL), "the batch size must be between 0 (all of the data) and 1000000");
    EXPECT_EQ(load_error_with_training("\"batch_size\": 3"),
              "training.batch_size = 3 is out of range: the batch size is larger than the data (2 samples)");
    EXPECT_EQ(load_error_with_training("\"batch_size\": -1"),
              "training.batch_size = -1 is out of range: the batch size must be between 0 (all of the data) and 1000000");
}

// A whole configuration, as the studio's one path for a training setting checks it: the first setting that
// breaks its rule, in the same words as the file loader's.
TEST(TrainingSettings, AWholeConfigurationIsCheckedSettingBySetting) {
    TrainingConfig c;
    EXPECT_EQ(training_problem(c, 4), "");
    c.momentum = 1.0;
    EXPECT_EQ(training_problem(c, 4), setting_problem(TrainingSetting::momentum, 1.0));
    c.momentum = 0.5;
    c.learning_rate = 0.0;
    EXPECT_EQ(training_problem(c, 4), "the learning rate must be greater than 0 and at most 1e9");
    c.learning_rate = 0.1;
    c.batch_size = 5;
    EXPECT_EQ(training_problem(c, 4), "the batch size is larger than the data (4 samples)");
    EXPECT_EQ(training_problem(c), "") << "no data known: any batch up to the limit";
    c.epsilon = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(training_problem(c), setting_problem(TrainingSetting::epsilon, c.epsilon));
}

}  // namespace
}  // namespace bp
