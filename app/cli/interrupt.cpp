// Stopping train at the end of a step on SIGINT/SIGTERM (see interrupt.h).
#include "app/cli/interrupt.h"

#include <csignal>

namespace cli {
namespace {

volatile std::sig_atomic_t g_received = 0;
struct sigaction g_previous_int {}, g_previous_term {};

void on_signal(int signal) { g_received = signal; }

}  // namespace

InterruptGuard::InterruptGuard() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_RESETHAND;  // writes go on; a second signal takes the default action
    sigaction(SIGINT, &sa, &g_previous_int);
    sigaction(SIGTERM, &sa, &g_previous_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &g_previous_int, nullptr);
    sigaction(SIGTERM, &g_previous_term, nullptr);
}

int InterruptGuard::received() { return g_received; }

const char* signal_name(int signal) {
    switch (signal) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
    }
    return "a signal";
}

}  // namespace cli
