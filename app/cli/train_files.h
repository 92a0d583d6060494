// The files train writes (--out, --log), opened before the first step so that a path that cannot be
// written fails at once, not after an hour of training: an output that is the network file itself (or
// the other output) is refused, a read-only one needs --force, and what the path names (a symlink, a
// FIFO, /dev/null, /dev/stdout) is handled by bp::AtomicFile.
#pragma once
#include <memory>
#include <string>

#include "app/cli/args.h"
#include "engine/io/atomic_file.h"

namespace cli {

struct TrainFiles {
    std::unique_ptr<bp::AtomicFile> out;  // null without --out
    std::unique_ptr<bp::AtomicFile> log;  // null without --log
};

// Throws UsageError for an output that is the input or the other output, bp::Error (the engine's
// message, plus "; --force replaces it" for a read-only file) when one cannot be written.
TrainFiles open_train_files(const ParsedArgs& a, const std::string& input_path);

}  // namespace cli
