// The hostile world, inputs: what backprop-cli does when the network file or the answer sheet is not a
// file on disk — a FIFO nobody writes to, a character device, a file larger than the limit. Each is
// refused at once, before a byte is read, with exit status 2 and a message naming the path and why.
#include <sys/resource.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;

namespace {

void expect_refused(const RunResult& r, const std::string& expected) {
    EXPECT_FALSE(r.timed_out) << "it blocked: " << expected;
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(expected), std::string::npos) << "stderr: " << r.err << "expected: " << expected;
}

}  // namespace

TEST(HostileInputs, AFifoAsTheNetworkFileIsRefusedInsteadOfBlocking) {
    TempDir dir;
    const std::string fifo = dir.path("pipe.json");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    RunOptions quick;
    quick.timeout_seconds = 10;
    for (const char* command : {"trace", "gradcheck", "steps"})
        expect_refused(run_cli({command, fifo}, quick),
                       fifo + ": is a FIFO (named pipe), not a network file: only regular files are read");
    expect_refused(run_cli({"train", fifo, "--steps", "1"}, quick), fifo + ": is a FIFO (named pipe)");
}

TEST(HostileInputs, AFifoAsTheAnswerSheetIsRefusedInsteadOfBlocking) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const std::string fifo = dir.path("answers.json");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    RunOptions quick;
    quick.timeout_seconds = 10;
    expect_refused(run_cli({"check", net, fifo}, quick),
                   fifo + ": is a FIFO (named pipe), not an answer sheet: only regular files are read");
}

TEST(HostileInputs, ACharacterDeviceIsRefusedInsteadOfFillingMemory) {
    RunOptions limited;
    limited.timeout_seconds = 20;
    if (!kSanitized) limited.limits = {{RLIMIT_AS, 1LL << 30}};  // before: "out of memory" after 1 GB of zeros
    expect_refused(run_cli({"trace", "/dev/zero"}, limited),
                   "/dev/zero: is a character device, not a network file: only regular files are read");
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    expect_refused(run_cli({"check", net, "/dev/zero"}, limited), "/dev/zero: is a character device, not an answer sheet");
}

TEST(HostileInputs, AFileLargerThanTheLimitIsRefusedWithTheLimitNamed) {
    TempDir dir;
    const std::string big = dir.write("big.json", "{");
    std::filesystem::resize_file(big, (std::size_t{128} << 20) + 1);  // sparse: takes no disk space
    expect_refused(run_cli({"trace", big}), big + ": is 128.0 MiB, larger than the 128 MiB a network file may have");
}

// Memory bounded by the input: trace writes 10⁵ samples (about 7 MB of JSON) as it goes. Before, it built
// the whole document twice (a JSON tree, then its text): out of memory under this limit.
TEST(HostileInputs, TraceOfManySamplesStreamsWithinAMemoryLimit) {
    if (kSanitized) GTEST_SKIP() << "RLIMIT_AS and AddressSanitizer do not mix";
    TempDir dir;
    std::ostringstream text;
    text << R"({"layers": [{"size": 2}, {"size": 3, "activation": "tanh", "weights": [[0.1, 0.2], [0.3, -0.1],
        [0.5, 0.2]], "biases": [0, 0, 0]}, {"size": 1, "activation": "sigmoid", "weights": [[0.3, 0.2, -0.4]],
        "biases": [0]}], "loss": "mse_half", "data": {"inputs": [)";
    for (int n = 0; n < 100000; ++n) text << (n ? "," : "") << "[" << n % 97 * 0.01 << "," << n % 89 * 0.02 << "]";
    text << "], \"targets\": [";
    for (int n = 0; n < 100000; ++n) text << (n ? "," : "") << "[" << n % 2 << "]";
    text << "]}}";
    const std::string net = dir.write("many.json", text.str());
    RunOptions limited;
    limited.limits = {{RLIMIT_AS, 96LL << 20}};
    limited.stdout_to = "/dev/null";
    for (const char* format : {"json", "table"}) {
        const RunResult r = run_cli({"trace", net, "--format", format}, limited);
        EXPECT_EQ(r.status, 0) << format << ": " << r.err;
    }
}
