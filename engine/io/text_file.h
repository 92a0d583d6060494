// Reading a whole file the engine loads (network files, answer sheets) without trusting what the path
// names: only regular files are read (a FIFO would block forever, /dev/zero would fill memory), the check
// comes before the first byte is read, and at most kMaxFileBytes are read.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bp {

// The largest file the engine reads: 128 MiB (a data set of 10⁶ samples of 2 inputs and 1 target at
// full precision is about 62 MB; bp::kMaxSamples caps the samples). Loading costs up to ~12× the file's
// size in memory for the JSON tree (measured: 622 MB peak for 52 MB of "0,0,0,…"; 236 MB for those
// 62 MB of samples), so this also bounds the loader's memory (about 1.6 GB at the very worst).
inline constexpr std::size_t kMaxFileBytes = std::size_t{128} << 20;

// The file's bytes. Throws bp::Error "PATH: <reason>" when it cannot be opened, is a folder ("is a
// folder, not <what>"), is not a regular file ("is a FIFO (named pipe), not <what>: only regular files
// are read"), or is larger than `limit` ("is 300 MiB, larger than the 128 MiB <what> may have").
// `what` is the file's role with its article: "a network file", "an answer sheet".
std::string read_text_file(const std::string& path, std::string_view what = "a network file",
                           std::size_t limit = kMaxFileBytes);

// "a FIFO (named pipe)", "a character device", …: the kind of a file from its st_mode, for messages.
std::string file_kind(unsigned mode);

// "128 MiB", "3.5 KiB", "17 bytes".
std::string byte_size_text(std::size_t bytes);

}  // namespace bp
