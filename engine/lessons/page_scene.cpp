// Setting up a page's state headless (see page_scene.h).
//
// [SECTION] documents
// [SECTION] events of the pass
// [SECTION] the scene: edits, training, the pass, the selection, the pinned path
#include "engine/lessons/page_scene.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/core/optimizer.h"
#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_paths.h"
#include "engine/io/serialize.h"
#include "engine/io/text_file.h"
#include "engine/teaching/chain_rule.h"
#include "engine/teaching/notation.h"

namespace bp {
namespace page_scene_detail {

namespace fs = std::filesystem;

// ---- [SECTION] documents --------------------------------------------------------------------------------

std::string stems_in(const std::string& dir) {
    std::vector<std::string> stems;
    std::error_code ec;
    if (!dir.empty())
        for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            if (it->path().extension() == ".json") stems.push_back(it->path().stem().string());
    std::sort(stems.begin(), stems.end());
    std::string out;
    for (const std::string& s : stems) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none found" : out;
}

// A network file, or an expression document when it says "kind": "expression".
PageDocument load_any(const std::string& path, bool expect_expression) {
    PageDocument d;
    d.path = path;
    const std::string text = read_text_file(path, expect_expression ? "an expression document" : "a network file");
    nlohmann::json j;
    try {
        j = parse_json_checked(text);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
    try {
        if (is_expression_document(j)) {
            d.kind = PageDocument::Kind::expression;
            d.expression = expression_document_from_json(j);
        } else {
            d.network = document_from_json(j);
        }
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
    return d;
}

// ---- [SECTION] events of the pass -----------------------------------------------------------------------

Quantity quantity_of_event(EventKind k) {
    switch (k) {
        case EventKind::z: return Quantity::z;
        case EventKind::a: return Quantity::a;
        case EventKind::loss: return Quantity::loss;
        case EventKind::output_delta:
        case EventKind::hidden_delta: return Quantity::delta;
        case EventKind::weight_gradient: return Quantity::dW;
        case EventKind::bias_gradient: return Quantity::db;
        case EventKind::weight_update: return Quantity::W_after;
        case EventKind::bias_update: return Quantity::b_after;
    }
    return Quantity::loss;
}

bool matches(const StepEvent& e, const StepTarget& t) {
    const bool kind = t.delta ? (e.kind == EventKind::output_delta || e.kind == EventKind::hidden_delta) : e.kind == t.kind;
    if (!kind) return false;
    if (e.kind == EventKind::loss) return true;
    const bool weight = e.kind == EventKind::weight_gradient || e.kind == EventKind::weight_update;
    return e.layer == t.l && e.neuron == t.j && (!weight || e.k == t.k);
}

// Why a pass has no such event, in the words of the network.
std::string missing_event(const Stepper& s, const Network& net, const StepTarget& t) {
    QuantityRef r{quantity_of_event(t.kind), t.l, t.j, t.k, 0};
    if (auto p = check_ref(net, 1, r)) return "the pass has no event '" + t.text + "': " + p->field + " " + p->message;
    if (t.kind == EventKind::a && t.l == 0) return "a⁰ is the input: it is known from the start (step: start)";
    const Layer& layer = net.layers[static_cast<std::size_t>(t.l)];
    if ((t.kind == EventKind::bias_gradient || t.kind == EventKind::bias_update) && !layer.bias)
        return "the pass has no event '" + t.text + "': layer " + std::to_string(t.l) + " has no bias";
    if (t.kind == EventKind::bias_update) return "the pass has no event '" + t.text + "': the file freezes the biases";
    if (t.kind == EventKind::output_delta && t.l != net.L())
        return "layer " + std::to_string(t.l) + " is hidden: its δ is hidden_delta (or write delta " + std::to_string(t.l) + "," +
               std::to_string(t.j) + ")";
    if (t.kind == EventKind::hidden_delta && t.l == net.L())
        return "layer " + std::to_string(t.l) + " is the output: its δ is output_delta (or write delta " + std::to_string(t.l) +
               "," + std::to_string(t.j) + ")";
    return "the pass has no event '" + t.text + "' (it has " + std::to_string(s.size()) + " events)";
}

// ---- [SECTION] the scene: edits, training, the pass, the selection, the pinned path ---------------------

// Collects a page's errors, each on the line of the key at fault.
struct Problems {
    const Lesson& lesson;
    const PageState& state;
    std::vector<LessonError> errors;
    void add(std::string_view key, std::string why) { errors.push_back({lesson.path, state.line_of(key), 0, std::move(why)}); }
    void add_at(int line, std::string why) { errors.push_back({lesson.path, line, 0, std::move(why)}); }
};

void apply_edit(PageDocument& doc, const ParameterEdit& e) {
    if (e.kind == ParameterEdit::Kind::variable) {
        if (doc.is_network()) throw Error("set: " + e.name + " = …: a network page sets a weight (w l,j,k = X) or a bias (b l,j = X)");
        if (document_graph(doc.expression).find_variable(e.name) < 0)
            throw Error("set: " + e.name + " is not a variable of the expression");
        doc.expression.variables[e.name] = e.value;
        return;
    }
    if (!doc.is_network()) throw Error("set: an expression page sets a variable (x = 1.5), not a weight or a bias");
    Network& net = doc.network.net;
    const bool bias = e.kind == ParameterEdit::Kind::bias;
    check_parameter(net, {bias, e.l, e.j, e.k});
    Layer& layer = net.layers[static_cast<std::size_t>(e.l)];
    if (bias && !layer.bias) throw Error("set: layer " + std::to_string(e.l) + " has no bias");
    (bias ? layer.b[static_cast<std::size_t>(e.j)] : layer.W(e.j, e.k)) = e.value;
}

// Trains `steps` steps with the scene's settings; returns the steps done (fewer when it diverged).
long train(PageScene& scene, long steps) {
    Document& doc = scene.document.network;
    Trainer trainer(*doc.data, scene.config);
    long done = 0;
    while (done < steps) {
        trainer.step(doc.net);
        if (trainer.diverged()) {
            scene.run.diverged = true;
            break;
        }
        ++done;
    }
    return done;
}

void rebuild_pass(PageScene& scene) {
    if (scene.document.is_network()) {
        const int cursor = scene.stepper ? scene.stepper->cursor() : 0;
        scene.stepper.emplace(scene.document.network.net, scene_inputs(scene), scene_targets(scene), scene.config, 0);
        scene.stepper->seek(cursor);
    } else {
        const int cursor = scene.graph ? scene.graph->cursor() : 0;
        scene.graph.emplace(document_graph(scene.document.expression), scene.document.expression.variables);
        scene.graph->seek(cursor);
    }
}

// Keys that only a network (or only an expression) has.
void check_kind(const PageState& s, bool network, Problems& p) {
    const char* kind = network ? "a network" : "an expression";
    if (!network) {
        for (const char* key : {"sample", "lr", "train", "neurons", "edges"})
            if (s.lines.count(key)) p.add(key, std::string(key) + ": is for a network; this page shows an expression");
    }
    if (s.step.where == StepTarget::Where::network_event && !network)
        p.add("step", "step: " + s.step.text + " is an event of a network's pass; an expression's are value NODE and adjoint NODE");
    if (s.step.where == StepTarget::Where::graph_event && network)
        p.add("step", "step: " + s.step.text + " is an event of an expression's pass; this page shows " + std::string(kind));
    if (s.select && (s.select->kind == SelectTarget::Kind::node) == network)
        p.add("select", network ? "select: node … is for an expression; a network selects w l,j,k, b l,j or n l,j"
                                : "select: an expression selects node NAME");
}

void check_selection(PageScene& scene, const PageState& s, Problems& p) {
    const SelectTarget& t = *s.select;
    if (t.kind == SelectTarget::Kind::node) {
        const ExpressionGraph& g = scene.graph->graph();
        scene.selected_node = find_node(g, t.node);
        if (scene.selected_node < 0) p.add("select", "select: the expression has no node '" + t.node + "'");
        return;
    }
    const Network& net = scene.document.network.net;
    try {
        if (t.kind == SelectTarget::Kind::neuron) {
            if (auto problem = check_ref(net, 1, {Quantity::a, t.l, t.j, 0, 0}))
                throw Error(problem->field + " " + problem->message);
        } else {
            check_parameter(net, {t.kind == SelectTarget::Kind::bias, t.l, t.j, t.k});
            if (t.kind == SelectTarget::Kind::bias && !net.layers[static_cast<std::size_t>(t.l)].bias)
                throw Error("layer " + std::to_string(t.l) + " has no bias");
        }
    } catch (const Error& e) {
        p.add("select", "select: " + t.text + ": " + e.what());
    }
}

// The pinned row must be one of the Paths tab's rows for the selection.
void check_pin(const PageScene& scene, const PageState& s, Problems& p) {
    std::size_t rows = 0;
    const SelectTarget& t = *s.select;
    if (scene.document.is_network()) {
        if (t.kind != SelectTarget::Kind::weight && t.kind != SelectTarget::Kind::bias) {
            p.add("pin-path", "pin-path: pins a path of a weight or a bias: select one (select: w 2,0,0)");
            return;
        }
        const Matrix x = take_rows(scene_inputs(scene), 0, 1), y = take_rows(scene_targets(scene), 0, 1);
        rows = enumerate_paths(scene.document.network.net, x, y, {t.kind == SelectTarget::Kind::bias, t.l, t.j, t.k}).paths.size();
    } else {
        if (scene.selected_node < 0) return;
        if (!has_adjoint(scene.graph->graph(), scene.selected_node)) {
            p.add("pin-path", "pin-path: the selected node reaches y by no path (it depends on no variable)");
            return;
        }
        rows = enumerate_graph_paths(scene.graph->graph(), scene.graph->pass(), scene.selected_node).paths.size();
    }
    rows = std::min<std::size_t>(rows, kPinnableRows);
    if (static_cast<std::size_t>(s.pin_path) > rows)
        p.add("pin-path", "pin-path: " + std::to_string(s.pin_path) + " is past the paths of " + s.select->text + " (" +
                              std::to_string(rows) + " row" + (rows == 1 ? "" : "s") + ")");
}

void step_to(PageScene& scene, const PageState& s, Problems& p) {
    std::string why;
    const std::optional<int> cursor = scene.document.is_network()
                                          ? event_cursor(*scene.stepper, scene.document.network.net, s.step, &why)
                                          : graph_event_cursor(*scene.graph, s.step, &why);
    if (!cursor) return p.add("step", "step: " + why);
    if (scene.stepper) scene.stepper->seek(*cursor);
    if (scene.graph) scene.graph->seek(*cursor);
}

}  // namespace page_scene_detail

PageState effective_state(const Lesson& lesson, int page) {
    if (page < 0 || page >= static_cast<int>(lesson.pages.size()))
        throw Error("the lesson has no page " + std::to_string(page + 1) + " (it has " + std::to_string(lesson.pages.size()) + ")");
    int own = page;
    while (own > 0 && lesson.pages[static_cast<std::size_t>(own)].state.kept) --own;
    PageState s = lesson.pages[static_cast<std::size_t>(own)].state;
    for (int from = own; s.document.kind == DocumentKind::same && from > 0;) {
        --from;
        const PageState& before = lesson.pages[static_cast<std::size_t>(from)].state;
        if (!before.kept) {
            s.document = before.document;
            s.lines["document-source"] = before.line_of(std::string(to_string(before.document.kind)));
        }
    }
    return s;
}

std::string document_path(const DocumentSource& d, const std::string& lesson_path, const LessonResolver& r) {
    namespace fs = std::filesystem;
    switch (d.kind) {
        case DocumentKind::preset: return (fs::path(r.presets_dir) / (d.name + ".json")).string();
        case DocumentKind::expression_preset: return (fs::path(r.expressions_dir) / (d.name + ".json")).string();
        case DocumentKind::file: {
            const fs::path p(d.name);
            return p.is_absolute() ? p.string() : (fs::path(lesson_path).parent_path() / p).lexically_normal().string();
        }
        case DocumentKind::expression:
        case DocumentKind::same: return "";
    }
    return "";
}

PageDocument load_page_document(const DocumentSource& d, const std::string& lesson_path, const LessonResolver& r) {
    using namespace page_scene_detail;
    if (d.kind == DocumentKind::same) throw Error("document: same has no document of its own");
    if (d.kind == DocumentKind::expression) {
        PageDocument doc;
        doc.kind = PageDocument::Kind::expression;
        doc.expression.expression = d.name;
        doc.expression.variables = d.at;
        document_graph(doc.expression);  // throws for a malformed expression
        return doc;
    }
    const std::string path = document_path(d, lesson_path, r);
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (!exists && d.kind == DocumentKind::preset)
        throw Error("there is no preset '" + d.name + "' (the presets: " + stems_in(r.presets_dir) + ")");
    if (!exists && d.kind == DocumentKind::expression_preset)
        throw Error("there is no expression preset '" + d.name + "' (the expression presets: " + stems_in(r.expressions_dir) + ")");
    if (!exists) throw Error("the file " + path + " does not exist");
    const bool expression = d.kind == DocumentKind::expression_preset;
    PageDocument doc = load_any(path, expression);
    if (expression && doc.is_network()) throw Error(path + " is a network file: open it with preset: or file:");
    if (d.kind == DocumentKind::preset && !doc.is_network())
        throw Error(path + " is an expression document: open it with expression-preset:");
    if (!d.at.empty()) {
        const ExpressionGraph g = document_graph(doc.expression);
        for (const auto& [name, value] : d.at) {
            if (g.find_variable(name) < 0) throw Error("at: " + name + " is not a variable of " + path);
            doc.expression.variables[name] = value;
        }
    }
    return doc;
}

std::optional<int> event_cursor(const Stepper& s, const Network& net, const StepTarget& t, std::string* why) {
    if (t.where == StepTarget::Where::start) return 0;
    if (t.where == StepTarget::Where::end) return s.size();
    if (t.where == StepTarget::Where::network_event)
        for (int i = 0; i < s.size(); ++i)
            if (page_scene_detail::matches(s.events()[static_cast<std::size_t>(i)], t)) return i + 1;
    if (why) *why = t.where == StepTarget::Where::network_event ? page_scene_detail::missing_event(s, net, t)
                                                                : t.text + " is an event of an expression, not of a network";
    return std::nullopt;
}

std::optional<int> graph_event_cursor(const GraphStepper& s, const StepTarget& t, std::string* why) {
    if (t.where == StepTarget::Where::start) return 0;
    if (t.where == StepTarget::Where::end) return s.size();
    const ExpressionGraph& g = s.graph();
    std::string reason = t.text + " is an event of a network, not of an expression";
    if (t.where == StepTarget::Where::graph_event) {
        const int node = find_node(g, t.node);
        if (node < 0) {
            reason = "the expression has no node '" + t.node + "'";
        } else {
            for (int i = 0; i < s.size(); ++i) {
                const GraphEvent& e = s.events()[static_cast<std::size_t>(i)];
                const bool adjoint = e.kind == GraphEventKind::adjoint || e.kind == GraphEventKind::output_adjoint;
                if (e.node == node && adjoint == (t.graph_kind == GraphEventKind::adjoint)) return i + 1;
            }
            reason = t.graph_kind == GraphEventKind::value
                         ? "the value of " + t.node + " is known from the start (a variable or a constant): no event computes it"
                         : t.node + " has no adjoint to compute (it depends on no variable)";
        }
    }
    if (why) *why = reason;
    return std::nullopt;
}

Matrix scene_inputs(const PageScene& scene) {
    const Dataset& d = *scene.document.network.data;
    return scene.sample == kAllSamples ? d.X : take_rows(d.X, scene.sample, 1);
}

Matrix scene_targets(const PageScene& scene) {
    const Dataset& d = *scene.document.network.data;
    return scene.sample == kAllSamples ? d.Y : take_rows(d.Y, scene.sample, 1);
}

PageScene build_scene(const Lesson& lesson, int page, const LessonResolver& r) {
    using namespace page_scene_detail;
    const PageState s = effective_state(lesson, page);
    Problems p{lesson, s, {}};
    PageScene scene;
    const std::string document_key = s.lines.count("document-source") ? "document-source" : std::string(to_string(s.document.kind));
    try {
        scene.document = load_page_document(s.document, lesson.path, r);
    } catch (const Error& e) {
        p.add(document_key, e.what());
        throw LessonFailure(std::move(p.errors));
    }
    const bool network = scene.document.is_network();
    check_kind(s, network, p);
    if (network && !scene.document.network.data)
        p.add(document_key, (scene.document.path.empty() ? "the network" : scene.document.path) + " has no data: a lesson's network needs its data");
    if (network && scene.document.network.data && s.sample != kAllSamples && s.sample >= scene.document.network.data->size())
        p.add("sample", "sample: " + std::to_string(s.sample) + " is past the last sample of the data (" +
                            std::to_string(scene.document.network.data->size() - 1) + ")");
    if (!p.errors.empty()) throw LessonFailure(std::move(p.errors));

    scene.sample = network ? s.sample : 0;
    for (const ParameterEdit& e : s.edits) {
        try {
            apply_edit(scene.document, e);
        } catch (const Error& err) {
            p.add_at(e.line, err.what());
        }
    }
    if (network) {
        scene.config = scene.document.network.training;
        if (s.learning_rate) scene.config.learning_rate = *s.learning_rate;
        if (s.train_steps > 0 && p.errors.empty()) {
            const long done = train(scene, s.train_steps);
            if (scene.run.diverged)
                p.add("train", "train: training diverged at step " + std::to_string(done) + " (learning rate " +
                                   format_number(scene.config.learning_rate) + ")");
            scene.run = {};
        }
    }
    if (!p.errors.empty()) throw LessonFailure(std::move(p.errors));
    try {
        rebuild_pass(scene);
    } catch (const Error& e) {
        p.add(document_key, std::string("the pass cannot be computed: ") + e.what());
        throw LessonFailure(std::move(p.errors));
    }
    step_to(scene, s, p);
    if (s.select) {
        scene.selection = s.select;
        check_selection(scene, s, p);
        if (s.pin_path > 0 && p.errors.empty()) check_pin(scene, s, p);
    }
    scene.pinned_path = s.pin_path;
    if (!p.errors.empty()) throw LessonFailure(std::move(p.errors));
    return scene;
}

void apply_demo(PageScene& scene, const std::vector<DemoAction>& actions) {
    using namespace page_scene_detail;
    for (const DemoAction& a : actions) {
        switch (a.kind) {
            case DemoAction::Kind::set: apply_edit(scene.document, a.edit); break;
            case DemoAction::Kind::learning_rate:
                if (!scene.document.is_network()) throw Error("lr: an expression has no learning rate");
                scene.config.learning_rate = a.value;
                break;
            case DemoAction::Kind::train:
                if (!scene.document.is_network()) throw Error("train: an expression is not trained");
                if (!scene.run.diverged) scene.run.steps_done += train(scene, a.steps);
                break;
        }
    }
    rebuild_pass(scene);
}

ConditionContext scene_context(const PageScene& scene) {
    if (scene.graph) return graph_context(scene.graph->graph(), scene.graph->pass());
    const Stepper& s = *scene.stepper;
    return network_context(scene.document.network.net, s.trace(), scene_targets(scene), s.shown_sample(),
                           scene.config.learning_rate, scene.run);
}

}  // namespace bp
