#!/usr/bin/env python3
"""The layout checks of one --report-state file, as tests/window/layout_test.cpp makes them without a
window: no reported control or word clipped (a scrolled list excepted), no words over other words, a
number for every neuron, the formula whole, and every toolbar tool either on its row or in its » menu.
Controls in a scrolling list (the Paths and Lab tabs) may be scrolled out of sight.
Prints one problem a line and exits 1 when there is any (2 when the report cannot be read)."""
import json
import sys

# The lesson panel's page (text, questions, tasks) scrolls; its titles and its footer (progress, Back,
# the counter, Next) do not: each is a group of its own (a scrolled item may pass under the footer).
LESSON_SCROLLED = ("lesson.text", "lesson.unavailable", "lesson.answer.", "lesson.check.", "lesson.verdict.", "lesson.choice.",
                   "lesson.task.", "lesson.hint.", "lesson.showme.")
LESSON_FIXED = ("lesson.title", "lesson.page_title", "lesson.progress", "lesson.back", "lesson.counter", "lesson.next",
                "lesson.return", "lesson.close")
GROUPS = [("canvas.", "quiz.field"), ("toolbar.", "phase."), ("loss.",), ("formula.",), ("legend.",), ("status.",),
          ("quiz.",), LESSON_SCROLLED, LESSON_FIXED]
TOOLS = ["restart", "back", "step", "phase", "pass", "play", "speed", "granularity", "sample", "lr", "train"]


def groups_of(item_id):
    return {i for i, prefixes in enumerate(GROUPS) if any(item_id.startswith(p) for p in prefixes)}


def overlap(a, b, slack=0.5):
    return a[0] + slack < b[0] + b[2] and b[0] + slack < a[0] + a[2] and a[1] + slack < b[1] + b[3] and b[1] + slack < a[1] + a[3]


def problems(r):
    items = r["items"]
    scrolled = ("paths.", "lab.") + LESSON_SCROLLED  # lists in a scrolling panel: scrolled out of sight is not clipped
    out = [f"{i} is clipped" for i, v in items.items() if v["clipped"] and not i.startswith(scrolled)]
    ids = sorted(items)
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            x, y = ids[a], ids[b]
            if "formula" in (x, y) or not (groups_of(x) & groups_of(y)):
                continue
            if overlap(items[x]["rect"], items[y]["rect"]):
                out.append(f"{x} overlaps {y}")
    for n in r["canvas"]["neurons"]:
        if "canvas." + n.replace(",", ".") not in items:
            out.append(f"neuron {n} has no number")
    if "formula" not in items:
        out.append("no formula")
    tools = TOOLS + ([] if r["present"] else ["theme"])
    for t in tools:
        if "toolbar." + t not in items and t not in r["overflow"]:
            out.append(f"toolbar tool {t} is neither on the row nor in the » menu")
    if r["overflow"] and "toolbar.more" not in items:
        out.append("tools overflowed but there is no » button")
    for t in ("present", "counter", "quiz"):
        if "toolbar." + t not in items:
            out.append(f"toolbar.{t} is missing")
    return out


def main():
    try:
        with open(sys.argv[1]) as f:
            r = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read the report: {e}")
        return 2
    found = problems(r)
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
