// Opening train's output files with their checks (see train_files.h).
#include "app/cli/train_files.h"

#include <sys/stat.h>

#include <optional>

namespace cli {
namespace {

// A file a command may write twice to without harm: a FIFO, a device or a descriptor (/dev/null).
bool stream_like(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

std::unique_ptr<bp::AtomicFile> open(const std::string& path, bool force) {
    try {
        return std::make_unique<bp::AtomicFile>(path, bp::WriteOptions{.force = force});
    } catch (const bp::WriteError& e) {
        if (e.failure == bp::WriteFailure::read_only) throw bp::Error(std::string(e.what()) + "; --force replaces it");
        throw;
    }
}

}  // namespace

TrainFiles open_train_files(const ParsedArgs& a, const std::string& input_path) {
    const std::optional<std::string> out = a.get("--out"), log = a.get("--log");
    if (out && bp::same_file(*out, input_path))
        throw UsageError("--out " + *out + " is the network file being trained: write the result to another file "
                         "(the input is never replaced)");
    if (log && bp::same_file(*log, input_path))
        throw UsageError("--log " + *log + " is the network file being trained: writing the losses there would "
                         "destroy it");
    if (out && log && bp::same_file(*out, *log) && !stream_like(*out))
        throw UsageError("--out and --log name the same file (" + *log + "): give them different names");
    const bool force = a.has("--force");
    TrainFiles files;
    if (out) files.out = open(*out, force);
    if (log) files.log = open(*log, force);
    return files;
}

}  // namespace cli
