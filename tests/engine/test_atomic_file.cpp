// The atomic writer (engine/io/atomic_file.h) against what a path may name: a symbolic link (followed,
// the link kept), a FIFO, a character device or a descriptor (written through, never replaced by a
// regular file), a folder or a block device (refused), a read-only file (refused unless forced), a
// 250-byte name (its temporary name stays within the limit), a full disk (the old file untouched), and
// the leftovers of killed writers (removed by the next write, a live writer's left alone).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/io/atomic_file.h"
#include "temp_folder.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

using AtomicWrite = test::TempFolder;

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

WriteFailure failure_of(const std::string& path, const std::string& text, WriteOptions options = {},
                        std::string* message = nullptr) {
    try {
        write_file_atomically(path, text, options);
    } catch (const WriteError& e) {
        if (message) *message = e.what();
        return e.failure;
    }
    ADD_FAILURE() << path << " was written";
    return WriteFailure::io;
}

// A pid that belonged to a process that has exited (and been reaped).
pid_t dead_pid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    int status = 0;
    waitpid(child, &status, 0);
    return child;
}

TEST_F(AtomicWrite, ASymlinkIsFollowedAndStaysASymlink) {
    put(path("real.json"), "old");
    fs::create_symlink("real.json", path("link.json"));  // relative, as `ln -s` makes them
    write_file_atomically(path("link.json"), "new");
    EXPECT_TRUE(fs::is_symlink(path("link.json")));
    EXPECT_EQ(contents(path("real.json")), "new");
    EXPECT_EQ(names(), (std::vector<std::string>{"link.json", "real.json"})) << "no temporary left";
    // A dangling link creates its target, as editors do.
    fs::create_symlink("sub/made.json", path("dangling.json"));
    fs::create_directory(path("sub"));
    write_file_atomically(path("dangling.json"), "made");
    EXPECT_TRUE(fs::is_symlink(path("dangling.json")));
    EXPECT_EQ(contents(path("sub/made.json")), "made");
}

TEST_F(AtomicWrite, ACharacterDeviceIsWrittenThroughNotReplaced) {
    // Our own /dev/null (major 1, minor 3) when we may make one: were the writer wrong, it would replace
    // this node, never the system's. Without root, /dev/null itself, which a broken writer cannot replace.
    std::string null = path("null");
    if (mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) null = "/dev/null";
    write_file_atomically(null, "{\"discarded\": true}\n");
    struct stat st {};
    ASSERT_EQ(stat(null.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << null << " is no longer a device";
    // /dev/full: the write goes through and fails as it should, with the reason.
    std::string message;
    EXPECT_EQ(failure_of("/dev/full", "x", {}, &message), WriteFailure::io);
    EXPECT_NE(message.find("No space left on device"), std::string::npos) << message;
}

TEST_F(AtomicWrite, AFifoIsWrittenThroughOrRefusedWhenNobodyReads) {
    const std::string fifo = path("pipe");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::string message;
    EXPECT_EQ(failure_of(fifo, "x", {}, &message), WriteFailure::refused) << "no reader: refused, not blocked";
    EXPECT_EQ(message, fifo + ": is a FIFO (named pipe) that no process is reading: nothing written");
    std::string received;
    std::thread reader([&] {
        const int fd = open(fifo.c_str(), O_RDONLY);
        char buf[256];
        for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) received.append(buf, static_cast<std::size_t>(n));
        close(fd);
    });
    // The reader may not have opened its end yet: retry until it has.
    for (int i = 0; i < 500; ++i) {
        try {
            write_file_atomically(fifo, "through the pipe");
            break;
        } catch (const WriteError& e) {
            ASSERT_EQ(e.failure, WriteFailure::refused) << e.what();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    reader.join();
    EXPECT_EQ(received, "through the pipe");
    struct stat st {};
    ASSERT_EQ(stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(AtomicWrite, ADescriptorPathWritesToTheDescriptor) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const std::string through = "/dev/fd/" + std::to_string(fds[1]);
    write_file_atomically(through, "via /dev/fd");
    fs::create_symlink("/proc/self/fd/" + std::to_string(fds[1]), path("stdout-link"));  // as /dev/stdout is
    write_file_atomically(path("stdout-link"), ", via a link");
    close(fds[1]);
    std::string got;
    char buf[64];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    EXPECT_EQ(got, "via /dev/fd, via a link");
    EXPECT_TRUE(fs::is_symlink(path("stdout-link"))) << "the link was replaced";
}

TEST_F(AtomicWrite, FoldersAndBlockDevicesAreRefused) {
    std::string message;
    EXPECT_EQ(failure_of(dir_, "x", {}, &message), WriteFailure::refused);
    EXPECT_EQ(message, dir_ + ": is a folder, not a file");
    const std::string block = path("disk");
    if (mknod(block.c_str(), S_IFBLK | 0600, makedev(7, 200)) == 0) {  // a loop device number nobody uses
        EXPECT_EQ(failure_of(block, "x", {}, &message), WriteFailure::refused);
        EXPECT_EQ(message, block + ": is a block device: refusing to write to it");
    }
}

TEST_F(AtomicWrite, AReadOnlyFileIsRefusedUnlessForced) {
    const std::string ro = path("ro.json");
    put(ro, "old");
    chmod(ro.c_str(), 0444);
    std::string message;
    EXPECT_EQ(failure_of(ro, "new", {}, &message), WriteFailure::read_only);
    EXPECT_EQ(message, ro + ": is read-only (mode 0444): not replaced");
    EXPECT_EQ(contents(ro), "old");
    EXPECT_EQ(names(), std::vector<std::string>{"ro.json"});
    write_file_atomically(ro, "new", {.force = true});
    EXPECT_EQ(contents(ro), "new");
    struct stat st {};
    ASSERT_EQ(stat(ro.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0444u) << "forced, the file keeps its mode";
}

TEST_F(AtomicWrite, ALongNameGetsATemporaryNameWithinTheLimit) {
    const std::string name = std::string(245, 'n') + ".json";  // 250 bytes: legal (NAME_MAX is 255)
    write_file_atomically(path(name), "long");
    EXPECT_EQ(contents(path(name)), "long");
    const std::string unicode = std::string(240, 'u') + "ééé" + ".json";  // 251 bytes, cut mid-letter if careless
    write_file_atomically(path(unicode), "é");
    EXPECT_EQ(contents(path(unicode)), "é");
    EXPECT_EQ(names().size(), 2u) << "no temporary left";
}

TEST_F(AtomicWrite, LeftoversOfKilledWritersAreRemovedByTheNextWrite) {
    const std::string target = path("net.json");
    put(target, "old");
    // A writer killed before its rename: its temporary file stays behind.
    const pid_t child = fork();
    if (child == 0) {
        AtomicFile f(target);
        f.write(std::string(1000, 'x'));
        for (;;) pause();
    }
    std::string leftover;
    for (int i = 0; i < 2000 && leftover.empty(); ++i) {
        for (const std::string& n : names())
            if (n.rfind("net.json.tmp-" + std::to_string(child) + "-", 0) == 0) leftover = n;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_FALSE(leftover.empty());
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    // Others: a dead writer's (older format, no pid: a minute old), a live process's, a locked one, and a
    // file that only looks similar.
    const std::string old_format = "net.json.tmp-AbC123", live = "net.json.tmp-1-xyzXYZ";
    const std::string locked = "net.json.tmp-" + std::to_string(dead_pid()) + "-lock3d", other = "net.json.tmp-notours";
    for (const std::string& n : {old_format, live, locked, other}) put(path(n), "partial");
    const fs::file_time_type an_hour_ago = fs::last_write_time(path(old_format)) - std::chrono::hours(1);
    fs::last_write_time(path(old_format), an_hour_ago);
    const int lock_fd = open(path(locked).c_str(), O_RDONLY);
    ASSERT_EQ(flock(lock_fd, LOCK_EX), 0);  // as a live writer on another machine holds it

    write_file_atomically(target, "new");
    close(lock_fd);
    EXPECT_EQ(contents(target), "new");
    EXPECT_EQ(names(), (std::vector<std::string>{"net.json", live, locked, other}));
}

TEST_F(AtomicWrite, AFullDiskLeavesTheOldFileAndNoTemporary) {
    const std::string target = path("net.json");
    put(target, "old");
    const pid_t child = fork();
    if (child == 0) {  // RLIMIT_FSIZE stands for a full disk: writes past it fail with EFBIG
        signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        setrlimit(RLIMIT_FSIZE, &limit);
        try {
            write_file_atomically(target, std::string(100000, 'x'));
        } catch (const WriteError& e) {
            const bool named = std::string(e.what()).find("File too large") != std::string::npos;
            _exit(e.failure == WriteFailure::io && e.error_number == EFBIG && named ? 0 : 2);
        }
        _exit(1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: written past the limit; 2: the wrong error";
    EXPECT_EQ(contents(target), "old");
    EXPECT_EQ(names(), std::vector<std::string>{"net.json"});
}

// Two programs saving the same file at the same time: neither removes the other's temporary file as a
// leftover (its writer is alive and holds its lock), every save succeeds, and the file is always one of
// the complete versions.
TEST_F(AtomicWrite, TwoWritersOfTheSameFileNeverBreakEachOther) {
    const std::string target = path("net.json");
    const std::string a(200000, 'a'), b(300000, 'b');
    put(target, a);
    pid_t writers[2];
    for (int w = 0; w < 2; ++w) {
        writers[w] = fork();
        if (writers[w] == 0) {
            try {
                for (int i = 0; i < 100; ++i) write_file_atomically(target, w == 0 ? a : b);
            } catch (const WriteError&) {
                _exit(1);
            }
            _exit(0);
        }
    }
    bool always_complete = true;
    for (int reads = 0; reads < 200; ++reads) {
        const std::string now = contents(target);
        always_complete &= now == a || now == b;
    }
    for (const pid_t w : writers) {
        int status = 0;
        waitpid(w, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a save failed: its temporary file was removed";
    }
    EXPECT_TRUE(always_complete);
    EXPECT_EQ(names(), std::vector<std::string>{"net.json"});
}

TEST_F(AtomicWrite, AnUncommittedFileLeavesTheTargetAsItWas) {
    const std::string target = path("net.json");
    put(target, "old");
    {
        AtomicFile f(target);
        f.write("half");
    }
    EXPECT_EQ(contents(target), "old");
    EXPECT_EQ(names(), std::vector<std::string>{"net.json"});
}

TEST_F(AtomicWrite, SameFileComparesIdentityOrThePathItWouldHave) {
    put(path("a.json"), "a");
    fs::create_hard_link(path("a.json"), path("hard.json"));
    fs::create_symlink("a.json", path("soft.json"));
    EXPECT_TRUE(same_file(path("a.json"), path("hard.json")));
    EXPECT_TRUE(same_file(path("soft.json"), path("a.json")));
    EXPECT_TRUE(same_file(path("new.json"), dir_ + "/./new.json")) << "not written yet: the same path";
    fs::create_symlink("sub", path("subdir-link"));
    fs::create_directory(path("sub"));
    EXPECT_TRUE(same_file(path("subdir-link/x.json"), path("sub/x.json")));
    EXPECT_FALSE(same_file(path("a.json"), path("new.json")));
    EXPECT_FALSE(same_file(path("x.json"), path("y.json")));
}

}  // namespace
}  // namespace bp
