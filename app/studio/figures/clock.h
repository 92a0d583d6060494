// Clocks for timing the app's own work (the UI benchmark, the loss panel's cost per frame).
#pragma once

namespace studio {

// CPU time of the calling thread in milliseconds (CLOCK_THREAD_CPUTIME_ID): the UI is one thread, and
// the software GL of a headless run works on threads of its own, which this leaves out.
double thread_cpu_ms();

// Wall-clock milliseconds since the kernel started this process (/proc/self/stat; 10 ms resolution).
double ms_since_process_start();

}  // namespace studio
