// backprop-cli: the engine's headless face. Dispatches to one command per file and turns every error
// into a message on stderr and an exit status: 2 for bad usage or a bad file, 1 for a diverged
// computation or a failed check. Nothing escapes as an abort or a stack trace.
#include <csignal>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <bp_version.h>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "engine/core/error.h"

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const CommandArgs&, std::ostream&, std::ostream&);
};

const Command kCommands[] = {
    {"trace", "one forward and backward pass over all of data: every z, a, δ, ∂L/∂W and ∂L/∂b", run_trace},
    {"train", "train for N steps (sgd, momentum, adam); the loss of each step; save the result", run_train},
    {"paths", "every chain-rule path from one weight or bias to the loss; their sum = the gradient", run_paths},
    {"gradcheck", "backprop's gradients against central finite differences", run_gradcheck},
    {"steps", "the pass as the events a teacher writes on the board, each with its formula", run_steps},
    {"check", "mark hand-computed answers (ANSWERS.json) and name the mistake", run_check},
    {"expr", "a scalar expression as a graph: value, derivatives, every node and every path", run_expr},
    {"export", "the training as a PyTorch or NumPy script that prints train's losses", run_export},
    {"lesson", "check a lesson (check FILE.md...) or list the program's own (list)", run_lesson},
};

const char* const kUsage = R"(backprop-cli — Backprop Studio's engine on the command line: every z, a, δ and gradient of a
network file, the chain-rule paths, training, and checks of hand-computed answers.

Usage:
  backprop-cli COMMAND NET.json [OPTIONS]
  backprop-cli expr "EXPR" --at x=0.5,w1=2 | --file EXPR.json [OPTIONS]
  backprop-cli lesson check FILE.md... | lesson list
  backprop-cli COMMAND --help        options of one command
  backprop-cli --help | --version

Commands:
)";

const char* const kNotes = R"(
Indices are 0-based in files, options and JSON (--weight 1,0,0 is layers[1].weights[0][0], the
weight w¹₁₁ from input neuron 1 to neuron 1 of layer 1); tables and formulas number neurons from 1,
as the course notes do. JSON numbers are written in their shortest form that reads back exactly.
NaN and infinity are never written as numbers: when a value diverges the command stops with a
message naming it on stderr and exit status 1.

Exit status: 0 success; 1 divergence or a failed check (gradcheck, paths sum ≠ gradient, wrong
answers, an expression outside its domain), or output that could not be written; 2 bad usage, or a
file that cannot be read, is not a valid network (or expression) or cannot be written; 130 / 143 train
stopped by SIGINT / SIGTERM (--out written).
)";

void print_help(std::ostream& out) {
    out << kUsage;
    for (const Command& c : kCommands) out << "  " << c.name << std::string(11 - std::string(c.name).size(), ' ') << c.summary << '\n';
    out << kNotes;
}

const Command* find_command(const std::string& name) {
    for (const Command& c : kCommands)
        if (name == c.name) return &c;
    return nullptr;
}

// Runs the command line; throws whatever a command throws.
int dispatch(const std::vector<std::string>& args, std::string& where) {
    if (args.empty()) {
        print_help(std::cerr);
        return 2;
    }
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || (first == "help" && args.size() == 1)) {
        print_help(std::cout);
        return 0;
    }
    if (first == "--version") {
        std::cout << "backprop-cli " << BP_VERSION << '\n';
        return 0;
    }
    if (first == "help") return dispatch({args[1], "--help"}, where);
    const Command* command = find_command(first);
    if (command == nullptr)
        throw cli::UsageError("unknown command '" + first + "' (trace, train, paths, gradcheck, steps, check, expr, export or lesson)");
    where = std::string("backprop-cli ") + command->name;
    return command->run(CommandArgs(args.begin() + 1, args.end()), std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe (| head -1) or a file-size limit ends a write with an error (EPIPE, EFBIG) that the
    // commands report, instead of killing the process before --out is written.
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string where = "backprop-cli";
    int status = 0;
    try {
        status = dispatch(args, where);
    } catch (const cli::UsageError& e) {
        std::cerr << where << ": " << e.what() << "\n(see '" << where << " --help')\n";
        status = 2;
    } catch (const bp::Error& e) {
        std::cerr << where << ": " << e.what() << '\n';
        status = 2;
    } catch (const nlohmann::json::exception& e) {
        std::cerr << where << ": " << e.what() << '\n';
        status = 2;
    } catch (const cli::Diverged& e) {
        std::cerr << where << ": " << e.what() << '\n';
        status = 1;
    } catch (const std::bad_alloc&) {
        std::cerr << where << ": out of memory\n";
        status = 1;
    } catch (const std::exception& e) {
        std::cerr << where << ": internal error: " << e.what() << '\n';
        status = 1;
    } catch (...) {
        std::cerr << where << ": internal error\n";
        status = 1;
    }
    if (!std::cout.flush()) {
        std::cerr << where << ": cannot write to standard output\n";
        return status == 0 ? 1 : status;
    }
    return status;
}
