// Stepping a computation graph: the events of the notes' e^(e^(x²)) in order with their words, what is
// known at each cursor, stepping back restoring exactly the earlier state at every granularity, and each
// adjoint event's value being the sum its formula shows.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_stepper.h"

namespace bp {
namespace {

// Everything a view could show at the cursor: which values, adjoints and local derivatives are known,
// and the event just done.
struct Snapshot {
    int cursor;
    std::vector<bool> known;
    const GraphEvent* current;
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const GraphStepper& s) {
    Snapshot out{s.cursor(), {}, s.current()};
    const ExpressionGraph& g = s.graph();
    for (int id = 0; id < g.size(); ++id) {
        out.known.push_back(s.known({GraphRef::Kind::value, id, 0}));
        out.known.push_back(s.known({GraphRef::Kind::adjoint, id, 0}));
        for (int slot = 0; slot < static_cast<int>(g.node(id).inputs.size()); ++slot)
            out.known.push_back(s.known({GraphRef::Kind::local, id, slot}));
    }
    return out;
}

TEST(ExprStepper, TheNotesExampleEventByEvent) {
    GraphStepper s(parse_expression("exp(exp(x^2))"), {{"x", 0.5}});
    // Forward: h₁, h₂, y; backward: ∂y/∂y = 1, then ∂y/∂h₂, ∂y/∂h₁, ∂y/∂x (the constant 2 has none).
    ASSERT_EQ(s.size(), 7);
    const std::vector<std::string> titles = {"Forward pass — h₁ = x²", "Forward pass — h₂ = e^(h₁)",
                                             "Forward pass — y = e^(h₂)", "Backward pass — start at y: ∂y/∂y = 1",
                                             "Backward pass — ∂y/∂h₂", "Backward pass — ∂y/∂h₁", "Backward pass — ∂y/∂x"};
    const std::vector<std::string> words = {"h₁ = x² = 0.5² = 0.25", "h₂ = e^(h₁) = e^(0.25) = 1.284",
                                            "y = e^(h₂) = e^(1.284) = 3.611", "∂y/∂y = 1",
                                            "∂y/∂h₂ = e^(h₂) = e^(1.284) = 3.611",
                                            "∂y/∂h₁ = ∂y/∂h₂·∂h₂/∂h₁ = 3.611·1.284 = 4.637",
                                            "∂y/∂x = ∂y/∂h₁·∂h₁/∂x = 4.637·1 = 4.637"};
    for (int i = 0; i < s.size(); ++i) {
        const EventText t = s.text(i);
        EXPECT_EQ(t.title, titles[static_cast<std::size_t>(i)]);
        EXPECT_EQ(t.full_text(), words[static_cast<std::size_t>(i)]);
        EXPECT_FALSE(t.latex.empty());
    }
    EXPECT_EQ(s.events()[3].kind, GraphEventKind::output_adjoint);
    EXPECT_EQ(s.events()[6].node, 0);
    EXPECT_EQ(s.events()[6].value, s.pass().adjoint[0]);
    EXPECT_EQ(s.phase(), Phase::forward);

    using Kind = GraphRef::Kind;
    EXPECT_TRUE(s.known({Kind::value, 0, 0}));    // x is given
    EXPECT_TRUE(s.known({Kind::value, 1, 0}));    // so is the constant 2
    EXPECT_FALSE(s.known({Kind::value, 2, 0}));
    EXPECT_FALSE(s.known({Kind::local, 2, 0}));
    EXPECT_FALSE(s.known({Kind::local, 2, 1}));   // the constant exponent's edge has none, ever
    EXPECT_FALSE(s.known({Kind::adjoint, 1, 0}));
    s.step_forward();
    EXPECT_TRUE(s.known({Kind::value, 2, 0}));
    EXPECT_TRUE(s.known({Kind::local, 2, 0}));    // ∂h₁/∂x comes with h₁
    EXPECT_FALSE(s.known({Kind::value, 3, 0}));
    s.run_to_end_of_phase();
    EXPECT_EQ(s.cursor(), 3);
    EXPECT_EQ(s.phase(), Phase::backward);
    EXPECT_FALSE(s.known({Kind::adjoint, 4, 0}));
    s.step_forward();
    EXPECT_TRUE(s.known({Kind::adjoint, 4, 0}));
    EXPECT_FALSE(s.known({Kind::adjoint, 0, 0}));
    s.run_to_end();
    EXPECT_TRUE(s.known({Kind::adjoint, 0, 0}));
    EXPECT_FALSE(s.known({Kind::adjoint, 1, 0}));
    EXPECT_FALSE(s.known({Kind::value, 99, 0}));
    EXPECT_EQ(s.writer_of({Kind::value, 0, 0}), -1);
    EXPECT_EQ(s.writer_of({Kind::adjoint, 0, 0}), 6);
}

TEST(ExprStepper, SteppingBackRestoresTheEarlierStateExactly) {
    for (const Granularity gr : {Granularity::neuron, Granularity::layer, Granularity::phase}) {
        GraphStepper s(parse_expression("x*x + exp(x) - sigmoid(w*x)/w"), {{"x", 0.5}, {"w", -1.5}});
        std::vector<Snapshot> seen{snapshot(s)};
        while (!s.at_end()) {
            s.step_forward(gr);
            seen.push_back(snapshot(s));
        }
        for (std::size_t i = seen.size() - 1; i > 0; --i) {
            EXPECT_EQ(snapshot(s), seen[i]) << to_string(gr) << " " << i;
            s.step_back(gr);
        }
        EXPECT_EQ(snapshot(s), seen[0]);
        s.step_back(gr);  // at the start: nothing happens
        EXPECT_EQ(snapshot(s), seen[0]);
        if (gr == Granularity::phase) {
            EXPECT_EQ(seen.size(), 3u);  // start, after forward, after backward
        }
    }
}

TEST(ExprStepper, LayerGranularityStepsAColumnAtATime) {
    GraphStepper s(parse_expression("exp(x) * sin(x)"), {{"x", 1}});  // e^x and sin x share column 1
    s.step_forward(Granularity::layer);
    EXPECT_EQ(s.cursor(), 2);
    s.step_forward(Granularity::layer);
    EXPECT_EQ(s.cursor(), 3);  // y
    s.step_forward(Granularity::layer);
    EXPECT_EQ(s.cursor(), 4);  // ∂y/∂y = 1 alone
    s.step_forward(Granularity::layer);
    EXPECT_EQ(s.cursor(), 6);  // the adjoints of e^x and sin x
    s.seek(100);
    EXPECT_TRUE(s.at_end());
    s.restart();
    EXPECT_EQ(s.cursor(), 0);
    EXPECT_EQ(s.current(), nullptr);
    EXPECT_EQ(s.next()->node, 1);
}

TEST(ExprStepper, EachAdjointEventIsTheSumItReads) {
    GraphStepper s(parse_expression("x*x*x + log(x)*w - w^2"), {{"x", 1.5}, {"w", 0.5}});
    const GraphPass& p = s.pass();
    for (const GraphEvent& e : s.events()) {
        if (e.kind != GraphEventKind::adjoint) continue;
        double sum = 0.0;  // Σ over the reads, in pairs: ∂y/∂to, then ∂to/∂node
        ASSERT_EQ(e.reads.size() % 2, 0u);
        for (std::size_t i = 0; i < e.reads.size(); i += 2)
            sum += p.adjoint[static_cast<std::size_t>(e.reads[i].node)] *
                   p.local[static_cast<std::size_t>(e.reads[i + 1].node)][static_cast<std::size_t>(e.reads[i + 1].slot)];
        EXPECT_EQ(sum, e.value);  // bit for bit: the same sum in the same order
        for (const GraphRef& r : e.reads) EXPECT_LT(s.writer_of(r), &e - s.events().data());  // read before written
    }
    EXPECT_THROW(GraphStepper(parse_expression("log(x)"), {{"x", -1}}), DomainError);
}

}  // namespace
}  // namespace bp
