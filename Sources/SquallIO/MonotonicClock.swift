// Monotonic time for timers and timeouts (CLOCK_MONOTONIC: never jumps with the wall clock).
import Glibc

/// Nanoseconds on the monotonic clock.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// Converts seconds (may be fractional or negative) to a nanosecond offset, clamping
/// negatives to zero.
@inline(__always)
func nanoseconds(fromSeconds seconds: Double) -> UInt64 {
    seconds <= 0 ? 0 : UInt64(min(seconds, 1e9) * 1e9)
}
