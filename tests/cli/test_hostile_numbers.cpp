// The hostile world, numbers: a network that overflows on its own data is refused by every command
// with trace's message and exit status 1 — gradcheck said "NOT OK" (or OK), paths and train went on —
// and no command prints a number that is not one.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;

namespace {

// z¹₁ = 1e308·1 + 1e308·1 overflows to +∞ while a = σ(z) = 1 and every gradient (σ′ = 0) stays finite,
// so only a check of the pass itself sees it.
const char* const kOverflowingZ = R"({"layers": [{"size": 2}, {"size": 1, "activation": "sigmoid",
    "weights": [[1e308, 1e308]], "biases": [0]}], "loss": "mse_half",
    "data": {"inputs": [[1.0, 1.0]], "targets": [[0.25]]}})";

}  // namespace

TEST(HostileNumbers, EveryCommandRefusesADivergingNetworkWithTracesMessage) {
    TempDir dir;
    const std::string net = dir.write("z.json", kOverflowingZ);
    const std::string answers = dir.write("answers.json", R"({"answers": [{"what": "loss", "value": "0.28"}]})");
    const std::string message = "z¹₁ of sample 0 is infinite: the computation diverged\n";
    const std::vector<std::vector<std::string>> commands = {
        {"trace", net},
        {"trace", net, "--format", "table"},
        {"gradcheck", net},
        {"gradcheck", net, "--format", "json"},
        {"paths", net, "--weight", "1,0,0"},
        {"paths", net, "--bias", "1,0", "--format", "json"},
        {"steps", net},
        {"steps", net, "--sample", "0", "--format", "json"},
        {"check", net, answers},
        {"train", net, "--steps", "3", "--out", dir.path("out.json")},
    };
    for (const auto& args : commands) {
        const RunResult r = run_cli(args);
        const std::string where = "backprop-cli " + args[0] + ": ";
        EXPECT_EQ(r.status, 1) << args[0] << "\n" << r.err;
        EXPECT_EQ(r.out, "") << args[0];
        EXPECT_EQ(r.err, where + message) << args[0];
    }
    EXPECT_FALSE(file_exists(dir.path("out.json")));
}
