// Files the engine reads (bp::read_text_file, used by load_document and the answer sheets): anything
// that is not a regular file is refused before a byte is read — a FIFO with no writer must not block,
// /dev/zero must not fill memory — and a file above the size limit is refused with the limit named.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/error.h"
#include "engine/io/text_file.h"
#include "engine/io/serialize.h"
#include "temp_folder.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

using TextFile = test::TempFolder;

std::string read_error(const std::string& path, std::size_t limit = kMaxFileBytes) {
    try {
        read_text_file(path, "a network file", limit);
    } catch (const Error& e) {
        return e.what();
    }
    return "(read)";
}

TEST_F(TextFile, AFifoIsRefusedAtOnceInsteadOfWaitingForAWriter) {
    const std::string fifo = path("pipe.json");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(read_error(fifo), fifo + ": is a FIFO (named pipe), not a network file: only regular files are read");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    try {
        load_document(fifo);
        FAIL() << "load_document read a FIFO";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), fifo + ": is a FIFO (named pipe), not a network file: only regular files are read");
    }
}

TEST_F(TextFile, ACharacterDeviceIsRefusedBeforeAnyRead) {
    // /dev/zero never ends: read, it would fill memory (the CLI said "out of memory").
    EXPECT_EQ(read_error("/dev/zero"), "/dev/zero: is a character device, not a network file: only regular files are read");
    EXPECT_EQ(read_error("/dev/null"), "/dev/null: is a character device, not a network file: only regular files are read");
}

TEST_F(TextFile, AFolderIsNamedAsSuch) { EXPECT_EQ(read_error(dir_), dir_ + ": is a folder, not a network file"); }

TEST_F(TextFile, AFileAboveTheLimitIsRefusedWithTheLimitNamed) {
    const std::string big = path("big.json");
    {
        std::ofstream(big) << "";
    }
    fs::resize_file(big, kMaxFileBytes + 1);  // sparse: no disk used, refused by its size before reading
    EXPECT_EQ(read_error(big), big + ": is 128.0 MiB, larger than the 128 MiB a network file may have");
    const std::string small = path("small.json");
    std::ofstream(small) << "0123456789";
    EXPECT_EQ(read_error(small, 10), "(read)") << "exactly the limit is allowed";
    EXPECT_EQ(read_error(small, 9), small + ": is 10 bytes, larger than the 9 bytes a network file may have");
    EXPECT_EQ(read_text_file(small), "0123456789");
}

TEST_F(TextFile, SizesAreWrittenInTheirUnits) {
    EXPECT_EQ(byte_size_text(1), "1 byte");
    EXPECT_EQ(byte_size_text(1023), "1023 bytes");
    EXPECT_EQ(byte_size_text(1536), "1.5 KiB");
    EXPECT_EQ(byte_size_text(std::size_t{128} << 20), "128 MiB");
}

TEST_F(TextFile, ASymlinkToARegularFileIsRead) {
    const std::string real = path("real.json");
    std::ofstream(real) << "{}";
    const std::string link = path("link.json");
    fs::create_symlink(real, link);
    EXPECT_EQ(read_text_file(link), "{}");
}

}  // namespace
}  // namespace bp
