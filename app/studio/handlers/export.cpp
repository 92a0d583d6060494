// File ▸ Export (see export.h).
#include "app/studio/handlers/export.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/studio/figures/formula_text.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/handlers/files.h"
#include "app/studio/state/file_queries.h"
#include "app/studio/state/studio_state.h"
#include "engine/core/error.h"
#include "engine/core/passes.h"
#include "engine/export/training_script.h"
#include "engine/io/serialize.h"

namespace studio {
namespace {

using Kind = bp::ValueRef::Kind;

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

bp::Trace current_trace(const AppState& s) { return bp::run_pass(s.doc.net, pass_inputs(s), pass_targets(s)); }

nlohmann::json rows(const bp::Matrix& m) {
    nlohmann::json out = nlohmann::json::array();
    for (int r = 0; r < m.rows; ++r) {
        nlohmann::json row = nlohmann::json::array();
        for (int c = 0; c < m.cols; ++c) row.push_back(m(r, c));
        out.push_back(row);
    }
    return out;
}

}  // namespace

std::string trace_csv(const AppState& s) {
    const bp::Trace t = current_trace(s);
    std::string out = "quantity,layer,j,k,sample,value\n";
    // A value quiz mode is about to ask is written empty: an export never gives an answer away.
    const auto line = [&](const char* q, Kind kind, int l, int j, int k, const std::string& n, double v) {
        const std::string k_text = kind == Kind::dW ? std::to_string(k) : "";
        const std::string value = quiz_hides(s, {kind, l, j, k}) ? "" : num(v);
        out += std::string(q) + "," + std::to_string(l) + "," + std::to_string(j) + "," + k_text + "," + n + "," + value + "\n";
    };
    for (int l = 0; l < static_cast<int>(t.layers.size()); ++l) {
        const bp::LayerTrace& lt = t.layers[l];
        for (int n = 0; n < t.N(); ++n)
            for (int j = 0; j < lt.a.cols; ++j) {
                if (l > 0) line("z", Kind::z, l, j, 0, std::to_string(n), lt.z(n, j));
                line("a", Kind::a, l, j, 0, std::to_string(n), lt.a(n, j));
                if (l > 0) line("delta", Kind::delta, l, j, 0, std::to_string(n), lt.delta(n, j));
            }
        if (l == 0) continue;
        for (int j = 0; j < lt.dW.rows; ++j)
            for (int k = 0; k < lt.dW.cols; ++k) line("dW", Kind::dW, l, j, k, "", lt.dW(j, k));
        for (int j = 0; j < static_cast<int>(lt.db.size()); ++j) line("db", Kind::db, l, j, 0, "", lt.db[j]);
    }
    out += "loss,,,,," + (quiz_hides(s, {Kind::loss, 0, 0, 0}) ? std::string() : num(t.loss)) + "\n";
    return out;
}

nlohmann::json trace_json(const AppState& s) {
    const bp::Trace t = current_trace(s);
    // As in the CSV, quiz mode's coming answers are null (and the per-sample losses too while L is one).
    const auto hidden_rows = [&](const bp::Matrix& m, Kind kind, int l, bool by_row) {
        nlohmann::json out = rows(m);
        for (int r = 0; r < m.rows; ++r)
            for (int c = 0; c < m.cols; ++c)
                if (quiz_hides(s, {kind, l, by_row ? r : c, by_row ? c : 0})) out[r][c] = nullptr;
        return out;
    };
    nlohmann::json layers = nlohmann::json::array();
    for (int l = 0; l < static_cast<int>(t.layers.size()); ++l) {
        const bp::LayerTrace& lt = t.layers[l];
        nlohmann::json j = {{"a", l > 0 ? hidden_rows(lt.a, Kind::a, l, false) : rows(lt.a)}};
        if (l > 0) {
            nlohmann::json db = lt.db;
            for (int n = 0; n < static_cast<int>(lt.db.size()); ++n)
                if (quiz_hides(s, {Kind::db, l, n, 0})) db[n] = nullptr;
            j.update({{"z", hidden_rows(lt.z, Kind::z, l, false)}, {"delta", hidden_rows(lt.delta, Kind::delta, l, false)},
                      {"dW", hidden_rows(lt.dW, Kind::dW, l, true)}, {"db", db}});
        }
        layers.push_back(j);
    }
    const bool loss_hidden = quiz_hides(s, {Kind::loss, 0, 0, 0});
    return {{"loss", loss_hidden ? nlohmann::json(nullptr) : nlohmann::json(t.loss)},
            {"sample_losses", loss_hidden ? nlohmann::json(nullptr) : nlohmann::json(t.sample_losses)},
            {"samples", t.N()},
            {"layers", layers}};
}

std::string loss_csv(const AppState& s) {
    std::string out = "step,train_loss,test_loss\n";
    for (const LossPoint& p : s.history.points())  // real step numbers: a long run is thinned (loss_history.h)
        out += std::to_string(p.step) + "," + num(p.train) + "," + (std::isnan(p.test) ? "" : num(p.test)) + "\n";
    return out;
}

std::string export_text(const AppState& s, ExportKind k) {
    switch (k) {
        case ExportKind::trace_csv: return trace_csv(s);
        case ExportKind::trace_json: return trace_json(s).dump(1) + "\n";
        case ExportKind::loss_csv: return loss_csv(s);
        case ExportKind::formula_text:
        case ExportKind::formula_latex: {
            const auto shown = [](const auto& st) {  // the step just shown (else the first)
                if (st.size() == 0) throw bp::Error("the pass has no steps");
                return st.text(st.cursor() > 0 ? st.cursor() - 1 : 0);
            };
            // The expression's graph while one is open (expression.h), else the network's pass.
            const bp::EventText e = s.expression ? shown(s.expression->stepper) : shown(*s.stepper);
            return (k == ExportKind::formula_text ? formula_copy_text(e) : formula_copy_latex(e)) + "\n";
        }
        case ExportKind::pytorch_script:
        case ExportKind::numpy_script:
            return bp::training_script(s.doc, k == ExportKind::pytorch_script ? bp::ScriptKind::pytorch : bp::ScriptKind::numpy,
                                       bp::kDefaultScriptSteps);
    }
    return "";
}

const char* export_suffix(ExportKind k) {
    switch (k) {
        case ExportKind::trace_csv: return "-trace.csv";
        case ExportKind::trace_json: return "-trace.json";
        case ExportKind::loss_csv: return "-loss.csv";
        case ExportKind::formula_text: return "-formula.txt";
        case ExportKind::formula_latex: return "-formula.tex";
        case ExportKind::pytorch_script: return "-pytorch.py";
        case ExportKind::numpy_script: return "-numpy.py";
    }
    return "";
}

std::string export_path(const AppState& s, const std::string& suffix) {
    namespace fs = std::filesystem;
    std::string dir = s.file_path.empty() ? s.files.last_dir : fs::path(s.file_path).parent_path().string();
    if (!is_directory_path(dir)) dir = documents_dir();
    std::string name = s.file_path.empty() ? s.title : fs::path(s.file_path).stem().string();
    for (char& c : name)
        if (c == '/') c = '-';
    return (fs::path(dir) / (name + suffix)).string();
}

std::string write_export(const AppState& s, ExportKind k) {
    const std::string path = export_path(s, export_suffix(k));
    bp::write_file_atomically(path, export_text(s, k));
    return path;
}

std::string canvas_png_suffix(int scale) {
    return scale == 1 ? "-canvas.png" : "-canvas@" + std::to_string(scale) + "x.png";
}

}  // namespace studio
