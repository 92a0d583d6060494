// Reading a whole file safely (see text_file.h): open without blocking, fstat, then read.
#include "engine/io/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "engine/core/error.h"

namespace bp {

std::string file_kind(unsigned mode) {
    switch (mode & S_IFMT) {
        case S_IFREG: return "a regular file";
        case S_IFDIR: return "a folder";
        case S_IFIFO: return "a FIFO (named pipe)";
        case S_IFCHR: return "a character device";
        case S_IFBLK: return "a block device";
        case S_IFSOCK: return "a socket";
        case S_IFLNK: return "a symbolic link";
    }
    return "not a regular file";
}

std::string byte_size_text(std::size_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(bytes) / 1024.0;
    int u = 0;
    while (v >= 1024.0 && u < 3) {
        v /= 1024.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, v == static_cast<double>(static_cast<long long>(v)) ? "%.0f %s" : "%.1f %s", v,
                  units[u]);
    return buf;
}

std::string read_text_file(const std::string& path, std::string_view what, std::size_t limit) {
    const std::string role(what);
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw Error(path + ": cannot read (" + std::strerror(errno) + ")");
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is a folder, not " + role);
    if (!S_ISREG(st.st_mode))
        throw Error(path + ": is " + file_kind(st.st_mode) + ", not " + role + ": only regular files are read");
    const auto too_large = [&](const std::string& size) {
        return Error(path + ": is " + size + ", larger than the " + byte_size_text(limit) + " " + role +
                     " may have");
    };
    if (static_cast<unsigned long long>(st.st_size) > limit) throw too_large(byte_size_text(static_cast<std::size_t>(st.st_size)));
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size) + 1);  // one byte more: a file that grew since fstat shows
    std::size_t done = 0;
    for (;;) {
        if (done == text.size()) {
            if (text.size() > limit) throw too_large("more than " + byte_size_text(limit));
            text.resize(std::min(limit + 1, text.size() * 2));
        }
        const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(path + ": read error (" + std::strerror(errno) + ")");
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    text.resize(done);
    return text;
}

}  // namespace bp
