// The Training lab's actions (see lab.h): continuous training with automatic speed and stop conditions,
// divergence watch and rewind, data generation and point edits (undoable, through edit_document), presets,
// and the caches the Lab draws from (decision field, neuron maps, curve, losses), refreshed at most
// kRefreshHz times a second while training.
// [SECTION] helpers   [SECTION] training   [SECTION] caches   [SECTION] the handler
#include "app/studio/handlers/lab.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <utility>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/document.h"
#include "app/studio/state/training_run.h"
#include "engine/core/error.h"
#include "engine/teaching/notation.h"
#include "engine/io/serialize.h"

namespace studio {
namespace {

// ---- [SECTION] helpers ----




bool same_network(const bp::Network& a, const bp::Network& b) {
    if (!bp::same_shape(a, b) || a.loss != b.loss) return false;
    for (std::size_t l = 1; l < a.layers.size(); ++l) {
        const bp::Layer &x = a.layers[l], &y = b.layers[l];
        if (x.activation != y.activation || x.bias != y.bias || x.W != y.W || x.b != y.b) return false;
    }
    return true;
}

// Forgets what belongs to the previous network or data: divergence, checkpoints, the watch.
void forget_run(LabState& lab) {
    lab.checkpoints.clear();
    lab.watch = DivergenceWatch{};
    lab.diverged.reset();
}

std::string steps_text(long n) { return std::to_string(n) + (n == 1 ? " step" : " steps"); }

// ---- [SECTION] training ----

void ensure_trainer(AppState& s) {
    if (!s.trainer || s.trainer_data != &*s.doc.data) {
        s.trainer = std::make_shared<bp::Trainer>(*s.doc.data, s.doc.training);
        s.trainer_data = &*s.doc.data;
    }
}

// A new run of training: the watch compares with the larger of the loss now and the chance-level loss.
void start_watch(AppState& s) {
    const double now = bp::evaluate_loss(s.doc.net, *checkpoint_samples(*s.doc.data));  // bounded for a large set
    const double chance = chance_loss(s.doc.net.loss, *s.doc.data);
    s.lab.watch.start(std::isfinite(now) ? std::max(now, chance) : chance);
}

void pause(AppState& s) {
    s.lab.training = false;
}

// The run of training the state holds: its network, trainer, data, watch, checkpoints and stop conditions
// (the checkpoints move into the run; adopt() gives them back).
TrainingRun take_run(AppState& s) {
    ensure_trainer(s);
    if (!s.lab.watch.started()) start_watch(s);
    TrainingRun r;
    r.net = s.doc.net;
    r.trainer = s.trainer;
    r.data = &*s.doc.data;
    r.test = has_test(s) ? &*s.doc.test : nullptr;
    r.checkpoint_data = checkpoint_samples(*r.data);
    r.steps_done = s.steps_done;
    r.watch = s.lab.watch;
    r.checkpoints = std::move(s.lab.checkpoints);
    r.stop_at_step = s.lab.stop_at_step;
    r.stop_at_loss = s.lab.stop_at_loss;
    return r;
}

// The steps' results into the state: the network, the loss history, the step count (trained parameters
// are unsaved work) and the pass on the new network.
void adopt_steps(AppState& s, bp::Network net, long steps_done, const std::vector<StepLoss>& losses) {
    s.doc.net = std::move(net);
    s.steps_done = steps_done;
    for (const StepLoss& l : losses) s.history.append(l.train, l.test);
    if (!losses.empty()) mark_changed(s);
    rebuild_pass(s, true);
}

// A run given back: the steps, the watch and the checkpoints; an ended run pauses training and says why.
void adopt(AppState& s, TrainingRun r) {
    s.lab.watch = r.watch;
    s.lab.checkpoints = std::move(r.checkpoints);
    switch (r.end) {
        case RunEnd::none: break;
        case RunEnd::diverged:
            s.lab.diverged = r.divergence;
            pause(s);
            set_status(s, divergence_message(*r.divergence), true);
            break;
        case RunEnd::stop_step:
            pause(s);
            set_status(s, "Stopped at step " + std::to_string(r.steps_done) + ", as asked.");
            break;
        case RunEnd::stop_loss:
            pause(s);
            set_status(s, "Stopped at step " + std::to_string(r.steps_done) + ": the training loss " +
                       bp::format_number(r.end_loss, 4) + " reached the target " + bp::format_number(s.lab.stop_at_loss, 4) + ".");
            break;
    }
    adopt_steps(s, std::move(r.net), r.steps_done, r.losses);
}

// Trains up to `count` steps on this thread (Step, Train N, --train-steps): the worker's loop, so the same
// bits. Stops early on divergence or a stop condition. Returns the number of steps done.
long run_steps(AppState& s, long count) {
    if (count <= 0) return 0;
    sync_training(s);
    TrainingRun r = take_run(s);
    const long done = run_training(r, count);
    adopt(s, std::move(r));
    return done;
}

// One frame of continuous training: the worker trains (as fast as it can with the automatic speed, else
// steps_per_frame steps a frame); the frame adopts what it published and never waits for a step.
void train_frame(AppState& s) {
    LabState& lab = s.lab;
    const auto t0 = std::chrono::steady_clock::now();
    const long allowed = lab.auto_speed ? -1 : lab.steps_per_frame;
    if (!lab.worker.worker) lab.worker.worker = std::make_unique<LabWorker>(take_run(s), allowed);
    LabWorker& w = *lab.worker.worker;
    w.allow(allowed);
    WorkerNews news;
    if (w.take(news)) {
        if (lab.auto_speed)  // what the slider shows: the steps this frame adopted
            lab.steps_per_frame = std::clamp(static_cast<int>(news.losses.size()), 1, kMaxStepsPerFrame);
        adopt_steps(s, std::move(news.net), news.steps_done, news.losses);
        if (news.ended) sync_training(s);  // the run is over: take the rest back (divergence, a stop)
    }
    lab.last_train_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// ---- [SECTION] caches ----

// The field's cells per side: 48, or fewer for a network so big that 48² forward passes would take long.
int field_cells(const bp::Network& net) {
    double macs = 0;  // multiply-adds of one forward pass
    for (int l = 1; l <= net.L(); ++l) macs += static_cast<double>(net.layers[l].size) * net.layers[l - 1].size;
    return std::clamp(static_cast<int>(std::sqrt(kFieldBudget / std::max(1.0, macs))), 16, kFieldCells);
}

bool maps_wanted(const AppState& s) { return s.settings.neuron_maps && s.lab.visible && s.doc.net.input_size() == 2; }

// The numbers of the readout on at most kStatsSamples of a set (the whole set when it is that small).
void set_stats(const bp::Network& net, const bp::Dataset& d, double& loss, double& acc, int& counted) {
    const bool spread = spread_stride(d.size(), kStatsSamples) > 1;
    const bp::Dataset few = spread ? spread_rows(d, kStatsSamples) : bp::Dataset{};
    const bp::Dataset& on = spread ? few : d;
    loss = bp::evaluate_loss(net, on);
    if (is_classifier(net)) acc = bp::accuracy(net, on);
    counted = on.size();
}

// The plot's square and the colour scale of the targets: they depend on the data alone.
void follow_data(AppState& s) {
    LabState& lab = s.lab;
    if (lab.domain_data_revision == s.data_revision) return;
    const bp::Dataset& data = *s.doc.data;
    const bp::Dataset* test = has_test(s) ? &*s.doc.test : nullptr;
    lab.domain = plot_domain(s.doc.net.input_size(), &data, test);
    double scale = 0;
    for (const bp::Dataset* d : {&data, test})
        if (d)
            for (double y : d->Y.v)
                if (std::isfinite(y)) scale = std::max(scale, std::fabs(y));
    lab.target_scale = scale > 0 ? scale : 1.0;
    lab.domain_data_revision = s.data_revision;
}

void refresh(AppState& s) {
    LabState& lab = s.lab;
    const bp::Network& net = s.doc.net;
    follow_data(s);
    lab.field = net.input_size() == 2 ? decision_field(net, lab.domain, field_cells(net)) : GridField{};
    lab.maps = maps_wanted(s) ? neuron_maps(net, lab.domain, kNeuronMapCells) : NeuronMaps{};
    lab.curve = net.input_size() == 1 ? fitted_curve(net, lab.domain, kCurvePoints) : Curve{};
    LabStats st;
    set_stats(net, *s.doc.data, st.train_loss, st.train_acc, st.train_counted);
    st.has_test = has_test(s);
    if (st.has_test) set_stats(net, *s.doc.test, st.test_loss, st.test_acc, st.test_counted);
    lab.stats = st;
    lab.cached_net = net;
    lab.cached_data_revision = s.data_revision;
    lab.cache_valid = true;
    lab.since_refresh = 0;
}

// Another network shape or other data: the checkpoints and the watch belong to the old ones.
void follow_run(AppState& s) {
    LabState& lab = s.lab;
    std::vector<int> sizes;
    for (const bp::Layer& layer : s.doc.net.layers) sizes.push_back(layer.size);
    if (sizes == lab.run_sizes && s.data_revision == lab.run_data_revision) return;
    if (!lab.run_sizes.empty()) forget_run(lab);
    lab.run_sizes = std::move(sizes);
    lab.run_data_revision = s.data_revision;
}

void tick(AppState& s, double seconds) {
    LabState& lab = s.lab;
    if (!lab.spec_loaded) {
        stored_spec(s.doc, lab.spec);
        lab.spec_loaded = true;
    }
    if (!lab_worker_running(s)) follow_run(s);  // (a running worker's network keeps its shape and data)
    if (lab.training) train_frame(s);
    lab.since_refresh += std::max(0.0, seconds);
    if (!lab.visible) return;  // nothing draws the caches
    const bool stale = !lab.cache_valid || !same_network(lab.cached_net, s.doc.net) ||
                       lab.cached_data_revision != s.data_revision || maps_wanted(s) == lab.maps.empty();
    if (stale && (!lab.training || lab.since_refresh >= 1.0 / kRefreshHz)) refresh(s);
}

// ---- [SECTION] the handler ----

struct LabHandler {
    AppState& s;

    void operator()(const lab::Tick& a) { tick(s, a.seconds); }
    void operator()(const lab::SetTraining& a) {
        if (a.on == s.lab.training) return;
        sync_training(s);
        s.lab.training = a.on;
        if (!a.on) return set_status(s, "Paused at step " + std::to_string(s.steps_done) + ".");
        s.playing = false;  // the stepped play mode and continuous training exclude each other
        s.lab.diverged.reset();
        start_watch(s);
        set_status(s, "Training… (the loss curve and the plot follow live)");
    }
    void operator()(const lab::Step&) {
        pause(s);
        s.lab.diverged.reset();
        if (run_steps(s, 1) == 1 && !s.lab.diverged)
            set_status(s, "One step: batch loss " + bp::format_number(s.history.last().train, 4) + ".");
    }
    void operator()(const lab::Train& a) {
        pause(s);
        s.lab.diverged.reset();
        start_watch(s);
        const long done = run_steps(s, a.count);
        if (!s.lab.diverged && !s.status_is_error && done == a.count)
            set_status(s, "Trained " + steps_text(done) + "; batch loss " + bp::format_number(s.history.last().train, 4) + ".");
    }
    void operator()(const lab::Reset& a) {
        if (!say_edit(s, reinitialize_label(a.scheme, a.seed), reinitialize(s, a.scheme, a.seed))) return;
        pause(s);
        s.history = LossHistory{};
        s.steps_done = 0;
        forget_run(s.lab);
        set_status(s, "Re-initialised (" + std::string(bp::to_string(a.scheme)) + ", seed " + std::to_string(a.seed) +
                   "); the loss curve starts again.  (Ctrl+Z undoes)");
    }
    void operator()(const lab::SetConfig& a) {
        const std::string label = training_label(s.doc.training, a.config);
        say_edit(s, label, edit_training(s, label, a.config));  // the same path as the toolbar's η
    }
    void operator()(const lab::SetSpeed& a) {
        s.lab.steps_per_frame = std::clamp(a.steps_per_frame, 1, kMaxStepsPerFrame);
        s.lab.auto_speed = a.automatic;
    }
    void operator()(const lab::SetStops& a) {
        s.lab.stop_at_step = std::max(0L, a.at_step);
        s.lab.stop_at_loss = std::isfinite(a.at_loss) ? std::max(0.0, a.at_loss) : 0.0;
    }
    void operator()(const lab::Rewind&) {
        const Checkpoint* c = s.lab.checkpoints.rewind_target();
        if (!c || !bp::same_shape(c->net, s.doc.net)) return set_status(s, "There is nothing to rewind to.", true);
        const long step = c->step;
        const double loss = c->loss;
        const bp::Network back = c->net;
        if (!edit_document_and_say(s, "rewind to step " + std::to_string(step), [&](bp::Document& d) { d.net = back; })) return;
        s.history.truncate(step);
        s.history.mark_edit(step);
        s.steps_done = step;
        s.lab.checkpoints.forget_after(step);
        s.lab.watch = DivergenceWatch{};
        s.lab.diverged.reset();
        s.lab.cache_valid = false;
        rebuild_pass(s, false);
        set_status(s, "Rewound to step " + std::to_string(step) + " (training loss " + bp::format_number(loss, 4) +
                   "). Lower the learning rate before you play again.  (Ctrl+Z undoes)");
    }
    void operator()(const lab::Dismiss&) { s.lab.diverged.reset(); }

    void operator()(const lab::SetSpec& a) { s.lab.spec = a.spec; }
    void operator()(const lab::Generate& a) {
        std::string note;
        const std::uint64_t seed = s.settings.init_seed;
        const std::string label = "new " + std::string(bp::to_string(a.spec.kind)) + " data (" +
                                  std::to_string(a.spec.points) + " points)";
        if (!edit_document_and_say(s, label, [&](bp::Document& d) { d = with_generated_data(d, a.spec, s.settings.init_scheme, seed, note); }))
            return;
        s.lab.spec = a.spec;
        s.sample = 0;
        rebuild_pass(s, false);
        set_status(s, label + (note.empty() ? "" : ": " + note) + ".  (Ctrl+Z undoes)");
    }
    void operator()(const lab::SetBrush& a) {
        s.lab.brush_class = std::max(0, a.cls);
        if (std::isfinite(a.value)) s.lab.brush_value = a.value;
    }
    void operator()(const lab::SetShownOutput& a) { s.lab.shown_output = std::clamp(a.k, 0, s.doc.net.output_size() - 1); }
    void operator()(const lab::ShowTable& a) { s.lab.table_test = a.test; }
    void operator()(const lab::SetVisible& a) { s.lab.visible = a.on; }
    void operator()(const lab::AddPoint& a) {
        edit_document_and_say(s, std::string("add a ") + (a.test ? "test" : "training") + " sample",
                      [&](bp::Document& d) { add_sample(d, a.test, a.x, a.y); });
    }
    void operator()(const lab::RemovePoint& a) {
        edit_document_and_say(s, std::string("delete ") + (a.p.test ? "test" : "training") + " sample " + std::to_string(a.p.row + 1),
                      [&](bp::Document& d) { remove_sample(d, a.p); });
    }
    void operator()(const lab::MovePoint& a) {
        const bool two = s.doc.net.input_size() == 2;
        const bool unit = bp::loss_info(s.doc.net.loss).targets == bp::Targets::unit_interval;
        edit_document_and_say(s, "move sample " + std::to_string(a.p.row + 1), [&](bp::Document& d) {
            set_sample_value(d, a.p, false, 0, a.u);
            if (two) set_sample_value(d, a.p, false, 1, a.v);
            else set_sample_value(d, a.p, true, 0, unit ? std::clamp(a.v, 0.0, 1.0) : a.v);  // 1 input: v is the target
        });
    }
    void operator()(const lab::SetValue& a) {
        const std::string name = (a.target ? "y" : "x") + bp::subscript(a.col + 1);
        edit_document_and_say(s, "set " + name + " of sample " + std::to_string(a.p.row + 1) + " = " + bp::format_number(a.value),
                      [&](bp::Document& d) { set_sample_value(d, a.p, a.target, a.col, a.value); });
    }
    void operator()(const lab::AddRow& a) {
        edit_document_and_say(s, std::string("add a ") + (a.test ? "test" : "training") + " sample",
                      [&](bp::Document& d) { add_row(d, a.test); });
    }
};

}  // namespace

void apply_lab(AppState& s, const lab::Op& op) { std::visit(LabHandler{s}, op); }

void sync_training(AppState& s) {
    if (!s.lab.worker.worker) return;
    TrainingRun r = s.lab.worker.worker->finish();
    s.lab.worker.worker.reset();
    adopt(s, std::move(r));
}

bool lab_worker_running(const AppState& s) { return s.lab.worker.worker != nullptr; }

double epochs_done(const AppState& s) {
    const int N = sample_count(s);
    if (N <= 0) return 0;
    const int B = s.doc.training.batch_size > 0 ? std::min(s.doc.training.batch_size, N) : N;
    return static_cast<double>(s.steps_done) * B / N;
}

int plot_dims(const AppState& s) {
    const int n = s.doc.net.input_size();
    return n == 1 || n == 2 ? n : 0;
}

bool lab_classifies(const AppState& s) { return is_classifier(s.doc.net); }

}  // namespace studio
