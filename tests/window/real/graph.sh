#!/usr/bin/env bash
# Issue 20: the chain rule on a computation graph, driven for real at a small and a large window with large
# text: File ▸ New expression, an expression typed into the Expression tab, stepping forward and back with
# the keys, a variable's slider dragged (every value follows; the drag is one undo entry, Ctrl+Z undoes
# it), a path of the Paths tab pinned, a quiz answer typed and marked right; then a network's neuron shown
# as a computation graph from the Inspector. Screenshots of each (look at them).
. "$(dirname "$0")/lib.sh"
# A click on a loaded machine can fall between two slow frames (pressed and released in one): click the
# control again until the report shows its effect, three times at most.
click_until() {
    local id=$1 expr=$2
    for _ in 1 2 3; do
        click_item "$id"
        for _ in $(seq 1 40); do [ "$(q "bool($expr)")" = "True" ] && return 0; sleep 0.05; done
    done
    wait_for "$expr"
}
# No two nodes' circles overlap, and every node the canvas shows is whole.
nodes_apart='(lambda n: all(not (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]) for i, a in enumerate(n) for b in n[i + 1:]))([v["rect"] for k, v in r["items"].items() if k.startswith("graph.node.")])'
for SIZE in 1024x768 1920x1080; do
    start_app --text-scale 1.5
    click_until menu.File '"menu.new_expression" in r["items"]'
    click_until menu.new_expression 'r["expression"] is not None and r["expression"]["expression"] == "exp(exp(x^2))"'
    check 'r["title"] == "New expression" and r["path"] == ""' "a new expression is untitled"

    # Type an expression for real; Enter applies it.
    wait_for '"expression.text" in r["items"]'
    click_item expression.text
    key ctrl+a
    type_text 'x*x + exp(x)'
    key Return
    wait_for 'r["expression"]["expression"] == "x*x + exp(x)"'
    check 'r["modified"]' "the typed expression is unsaved work"
    check "$nodes_apart" "the graph's nodes do not overlap at $SIZE"

    # Step forward and back with the keys, as a network.
    click_item graph.title  # the keys belong to the window, not the text field
    key Right Right Right
    wait_for 'r["expression"]["step"] == 3'
    key Left
    wait_for 'r["expression"]["step"] == 2'
    key End
    wait_for 'r["expression"]["step"] == r["expression"]["events"]'
    x_node=$(q 'next(k for k, v in r["items"].items() if k.startswith("graph.node.") and v["text"].startswith("x "))')
    [ -n "$x_node" ] || fail "the node x is not reported"
    check "'∂y/∂x = 2.649' in r['items']['$x_node']['text']" "x's adjoint is 2x + eˣ = 2.649 at x = 0.5"
    shot "graph_stepped_$SIZE"

    # Drag x's slider: every value and adjoint follows; the drag is one undo entry.
    before=$(q "r['items']['$x_node']['text']")
    read -r sx sy < <(item_centre expression.slider.x)
    drag "$sx" "$sy" $((sx + 40)) "$sy"
    wait_for "r['expression']['variables']['x'] > 0.5 and r['items']['$x_node']['text'] != '$before'"
    check 'r["expression"]["undo"] == 2' "the drag is one undo entry (after the typed expression's)"
    shot "graph_dragged_$SIZE"
    key ctrl+z
    wait_for 'r["expression"]["variables"]["x"] == 0.5'
    wait_for "r['items']['$x_node']['text'] == '$before'"

    # The Paths tab: pin a path; its route stays drawn.
    click_until tab.paths '"paths.row.0" in r["items"] and "paths.sum" in r["items"]'
    check 'r["items"]["paths.sum"]["text"].split()[0] == r["items"]["paths.sum"]["text"].split()[1]' "the paths' sum is the adjoint"
    check 'r["items"]["paths.row.0"]["rect"][1] + r["items"]["paths.row.0"]["rect"][3] < r["items"]["formula.title"]["rect"][1]' \
        "the first path is in sight at $SIZE"
    click_until paths.row.0 'len(r["expression"]["pinned"]) == 3'
    shot "graph_path_$SIZE"

    # Quiz mode: stepping stops before each value; a right answer moves on.
    click_until toolbar.quiz 'r["expression"]["quiz"]["on"]'
    key Home
    wait_for 'r["expression"]["step"] == 0'
    wait_for 'r["items"]["paths.sum"]["text"] == "? ?"'  # the Paths tab keeps the answers back
    key Right
    wait_for '"quiz.graph_answer" in r["items"]'
    check 'r["expression"]["step"] == 0' "the quiz holds the first value for the student"
    click_item quiz.graph_answer
    type_text '0.31'
    key Return
    wait_for 'r["expression"]["quiz"]["asked"] == 1 and not r["expression"]["quiz"]["feedback_right"]'
    check 'r["expression"]["step"] == 0' "a wrong answer does not move on"
    sleep 0.5
    click_item quiz.graph_answer
    key ctrl+a
    type_text '0.25'
    key Return
    wait_for 'r["expression"]["quiz"]["right"] == 1 and r["expression"]["step"] == 1'
    shot "graph_quiz_$SIZE"

    # The typed expression is unsaved: quitting asks, Discard lets it go.
    key Escape
    key ctrl+q
    wait_for '"unsaved.discard" in r["items"]'
    for _ in 1 2 3; do  # (a click lost between slow frames: the question is still there)
        [ "$(q '"unsaved.discard" in r["items"]')" = "True" ] && click_item unsaved.discard
        sleep 1
        app_running || break
    done
    wait_exit 5 || :

    # (the same screen: start_app starts the program again on it)

    # From a network: a neuron ▸ Show as a computation graph.
    start_app --text-scale 1.5 --select n,2,0 --tab inspector
    wait_for '"inspector.show_graph" in r["items"]'
    click_until inspector.show_graph 'r["expression"] is not None and r["title"] == "Neuron a²₁ as a graph"'
    check 'not r["modified"] and r["path"] == ""' "the neuron's graph is a new, untitled document"
    key End
    wait_for 'r["expression"]["step"] == r["expression"]["events"]'
    check "$nodes_apart" "the neuron's nodes do not overlap at $SIZE"
    shot "graph_neuron_$SIZE"
    stop_app
done
