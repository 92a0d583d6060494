// The hostile world, train's outputs: an output that is the input, special files (a device, a FIFO,
// /dev/stdout through a link, a symlink), a read-only target, a 250-byte name, a log or stdout that
// fails mid-run (a full disk, a closed pipe), SIGINT and SIGTERM, a kill -9, a memory limit. Whenever
// training stops early --out holds exactly the parameters of a run of that many steps.
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;

namespace {

namespace fs = std::filesystem;

// Reads stdout's first line, then lets `then` act (close the pipe, send a signal) and drains the rest.
std::function<void(pid_t, int)> after_first_line(std::function<void(pid_t, int)> then, std::string* first = nullptr) {
    return [then, first](pid_t pid, int fd) {
        std::string line;
        char c;
        while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
        if (first) *first = line;
        then(pid, fd);
    };
}

void drain(int fd) {
    char buf[4096];
    while (::read(fd, buf, sizeof buf) > 0) {
    }
}

// "… written with the parameters after N steps": N.
long long steps_after(const std::string& err) {
    const auto at = err.find("with the parameters after ");
    if (at == std::string::npos) return -1;
    return std::atoll(err.c_str() + at + std::strlen("with the parameters after "));
}

// --out of a plain run of `steps` steps, as text: what a stopped run must have written.
std::string trained_text(const std::string& net, long long steps, const TempDir& dir) {
    const std::string ref = dir.path("reference-" + std::to_string(steps) + ".json");
    const RunResult r = run_cli({"train", net, "--steps", std::to_string(steps), "--out", ref});
    EXPECT_EQ(r.status, 0) << r.err;
    return read_file(ref);
}

std::string mazur(const TempDir& dir) { return dir.write_json("net.json", mazur_network()); }

}  // namespace

TEST(HostileTrain, AnOutputThatIsTheInputIsRefused) {
    TempDir dir;
    const std::string net = mazur(dir), before = read_file(net);
    fs::create_symlink("net.json", dir.path("link.json"));
    fs::create_hard_link(net, dir.path("hard.json"));
    for (const std::string& same : {net, dir.path("link.json"), dir.path("hard.json"), dir.path("./net.json")}) {
        RunResult r = run_cli({"train", net, "--steps", "3", "--log", same});
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_NE(r.err.find("--log " + same + " is the network file being trained"), std::string::npos) << r.err;
        r = run_cli({"train", net, "--steps", "3", "--out", same});
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_NE(r.err.find("--out " + same + " is the network file being trained"), std::string::npos) << r.err;
        EXPECT_EQ(read_file(net), before) << same;
    }
    const RunResult both = run_cli({"train", net, "--steps", "3", "--out", dir.path("x.json"), "--log", dir.path("x.json")});
    EXPECT_EQ(both.status, 2);
    EXPECT_NE(both.err.find("--out and --log name the same file"), std::string::npos) << both.err;
    EXPECT_FALSE(file_exists(dir.path("x.json")));
    // Twice the same device is no harm.
    EXPECT_EQ(run_cli({"train", net, "--steps", "3", "--out", "/dev/null", "--log", "/dev/null"}).status, 0);
}

TEST(HostileTrain, SpecialFilesAreWrittenThroughNeverReplaced) {
    TempDir dir;
    const std::string net = mazur(dir);
    // A character device: our own /dev/null when we may make one (a regression would replace this node,
    // never the system's), else /dev/null itself (which we could not replace without root anyway).
    std::string null = dir.path("null");
    if (mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) null = "/dev/null";
    RunResult r = run_cli({"train", net, "--steps", "3", "--out", null, "--log", null});
    EXPECT_EQ(r.status, 0) << r.err;
    struct stat st {};
    ASSERT_EQ(stat(null.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << null << " was replaced by a regular file";

    // --log through a link to the descriptor of stdout, as /dev/stdout is: the CSV joins stdout.
    fs::create_symlink("/proc/self/fd/1", dir.path("stdout"));
    r = run_cli({"train", net, "--steps", "2", "--log", dir.path("stdout")});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(dir.path("stdout"))) << "the link was replaced by a file";
    EXPECT_NE(r.out.find("step,loss\n0,0.2983711087600027\n1,"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0 0.2983711087600027\n"), std::string::npos) << r.out;

    // A FIFO with a reader gets the network; one without a reader is refused at once (no hang).
    const std::string fifo = dir.path("out.fifo");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    RunOptions quick;
    quick.timeout_seconds = 20;
    r = run_cli({"train", net, "--steps", "3", "--out", fifo}, quick);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(fifo + ": is a FIFO (named pipe) that no process is reading"), std::string::npos) << r.err;
    std::string received;
    std::thread reader([&] { received = read_file(fifo); });
    for (int i = 0; i < 200; ++i) {  // until the reader has opened its end
        r = run_cli({"train", net, "--steps", "3", "--out", fifo}, quick);
        if (r.status == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    reader.join();
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(received, trained_text(net, 3, dir));
    ASSERT_EQ(stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(HostileTrain, ASymlinkOutIsFollowedAndKept) {
    TempDir dir;
    const std::string net = mazur(dir);
    fs::create_directory(dir.path("results"));
    fs::create_symlink("results/trained.json", dir.path("latest.json"));
    const RunResult r = run_cli({"train", net, "--steps", "4", "--out", dir.path("latest.json")});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(dir.path("latest.json")));
    EXPECT_EQ(read_file(dir.path("results/trained.json")), trained_text(net, 4, dir));
}

TEST(HostileTrain, AReadOnlyTargetNeedsForce) {
    TempDir dir;
    const std::string net = mazur(dir), target = dir.write("ro.json", "keep me");
    chmod(target.c_str(), 0444);
    RunResult r = run_cli({"train", net, "--steps", "2", "--out", target});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "") << "refused before training";
    EXPECT_NE(r.err.find(target + ": is read-only (mode 0444): not replaced; --force replaces it"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(target), "keep me");
    r = run_cli({"train", net, "--steps", "2", "--out", target, "--force"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_file(target), trained_text(net, 2, dir));
}

TEST(HostileTrain, AReadOnlyFolderIsRefusedBeforeTraining) {
    TempDir dir;
    const std::string net = mazur(dir);
    fs::create_directory(dir.path("locked"));
    chmod(dir.path("locked").c_str(), 0555);
    RunOptions as_nobody;  // root writes anywhere: the folder is read-only for an ordinary user
    if (geteuid() == 0) {
        // The ordinary user must be able to reach the program (a checkout under /root is not).
        for (fs::path p = BP_CLI; !p.empty() && p != p.root_path(); p = p.parent_path())
            if ((fs::status(p).permissions() & fs::perms::others_exec) == fs::perms::none)
                GTEST_SKIP() << p << " is not open to other users: run the suite from a folder they can reach";
        as_nobody.run_as_uid = 65534;
        chmod(dir.path("").c_str(), 0755);
        chmod(net.c_str(), 0644);
    }
    const RunResult r = run_cli({"train", net, "--steps", "2", "--out", dir.path("locked/out.json")}, as_nobody);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(dir.path("locked/out.json") + ": cannot write (Permission denied)"), std::string::npos) << r.err;
}

TEST(HostileTrain, A250ByteNameIsWritten) {
    TempDir dir;
    const std::string net = mazur(dir), name = dir.path(std::string(245, 'n') + ".json");
    const RunResult r = run_cli({"train", net, "--steps", "1", "--out", name, "--log", dir.path(std::string(246, 'l') + ".csv")});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_file(name), trained_text(net, 1, dir));
}

TEST(HostileTrain, ALogThatFailsMidRunStopsTrainingAndOutIsWrittenFirst) {
    TempDir dir;
    const std::string net = mazur(dir), log = dir.write("loss.csv", "the previous log\n");
    RunOptions small_disk;  // files may grow to 64 KiB: the log's first flush fails (EFBIG), --out fits
    small_disk.limits = {{RLIMIT_FSIZE, 65536}};
    small_disk.stdout_to = "/dev/null";
    const RunResult r = run_cli({"train", net, "--steps", "1000000", "--out", dir.path("out.json"), "--log", log}, small_disk);
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("the log cannot be written: " + log + ": write failed (File too large); the previous file is "
                         "untouched; --out " + dir.path("out.json") + " written with the parameters after "),
              std::string::npos)
        << r.err;
    EXPECT_EQ(read_file(log), "the previous log\n");
    const long long steps = steps_after(r.err);
    ASSERT_GT(steps, 0);
    EXPECT_LT(steps, 1000000) << "training went on after the log failed";
    EXPECT_EQ(read_file(dir.path("out.json")), trained_text(net, steps, dir));

    // stdout captured in a file: it fills up at the same time as the log. Both are said; --out is written.
    small_disk.stdout_to.clear();
    const RunResult both = run_cli({"train", net, "--steps", "1000000", "--out", dir.path("out.json"), "--log", log}, small_disk);
    EXPECT_EQ(both.status, 1) << both.err;
    EXPECT_NE(both.err.find("standard output cannot be written (File too large)"), std::string::npos) << both.err;
    EXPECT_EQ(read_file(log), "the previous log\n");
    EXPECT_EQ(read_file(dir.path("out.json")), trained_text(net, steps_after(both.err), dir));
}

// The disk fills while --out itself is written: the old file stays, the log is still written, and
// stderr says so (exit 2, a file that cannot be written).
TEST(HostileTrain, AnOutThatCannotBeWrittenAtTheEndKeepsTheOldFile) {
    TempDir dir;
    const std::string net = mazur(dir), out = dir.write("out.json", "the previous result");
    RunOptions small_disk;  // 512 bytes: the log (3 short lines) fits, the network (about 1.2 kB) does not
    small_disk.limits = {{RLIMIT_FSIZE, 512}};
    const RunResult r = run_cli({"train", net, "--steps", "2", "--out", out, "--log", dir.path("loss.csv")}, small_disk);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err, "backprop-cli train: " + out + ": write failed (File too large); the previous file is untouched\n");
    EXPECT_EQ(read_file(out), "the previous result");
    EXPECT_EQ(lines(read_file(dir.path("loss.csv"))).size(), 3u);
}

TEST(HostileTrain, AnOutputThatCannotBeOpenedFailsBeforeTheFirstStep) {
    TempDir dir;
    const std::string net = mazur(dir);
    const RunResult r = run_cli({"train", net, "--steps", "5", "--out", dir.path("out.json"), "--log", "/nonexistent/x.csv"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "") << "no step was trained, so nothing is lost";
    EXPECT_NE(r.err.find("/nonexistent/x.csv: cannot write (No such file or directory)"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(dir.path("out.json")));
}

TEST(HostileTrain, StdoutClosedEarlyStopsTrainingAndWritesOut) {
    TempDir dir;
    const std::string net = mazur(dir);
    RunOptions head;  // `| head -1`
    head.stdout_pipe = true;
    std::string first;
    head.while_running = after_first_line([](pid_t, int fd) { ::close(fd); }, &first);
    const RunResult r = run_cli({"train", net, "--steps", "100000000", "--out", dir.path("out.json")}, head);
    EXPECT_EQ(first, "0 0.2983711087600027");
    EXPECT_EQ(r.status, 1) << "killed by SIGPIPE before --out was written: status " << r.status << "\n" << r.err;
    EXPECT_NE(r.err.find(": standard output cannot be written (Broken pipe); --out "), std::string::npos) << r.err;
    const long long steps = steps_after(r.err);
    ASSERT_GT(steps, 0);
    EXPECT_EQ(read_file(dir.path("out.json")), trained_text(net, steps, dir));
}

TEST(HostileTrain, AFullStdoutStopsTrainingAndWritesOut) {
    TempDir dir;
    const std::string net = mazur(dir);
    RunOptions full;
    full.stdout_to = "/dev/full";
    const RunResult r = run_cli({"train", net, "--steps", "100000000", "--out", dir.path("out.json")}, full);
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("standard output cannot be written (No space left on device)"), std::string::npos) << r.err;
    const long long steps = steps_after(r.err);
    ASSERT_GT(steps, 0);
    EXPECT_EQ(read_file(dir.path("out.json")), trained_text(net, steps, dir));
}

TEST(HostileTrain, SigintAndSigtermStopAtTheEndOfAStepAndWriteOut) {
    for (const int signal : {SIGINT, SIGTERM}) {
        TempDir dir;
        const std::string net = mazur(dir);
        RunOptions interrupt;
        interrupt.stdout_pipe = true;
        interrupt.while_running = after_first_line([signal](pid_t pid, int fd) {
            ::kill(pid, signal);
            drain(fd);
        });
        const RunResult r = run_cli(
            {"train", net, "--steps", "100000000", "--out", dir.path("out.json"), "--log", dir.path("loss.csv")}, interrupt);
        EXPECT_EQ(r.status, 128 + signal) << r.err;
        const std::string name = signal == SIGINT ? "SIGINT" : "SIGTERM";
        EXPECT_NE(r.err.find("backprop-cli train: interrupted by " + name + " after step "), std::string::npos) << r.err;
        const long long steps = steps_after(r.err);
        ASSERT_GT(steps, 0) << r.err;
        EXPECT_NE(r.err.find(" after step " + std::to_string(steps - 1) + " of 100000000; --out"), std::string::npos)
            << r.err;
        EXPECT_EQ(read_file(dir.path("out.json")), trained_text(net, steps, dir));
        const std::vector<std::string> log = lines(read_file(dir.path("loss.csv")));
        ASSERT_EQ(static_cast<long long>(log.size()), steps + 1) << "a header and every step done";
        EXPECT_EQ(log.back().rfind(std::to_string(steps - 1) + ",", 0), 0u) << log.back();
    }
}

TEST(HostileTrain, AKillDuringTrainingLeavesTheOldOutAndItsLeftoverIsRemovedNextTime) {
    TempDir dir;
    const std::string net = mazur(dir), out = dir.write("out.json", "the previous result");
    RunOptions kill9;
    kill9.stdout_pipe = true;
    kill9.while_running = after_first_line([](pid_t pid, int fd) {
        ::kill(pid, SIGKILL);
        drain(fd);
    });
    RunResult r = run_cli({"train", net, "--steps", "100000000", "--out", out}, kill9);
    EXPECT_EQ(r.status, -SIGKILL);
    EXPECT_EQ(read_file(out), "the previous result");
    int leftovers = 0;
    for (const auto& e : fs::directory_iterator(dir.path(""))) leftovers += e.path().filename().string().rfind("out.json.tmp-", 0) == 0;
    EXPECT_EQ(leftovers, 1) << "train holds --out's temporary file from its start";
    r = run_cli({"train", net, "--steps", "2", "--out", out});
    EXPECT_EQ(r.status, 0) << r.err;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path(""))) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"net.json", "out.json"}));
}

TEST(HostileTrain, MemoryStaysBoundedWhateverTheStepCount) {
    if (kSanitized) GTEST_SKIP() << "RLIMIT_AS and AddressSanitizer do not mix";
    TempDir dir;
    const std::string net = mazur(dir);
    RunOptions limited;  // before: the whole log in memory, "out of memory" at 2·10⁶ steps under 100 MB
    limited.limits = {{RLIMIT_AS, 64LL << 20}};
    limited.stdout_to = "/dev/null";
    const RunResult r = run_cli({"train", net, "--steps", "2000000", "--log", dir.path("loss.csv")}, limited);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines(read_file(dir.path("loss.csv"))).size(), 2000001u);
}

// --every K prints steps 0, K, 2K, … and always the last one, with the losses of the full run.
TEST(HostileTrain, EveryKthStepAndTheLast) {
    TempDir dir;
    const std::string net = mazur(dir);
    const std::vector<std::string> all = lines(run_cli({"train", net, "--steps", "11"}).out);
    ASSERT_EQ(all.size(), 11u);
    const RunResult r = run_cli({"train", net, "--steps", "11", "--every", "3", "--log", dir.path("loss.csv")});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(lines(r.out), (std::vector<std::string>{all[0], all[3], all[6], all[9], all[10]}));
    std::vector<std::string> csv;
    for (const std::string& line : {all[0], all[3], all[6], all[9], all[10]})
        csv.push_back(line.substr(0, line.find(' ')) + "," + line.substr(line.find(' ') + 1));
    csv.insert(csv.begin(), "step,loss");
    EXPECT_EQ(lines(read_file(dir.path("loss.csv"))), csv);
    EXPECT_EQ(lines(run_cli({"train", net, "--steps", "10", "--every", "3"}).out),
              (std::vector<std::string>{all[0], all[3], all[6], all[9]}))
        << "the last step is printed once";
    const RunResult bad = run_cli({"train", net, "--steps", "10", "--every", "0"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("--every 0: must be between 1 and"), std::string::npos) << bad.err;
}

// The contract: every loss is written in its shortest round-trip form. Each printed number reads back
// to itself, and no shorter number of significant digits would (checked with printf, independently of
// the std::to_chars the CLI uses).
TEST(HostileTrain, LossesAreInTheirShortestRoundTripForm) {
    TempDir dir;
    const std::string presets = BP_PRESETS_DIR;
    for (const char* preset : {"relu-regression.json", "linear-regression.json", "spiral-2-8-8-8-1.json"}) {
        const RunResult r = run_cli({"train", presets + "/" + preset, "--steps", "400"});
        ASSERT_EQ(r.status, 0) << r.err;
        for (const std::string& line : lines(r.out)) {
            const std::string text = line.substr(line.find(' ') + 1);
            const double x = std::strtod(text.c_str(), nullptr);
            int digits = 0;
            for (char c : text.substr(0, text.find('e'))) digits += c >= '0' && c <= '9';
            for (std::size_t i = 0; i < text.size() && (text[i] == '0' || text[i] == '.'); ++i) digits -= text[i] == '0';
            for (int p = 1; p < digits; ++p) {
                char shorter[400];
                std::snprintf(shorter, sizeof shorter, "%.*g", p, x);
                EXPECT_NE(std::strtod(shorter, nullptr), x) << text << " is not the shortest: " << shorter;
            }
            char exact[400];
            std::snprintf(exact, sizeof exact, "%.17g", x);
            EXPECT_EQ(std::strtod(exact, nullptr), x);
            EXPECT_EQ(text.find_first_not_of("0123456789.e+-"), std::string::npos) << text;
        }
    }
}
