// The per-instance autosave (see autosave.h). Locks are flock(2) locks on a ".lock" file beside each
// autosave: the kernel releases them when a process ends however it ends, which is exactly "gone".
#include "app/studio/handlers/autosave.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "app/studio/handlers/expression.h"
#include "app/studio/handlers/files.h"
#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace studio {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string now_text() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

std::string lock_path(const std::string& autosave) {
    const fs::path p(autosave);
    return (p.parent_path() / (p.stem().string() + ".lock")).string();
}

// An exclusive lock on `path` (created when missing), or -1 when another process holds it.
int try_lock(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

void release(int& fd) {
    if (fd >= 0) ::close(fd);  // closing the descriptor releases the flock
    fd = -1;
}

void remove_files(const std::string& autosave) {
    std::error_code ec;
    fs::remove(autosave, ec);
    fs::remove(lock_path(autosave), ec);
}

// What an autosave says about itself (kAutosaveKey), read without trusting the file.
AutosaveOffer describe(const std::string& path, int lock_fd) {
    AutosaveOffer o{path, "", "", lock_fd};
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const json j = json::parse(text.str(), nullptr, false);
    if (j.is_object() && j.contains(kAutosaveKey) && j[kAutosaveKey].is_object()) {
        const json& k = j[kAutosaveKey];
        if (k.contains("saved_at") && k["saved_at"].is_string()) o.time = k["saved_at"].get<std::string>();
        if (k.contains("file") && k["file"].is_string()) o.origin = k["file"].get<std::string>();
    }
    if (o.time.empty()) o.time = "an earlier session";
    return o;
}

}  // namespace

std::string default_autosave_dir() {
    const std::string d = data_dir();
    return d.empty() ? "" : d + "/autosave";
}

void attach_autosave(Autosave& a, const std::string& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    fs::create_directories(dir, ec);
    static std::atomic<int> instances{0};  // several states in one process (tests) are several instances
    const std::string own = (fs::path(dir) / ("autosave-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(std::time(nullptr)) + "-" +
                                               std::to_string(instances++) + ".json")).string();
    const int fd = try_lock(lock_path(own));
    if (fd < 0) {
        std::fprintf(stderr, "backprop-studio: no autosave: cannot lock a file in %s\n", dir.c_str());
        return;
    }
    a.dir = dir;
    a.path = own;
    a.lock_fd = fd;
    // Versions before per-instance autosaves kept one file beside the folder: it is offered like the others.
    const fs::path legacy = fs::path(dir).parent_path() / "autosave.json";
    if (fs::path(dir).filename() == "autosave" && fs::is_regular_file(legacy, ec))
        fs::rename(legacy, fs::path(dir) / "autosave-0-0-0.json", ec);
    // The autosaves of instances that are gone: their lock can be taken.
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string p = it->path().string();
        std::error_code e2;
        const std::string name = it->path().filename().string();
        if (p == own || name.rfind("autosave-", 0) != 0 || it->path().extension() != ".json" || !it->is_regular_file(e2))
            continue;  // only autosaves: the folder may hold anything else
        const int other = try_lock(lock_path(p));
        if (other >= 0) a.offers.push_back(describe(p, other));
    }
    std::sort(a.offers.begin(), a.offers.end(), [](const AutosaveOffer& x, const AutosaveOffer& y) { return x.time > y.time; });
}

void write_autosave(AppState& s) {
    Autosave& a = s.files.autosave;
    if (a.path.empty()) return;
    const std::string text = open_document_text(s);  // a network or an expression (expression.h)
    if (text == a.last_text) return;
    try {
        save_open_document(s, a.path, kAutosaveKey,
                           json{{"file", s.file_path}, {"title", s.title}, {"saved_at", now_text()}}.dump());
        a.last_text = text;
    } catch (const bp::Error&) {  // retried at the next tick
    }
}

void remove_autosave(Autosave& a) {
    a.last_text.clear();
    a.since_write = 0;
    if (a.path.empty()) return;
    std::error_code ec;
    fs::remove(a.path, ec);  // the lock stays: this instance is still running
}

void detach_autosave(Autosave& a) {
    if (a.path.empty()) return;
    remove_files(a.path);
    release(a.lock_fd);
    for (AutosaveOffer& o : a.offers) release(o.lock_fd);  // unanswered: offered again next time
    a.offers.clear();
    a.path.clear();
}

void drop_offer(Autosave& a) {
    if (a.offers.empty()) return;
    AutosaveOffer& o = a.offers.front();
    remove_files(o.path);
    release(o.lock_fd);
    a.offers.erase(a.offers.begin());
}

}  // namespace studio
