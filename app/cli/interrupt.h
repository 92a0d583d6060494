// SIGINT (Ctrl-C) and SIGTERM while train runs: the first one only asks it to stop at the end of the
// current step (the handler sets a flag), so that it can write --out with the parameters reached and
// say so; a second one ends the process at once (the handler resets itself to the default action).
#pragma once

namespace cli {

class InterruptGuard {
public:
    InterruptGuard();   // installs the handlers for SIGINT and SIGTERM
    ~InterruptGuard();  // restores the previous ones
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // The signal received (SIGINT or SIGTERM), or 0.
    static int received();
};

const char* signal_name(int signal);  // "SIGINT", "SIGTERM"

}  // namespace cli
