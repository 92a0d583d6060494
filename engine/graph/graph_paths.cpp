// Chain-rule paths in a computation graph (see graph_paths.h).
// [SECTION] what reaches what: path counts, the best |product| and the longest path from the start node
// [SECTION] walking every path, from y back to the start node
// [SECTION] the top paths: exact best-first search
// [SECTION] enumerate_graph_paths and the words of a path
#include "engine/graph/graph_paths.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <queue>

#include "engine/core/compensated_sum.h"
#include "engine/graph/graph_formulas.h"

namespace bp {
namespace {

// ---- [SECTION] what reaches what ------------------------------------------------------------------------

// For every node n ≤ y: how many paths lead from the start node to n, the largest |product| of the local
// derivatives along one of them (an exact bound for the search) and the longest such path in edges.
struct PathsTo {
    std::vector<long double> count;
    std::vector<double> best;
    std::vector<int> longest;
};

PathsTo paths_to(const ExpressionGraph& g, const GraphPass& pass, int from) {
    PathsTo r;
    const std::size_t n = static_cast<std::size_t>(g.output) + 1;
    r.count.assign(n, 0);
    r.best.assign(n, 0.0);
    r.longest.assign(n, 0);
    if (from > g.output || !has_adjoint(g, from)) return r;
    r.count[static_cast<std::size_t>(from)] = 1;
    r.best[static_cast<std::size_t>(from)] = 1.0;
    for (int id = from + 1; id <= g.output; ++id) {
        const std::vector<int>& inputs = g.node(id).inputs;
        for (std::size_t s = 0; s < inputs.size(); ++s) {
            const std::size_t in = static_cast<std::size_t>(inputs[s]);
            if (r.count[in] == 0) continue;
            const std::size_t i = static_cast<std::size_t>(id);
            r.count[i] += r.count[in];
            r.best[i] = std::max(r.best[i], r.best[in] * std::fabs(pass.local[i][s]));
            r.longest[i] = std::max(r.longest[i], r.longest[in] + 1);
        }
    }
    return r;
}

// A path being built backwards from y: each step is the node reached and the slot of the consumer it fed.
struct Step {
    int node;
    int slot;  // the input of the previous step's node that this node is (−1 for y)
};

GraphPath make_path(const GraphPass& pass, const std::vector<Step>& back) {
    GraphPath path;
    const std::size_t k = back.size();
    path.nodes.resize(k);
    path.slots.resize(k - 1);
    path.factors.reserve(k - 1);
    double product = 1.0;
    for (std::size_t i = 0; i < k; ++i) {
        path.nodes[k - 1 - i] = back[i].node;
        if (i == 0) continue;
        const double f = pass.local[static_cast<std::size_t>(back[i - 1].node)][static_cast<std::size_t>(back[i].slot)];
        path.slots[k - 1 - i] = back[i].slot;
        path.factors.push_back(f);
        product *= f;  // from y back, left to right as listed
    }
    path.product = product;
    return path;
}

void check_product(const ExpressionGraph& g, const GraphPass& pass, const std::vector<Step>& back, double product) {
    if (std::isfinite(product)) return;
    const GraphPath path = make_path(pass, back);
    throw DomainError("overflow: the product of the path " + path_route(g, path) + " is too large for a double",
                      back.back().node);
}

// ---- [SECTION] walking every path ------------------------------------------------------------------------

// Calls visit(steps, product) for every path from y back to `from`, depth first without recursion (a path
// may be thousands of nodes long). The product multiplies the factors from y back, as make_path does.
template <class Visit>
void walk(const ExpressionGraph& g, const GraphPass& pass, const PathsTo& to, int from, Visit&& visit) {
    struct Frame {
        int node, slot_taken, next_slot;
        double prefix;
    };
    std::vector<Frame> stack{{g.output, -1, 0, 1.0}};
    std::vector<Step> steps;
    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.node == from) {
            steps.clear();
            for (const Frame& s : stack) steps.push_back({s.node, s.slot_taken});
            visit(steps, f.prefix);
            stack.pop_back();
            continue;
        }
        const std::vector<int>& inputs = g.node(f.node).inputs;
        if (f.next_slot >= static_cast<int>(inputs.size())) {
            stack.pop_back();
            continue;
        }
        const int s = f.next_slot++;
        const int in = inputs[static_cast<std::size_t>(s)];
        if (to.count[static_cast<std::size_t>(in)] == 0) continue;
        const double prefix = f.prefix * pass.local[static_cast<std::size_t>(f.node)][static_cast<std::size_t>(s)];
        stack.push_back({in, s, 0, prefix});
    }
}

// ---- [SECTION] the top paths: exact best-first search -------------------------------------------------------
//
// From y backwards. An entry is a partial path from y down to some node n with the product `prefix` of its
// factors; its priority |prefix|·best(from → n) is the largest |product| of any path that completes it, so
// entries leave the heap in the order of their best completion and complete paths in |product| order.
// Ties go to the deeper entry, so each path costs about its length in heap operations.
std::vector<std::vector<Step>> top_paths(const ExpressionGraph& g, const GraphPass& pass, const PathsTo& to, int from,
                                         int top) {
    struct Entry {
        double priority, prefix;
        int depth, arena;
        bool operator<(const Entry& o) const { return priority != o.priority ? priority < o.priority : depth < o.depth; }
    };
    struct Link {
        Step step;
        int parent;
    };
    std::vector<Link> arena{{{g.output, -1}, -1}};
    std::priority_queue<Entry> heap;
    heap.push({to.best[static_cast<std::size_t>(g.output)], 1.0, 0, 0});
    std::vector<std::vector<Step>> out;
    while (static_cast<int>(out.size()) < top && !heap.empty()) {
        const Entry e = heap.top();
        heap.pop();
        const int node = arena[static_cast<std::size_t>(e.arena)].step.node;
        if (node == from) {
            std::vector<Step> back;
            for (int a = e.arena; a >= 0; a = arena[static_cast<std::size_t>(a)].parent)
                back.push_back(arena[static_cast<std::size_t>(a)].step);
            std::reverse(back.begin(), back.end());
            out.push_back(std::move(back));
            continue;
        }
        const std::vector<int>& inputs = g.node(node).inputs;
        for (std::size_t s = 0; s < inputs.size(); ++s) {
            const std::size_t in = static_cast<std::size_t>(inputs[s]);
            if (to.count[in] == 0) continue;
            const double prefix = e.prefix * pass.local[static_cast<std::size_t>(node)][s];
            arena.push_back({{inputs[s], static_cast<int>(s)}, e.arena});
            heap.push({std::fabs(prefix) * to.best[in], prefix, e.depth + 1, static_cast<int>(arena.size()) - 1});
        }
    }
    return out;
}

}  // namespace

// ---- [SECTION] enumerate_graph_paths and the words of a path ---------------------------------------------------

GraphPathListing enumerate_graph_paths(const ExpressionGraph& g, const GraphPass& pass, int from, long long list_all,
                                       int top) {
    if (from < 0 || from >= g.size()) throw Error("node " + std::to_string(from) + " does not exist");
    GraphPathListing out;
    out.from = from;
    out.adjoint = pass.adjoint[static_cast<std::size_t>(from)];
    const PathsTo to = paths_to(g, pass, from);
    if (from > g.output) return out;
    out.count = to.count[static_cast<std::size_t>(g.output)];
    if (out.count == 0) return out;
    const long double length = std::max(1, to.longest[static_cast<std::size_t>(g.output)]);
    out.walked = out.count * length <= kMaxWalkedSteps;
    const bool list_every = out.count <= list_all && out.count * length <= kMaxListedFactors;

    CompensatedSum total;
    if (out.walked) {
        walk(g, pass, to, from, [&](const std::vector<Step>& back, double product) {
            check_product(g, pass, back, product);
            total.add(product);
            if (list_every) out.paths.push_back(make_path(pass, back));
        });
    }
    if (!list_every) {
        for (const std::vector<Step>& back : top_paths(g, pass, to, from, std::max(0, top))) {
            out.paths.push_back(make_path(pass, back));
            check_product(g, pass, back, out.paths.back().product);
        }
    }
    out.sum = out.walked ? total.value() : out.adjoint;
    const double rest_sum = sort_listed_paths(out.paths, out.sum);
    out.rest_count = out.count - static_cast<long double>(out.paths.size());
    if (out.rest_count > 0) out.rest_sum = rest_sum;
    return out;
}

std::string path_route(const ExpressionGraph& g, const GraphPath& path) {
    std::string s;
    for (int id : path.nodes) s += (s.empty() ? "" : " → ") + node_symbol(g, id).text;
    return s;
}

std::string factor_label(const ExpressionGraph& g, const GraphPath& path, int i) {
    const std::size_t k = path.nodes.size() - 1;  // factor i is the edge from nodes[k − 1 − i] into nodes[k − i]
    const std::size_t to = k - static_cast<std::size_t>(i);
    return local_symbol(g, path.nodes[to], path.slots[to - 1]).text;
}

std::string count_text(long double count) {
    if (count < 9007199254740992.0L) return std::to_string(static_cast<long long>(count));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3Le", count);
    return buf;
}

}  // namespace bp
