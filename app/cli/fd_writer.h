// Buffered writes to a file descriptor (train's loss lines on stdout) that report a failure instead of
// killing the process (SIGPIPE is ignored by main) or losing it: the first failed write is kept with its
// errno and later writes are dropped, so the caller can stop, save what it has, and say why.
// Flushed when 64 KiB wait, when 100 ms have passed since the last flush (a slow run still shows its
// lines as they come), and at the end.
#pragma once
#include <ctime>
#include <string>
#include <string_view>

namespace cli {

class FdWriter {
public:
    explicit FdWriter(int fd);
    ~FdWriter() { flush(); }
    FdWriter(const FdWriter&) = delete;
    FdWriter& operator=(const FdWriter&) = delete;

    void append(std::string_view text);
    bool flush();  // false once a write has failed
    bool failed() const { return error_ != 0; }
    int error() const { return error_; }  // errno of the first failed write, else 0

private:
    int fd_;
    int error_ = 0;
    std::string buffer_;
    std::time_t last_flush_sec_ = 0;
    long last_flush_nsec_ = 0;
};

// "step loss\n" into buf (at least 48 bytes), formatted with std::to_chars: the step in decimal and
// the loss in its shortest round-trip form, the characters bp::round_trip gives.
struct LossLine {
    std::size_t length;     // of the whole line, '\n' included
    std::size_t separator;  // the position of the space (the log's CSV puts a comma there)
};
LossLine loss_line(char* buf, long long step, double loss);

}  // namespace cli
