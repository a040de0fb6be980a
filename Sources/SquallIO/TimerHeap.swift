// Timers in a binary min-heap keyed by deadline (then insertion order), as Tornado
// does: O(log n) to add, O(1) to find the next deadline. Cancelled timers are
// removed lazily, and the heap is rebuilt when they outnumber the live ones, so a
// connection that resets its timeout on every request does not grow the heap.

/// A scheduled callback; `cancel()` it to keep it from running.
@IOLoopActor
public final class TimeoutHandle {
    fileprivate var callback: (@IOLoopActor () -> Void)?
    /// Absolute deadline in monotonic nanoseconds.
    let deadline: UInt64

    init(deadline: UInt64, callback: @escaping @IOLoopActor () -> Void) {
        self.deadline = deadline
        self.callback = callback
    }

    /// True until the timer fires or is cancelled.
    public var isPending: Bool { callback != nil }

    /// Keeps the callback from running. Cancelling twice, or after it ran, does nothing.
    public func cancel() {
        guard callback != nil else { return }
        callback = nil
        IOLoop.current.timers.noteCancellation()
    }

    /// Runs the callback once.
    func fireIfPending() {
        guard let body = callback else { return }
        callback = nil
        body()
    }
}

/// The loop's timers (loop thread only).
@IOLoopActor
struct TimerHeap {
    private struct Entry {
        let deadline: UInt64
        let sequence: UInt64
        let handle: TimeoutHandle
        func precedes(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
        }
    }

    private var entries: [Entry] = []
    private var nextSequence: UInt64 = 0
    private var cancelled = 0

    nonisolated init() {}

    /// The earliest deadline, cancelled or not (a cancelled head only causes an early wake).
    var nextDeadline: UInt64? { entries.first?.deadline }

    /// Number of entries, live and cancelled.
    var count: Int { entries.count }

    mutating func insert(_ handle: TimeoutHandle) {
        entries.append(Entry(deadline: handle.deadline, sequence: nextSequence, handle: handle))
        nextSequence &+= 1
        siftUp(entries.count - 1)
    }

    mutating func noteCancellation() {
        cancelled += 1
        if cancelled > 512 && cancelled > entries.count / 2 { compact() }
    }

    /// Removes and returns the handles due at `now`, in deadline order.
    mutating func popDue(now: UInt64) -> [TimeoutHandle] {
        var due: [TimeoutHandle] = []
        while let head = entries.first, head.deadline <= now {
            let entry = removeHead()
            if entry.handle.isPending { due.append(entry.handle) } else { cancelled = max(0, cancelled - 1) }
        }
        return due
    }

    private mutating func removeHead() -> Entry {
        let head = entries[0]
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        return head
    }

    private mutating func compact() {
        entries.removeAll { entry in !entry.handle.isPending }
        cancelled = 0
        guard entries.count > 1 else { return }
        for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { return }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { return }
            var best = left
            if left + 1 < entries.count && entries[left + 1].precedes(entries[left]) { best = left + 1 }
            guard entries[best].precedes(entries[parent]) else { return }
            entries.swapAt(best, parent)
            parent = best
        }
    }
}
