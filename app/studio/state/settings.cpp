// Settings file and XDG config directory (see settings.h).
#include "app/studio/state/settings.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace studio {
namespace {

using nlohmann::json;

const char* name(NeuronValue v) {
    switch (v) {
        case NeuronValue::z: return "z";
        case NeuronValue::a: return "a";
        case NeuronValue::delta: return "delta";
        case NeuronValue::follow_pass: return "follow_pass";
    }
    return "follow_pass";
}
const char* name(EdgeValue v) { return v == EdgeValue::weight ? "weight" : "gradient"; }

template <class T, class Get>
void read(const json& j, const char* key, T& field, Get get) {
    const auto it = j.find(key);
    if (it == j.end()) return;
    try {
        get(*it, field);
    } catch (const json::exception&) {  // a wrong type: keep the default
    }
}

template <class T>
void read_number(const json& j, const char* key, T& field) {
    read(j, key, field, [](const json& v, T& f) {
        if (v.is_number()) f = v.get<T>();
    });
}

}  // namespace

std::string config_dir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x && x[0] == '/') return std::string(x) + "/backprop-studio";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/backprop-studio";
    return "";
}

std::string settings_path() {
    const std::string d = config_dir();
    return d.empty() ? "" : d + "/settings.json";
}

std::string imgui_ini_path() {
    const std::string d = config_dir();
    return d.empty() ? "" : d + "/imgui.ini";
}

Settings settings_from_json(const std::string& text) {
    Settings s;
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return s;
    read(j, "neuron_value", s.neuron_value, [](const json& v, NeuronValue& f) {
        for (NeuronValue x : {NeuronValue::z, NeuronValue::a, NeuronValue::delta, NeuronValue::follow_pass})
            if (v == name(x)) f = x;
    });
    read(j, "edge_value", s.edge_value, [](const json& v, EdgeValue& f) {
        for (EdgeValue x : {EdgeValue::weight, EdgeValue::gradient})
            if (v == name(x)) f = x;
    });
    read(j, "granularity", s.granularity, [](const json& v, bp::Granularity& f) {
        for (bp::Granularity x : {bp::Granularity::neuron, bp::Granularity::layer, bp::Granularity::phase})
            if (v == std::string(bp::to_string(x))) f = x;
    });
    read(j, "init_scheme", s.init_scheme, [](const json& v, bp::InitScheme& f) {
        if (v.is_string())
            if (auto x = bp::parse_init_scheme(v.get<std::string>())) f = *x;
    });
    read(j, "loss_log_scale", s.loss_log_scale, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "light_theme", s.light_theme, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "neuron_maps", s.neuron_maps, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "show_side", s.show_side, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "show_loss", s.show_loss, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "desktop_dialogs", s.desktop_dialogs, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "motion", s.motion, [](const json& v, bool& f) { f = v.get<bool>(); });
    read(j, "notation", s.notation, [](const json& v, bp::Notation& f) {
        if (v.is_string())
            if (auto x = bp::parse_notation(v.get<std::string>())) f = *x;
    });
    read_number(j, "play_speed", s.play_speed);
    read_number(j, "ui_scale", s.ui_scale);
    read_number(j, "side_width", s.side_width);
    read_number(j, "lab_side_width", s.lab_side_width);
    read_number(j, "bottom_height", s.bottom_height);
    read_number(j, "formula_width", s.formula_width);
    read_number(j, "init_seed", s.init_seed);
    read_number(j, "train_chunk", s.train_chunk);
    read_number(j, "window_w", s.window_w);
    read_number(j, "window_h", s.window_h);
    return s;
}

std::string settings_to_json(const Settings& s) {
    json j;
    j["neuron_value"] = name(s.neuron_value);
    j["edge_value"] = name(s.edge_value);
    j["granularity"] = std::string(bp::to_string(s.granularity));
    j["init_scheme"] = std::string(bp::to_string(s.init_scheme));
    j["loss_log_scale"] = s.loss_log_scale;
    j["light_theme"] = s.light_theme;
    j["neuron_maps"] = s.neuron_maps;
    j["show_side"] = s.show_side;
    j["show_loss"] = s.show_loss;
    j["desktop_dialogs"] = s.desktop_dialogs;
    j["motion"] = s.motion;
    j["notation"] = std::string(bp::to_string(s.notation));
    j["play_speed"] = s.play_speed;
    j["ui_scale"] = s.ui_scale;
    j["side_width"] = s.side_width;
    j["lab_side_width"] = s.lab_side_width;
    j["bottom_height"] = s.bottom_height;
    j["formula_width"] = s.formula_width;
    j["init_seed"] = s.init_seed;
    j["train_chunk"] = s.train_chunk;
    j["window_w"] = s.window_w;
    j["window_h"] = s.window_h;
    return j.dump(2) + "\n";
}

Settings load_settings(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Settings{};
    std::stringstream text;
    text << in.rdbuf();
    return settings_from_json(text.str());
}

std::string save_settings(const std::string& path, const Settings& s) {
    if (path.empty()) return "no config directory (HOME is not set)";
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    if (ec) return "cannot create " + std::filesystem::path(path).parent_path().string() + ": " + ec.message();
    try {
        bp::write_file_atomically(path, settings_to_json(s));
    } catch (const bp::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace studio
