// Values travelling along the edges while playing (figures/motion.h), on Mazur's 2-2-2 example laid out in
// a 1000 × 600 box: forward, a⁰ₖ along w¹₁ₖ into z¹₁ (and b¹ from its node); backward, L's slope into δ²₁
// and δ²ᵢ along w²ᵢ₁ into δ¹₁; a⁰₁ and δ¹₁ meeting on w¹₁₁'s edge for its gradient; the grouping of the
// next step equals the stepper's own; none when paused or with motion off.
#include <gtest/gtest.h>

#include "app/studio/figures/motion.h"
#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "tests/studio/pass_helpers.h"

using namespace studio;

namespace {

AppState playing_example() {
    AppState s = test::example();
    apply(s, act::SetPlaying{true});
    return s;
}

NetworkLayout layout(const AppState& s) {
    std::vector<int> sizes;
    std::vector<bool> bias;
    for (const bp::Layer& l : s.doc.net.layers) sizes.push_back(l.size), bias.push_back(l.bias);
    return layout_network(sizes, bias, Box{0, 0, 1000, 600}, 30, 40);
}

bool same(Vec2 a, Vec2 b) { return std::abs(a.x - b.x) < 1e-3f && std::abs(a.y - b.y) < 1e-3f; }

}  // namespace

TEST(Motion, ForwardTheInputsTravelAlongTheirWeightsIntoZ) {
    AppState s = playing_example();
    const NetworkLayout lay = layout(s);
    s.play_clock = 0.5 / s.settings.play_speed;  // half way to the next step (z¹₁)
    EXPECT_FLOAT_EQ(play_progress(s), 0.5f);
    const std::vector<Travel> t = travels(s, lay);
    ASSERT_EQ(t.size(), 3u);  // a⁰₁, a⁰₂ and b¹₁
    const Vec2 z11 = lay.neurons[1][0];
    EXPECT_TRUE(same(t[0].from, lay.neurons[0][0]) && same(t[0].to, z11));
    EXPECT_EQ(t[0].text, "0.05");
    EXPECT_TRUE(same(t[1].from, lay.neurons[0][1]));
    EXPECT_TRUE(same(t[2].from, lay.bias[1]));
    EXPECT_EQ(t[2].text, "0.35");
    // Half the time is half the way from rim to rim (smoothstep(½) = ½), on the edge itself.
    EXPECT_TRUE(same(t[0].at, {(lay.neurons[0][0].x + z11.x) / 2, (lay.neurons[0][0].y + z11.y) / 2}));
    s.play_clock = 0.1 / s.settings.play_speed;
    const float early = travels(s, lay)[0].at.x;
    EXPECT_LT(early, t[0].at.x) << "earlier in the step, nearer the start";
}

TEST(Motion, BackwardFromTheLossAndAlongTheWeightsIntoDelta) {
    AppState s = playing_example();
    const NetworkLayout lay = layout(s);
    const int first_delta = test::first_event(s, bp::EventKind::output_delta);
    apply(s, act::Seek{first_delta});
    std::vector<Travel> t = travels(s, lay);
    ASSERT_FALSE(t.empty());
    EXPECT_TRUE(same(t[0].from, lay.loss) && same(t[0].to, lay.neurons[2][0])) << "L's slope into δ²₁";
    apply(s, act::Seek{test::first_event(s, bp::EventKind::hidden_delta)});
    t = travels(s, lay);
    ASSERT_EQ(t.size(), 2u);  // δ²₁ and δ²₂ back along w²₁₁ and w²₂₁ into δ¹₁
    EXPECT_TRUE(same(t[0].from, lay.neurons[2][0]) && same(t[0].to, lay.neurons[1][0]));
    EXPECT_TRUE(same(t[1].from, lay.neurons[2][1]) && same(t[1].to, lay.neurons[1][0]));
    EXPECT_EQ(t[0].text, "0.138");
}

TEST(Motion, AGradientsFactorsMeetOnItsEdge) {
    AppState s = playing_example();
    const NetworkLayout lay = layout(s);
    apply(s, act::Seek{test::first_event(s, bp::EventKind::weight_gradient)});
    const std::vector<Travel> t = travels(s, lay);
    ASSERT_EQ(t.size(), 2u);
    const Vec2 mid{(lay.neurons[0][0].x + lay.neurons[1][0].x) / 2, (lay.neurons[0][0].y + lay.neurons[1][0].y) / 2};
    EXPECT_TRUE(same(t[0].to, mid) && same(t[1].to, mid));
}

TEST(Motion, NoneWhenPausedOrTurnedOff) {
    AppState s = playing_example();
    const NetworkLayout lay = layout(s);
    EXPECT_FALSE(travels(s, lay).empty());
    Settings off = s.settings;
    off.motion = false;
    apply(s, act::SetSettings{off});
    EXPECT_TRUE(travels(s, lay).empty());
    off.motion = true;
    apply(s, act::SetSettings{off});
    apply(s, act::SetPlaying{false});
    EXPECT_TRUE(travels(s, lay).empty());
}

TEST(Motion, TheNextStepGroupsAsTheStepperDoes) {
    const AppState s = test::example();
    for (const bp::Granularity g : {bp::Granularity::neuron, bp::Granularity::layer, bp::Granularity::phase})
        for (int c = 0; c < s.stepper->size(); ++c) {
            bp::Stepper st = *s.stepper;
            st.seek(c);
            const std::vector<int> next = next_step_events(st, g);
            st.step_forward(g);
            ASSERT_FALSE(next.empty());
            EXPECT_EQ(next.front(), c);
            EXPECT_EQ(next.back() + 1, st.cursor()) << "granularity " << static_cast<int>(g) << " at " << c;
        }
}
