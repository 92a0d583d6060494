// Test harness for backprop-cli: runs the real binary (BP_CLI) with posix_spawn, capturing stdout,
// stderr and the exit status; temporary folders for network files; the networks the tests share.
#pragma once
#include <sys/types.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace cli_test {

struct RunResult {
    int status = -1;         // exit status, or −signal when the program was killed by a signal
    std::string out;         // stdout (empty when RunOptions sends it elsewhere)
    std::string err;         // stderr
    bool timed_out = false;  // killed after RunOptions::timeout_seconds
};

// Built with AddressSanitizer: a process reserves terabytes of address space, so RLIMIT_AS cannot be used.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// How to run it when the world is hostile: stdout somewhere else, resource limits, something done
// while it runs (a signal, a pipe closed early).
struct RunOptions {
    std::string stdout_to;    // a path opened as stdout instead of capturing it ("/dev/full", a FIFO)
    bool stdout_pipe = false;  // stdout is a pipe whose read end while_running gets (and may close)
    // Called in the test while the program runs: its pid and the pipe's read end (or −1).
    std::function<void(pid_t pid, int stdout_read_fd)> while_running;
    std::vector<std::pair<int, long long>> limits;  // setrlimit(resource, value) in the child
    int run_as_uid = -1;      // when ≥ 0 (and we are root): setgid/setuid to it first (permission tests)
    int timeout_seconds = 120;  // then SIGKILL, timed_out = true
};

// Runs backprop-cli with these arguments (stdin is /dev/null).
RunResult run_cli(const std::vector<std::string>& args, const RunOptions& options = {});

// Runs it, expects exit 0 and returns stdout parsed as JSON (fails the test otherwise).
nlohmann::json run_json(const std::vector<std::string>& args);

// A fresh folder under $TMPDIR (mkdtemp), removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    std::string write(const std::string& name, const std::string& text) const;  // returns the path
    std::string write_json(const std::string& name, const nlohmann::json& j) const;

private:
    std::string dir_;
};

std::string read_file(const std::string& path);
bool file_exists(const std::string& path);
std::vector<std::string> lines(const std::string& text);

// Mazur's "A Step by Step Backpropagation Example": 2-2-2 sigmoid, ½-MSE, one sample, lr 0.5.
nlohmann::json mazur_network();

// A fully connected network with deterministic, irregular parameters (no engine code involved):
// w = 0.9·sin(1.3·(index + seed)), b = 0.3·cos(0.7·(index + seed)); data likewise, targets in (0, 1)
// or one-hot for cross_entropy.
nlohmann::json make_network(const std::vector<int>& sizes, const std::vector<std::string>& activations,
                            const std::string& loss, int samples, int seed);

}  // namespace cli_test
