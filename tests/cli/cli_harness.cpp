// Test harness for backprop-cli (see cli_harness.h).
#include "cli_harness.h"

#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

extern char** environ;

namespace cli_test {
namespace {

// A temporary file opened for writing and reading back; unlinked when done.
struct CaptureFile {
    CaptureFile() {
        std::string tmpl = std::filesystem::temp_directory_path().string() + "/bp-cli-capture-XXXXXX";
        fd = mkstemp(tmpl.data());
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        path = tmpl;
    }
    ~CaptureFile() {
        ::close(fd);
        ::unlink(path.c_str());
    }
    std::string contents() const { return read_file(path); }
    int fd = -1;
    std::string path;
};

}  // namespace

RunResult run_cli(const std::vector<std::string>& args, const RunOptions& options) {
    CaptureFile out, err;
    std::vector<std::string> storage{BP_CLI};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    int pipe_fds[2] = {-1, -1};
    if (options.stdout_pipe && ::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {  // the child: async-signal-safe calls only, then exec
        const int in = ::open("/dev/null", O_RDONLY);
        const int to = options.stdout_pipe       ? pipe_fds[1]
                       : options.stdout_to.empty() ? out.fd
                                                   : ::open(options.stdout_to.c_str(), O_WRONLY);
        if (in < 0 || to < 0 || ::dup2(in, 0) < 0 || ::dup2(to, 1) < 0 || ::dup2(err.fd, 2) < 0) _exit(126);
        if (options.stdout_pipe) ::close(pipe_fds[0]);
        ::signal(SIGPIPE, SIG_DFL);
        for (const auto& [resource, value] : options.limits) {
            const rlimit r{static_cast<rlim_t>(value), static_cast<rlim_t>(value)};
            if (::setrlimit(resource, &r) != 0) _exit(126);
        }
        if (options.run_as_uid >= 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(static_cast<gid_t>(options.run_as_uid)) != 0 ||
             ::setuid(static_cast<uid_t>(options.run_as_uid)) != 0))
            _exit(126);
        ::execve(BP_CLI, argv.data(), environ);
        _exit(127);
    }
    if (options.stdout_pipe) ::close(pipe_fds[1]);
    if (options.while_running) options.while_running(pid, pipe_fds[0]);
    if (options.stdout_pipe) ::close(pipe_fds[0]);  // a no-op failure when while_running closed it
    RunResult r;
    int wstatus = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
    for (;;) {
        const pid_t done = waitpid(pid, &wstatus, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
        if (!r.timed_out && std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            r.timed_out = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -WTERMSIG(wstatus);
    r.out = out.contents();
    r.err = err.contents();
    return r;
}

nlohmann::json run_json(const std::vector<std::string>& args) {
    const RunResult r = run_cli(args);
    EXPECT_EQ(r.status, 0) << r.err;
    try {
        return nlohmann::json::parse(r.out);
    } catch (const nlohmann::json::exception& e) {
        ADD_FAILURE() << "stdout is not JSON: " << e.what() << "\n" << r.out.substr(0, 500);
        return nlohmann::json();
    }
}

TempDir::TempDir() {
    std::string tmpl = std::filesystem::temp_directory_path().string() + "/bp-cli-test-XXXXXX";
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
    const std::string p = path(name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

std::string TempDir::write_json(const std::string& name, const nlohmann::json& j) const {
    return write(name, j.dump(2));
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool file_exists(const std::string& path) { return std::filesystem::exists(path); }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

nlohmann::json mazur_network() {
    return nlohmann::json::parse(R"({
      "layers": [
        {"size": 2},
        {"size": 2, "activation": "sigmoid", "weights": [[0.15, 0.20], [0.25, 0.30]], "biases": [0.35, 0.35]},
        {"size": 2, "activation": "sigmoid", "weights": [[0.40, 0.45], [0.50, 0.55]], "biases": [0.60, 0.60]}
      ],
      "loss": "mse_half",
      "data": {"inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]]},
      "training": {"optimizer": "sgd", "learning_rate": 0.5, "batch_size": 1, "freeze_biases": true},
      "view": {"zoom": 1.5, "note": "kept on save"}
    })");
}

nlohmann::json make_network(const std::vector<int>& sizes, const std::vector<std::string>& activations,
                            const std::string& loss, int samples, int seed) {
    nlohmann::json layers = nlohmann::json::array({{{"size", sizes[0]}}});
    int index = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        nlohmann::json W = nlohmann::json::array(), b = nlohmann::json::array();
        for (int j = 0; j < sizes[l]; ++j) {
            nlohmann::json row = nlohmann::json::array();
            for (int k = 0; k < sizes[l - 1]; ++k) row.push_back(0.9 * std::sin(1.3 * (++index + seed)));
            W.push_back(row);
            b.push_back(0.3 * std::cos(0.7 * (++index + seed)));
        }
        layers.push_back({{"size", sizes[l]}, {"activation", activations[l - 1]}, {"weights", W}, {"biases", b}});
    }
    nlohmann::json X = nlohmann::json::array(), Y = nlohmann::json::array();
    const int K = sizes.back();
    for (int n = 0; n < samples; ++n) {
        nlohmann::json x = nlohmann::json::array(), y = nlohmann::json::array();
        for (int k = 0; k < sizes[0]; ++k) x.push_back(std::sin(2.1 * (n * sizes[0] + k + 1) + seed));
        for (int k = 0; k < K; ++k) {
            if (loss == "cross_entropy") y.push_back((n + seed) % K == k ? 1.0 : 0.0);
            else y.push_back(0.5 + 0.4 * std::cos(1.7 * (n * K + k + 1) + seed));
        }
        X.push_back(x);
        Y.push_back(y);
    }
    return {{"layers", layers},
            {"loss", loss},
            {"data", {{"inputs", X}, {"targets", Y}}},
            {"training", {{"optimizer", "sgd"}, {"learning_rate", 0.1}}}};
}

}  // namespace cli_test
