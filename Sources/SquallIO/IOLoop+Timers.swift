// Timers on the loop: Tornado's `call_later`, `call_at` and `remove_timeout`.

@IOLoopActor
extension IOLoop {
    /// Runs `callback` on the loop after `delay` seconds (0 or negative: next iteration).
    /// Returns a handle to cancel it.
    @discardableResult
    public func callLater(_ delay: Double, _ callback: @escaping @IOLoopActor () -> Void) -> TimeoutHandle {
        schedule(at: monotonicNanoseconds() &+ nanoseconds(fromSeconds: delay), callback)
    }

    /// Runs `callback` when `IOLoop.time()` reaches `deadline` (seconds on the loop clock).
    @discardableResult
    public func callAt(_ deadline: Double, _ callback: @escaping @IOLoopActor () -> Void) -> TimeoutHandle {
        schedule(at: nanoseconds(fromSeconds: deadline), callback)
    }

    /// Runs `callback` at the start of the next loop iteration, before IO is polled.
    /// Cheaper than `addCallback` (no lock); loop thread only.
    public func callSoon(_ callback: @escaping @IOLoopActor () -> Void) {
        nextTick.append(callback)
    }

    func schedule(at deadline: UInt64, _ callback: @escaping @IOLoopActor () -> Void) -> TimeoutHandle {
        let handle = TimeoutHandle(deadline: deadline, callback: callback)
        timers.insert(handle)
        return handle
    }

    func runDueTimers() {
        guard let next = timers.nextDeadline else { return }
        let now = monotonicNanoseconds()
        guard next <= now else { return }
        for handle in timers.popDue(now: now) { handle.fireIfPending() }
    }
}
