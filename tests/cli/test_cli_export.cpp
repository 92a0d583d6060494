// backprop-cli export: what it refuses (no --to, an unknown target, no data, bad --steps) with a message
// and exit 2, the script on stdout or in --out (written whole, the same text), --steps in the script,
// and help. That the scripts train as train does is tests/export's job (they need Python).
#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;

namespace {

TEST(CliExport, WritesTheScriptOnStdoutOrIntoOut) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    for (const char* to : {"numpy", "pytorch"}) {
        const RunResult printed = run_cli({"export", net, "--to", to});
        ASSERT_EQ(printed.status, 0) << printed.err;
        EXPECT_EQ(printed.out.rfind("#!/usr/bin/env python3\n", 0), 0u);
        EXPECT_NE(printed.out.find("STEPS = 100 "), std::string::npos) << "the default is 100 steps";
        EXPECT_NE(printed.out.find(std::string("--to ") + to), std::string::npos);
        const std::string out = dir.path(std::string(to) + ".py");
        const RunResult written = run_cli({"export", net, "--to", to, "--out", out});
        ASSERT_EQ(written.status, 0) << written.err;
        EXPECT_TRUE(written.out.empty());
        EXPECT_EQ(read_file(out), printed.out);
    }
    EXPECT_NE(run_cli({"export", net, "--to", "numpy", "--steps", "7"}).out.find("STEPS = 7 "), std::string::npos);
    EXPECT_NE(run_cli({"export", net, "--to", "numpy"}).out.find("import numpy as np"), std::string::npos);
    EXPECT_NE(run_cli({"export", net, "--to", "pytorch"}).out.find("nn.Sequential("), std::string::npos);
}

TEST(CliExport, RefusesWithAMessageNamingTheProblem) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    nlohmann::json no_data = mazur_network();
    no_data.erase("data");
    const std::string bare = dir.write_json("bare.json", no_data);
    const struct {
        std::vector<std::string> args;
        const char* says;
    } cases[] = {
        {{"export", net}, "--to"},
        {{"export", net, "--to", "tensorflow"}, "--to"},
        {{"export", net, "--to", "numpy", "--steps", "-1"}, "--steps"},
        {{"export", net, "--to", "numpy", "--steps", "lots"}, "--steps"},
        {{"export", bare, "--to", "numpy"}, "no \"data\""},
        {{"export", "--to", "numpy"}, "network file"},
        {{"export", dir.path("missing.json"), "--to", "numpy"}, "missing.json"},
    };
    for (const auto& c : cases) {
        const RunResult r = run_cli(c.args);
        EXPECT_EQ(r.status, 2) << c.args.back();
        EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}

TEST(CliExport, AFailedWriteLeavesNoScript) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const RunResult r = run_cli({"export", net, "--to", "numpy", "--out", dir.path("no-such-folder/x.py")});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("no-such-folder/x.py"), std::string::npos) << r.err;
}

TEST(CliExport, HelpNamesBothTargets) {
    const RunResult r = run_cli({"export", "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("--to pytorch"), std::string::npos);
    EXPECT_NE(r.out.find("--to numpy"), std::string::npos);
    EXPECT_NE(run_cli({"--help"}).out.find("export"), std::string::npos);
}

}  // namespace
