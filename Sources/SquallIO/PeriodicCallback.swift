// Tornado's PeriodicCallback: a callback run every `interval` seconds on the loop.
// Like Tornado, a run that overshoots skips the missed beats instead of bunching them.

/// Calls `callback` every `interval` seconds once started.
///
/// ```swift
/// let ticker = PeriodicCallback(interval: 1) { print("tick") }
/// ticker.start()
/// ```
@IOLoopActor
public final class PeriodicCallback {
    /// Seconds between runs (> 0).
    public let interval: Double
    private let callback: @IOLoopActor () -> Void
    private var nextDeadline: UInt64 = 0
    private var pending: TimeoutHandle?

    /// - Precondition: `interval > 0`.
    public init(interval: Double, _ callback: @escaping @IOLoopActor () -> Void) {
        precondition(interval > 0, "PeriodicCallback interval must be positive")
        self.interval = interval
        self.callback = callback
    }

    /// True between `start()` and `stop()`.
    public var isRunning: Bool { pending != nil }

    /// Starts calling; the first call is one interval from now. Starting twice does nothing.
    public func start() {
        guard pending == nil else { return }
        nextDeadline = monotonicNanoseconds()
        scheduleNext()
    }

    /// Stops calling. The callback in progress, if any, finishes.
    public func stop() {
        pending?.cancel()
        pending = nil
    }

    private func scheduleNext() {
        let step = nanoseconds(fromSeconds: interval)
        let now = monotonicNanoseconds()
        nextDeadline &+= step
        if nextDeadline <= now {
            let missed = (now - nextDeadline) / step + 1
            nextDeadline &+= missed &* step
        }
        pending = IOLoop.current.schedule(at: nextDeadline) { [weak self] in self?.tick() }
    }

    private func tick() {
        guard pending != nil else { return }
        callback()
        if pending != nil { scheduleNext() }
    }
}
