// Writing a file atomically, whatever its path names (see atomic_file.h).
// [SECTION] what the path names  [SECTION] leftovers of killed writers  [SECTION] AtomicFile
#include "engine/io/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>

#include "engine/io/text_file.h"

namespace bp {
namespace {

// [SECTION] what the path names ---------------------------------------------------------------------

constexpr int kMaxLinkHops = 40;            // as the kernel's own limit (ELOOP)
constexpr std::size_t kWriteBuffer = 1 << 16;
constexpr std::time_t kOldLeftoverAge = 60;  // leftovers without a pid (older versions) must be this old

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

std::string name_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The descriptor a path stands for: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N.
std::optional<int> descriptor_path(const std::string& p) {
    if (p == "/dev/stdin") return 0;
    if (p == "/dev/stdout") return 1;
    if (p == "/dev/stderr") return 2;
    for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        const std::string pre(prefix);
        if (p.size() <= pre.size() || p.compare(0, pre.size(), pre) != 0 || p.size() - pre.size() > 9) continue;
        int fd = 0;
        for (std::size_t i = pre.size(); i < p.size(); ++i) {
            if (p[i] < '0' || p[i] > '9') return std::nullopt;
            fd = fd * 10 + (p[i] - '0');
        }
        return fd;
    }
    return std::nullopt;
}

struct Resolved {
    std::string path;        // the last name in the chain of links (may not exist yet)
    std::optional<int> fd;   // the chain reached a descriptor: write through it
};

// Follows symbolic links one hop at a time, as open() would, stopping at a descriptor path.
Resolved resolve_links(const std::string& path) {
    std::string p = path;
    for (int hop = 0; hop <= kMaxLinkHops; ++hop) {
        if (const auto fd = descriptor_path(p)) return {p, fd};
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return {p, std::nullopt};
        std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
        const ssize_t n = ::readlink(p.c_str(), target.data(), target.size());
        if (n < 0) return {p, std::nullopt};
        target.resize(static_cast<std::size_t>(n));
        p = target.front() == '/' ? target : folder_of(p) + "/" + target;
    }
    throw WriteError(path + ": cannot write (too many levels of symbolic links)", WriteFailure::io, ELOOP);
}

// The temporary file's name: <name>.tmp-<pid>-XXXXXX, the name shortened (at a UTF-8 character
// boundary) so the whole stays within the folder's name limit: a 250-byte name is legal, and so must
// its temporary be.
std::string temp_prefix(const std::string& folder, const std::string& name) {
    long name_max = ::pathconf(folder.c_str(), _PC_NAME_MAX);
    if (name_max <= 0) name_max = 255;
    const std::size_t suffix = std::strlen(".tmp-") + std::to_string(::getpid()).size() + std::strlen("-XXXXXX");
    std::size_t keep = name.size();
    if (keep + suffix > static_cast<std::size_t>(name_max)) {
        keep = static_cast<std::size_t>(name_max) > suffix ? static_cast<std::size_t>(name_max) - suffix : 1;
        while (keep > 1 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    }
    return name.substr(0, keep) + ".tmp-";
}

// [SECTION] leftovers of killed writers --------------------------------------------------------------

// "<pid>-XXXXXX" → pid; "XXXXXX" (older versions) → 0; anything else → −1 (not ours).
long leftover_pid(const std::string& rest) {
    const auto random_part = [](const std::string& s) {
        if (s.size() != 6) return false;
        for (char c : s)
            if (!std::isalnum(static_cast<unsigned char>(c))) return false;
        return true;
    };
    if (random_part(rest)) return 0;
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || dash > 10 || !random_part(rest.substr(dash + 1))) return -1;
    long pid = 0;
    for (std::size_t i = 0; i < dash; ++i) {
        if (rest[i] < '0' || rest[i] > '9') return -1;
        pid = pid * 10 + (rest[i] - '0');
    }
    return pid;
}

// Removes the temporary files of earlier writes of this target whose writer is gone: its process no
// longer exists (or, for a name without a pid, it is over a minute old) and no one holds its lock.
// A live writer holds an exclusive flock on its temporary file from its creation to its rename.
void remove_leftovers(const std::string& folder, const std::string& prefix) {
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) return;
    const int dir_fd = ::dirfd(dir);
    while (const dirent* e = ::readdir(dir)) {
        const std::string name = e->d_name;
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const long pid = leftover_pid(name.substr(prefix.size()));
        if (pid < 0 || pid == ::getpid()) continue;
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;  // alive
        const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat st {};
        const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        const bool old_enough = pid > 0 || std::time(nullptr) - st.st_mtime >= kOldLeftoverAge;
        if (regular && old_enough && ::flock(fd, LOCK_EX | LOCK_NB) == 0) ::unlinkat(dir_fd, name.c_str(), 0);
        ::close(fd);
    }
    ::closedir(dir);
}

bool read_only(const std::string& path, const struct stat& st) {
    return (st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0;
}

std::string mode_text(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

}  // namespace

// [SECTION] AtomicFile -------------------------------------------------------------------------------

AtomicFile::AtomicFile(const std::string& path, WriteOptions options) : path_(path) {
    const Resolved r = resolve_links(path);
    target_ = r.path;
    if (r.fd) {  // /dev/stdout and friends: the descriptor itself, where its writes go
        fd_ = ::fcntl(*r.fd, F_DUPFD_CLOEXEC, 3);
        if (fd_ < 0) fail("cannot write to descriptor " + std::to_string(*r.fd), errno);
        through_ = true;
        return;
    }
    struct stat st {};
    const bool exists = ::stat(target_.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        const std::string kind = file_kind(st.st_mode);
        if (S_ISDIR(st.st_mode)) throw WriteError(path_ + ": is a folder, not a file", WriteFailure::refused);
        if (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode))
            throw WriteError(path_ + ": is " + kind + ": refusing to write to it", WriteFailure::refused);
        // A FIFO or a character device is written through. O_NONBLOCK: a FIFO nobody reads fails (ENXIO)
        // instead of blocking until someone does.
        fd_ = ::open(target_.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0 && errno == ENXIO)
            throw WriteError(path_ + ": is " + kind + " that no process is reading: nothing written",
                             WriteFailure::refused, ENXIO);
        if (fd_ < 0) fail("cannot write", errno);
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
        through_ = true;
        return;
    }
    if (exists && read_only(target_, st) && !options.force)
        throw WriteError(path_ + ": is read-only (mode " + mode_text(st.st_mode) + "): not replaced",
                         WriteFailure::read_only);
    if (exists) {
        mode_ = st.st_mode & 07777;
        uid_ = st.st_uid;
        gid_ = st.st_gid;
        keep_owner_ = true;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode_ = 0666 & ~mask;
    }
    const std::string folder = folder_of(target_);
    const std::string prefix = temp_prefix(folder, name_of(target_));
    remove_leftovers(folder, prefix);
    temp_ = folder + "/" + prefix + std::to_string(::getpid()) + "-XXXXXX";
    fd_ = ::mkostemp(temp_.data(), O_CLOEXEC);
    if (fd_ < 0) {
        const int err = errno;
        temp_.clear();
        fail("cannot write", err);
    }
    ::flock(fd_, LOCK_EX);  // held until the rename: the next writer's cleanup leaves this file alone
}

AtomicFile::~AtomicFile() { abandon(); }

void AtomicFile::abandon() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temp_.empty() && !done_) ::unlink(temp_.c_str());
    temp_.clear();
    done_ = true;
}

void AtomicFile::fail(const std::string& what, int error_number) {
    abandon();
    const bool untouched = !through_;
    throw WriteError(path_ + ": " + what + " (" + std::strerror(error_number) + ")" +
                         (untouched ? "; the previous file is untouched" : ""),
                     WriteFailure::io, error_number);
}

void AtomicFile::write(std::string_view text) {
    if (done_) throw WriteError(path_ + ": written already", WriteFailure::io, EBADF);
    buffer_.append(text);
    if (buffer_.size() >= kWriteBuffer) flush();
}

void AtomicFile::flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed", errno);
        }
        done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
}

void AtomicFile::commit() {
    if (done_) throw WriteError(path_ + ": written already", WriteFailure::io, EBADF);
    flush();
    if (through_) {
        const int fd = fd_;
        fd_ = -1;
        done_ = true;
        if (::close(fd) != 0 && errno != EINTR)
            throw WriteError(path_ + ": close failed (" + std::string(std::strerror(errno)) + ")", WriteFailure::io, errno);
        return;
    }
    // mkostemp makes the file 0600: give it the mode (and, when we may, the owner) of the file it replaces.
    if (keep_owner_) (void)!::fchown(fd_, uid_, gid_);
    ::fchmod(fd_, mode_);
    if (::fsync(fd_) != 0) fail("fsync failed", errno);
    if (::close(fd_) != 0) {
        fd_ = -1;
        fail("close failed", errno);
    }
    fd_ = -1;
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("rename failed", errno);
    done_ = true;
    temp_.clear();
    // Make the rename itself durable.
    if (const int dfd = ::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void write_file_atomically(const std::string& path, std::string_view text, WriteOptions options) {
    AtomicFile file(path, options);
    file.write(text);
    file.commit();
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {}, sb {};
    if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    std::error_code ea, eb;
    const auto ca = std::filesystem::weakly_canonical(resolve_links(a).path, ea);
    const auto cb = std::filesystem::weakly_canonical(resolve_links(b).path, eb);
    return !ea && !eb && ca == cb;
}

}  // namespace bp
