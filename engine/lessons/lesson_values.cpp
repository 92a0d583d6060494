// Readers of the values of a lesson's keys (see lesson_values.h).
#include "engine/lessons/lesson_values.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "engine/graph/expression_parser.h"
#include "engine/homework/answer_check.h"

namespace bp {
namespace lesson_values_detail {

bool space(char c) { return c == ' ' || c == '\t'; }

// The value split into its first word and the rest (with where the rest starts).
struct Split {
    std::string_view head, rest;
    std::size_t rest_at = 0;
};
Split first_word(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && !space(t[i])) ++i;
    std::size_t r = i;
    while (r < t.size() && space(t[r])) ++r;
    return {t.substr(0, i), t.substr(r), r};
}

std::string_view trim(std::string_view t) {
    while (!t.empty() && space(t.front())) t.remove_prefix(1);
    while (!t.empty() && space(t.back())) t.remove_suffix(1);
    return t;
}

// Re-throws a ValueError from a part of the value at its place in the whole value.
template <class F>
auto at_offset(std::size_t offset, F&& read) {
    try {
        return read();
    } catch (const ValueError& e) {
        throw ValueError(e.what(), offset + e.at);
    }
}

struct NamedEvent {
    std::string_view name;
    EventKind kind;
    int indices;   // how many l,j,k follow
    bool delta;    // `delta`: output or hidden by the layer
};
constexpr NamedEvent kEvents[] = {
    {"z", EventKind::z, 2, false},
    {"a", EventKind::a, 2, false},
    {"loss", EventKind::loss, 0, false},
    {"delta", EventKind::output_delta, 2, true},
    {"dW", EventKind::weight_gradient, 3, false},
    {"db", EventKind::bias_gradient, 2, false},
    // as `backprop-cli steps` names the kinds
    {"output_delta", EventKind::output_delta, 2, false},
    {"hidden_delta", EventKind::hidden_delta, 2, false},
    {"weight_gradient", EventKind::weight_gradient, 3, false},
    {"bias_gradient", EventKind::bias_gradient, 2, false},
    {"weight_update", EventKind::weight_update, 3, false},
    {"bias_update", EventKind::bias_update, 2, false},
};

constexpr std::string_view kEventWords =
    "start, end, z l,j, a l,j, loss, delta l,j, dW l,j,k, db l,j, update w l,j,k, update b l,j; on an expression "
    "page value NODE or adjoint NODE";

// "name = value" split at the '='.
struct Assignment {
    std::string_view left, right;
    std::size_t right_at = 0;
};
Assignment split_assignment(std::string_view t, std::string_view example) {
    const std::size_t eq = t.find('=');
    if (eq == std::string_view::npos) throw ValueError("expected '… = value', e.g. " + std::string(example));
    std::size_t r = eq + 1;
    while (r < t.size() && space(t[r])) ++r;
    return {trim(t.substr(0, eq)), t.substr(r), r};
}

// Reads `count` indices (l,j or l,j,k) at byte `at` of the value into target's l, j and k.
template <class Target>
void read_indices(Target& target, std::string_view text, std::size_t at, int count, std::string_view what) {
    const std::vector<int> ix = at_offset(at, [&] { return parse_index_list(text, count, what); });
    target.l = ix[0];
    target.j = ix[1];
    if (count == 3) target.k = ix[2];
}

bool valid_variable_name(std::string_view name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return !is_reserved_name(name);
}

}  // namespace lesson_values_detail

std::vector<int> parse_index_list(std::string_view text, int count, std::string_view what) {
    using namespace lesson_values_detail;
    std::vector<int> out;
    std::size_t i = 0;
    const std::string example = count == 3 ? "2,0,1" : count == 2 ? "1,0" : "0";
    while (true) {
        while (i < text.size() && space(text[i])) ++i;
        int v = 0;
        const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), v);
        if (ec != std::errc() || text.substr(i).starts_with("-"))
            throw ValueError(std::string(what) + " needs " + std::to_string(count) + " indices from 0 separated by commas, e.g. " +
                                 example,
                             i);
        out.push_back(v);
        i = static_cast<std::size_t>(end - text.data());
        while (i < text.size() && space(text[i])) ++i;
        if (i >= text.size()) break;
        if (text[i] != ',') {
            std::size_t n = 1;  // the whole character, never half of one
            while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
            throw ValueError("'" + std::string(text.substr(i, n)) + "' in the indices of " + std::string(what), i);
        }
        ++i;
    }
    if (static_cast<int>(out.size()) != count)
        throw ValueError(std::string(what) + " needs " + std::to_string(count) + " indices (l,j" + (count == 3 ? ",k" : "") +
                         "), not " + std::to_string(out.size()) + ": e.g. " + example);
    return out;
}

double parse_lesson_number(std::string_view text, std::string_view what) {
    std::string why;
    const auto n = parse_written_number(text, &why);
    if (!n) throw ValueError(std::string(what) + ": " + why);
    if (!std::isfinite(n->value)) throw ValueError(std::string(what) + ": '" + std::string(text) + "' is not a finite number");
    return n->value;
}

long parse_lesson_count(std::string_view text, std::string_view what, long lo, long hi) {
    const std::string_view t = lesson_values_detail::trim(text);
    long v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty())
        throw ValueError(std::string(what) + ": '" + std::string(text) + "' is not a whole number");
    if (v < lo || v > hi)
        throw ValueError(std::string(what) + ": " + std::to_string(v) + " is outside " + std::to_string(lo) + " … " + std::to_string(hi));
    return v;
}

int parse_lesson_choice(std::string_view text, std::string_view what, std::initializer_list<std::string_view> names) {
    int i = 0;
    std::string list;
    for (std::string_view n : names) {
        if (text == n) return i;
        list += (list.empty() ? "" : ", ") + std::string(n);
        ++i;
    }
    throw ValueError(std::string(what) + " is one of " + list + ", not '" + std::string(text) + "'");
}

VariableValues parse_assignments(std::string_view text) {
    using namespace lesson_values_detail;
    VariableValues out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        while (start < comma && space(text[start])) ++start;
        const std::string_view pair = text.substr(start, comma - start);
        at_offset(start, [&] {
            const Assignment a = split_assignment(pair, "x=0.5, w1=2");
            if (!valid_variable_name(a.left)) throw ValueError("'" + std::string(a.left) + "' is not a variable name");
            if (out.count(a.left)) throw ValueError(std::string(a.left) + " is given twice");
            out[std::string(a.left)] = at_offset(a.right_at, [&] { return parse_lesson_number(a.right, a.left); });
            return 0;
        });
        start = comma + 1;
    }
    return out;
}

StepTarget parse_step_target(std::string_view text) {
    using namespace lesson_values_detail;
    StepTarget s;
    s.text = std::string(text);
    const Split w = first_word(text);
    if (w.head == "start" || w.head == "end") {
        if (!w.rest.empty()) throw ValueError("nothing follows '" + std::string(w.head) + "'", w.rest_at);
        s.where = w.head == "start" ? StepTarget::Where::start : StepTarget::Where::end;
        return s;
    }
    if (w.head == "value" || w.head == "adjoint") {
        if (w.rest.empty() || first_word(w.rest).rest.size() > 0)
            throw ValueError(std::string(w.head) + " takes one node: e.g. " + std::string(w.head) + " h2", w.rest_at);
        s.where = StepTarget::Where::graph_event;
        s.graph_kind = w.head == "value" ? GraphEventKind::value : GraphEventKind::adjoint;
        s.node = std::string(w.rest);
        return s;
    }
    s.where = StepTarget::Where::network_event;
    std::string_view name = w.head, indices = w.rest;
    std::size_t indices_at = w.rest_at;
    const NamedEvent* event = nullptr;
    NamedEvent update{};
    if (w.head == "update") {
        const Split p = first_word(w.rest);
        if (p.head != "w" && p.head != "b") throw ValueError("update w l,j,k or update b l,j", w.rest_at);
        update = p.head == "w" ? NamedEvent{"update w", EventKind::weight_update, 3, false}
                               : NamedEvent{"update b", EventKind::bias_update, 2, false};
        event = &update;
        name = update.name;
        indices = p.rest;
        indices_at = w.rest_at + p.rest_at;
    } else {
        for (const NamedEvent& e : kEvents)
            if (e.name == w.head) event = &e;
    }
    if (!event) throw ValueError("'" + std::string(w.head) + "' is not an event of the pass (the events: " + std::string(kEventWords) + ")");
    s.kind = event->kind;
    s.delta = event->delta;
    if (event->indices == 0) {
        if (!indices.empty()) throw ValueError("'" + std::string(name) + "' takes no indices", indices_at);
        return s;
    }
    read_indices(s, indices, indices_at, event->indices, name);
    return s;
}

SelectTarget parse_select_target(std::string_view text) {
    using namespace lesson_values_detail;
    SelectTarget s;
    s.text = std::string(text);
    const Split w = first_word(text);
    if (w.head == "node") {
        if (w.rest.empty() || !first_word(w.rest).rest.empty()) throw ValueError("node takes one name: node h2", w.rest_at);
        s.kind = SelectTarget::Kind::node;
        s.node = std::string(w.rest);
        return s;
    }
    const int kind = parse_lesson_choice(w.head, "select", {"w", "b", "n"});
    s.kind = kind == 0 ? SelectTarget::Kind::weight : kind == 1 ? SelectTarget::Kind::bias : SelectTarget::Kind::neuron;
    read_indices(s, w.rest, w.rest_at, kind == 0 ? 3 : 2, kind == 0 ? "a weight" : kind == 1 ? "a bias" : "a neuron");
    return s;
}

ParameterEdit parse_edit(std::string_view text) {
    using namespace lesson_values_detail;
    ParameterEdit e;
    e.text = std::string(text);
    const Assignment a = split_assignment(text, "w 2,0,0 = 0.9, b 1,0 = 0 or x = 1.5");
    const Split w = first_word(a.left);
    if ((w.head == "w" || w.head == "b") && !w.rest.empty()) {
        const bool weight = w.head == "w";
        e.kind = weight ? ParameterEdit::Kind::weight : ParameterEdit::Kind::bias;
        read_indices(e, w.rest, w.rest_at, weight ? 3 : 2, weight ? "a weight" : "a bias");
    } else {
        if (!valid_variable_name(a.left))
            throw ValueError("set a weight (w 2,0,0 = 0.9), a bias (b 1,0 = 0) or a variable (x = 1.5), not '" + std::string(a.left) + "'");
        e.kind = ParameterEdit::Kind::variable;
        e.name = std::string(a.left);
    }
    e.value = at_offset(a.right_at, [&] { return parse_lesson_number(a.right, "the value"); });
    return e;
}

DemoAction parse_demo_action(std::string_view text) {
    using namespace lesson_values_detail;
    DemoAction d;
    d.text = std::string(text);
    const Split w = first_word(text);
    if (w.head == "set") {
        d.kind = DemoAction::Kind::set;
        d.edit = at_offset(w.rest_at, [&] { return parse_edit(w.rest); });
    } else if (w.head == "lr") {
        d.kind = DemoAction::Kind::learning_rate;
        d.value = at_offset(w.rest_at, [&] { return parse_lesson_number(w.rest, "lr"); });
        if (d.value <= 0) throw ValueError("lr must be above 0", w.rest_at);
    } else if (w.head == "train") {
        d.kind = DemoAction::Kind::train;
        d.steps = at_offset(w.rest_at, [&] { return parse_lesson_count(w.rest, "train", 1, 100000); });
    } else {
        throw ValueError("do: is one of set w l,j,k = X, set b l,j = X, set NAME = X, lr X, train N; not '" + std::string(w.head) +
                         "' (a sentence goes in show:)");
    }
    return d;
}

void parse_ask(std::string_view text, Question& q) {
    using namespace lesson_values_detail;
    q.ask = std::string(text);
    const Split w = first_word(text);
    if (w.head == "value" || w.head == "adjoint" || w.head == "local") {
        q.on_graph = true;
        const Split node = first_word(w.rest);
        const bool local = w.head == "local";
        if (node.head.empty() || (local ? (node.rest.empty() || !first_word(node.rest).rest.empty()) : !node.rest.empty()))
            throw ValueError(local ? "local NODE INPUT: the edge into NODE from INPUT, e.g. local h2 h1"
                                   : std::string(w.head) + " NODE, e.g. " + std::string(w.head) + " h2",
                             w.rest_at);
        q.graph.what = w.head == "value" ? GraphQuantity::value : w.head == "adjoint" ? GraphQuantity::adjoint : GraphQuantity::local_derivative;
        q.graph.node = std::string(node.head);
        q.graph.input = std::string(node.rest);
        return;
    }
    const auto quantity = parse_quantity(w.head);
    if (!quantity)
        throw ValueError("'" + std::string(w.head) +
                         "' is not a quantity (on a network: z, a, delta, dW, db, loss, W_after, b_after with their indices; on an "
                         "expression: value NODE, adjoint NODE, local NODE INPUT)");
    q.quantity.what = *quantity;
    if (*quantity == Quantity::loss) {
        if (!w.rest.empty()) throw ValueError("loss takes no indices", w.rest_at);
        return;
    }
    read_indices(q.quantity, w.rest, w.rest_at, is_weight(*quantity) ? 3 : 2, w.head);
}

}  // namespace bp
