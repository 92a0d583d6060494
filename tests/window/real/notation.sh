#!/usr/bin/env bash
# Issue 21: the notations of the course notes. At a step of the backward pass (δ¹₁ of the 2-2-2 example),
# View ▸ Notation switches through the real menu to each of the four: the formula's symbols change, its
# numbers do not; F1 shows the key between them. The choice is kept between runs, and --notation NAME sets
# it from the command line. The canvas's toggles ("Neurons show z a δ", "Edges show w ∂L/∂w") and View's
# entries take the notation's letters. At 1024×768 and 1920×1080 with large text, with a screenshot of each.
. "$(dirname "$0")/lib.sh"

# Ctrl+Q, the screen kept for the next start (settings are saved when the program ends).
quit_app() {
    key ctrl+q
    wait_exit 5
}

# View ▸ Notation ▸ NAME as a person does it: open View, rest on Notation (a submenu opens on hover), click.
choose_notation() {
    click_item menu.View
    wait_for '"menu.notation" in r["items"]'
    read -r x y <<<"$(item_centre menu.notation)"
    xdotool mousemove --window "$win" "$x" "$y"; sleep 0.4
    wait_for "\"menu.notation.$1\" in r[\"items\"]"
    [ "${2:-}" = shot ] && shot "notation_${SIZE}_menu"
    click_item "menu.notation.$1"
    wait_for "r[\"notation\"] == \"$1\""
}

formula='r["formula"]["symbolic"]'
# The labels of the canvas's toggle buttons, as reported: "z a δ | w ∂L/∂w".
toggles='" ".join(r["items"]["canvas.neurons_show.%d" % i]["text"] for i in range(3)) + " | " + " ".join(r["items"]["canvas.edges_show.%d" % i]["text"] for i in range(2))'
numbers='r["formula"]["substituted"] + " = " + r["formula"]["result"]'

for size in 1024x768 1920x1080; do
    SIZE=$size
    start_app --text-scale 1.5 --step 12
    wait_for 'r["event"] == "hidden_delta" and r["notation"] == "per-neuron"'
    check "$formula.startswith('δ¹₁ = (w²₁₁·δ²₁ + w²₂₁·δ²₂)')" "the per-neuron formula of δ¹₁"
    check "$toggles == 'z a δ | w ∂L/∂w'" "the per-neuron toggles"
    base_numbers=$(q "$numbers")
    shot "notation_${size}_per-neuron"
    for name in vector derivation batch per-neuron; do
        before=$(q "$formula")
        choose_notation "$name" $([ "$name" = vector ] && echo shot)
        [ "$(q "$numbers")" = "$base_numbers" ] || fail "$name changed the numbers: $(q "$numbers") (was $base_numbers)"
        [ "$(q "$formula")" != "$before" ] || fail "$name left the symbols as they were: $before"
        check 'r["event"] == "hidden_delta" and r["step"] == 12' "switching the notation keeps the step"
        case $name in
            vector) check "$formula.startswith('∂L/∂u[1] = (W₂[1,1]·∂L/∂f[1] + W₂[2,1]·∂L/∂f[2])')" "the vector notation's δ"
                    wait_for "$toggles == 'u h ∂L/∂u | Wₗ ∂L/∂Wₗ'" 3;;
            derivation) check "$formula.startswith('ε₁¹ = δ₁¹·σ′(a₁¹) = (W₂¹¹·ε₂¹ + W₂²¹·ε₂²)')" "the derivation notation's ε and δ"
                        wait_for "$toggles == 'aₗ zₗ₊₁ εₗ | Wₗ dWₗ'" 3
                        # View's entries in the same letters: open the menu as a person does, and look
                        click_item menu.View
                        wait_for '"menu.neurons_show.2" in r["items"]'
                        check 'r["items"]["menu.neurons_show.2"]["text"] == "εₗ = ∂L/∂aₗ"' "View's δ entry in notes 003's ε"
                        check 'r["items"]["menu.edges_show.1"]["text"] == "the gradient dWₗ"' "View's gradient entry"
                        shot "notation_${size}_view_menu_derivation"
                        key Escape
                        wait_for '"menu.neurons_show.2" not in r["items"]';;
            batch) check "$formula.startswith('dL/dZ₁[1,1] = (W₂[1,1]·dL/dZ₂[1,1] + W₂[1,2]·dL/dZ₂[1,2])')" "the batch notation's dL/dZ"
                   wait_for "$toggles == 'Zₗ Hₗ dL/dZₗ | Wₗ dL/dWₗ'" 3;;
            per-neuron) wait_for "$toggles == 'z a δ | w ∂L/∂w'" 3;;
        esac
        sleep 0.3
        [ "$name" = per-neuron ] || shot "notation_${size}_$name"
        check_layout  # nothing clipped: the formula whole, every number readable
    done
    # F1: the key between the four notations
    key F1
    wait_for '"help.notation_key" in r["items"]'
    # the table fits the window's width (it may lie below the keys: the help scrolls)
    check '(lambda b: b[0] >= 0 and b[0] + b[2] <= r["window"][0])(r["items"]["help.notation_key"]["rect"])' \
        "F1's key between the notations fits the window's width"
    read -r x y <<<"$(item_centre help.keys)"
    xdotool mousemove --window "$win" "$x" "$y"
    for _ in $(seq 1 40); do xdotool click 5; done  # scroll the help down to the key
    wait_for 'not r["items"]["help.notation_key"]["clipped"]' 5
    shot "notation_${size}_key"
    key Escape
    wait_for '"help.notation_key" not in r["items"]'
    # the choice is remembered: batch now, kept after a restart
    choose_notation batch
    quit_app
    start_app --text-scale 1.5 --step 12
    wait_for 'r["notation"] == "batch" and r["formula"]["symbolic"].startswith("dL/dZ₁[1,1]")'
    quit_app
    # the command line wins over the saved choice
    start_app --text-scale 1.5 --step 12 --notation derivation
    wait_for 'r["notation"] == "derivation" and r["formula"]["symbolic"].startswith("ε₁¹")'
    stop_app
    rm -rf "$WORK/home" && mkdir -p "$WORK/home"  # the next size starts from the default notation
done
echo "notation: ok"
