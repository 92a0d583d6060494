// zenity's and kdialog's file dialogs as a child process: started with posix_spawnp, its standard output
// read through a non-blocking pipe and its exit collected with waitpid(WNOHANG), so the frame loop never
// waits for the person choosing. Exit 0 with a path: chosen; exit 1: cancelled; anything else: failed.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "app/studio/desktop/native_dialog_backends.h"

extern char** environ;

namespace studio {
namespace {

class ChildDialog final : public NativeDialog::Attempt {
public:
    ChildDialog(DialogBackend b, const DialogRequest& r) {
        const std::vector<std::string> command = child_dialog_command(b, r);
        std::vector<char*> argv;
        for (const std::string& a : command) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            end_ = failed_answer(std::string("no pipe (") + std::strerror(errno) + ")");
            return;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);  // GTK's warnings
        const int error = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        out_ = fds[0];
        if (error != 0) {
            pid_ = -1;
            end_ = failed_answer(std::string("cannot start it (") + std::strerror(error) + ")");
            return;
        }
        ::fcntl(out_, F_SETFL, ::fcntl(out_, F_GETFL) | O_NONBLOCK);
    }

    ~ChildDialog() override {
        if (pid_ > 0) {  // still open: the app closes it (a quit, or a new document meanwhile)
            ::kill(pid_, SIGTERM);
            for (int i = 0; i < 100 && ::waitpid(pid_, nullptr, WNOHANG) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            if (::waitpid(pid_, nullptr, WNOHANG) == 0) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, nullptr, 0);
            }
        }
        if (out_ >= 0) ::close(out_);
    }

    DialogAnswer poll() override {
        if (pid_ <= 0) return end_;
        read_output();
        int status = 0;
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == 0) return {};  // waiting
        pid_ = -1;
        read_output();  // what it wrote just before it exited
        if (done < 0) return end_ = failed_answer(std::string("lost it (") + std::strerror(errno) + ")");
        if (!WIFEXITED(status)) return end_ = failed_answer("it was ended by signal " + std::to_string(WTERMSIG(status)));
        const int code = WEXITSTATUS(status);
        if (code == 1) return end_ = DialogAnswer{DialogState::cancelled, "", ""};
        const std::string path = text_.substr(0, text_.find('\n'));
        if (code != 0) return end_ = failed_answer("it exited with status " + std::to_string(code));
        if (path.empty() || path[0] != '/') return end_ = failed_answer("it answered no file");
        return end_ = DialogAnswer{DialogState::chosen, path, ""};
    }

private:
    void read_output() {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(out_, buf, sizeof buf);
            if (n > 0) text_.append(buf, static_cast<std::size_t>(n));
            if (n > 0 || (n < 0 && errno == EINTR)) continue;
            return;  // nothing more now (EAGAIN), or the end
        }
    }

    pid_t pid_ = -1;
    int out_ = -1;
    std::string text_;  // its standard output so far
    DialogAnswer end_;  // once it has ended, what it said
};

}  // namespace

std::vector<std::string> child_dialog_command(DialogBackend b, const DialogRequest& r) {
    const std::string start = r.saving ? r.folder + "/" + r.name : r.folder + "/";
    if (b == DialogBackend::kdialog) {
        return {"kdialog", "--title", r.title, r.saving ? "--getsavefilename" : "--getopenfilename",
                r.folder.empty() ? r.name : start, "*.json|Network files (*.json)"};
    }
    std::vector<std::string> c = {"zenity", "--file-selection", "--title=" + r.title};
    if (r.saving) {
        c.push_back("--save");
        c.push_back("--confirm-overwrite");
    }
    if (!r.folder.empty()) c.push_back("--filename=" + start);
    c.push_back("--file-filter=Network files (*.json) | *.json");
    c.push_back("--file-filter=All files | *");
    return c;
}

std::unique_ptr<NativeDialog::Attempt> start_child_dialog(DialogBackend b, const DialogRequest& r) {
    return std::make_unique<ChildDialog>(b, r);
}

}  // namespace studio
