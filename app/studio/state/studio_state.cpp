// AppState construction and the read-only queries the views use (see studio_state.h).
#include "app/studio/state/studio_state.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "engine/core/error.h"

namespace studio {

AppState make_state(bp::Document doc, std::string path, std::string title) {
    bp::validate(doc.net);
    if (!doc.data) {  // a network file without data: one placeholder sample the user can still step
        bp::Dataset d;
        d.X = bp::Matrix(1, doc.net.input_size(), 0.5);
        const bool distribution = bp::loss_info(doc.net.loss).targets == bp::Targets::distribution;
        d.Y = bp::Matrix(1, doc.net.output_size(), distribution ? 0.0 : 0.5);  // a valid target for any loss
        if (distribution) d.Y(0, 0) = 1.0;
        doc.data = d;
    }
    bp::validate_dataset(doc.net, *doc.data, "data");
    if (doc.test && doc.test->size() > 0) bp::validate_dataset(doc.net, *doc.test, "data.test");
    AppState s;
    s.doc = std::move(doc);
    s.file_path = std::move(path);
    s.title = std::move(title);
    s.sample = 0;
    mark_changed(s);
    mark_saved(s);
    mark_data_changed(s);
    rebuild_pass(s, false);
    return s;
}

namespace {
std::uint64_t next_revision() {  // process-wide, so a replaced state never reuses a value
    static std::uint64_t revisions = 0;
    return ++revisions;
}
}  // namespace

bool is_modified(const AppState& s) { return s.revision != s.saved_revision; }
void mark_changed(AppState& s) { s.revision = next_revision(); }
void mark_saved(AppState& s) { s.saved_revision = s.revision; }
void mark_data_changed(AppState& s) { s.data_revision = next_revision(); }

bool same_data(const bp::Document& a, const bp::Document& b) {
    const auto same = [](const std::optional<bp::Dataset>& x, const std::optional<bp::Dataset>& y) {
        const bool ex = x && x->size() > 0, ey = y && y->size() > 0;
        return ex == ey && (!ex || (x->X == y->X && x->Y == y->Y));
    };
    return same(a.data, b.data) && same(a.test, b.test);
}

const bp::Dataset& training_data(const AppState& s) { return *s.doc.data; }
int sample_count(const AppState& s) { return s.doc.data ? s.doc.data->size() : 0; }

int shown_row(const AppState& s) { return s.sample >= 0 ? 0 : s.stepper->shown_sample(); }

bp::Matrix pass_inputs(const AppState& s) {
    const bp::Dataset& d = training_data(s);
    return s.sample >= 0 ? bp::take_rows(d.X, s.sample, 1) : d.X;
}

bp::Matrix pass_targets(const AppState& s) {
    const bp::Dataset& d = training_data(s);
    return s.sample >= 0 ? bp::take_rows(d.Y, s.sample, 1) : d.Y;
}

void rebuild_pass(AppState& s, bool keep_cursor) {
    const int old_cursor = s.stepper ? s.stepper->cursor() : 0;
    const int old_size = s.stepper ? s.stepper->size() : -1;
    s.sample = std::clamp(s.sample, -1, sample_count(s) - 1);
    s.stepper.emplace(s.doc.net, pass_inputs(s), pass_targets(s), s.doc.training, 0);
    s.stepper->set_notation(s.settings.notation);
    s.pass_revision = next_revision();
    if (keep_cursor && s.stepper->size() == old_size) s.stepper->seek(old_cursor);

    // Where each parameter's update event sits, so the canvas shows w's new value once it is done.
    const bp::Network& net = s.doc.net;
    s.weight_update_event.assign(net.layers.size(), {});
    s.bias_update_event.assign(net.layers.size(), {});
    for (int l = 1; l <= net.L(); ++l) {
        s.weight_update_event[l].assign(static_cast<std::size_t>(net.layers[l].size) * net.layers[l - 1].size, -1);
        s.bias_update_event[l].assign(net.layers[l].size, -1);
    }
    const auto& events = s.stepper->events();
    for (int i = 0; i < static_cast<int>(events.size()); ++i) {
        const bp::StepEvent& e = events[i];
        if (e.layer < 1 || e.layer > net.L()) continue;
        if (e.kind == bp::EventKind::weight_update)
            s.weight_update_event[e.layer][static_cast<std::size_t>(e.neuron) * net.layers[e.layer - 1].size + e.k] = i;
        else if (e.kind == bp::EventKind::bias_update)
            s.bias_update_event[e.layer][e.neuron] = i;
    }
}

bool known(const AppState& s, const bp::ValueRef& r) { return s.stepper && s.stepper->known(r); }

bool weight_updated(const AppState& s, int l, int j, int k) {
    const int n_prev = s.doc.net.layers[l - 1].size;
    const int e = s.weight_update_event[l][static_cast<std::size_t>(j) * n_prev + k];
    return e >= 0 && s.stepper->cursor() > e;
}

bool bias_updated(const AppState& s, int l, int j) {
    const int e = s.bias_update_event[l][j];
    return e >= 0 && s.stepper->cursor() > e;
}

double weight_shown(const AppState& s, int l, int j, int k) {
    return weight_updated(s, l, j, k) ? s.stepper->network_after().layers[l].W(j, k) : s.doc.net.layers[l].W(j, k);
}

double bias_shown(const AppState& s, int l, int j) {
    return bias_updated(s, l, j) ? s.stepper->network_after().layers[l].b[j] : s.doc.net.layers[l].b[j];
}

bool valid(const bp::Network& net, const Selection& sel) {
    if (sel.kind == Selection::Kind::none) return true;
    if (sel.l < 0 || sel.l > net.L()) return false;
    if (sel.j < 0 || sel.j >= net.layers[sel.l].size) return false;
    switch (sel.kind) {
        case Selection::Kind::neuron: return true;
        case Selection::Kind::weight: return sel.l >= 1 && sel.k >= 0 && sel.k < net.layers[sel.l - 1].size;
        case Selection::Kind::bias: return sel.l >= 1;
        case Selection::Kind::none: break;
    }
    return true;
}

bool bias_trains(const AppState& s, int l) { return s.doc.net.layers[l].bias && !s.doc.training.freeze_biases; }

bool has_test(const AppState& s) { return s.doc.test && s.doc.test->size() > 0; }

void set_status(AppState& s, std::string text, bool error) {
    s.status = std::move(text);
    s.status_is_error = error;
}

}  // namespace studio
