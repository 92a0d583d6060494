// Writing a file so that a kill at any moment leaves either the complete old file or the complete new
// one: the text goes to a temporary file beside the target, is fsync'd and renamed over it. What the
// target path names decides the rest, as editors do:
//   - a symbolic link is followed: the file it points to is replaced, the link stays (a dangling link
//     creates its target);
//   - a FIFO, a character device (/dev/null, a terminal) or a descriptor (/dev/stdout, /dev/fd/N) is
//     written through, not replaced (a FIFO nobody reads is refused instead of blocking);
//   - a folder, a block device or a socket is refused;
//   - a read-only file (no write bit, or not writable by us) is refused unless options.force.
// The temporary file is named <name>.tmp-<pid>-XXXXXX, shortened so that it stays within the file
// system's name limit; leftovers of writers that were killed (their process is gone and no one holds
// their lock) are removed by the next write to the same target.
#pragma once
#include <sys/types.h>

#include <string>
#include <string_view>

#include "engine/core/error.h"

namespace bp {

struct WriteOptions {
    bool force = false;  // replace a read-only target (backprop-cli --force; the studio after asking)
};

// Why a write failed, for callers that react to it (the studio asks before replacing a read-only file).
enum class WriteFailure {
    read_only,  // the target is read-only and options.force was not given; nothing was written
    refused,    // the target is not something we write: a folder, a block device, a socket, a FIFO nobody reads
    io,         // the system said no (no such folder, no space, permission, …): error_number says what
};

struct WriteError : Error {
    WriteError(const std::string& message, WriteFailure failure, int error_number = 0)
        : Error(message), failure(failure), error_number(error_number) {}
    WriteFailure failure;
    int error_number;  // errno for WriteFailure::io, else 0
};

// One file being written. The constructor checks the target and creates the temporary file (so a path
// that cannot be written fails before any work is done); write() appends; commit() makes it the target.
// Destroyed without commit(), the temporary file is removed and the target is untouched.
class AtomicFile {
public:
    explicit AtomicFile(const std::string& path, WriteOptions options = {});  // throws WriteError
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view text);  // buffered; throws WriteError naming the path and errno
    void commit();                      // flush, fsync, rename, fsync the folder; throws WriteError
    void abandon();                     // remove the temporary file now; the target stays as it was

    const std::string& path() const { return path_; }      // as given
    const std::string& target() const { return target_; }  // the file replaced or written through
    bool writes_through() const { return through_; }       // a FIFO, a device or a descriptor

private:
    void flush();
    [[noreturn]] void fail(const std::string& what, int error_number);

    std::string path_, target_, temp_;
    int fd_ = -1;
    bool through_ = false;
    bool done_ = false;
    mode_t mode_ = 0;               // the mode the new file gets (the old file's, else 0666 & ~umask)
    uid_t uid_ = 0;                 // and the owner of the file it replaces
    gid_t gid_ = 0;
    bool keep_owner_ = false;
    std::string buffer_;
};

// Writes text to path as AtomicFile does. Throws WriteError naming the path and the reason.
void write_file_atomically(const std::string& path, std::string_view text, WriteOptions options = {});

// Whether two paths name the same file: the same device and inode when both exist, else the same
// absolute path once the folders' symbolic links are resolved (two names for a file not written yet).
bool same_file(const std::string& a, const std::string& b);

}  // namespace bp
