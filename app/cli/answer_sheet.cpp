// Reading ANSWERS.json (see answer_sheet.h).
#include "app/cli/answer_sheet.h"

#include <algorithm>

#include "engine/core/error.h"
#include "engine/io/text_file.h"
#include "engine/teaching/notation.h"
#include "engine/io/serialize.h"

namespace cli {
namespace {

using nlohmann::json;

const char* const kIndexFields[] = {"layer", "neuron", "j", "k"};

std::string entry(std::size_t i) { return "answers[" + std::to_string(i) + "]"; }

// A value as a message quotes it: its JSON text in ASCII, at most 60 characters (a sheet may hold anything).
std::string shown(const json& v) {
    const std::string s = v.dump(-1, ' ', true, json::error_handler_t::replace);
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

// A whole number ≥ 0 at j[key], or bp::Error "<where>.<key> ...".
int whole_number(const json& j, const std::string& key, const std::string& where) {
    const json& v = j.at(key);
    const std::string name = where.empty() ? key : where + "." + key;
    if (!v.is_number_integer()) throw bp::Error(name + " must be a whole number (indices count from 0), not " + shown(v));
    if (v.is_number_unsigned() ? v.get<unsigned long long>() > 1000000000ull : v.get<long long>() > 1000000000ll)
        throw bp::Error(name + " " + shown(v) + " is far too large");
    if (!v.is_number_unsigned() && v.get<long long>() < 0) throw bp::Error(name + " " + shown(v) + " is negative: indices count from 0");
    return v.get<int>();
}

// Which index fields a quantity takes.
std::vector<std::string> fields_of(bp::Quantity q) {
    if (q == bp::Quantity::loss) return {};
    if (bp::is_weight(q)) return {"layer", "j", "k"};
    return {"layer", "neuron"};
}

std::string takes(bp::Quantity q) {
    const auto f = fields_of(q);
    if (f.empty()) return "loss takes no layer or neuron";
    std::string s = std::string(bp::to_string(q)) + " takes ";
    for (std::size_t i = 0; i < f.size(); ++i) s += (i == 0 ? "" : i + 1 == f.size() ? " and " : ", ") + f[i];
    return s;
}

// The value as the student wrote it: a string, or a JSON number in its shortest form.
std::string written_value(const json& e, const std::string& where) {
    if (!e.contains("value")) throw bp::Error(where + ".value is missing: the answer as written, e.g. \"0.7514\"");
    const json& v = e["value"];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return v.dump();
    if (v.is_number_float()) return bp::round_trip(v.get<double>());
    throw bp::Error(where + ".value must be a string as written (\"0.7514\") or a number, not " + shown(v));
}

bp::HomeworkAnswer read_answer(const json& e, std::size_t i, const AnswerSheet& sheet, const bp::Network& net,
                               int data_size) {
    const std::string where = entry(i);
    if (!e.is_object()) throw bp::Error(where + " must be an object {\"what\": ..., \"value\": ...}, not " + shown(e));
    if (!e.contains("what")) throw bp::Error(where + ".what is missing (z, a, delta, dW, db, loss, W_after or b_after)");
    const json& w = e["what"];
    const auto what = w.is_string() ? bp::parse_quantity(w.get<std::string>()) : std::nullopt;
    if (!what) throw bp::Error(where + ".what " + shown(w) + " is not one of z, a, delta, dW, db, loss, W_after, b_after");
    bp::HomeworkAnswer a;
    a.ref.what = *what;
    a.given = written_value(e, where);
    const auto needed = fields_of(*what);
    for (const char* f : kIndexFields) {
        const bool wanted = std::find(needed.begin(), needed.end(), f) != needed.end();
        if (!wanted && e.contains(f)) throw bp::Error(where + "." + f + " does not belong here: " + takes(*what));
        if (wanted && !e.contains(f)) throw bp::Error(where + "." + f + " is missing: " + takes(*what));
    }
    if (e.contains("layer")) a.ref.l = whole_number(e, "layer", where);
    if (e.contains("neuron")) a.ref.j = whole_number(e, "neuron", where);
    if (e.contains("j")) a.ref.j = whole_number(e, "j", where);
    if (e.contains("k")) a.ref.k = whole_number(e, "k", where);
    // The sample of a per-sample value: the sheet's own, else the entry's (needed when the batch has several).
    if (e.contains("sample")) {
        const int n = whole_number(e, "sample", where);
        if (!bp::is_per_sample(*what))
            throw bp::Error(where + ".sample does not belong here: " + std::string(bp::to_string(*what)) +
                            " is a value of the whole batch (only z, a and delta are per sample)");
        if (sheet.sample && n != *sheet.sample)
            throw bp::Error(where + ".sample " + std::to_string(n) + " differs from the sheet's \"sample\": " +
                            std::to_string(*sheet.sample) + " (every answer is about that sample)");
        a.ref.n = sheet.sample ? 0 : n;
    } else if (bp::is_per_sample(*what) && !sheet.sample && data_size > 1) {
        throw bp::Error(where + ".sample is missing: the data has " + std::to_string(data_size) +
                        " samples and the sheet has no \"sample\", so say which one this " +
                        std::string(bp::to_string(*what)) + " is for");
    }
    const int batch = sheet.sample ? 1 : data_size;
    if (const auto p = bp::check_ref(net, batch, a.ref)) throw bp::Error(where + "." + p->field + " " + p->message);
    return a;
}

}  // namespace

AnswerSheet answer_sheet_from_json(const json& j, const bp::Network& net, int data_size) {
    if (!j.is_object()) throw bp::Error("the answer sheet must be an object {\"sample\": 0, \"answers\": [...]}");
    AnswerSheet sheet;
    if (j.contains("sample") && !j["sample"].is_null()) {
        const int n = whole_number(j, "sample", "");
        if (n >= data_size)
            throw bp::Error("sample " + std::to_string(n) + " is past the last sample of the network's data (" +
                            std::to_string(data_size - 1) + ")");
        sheet.sample = n;
    }
    if (!j.contains("answers")) throw bp::Error("answers is missing: {\"answers\": [{\"what\": ..., \"value\": ...}, ...]}");
    const json& list = j["answers"];
    if (!list.is_array()) throw bp::Error("answers must be an array, not " + shown(list));
    for (std::size_t i = 0; i < list.size(); ++i) sheet.answers.push_back(read_answer(list[i], i, sheet, net, data_size));
    return sheet;
}

AnswerSheet load_answer_sheet(const std::string& path, const bp::Network& net, int data_size) {
    // Read as network files are: regular files only, at most bp::kMaxFileBytes; parsed the same way too
    // (duplicate keys refused, overflowing numbers named with their place).
    const std::string text = bp::read_text_file(path, "an answer sheet");
    try {
        return answer_sheet_from_json(bp::parse_json_checked(text), net, data_size);
    } catch (const bp::Error& e) {
        throw bp::Error(path + ": " + e.what());
    }
}

}  // namespace cli
