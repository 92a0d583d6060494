#!/usr/bin/python3
"""expr-sympy-check [PATH/TO/backprop-cli] [--count N] [--seed S] — cross-checks `backprop-cli expr` with
SymPy's exact derivatives (Debian: python3-sympy; not part of CI).

Draws N random expressions (seeded: the same ones every run) over the variables x, w1 and h_2 with every
operation and function of the syntax, evaluates each with backprop-cli at random values, and compares the
value and the derivative with respect to each variable with SymPy's symbolic ones evaluated at the same
point (relative 1e-9). Expressions that leave their domain (exit status 1) or sit on a kink of relu, abs
or leaky_relu are skipped. Prints a line per disagreement and a summary; exit 0 when all agree.
"""
import json
import math
import os
import random
import re
import subprocess
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr

VARIABLES = ["x", "w1", "h_2"]
CONSTANTS = ["2", "0.5", "1.5", "pi", "e", "3"]
FUNCTIONS = ["exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "σ", "relu", "abs", "leaky_relu"]
EXPONENTS = ["2", "3", "-1", "0.5", "-2"]


# The forms of tests/engine/random_expression.h: {a} and {b} are sub-expressions, {c} an exponent.
FORMS = ["({a} + {b})", "({a} - {b})", "({a})*({b})", "({a})/({b})", "({a})^{c}", "(1.5 + sin({a}))**({b})", "-{a}"]


def random_expression(rng, depth):
    if depth == 0 or rng.random() < 0.2:
        return rng.choice(VARIABLES) if rng.random() < 0.7 else rng.choice(CONSTANTS)
    kind = rng.randrange(9)
    if kind < len(FORMS):
        form = FORMS[kind]
        a = random_expression(rng, depth - 1) if "{a}" in form else ""
        b = random_expression(rng, depth - 1) if "{b}" in form else ""
        c = rng.choice(EXPONENTS) if "{c}" in form else ""
        return form.format(a=a, b=b, c=c)
    return f"{rng.choice(FUNCTIONS)}({random_expression(rng, depth - 1)})"


def to_sympy(text, symbols):
    u = sympy.Symbol("u", real=True)
    functions = {
        "sigmoid": sympy.Lambda(u, 1 / (1 + sympy.exp(-u))),
        "relu": sympy.Lambda(u, sympy.Max(0, u)),
        "leaky_relu": sympy.Lambda(u, sympy.Piecewise((u, u > 0), (sympy.Rational(1, 100) * u, True))),
        "abs": sympy.Abs,
        "e": sympy.E,
        "pi": sympy.pi,
    }
    functions.update(symbols)
    return parse_expr(text.replace("σ", "sigmoid").replace("^", "**"), local_dict=functions)


def on_a_kink(expr, point):
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Max, sympy.Abs, sympy.Piecewise)):
            args = node.args if not isinstance(node, sympy.Piecewise) else [node.args[0][0]]
            for a in args:
                if a.free_symbols and abs(float(a.subs(point))) < 1e-6:
                    return True
    return False


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def cli_path():
    args = [a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()]
    if args:
        return args[0]
    for root, _, files in os.walk("build"):
        if "backprop-cli" in files and os.access(os.path.join(root, "backprop-cli"), os.X_OK):
            return os.path.join(root, "backprop-cli")
    sys.exit("expr-sympy-check: no backprop-cli under ./build; pass its path")


def option(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main():
    cli = cli_path()
    rng = random.Random(option("--seed", 2024))
    count = option("--count", 200)
    symbols = {name: sympy.Symbol(name, real=True) for name in VARIABLES}
    checked = skipped = failures = 0
    while checked < count:
        text = random_expression(rng, 4)
        values = {name: round(rng.uniform(-1.5, 1.5), 6) for name in VARIABLES}
        expr = to_sympy(text, symbols)
        written = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", text))
        used = [name for name in VARIABLES if name in written]  # as written: SymPy drops x − x, the graph keeps it
        if not used:
            continue
        at = ",".join(f"{name}={values[name]}" for name in used)
        # A leading space: an expression such as --x is not read as an option.
        r = subprocess.run([cli, "expr", " " + text, "--at", at, "--format", "json"], capture_output=True, text=True)
        if r.returncode == 1:  # outside the domain: exit 1 with the node named
            skipped += 1
            continue
        if r.returncode != 0:
            print(f"FAIL {text}: exit {r.returncode}: {r.stderr.strip()}")
            failures += 1
            checked += 1
            continue
        out = json.loads(r.stdout)
        point = {symbols[name]: sympy.Float(values[name], 30) for name in used}
        if on_a_kink(expr, point):
            skipped += 1
            continue
        exact_value = complex(expr.subs(point).evalf(30))
        if abs(exact_value.imag) > 1e-12 or not math.isfinite(exact_value.real):
            skipped += 1
            continue
        checked += 1
        if not close(out["value"], exact_value.real):
            print(f"FAIL {text} at {at}: value {out['value']} vs SymPy {exact_value.real}")
            failures += 1
        for name in used:
            exact = complex(sympy.diff(expr, symbols[name]).subs(point).evalf(30))
            if not close(out["gradient"][name], exact.real):
                print(f"FAIL {text} at {at}: d/d{name} {out['gradient'][name]} vs SymPy {exact.real}")
                failures += 1
    print(f"expr-sympy-check: {checked} expressions checked ({skipped} skipped: domain or kink), {failures} disagreements")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
