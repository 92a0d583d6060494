// Buffered writes to a file descriptor that report failures (see fd_writer.h).
#include "app/cli/fd_writer.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace cli {
namespace {

constexpr std::size_t kFlushBytes = 1 << 16;
constexpr long kFlushNanoseconds = 100'000'000;  // 100 ms

timespec coarse_now() {  // a few nanoseconds (vDSO, 1–4 ms resolution): cheap enough for every line
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
    return t;
}

}  // namespace

FdWriter::FdWriter(int fd) : fd_(fd) {
    buffer_.reserve(kFlushBytes + 64);
    const timespec t = coarse_now();
    last_flush_sec_ = t.tv_sec;
    last_flush_nsec_ = t.tv_nsec;
}

void FdWriter::append(std::string_view text) {
    if (error_ != 0) return;
    buffer_.append(text);
    if (buffer_.size() >= kFlushBytes) {
        flush();
        return;
    }
    const timespec t = coarse_now();
    if ((t.tv_sec - last_flush_sec_) * 1'000'000'000L + (t.tv_nsec - last_flush_nsec_) >= kFlushNanoseconds) flush();
}

bool FdWriter::flush() {
    std::size_t done = 0;
    while (error_ == 0 && done < buffer_.size()) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) error_ = errno;
        else done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
    const timespec t = coarse_now();
    last_flush_sec_ = t.tv_sec;
    last_flush_nsec_ = t.tv_nsec;
    return error_ == 0;
}

LossLine loss_line(char* buf, long long step, double loss) {
    char* p = std::to_chars(buf, buf + 24, step).ptr;
    const auto separator = static_cast<std::size_t>(p - buf);
    *p++ = ' ';
    p = std::to_chars(p, p + 24, loss).ptr;  // shortest round trip: at most 24 characters
    *p++ = '\n';
    return {static_cast<std::size_t>(p - buf), separator};
}

}  // namespace cli
