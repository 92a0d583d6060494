// ANSWERS.json for `backprop-cli check`: {"sample": 0, "answers": [{"what": "a", "layer": 2, "neuron": 0,
// "value": "0.7514"}, ...]}, read into the engine's homework answers with errors that name the entry and
// the field: "answers[3].layer 5 is past the last layer (2)".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/homework/homework.h"

namespace cli {

struct AnswerSheet {
    std::optional<int> sample;  // absent: all of data as one batch
    std::vector<bp::HomeworkAnswer> answers;
};

// Checks every field against the network and the data size; throws bp::Error naming entry and field.
AnswerSheet answer_sheet_from_json(const nlohmann::json& j, const bp::Network& net, int data_size);
// Reads and parses the file; bp::Error names the path when it cannot be read or is not JSON.
AnswerSheet load_answer_sheet(const std::string& path, const bp::Network& net, int data_size);

}  // namespace cli
