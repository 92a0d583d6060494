// backprop-cli's help, version and every error path: a message on stderr naming the argument or the
// field, a non-zero exit status, nothing on stdout, never a signal (abort) or an uncaught exception.
#include <regex>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

const std::vector<std::string> kCommands = {"trace", "train", "paths", "gradcheck", "steps"};

// The command with the network file and the options it cannot run without.
std::vector<std::string> command_line(const std::string& command, const std::string& net) {
    if (command == "train") return {command, net, "--steps", "1"};
    if (command == "paths") return {command, net, "--weight", "1,0,0"};
    return {command, net};
}

void expect_error(const RunResult& r, int status, const std::string& needle) {
    EXPECT_EQ(r.status, status) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(needle), std::string::npos) << "stderr: " << r.err << "\nexpected to contain: " << needle;
    EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
}

}  // namespace

TEST(CliHelp, TopLevelHelpListsEveryCommand) {
    for (const char* flag : {"--help", "-h", "help"}) {
        const RunResult r = run_cli({flag});
        EXPECT_EQ(r.status, 0);
        EXPECT_EQ(r.err, "");
        for (const std::string& c : kCommands) EXPECT_NE(r.out.find("  " + c + " "), std::string::npos) << c;
        EXPECT_NE(r.out.find("  check "), std::string::npos);
        EXPECT_NE(r.out.find("0-based"), std::string::npos);
    }
}

TEST(CliHelp, EveryCommandExplainsItself) {
    for (const std::string& c : kCommands) {
        const RunResult r = run_cli({c, "--help"});
        EXPECT_EQ(r.status, 0) << c;
        EXPECT_EQ(r.out.rfind("Usage: backprop-cli " + c + " NET.json", 0), 0u) << r.out;
        EXPECT_EQ(run_cli({"help", c}).out, r.out);  // "help COMMAND" is "COMMAND --help"
    }
}

TEST(CliHelp, NoArgumentsShowsUsageAndFails) {
    const RunResult r = run_cli({});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("Usage:"), std::string::npos);
}

TEST(CliVersion, PrintsNameAndProjectVersion) {
    const RunResult r = run_cli({"--version"});
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(std::regex_match(r.out, std::regex("backprop-cli [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
}

TEST(CliErrors, UnknownCommand) { expect_error(run_cli({"frobnicate", "x.json"}), 2, "unknown command 'frobnicate'"); }

TEST(CliErrors, MissingFileIsNamed) {
    for (const std::string& c : kCommands)
        expect_error(run_cli(command_line(c, "/nonexistent/net.json")), 2,
                     "/nonexistent/net.json: cannot open");
}

TEST(CliErrors, MissingNetworkArgument) {
    expect_error(run_cli({"trace"}), 2, "missing the network file: backprop-cli trace NET.json");
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    expect_error(run_cli({"trace", net, net}), 2, "unexpected argument");
}

TEST(CliErrors, BadFilesNameTheFieldAndTheReason) {
    TempDir dir;
    expect_error(run_cli({"trace", dir.write("empty.json", "")}), 2, "not valid JSON");
    expect_error(run_cli({"trace", dir.write("cut.json", "{\"layers\": [{\"size\": 2},")}), 2, "not valid JSON");
    expect_error(run_cli({"trace", dir.write("bytes.json", "\xff\xfe{]")}), 2, "not valid JSON");

    json rows = mazur_network();
    rows["layers"][2]["weights"][1] = {0.5};
    expect_error(run_cli({"trace", dir.write_json("rows.json", rows)}), 2, "layers[2].weights row 1 has 1 entries, expected 2");

    json act = mazur_network();
    act["layers"][1]["activation"] = "swish";
    expect_error(run_cli({"trace", dir.write_json("act.json", act)}), 2, "layers[1].activation \"swish\" is unknown");

    json nan = mazur_network();
    nan["layers"][1]["weights"][0][0] = "NaN";
    expect_error(run_cli({"trace", dir.write_json("nan.json", nan)}), 2, "layers[1].weights[0][0] must be a number");

    json targets = mazur_network();
    targets["data"]["targets"] = {{0.01}};
    expect_error(run_cli({"trace", dir.write_json("targets.json", targets)}), 2, "data.targets");

    expect_error(run_cli({"trace", dir.write("array.json", "[1, 2]")}), 2, "JSON object");
}

TEST(CliErrors, EveryCommandNeedsData) {
    TempDir dir;
    json net = mazur_network();
    net.erase("data");
    const std::string path = dir.write_json("nodata.json", net);
    for (const std::string& c : kCommands)
        expect_error(run_cli(command_line(c, path)), 2, path + " has no \"data\": " + c + " needs");
}

TEST(CliErrors, BadOptions) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    expect_error(run_cli({"trace", net, "--bogus"}), 2, "unknown option '--bogus'");
    expect_error(run_cli({"trace", net, "--format", "xml"}), 2, "--format 'xml': expected json or table");
    expect_error(run_cli({"trace", net, "--format"}), 2, "--format needs a value");
    expect_error(run_cli({"trace", net, "--format", "json", "--format", "table"}), 2, "--format is given twice");
    expect_error(run_cli({"train", net}), 2, "train needs --steps N");
    expect_error(run_cli({"train", net, "--steps", "abc"}), 2, "--steps 'abc': not an integer");
    expect_error(run_cli({"train", net, "--steps", "-1"}), 2, "--steps -1: must be between 0 and");
    expect_error(run_cli({"train", net, "--steps", "1", "--lr", "fast"}), 2, "--lr 'fast': not a number");
    expect_error(run_cli({"train", net, "--steps", "1", "--lr", "inf"}), 2, "--lr inf: not a finite number");
    expect_error(run_cli({"train", net, "--steps", "1", "--lr", "-0.5"}), 2,
                 "--lr -0.5 is out of range: the learning rate must be greater than 0 and at most 1e9");
    // The file's own limits (training.learning_rate = 0 and 1e10 are refused in the file too).
    expect_error(run_cli({"train", net, "--steps", "1", "--lr", "0"}), 2,
                 "--lr 0 is out of range: the learning rate must be greater than 0 and at most 1e9");
    expect_error(run_cli({"train", net, "--steps", "1", "--lr", "1e300"}), 2,
                 "--lr 1e300 is out of range: the learning rate must be greater than 0 and at most 1e9");
    expect_error(run_cli({"train", net, "--steps", "1", "--optimizer", "rmsprop"}), 2,
                 "--optimizer 'rmsprop': expected sgd, momentum or adam");
    expect_error(run_cli({"train", net, "--steps", "1", "--batch", "2"}), 2,
                 "--batch 2 is out of range: the batch size is larger than the data (1 sample)");
    expect_error(run_cli({"train", net, "--steps", "1", "--batch", "-1"}), 2,
                 "--batch -1 is out of range: the batch size must be between 0 (all of the data) and 1000000");
    expect_error(run_cli({"steps", net, "--sample", "1"}), 2, "--sample 1: the data has 1 sample (0..0)");
}

TEST(CliErrors, BadParameterForPaths) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const auto paths = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"paths", net};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(args);
    };
    expect_error(paths({"--weight", "3,0,0"}), 2, "--weight 3,0,0: layer 3 is past the output layer 2");
    expect_error(paths({"--weight", "0,0,0"}), 2, "--weight 0,0,0: layer 0 is the input layer, which has no weights");
    expect_error(paths({"--weight", "1,2,0"}), 2, "--weight 1,2,0: j = 2 but layer 1 has 2 neurons (j is 0..1)");
    expect_error(paths({"--weight", "2,0,5"}), 2, "--weight 2,0,5: k = 5 but layer 1 has 2 neurons (k is 0..1)");
    expect_error(paths({"--weight", "1,0"}), 2, "--weight 1,0: expected 3 integers separated by commas, got 2");
    expect_error(paths({"--weight", "a,b,c"}), 2, "--weight 'a,b,c': expected 3 integers");
    expect_error(paths({"--weight", "1,,0"}), 2, "--weight '1,,0': expected 3 integers");
    expect_error(paths({"--weight", "-1,0,0"}), 2, "cannot be negative");
    expect_error(paths({"--bias", "2,2"}), 2, "--bias 2,2: j = 2 but layer 2 has 2 neurons");
    expect_error(paths({"--weight", "1,0,0", "--bias", "1,0"}), 2, "not both");
    expect_error(paths({}), 2, "paths needs --weight l,j,k or --bias l,j");
}

TEST(CliErrors, UnwritableOutputIsNamed) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const std::string out = dir.path("missing/dir/out.json");
    const RunResult r = run_cli({"train", net, "--steps", "1", "--out", out});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(out + ": cannot write"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(out));
}
