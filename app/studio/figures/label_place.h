// Where the words of the network canvas go (every number and name is placed before anything is drawn):
// each label tries its candidate places in order and takes the first that lies inside the canvas and
// covers no label placed before it and no neuron but its own; a label with no free place is left out
// (the tooltip still has it). Plain geometry, window-free: tests/studio/test_label_place.cpp.
#pragma once
#include <optional>
#include <vector>

#include "app/studio/figures/layout.h"

namespace studio {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const Rect& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

// A rectangle of size (w, h) centred on (x, y).
Rect centred(float x, float y, float w, float h);
// Whether the rectangle reaches into the circle (centre c, radius r).
bool touches_circle(const Rect& q, Vec2 c, float r);

class LabelPlacer {
public:
    // `area`: where labels may go; the neurons of `lay` (and its bias nodes) are obstacles.
    LabelPlacer(Rect area, const NetworkLayout& lay) : area_(area), lay_(lay) {}
    void take(const Rect& r) { taken_.push_back(r); }  // something already there: a title, the loss box
    // Whether r is inside the area and covers no placed label and no neuron except neuron (l, j).
    bool free(const Rect& r, int own_l = -1, int own_j = -1) const;
    // The first free candidate, now taken; none when every one is covered.
    std::optional<Rect> place(const std::vector<Rect>& candidates, int own_l = -1, int own_j = -1);

private:
    Rect area_;
    const NetworkLayout& lay_;
    std::vector<Rect> taken_;
};

// Places beside a neuron at (x, y) of radius r for a label of size (w, h), `gap` away: below, above,
// right, left, then on the diagonals.
std::vector<Rect> beside_neuron(float x, float y, float r, float w, float h, float gap);

}  // namespace studio
