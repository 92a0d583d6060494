// Clocks (see clock.h).
#include "app/studio/figures/clock.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace studio {

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

double ms_since_process_start() {
    std::FILE* f = std::fopen("/proc/self/stat", "r");
    if (!f) return 0;
    char buf[1024] = {};
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    // Field 22 (starttime, clock ticks after boot) counts from the ')' closing the command name.
    const std::string stat(buf, n);
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    unsigned long long start_ticks = 0;
    int field = 2;
    for (std::size_t i = close + 1; i < stat.size() && field < 22; ++i)
        if (stat[i] == ' ' && ++field == 22) start_ticks = std::strtoull(stat.c_str() + i + 1, nullptr, 10);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double now_ms = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) * 1e-6;
    return now_ms - static_cast<double>(start_ticks) * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace studio
