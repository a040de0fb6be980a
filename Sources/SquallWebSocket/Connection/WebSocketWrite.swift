// The handle `writeMessage` returns (Tornado's write_message Future). Writing never
// blocks: the frame is queued at once. Awaiting the handle is optional back-pressure:
// it resumes once the bytes reached the kernel. Nothing is allocated unless someone
// waits, so plain fire-and-forget writes (echo, broadcast) stay cheap.
import SquallIO

/// A queued WebSocket message; `wait()` for it to be sent.
///
/// ```swift
/// try writeMessage("hello")                 // fire and forget
/// try await writeMessage(chunk).wait()      // slow down to the client's pace
/// ```
public struct WebSocketWrite: Sendable {
    private let connection: WebSocketConnection
    /// The stream position just past this message's frame.
    private let end: UInt64

    init(connection: WebSocketConnection, end: UInt64) {
        self.connection = connection
        self.end = end
    }

    /// Suspends until the message has been handed to the kernel. When other
    /// messages were queued after it, it may resume only once those are sent too.
    ///
    /// - Throws: `WebSocketClosedError` if the connection closed before the
    ///   message was known to be sent.
    @IOLoopActor
    public func wait() async throws(WebSocketClosedError) {
        if try connection.isSent(end) { return }
        let sent = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            connection.addWriteWaiter(end: end, continuation)
        }
        guard sent else { throw connection.closedError() }
    }
}

@IOLoopActor
extension WebSocketConnection {
    /// Whether the bytes up to `end` have reached the kernel.
    /// - Throws: `WebSocketClosedError` when closed before that was known.
    func isSent(_ end: UInt64) throws(WebSocketClosedError) -> Bool {
        if end <= confirmedSent { return true }
        guard !stream.isClosed else { throw closedError() }
        confirmedSent = queuedTotal - UInt64(stream.writeBufferSize)
        return end <= confirmedSent
    }

    /// Resumes `continuation` with true once the bytes up to `end` are sent, false
    /// if the connection closes first.
    func addWriteWaiter(end: UInt64, _ continuation: CheckedContinuation<Bool, Never>) {
        writeWaiters.append((end, continuation))
        probeProgress()
    }

    /// An empty write's completion fires once everything queued so far is sent:
    /// one outstanding probe serves all waiters.
    private func probeProgress() {
        guard !probePending else { return }
        probePending = true
        let target = queuedTotal
        do {
            try stream.write([]) { [weak self] sent in self?.probeFinished(sent: sent, target: target) }
        } catch {
            probePending = false
            failWriteWaiters()
        }
    }

    private func probeFinished(sent: Bool, target: UInt64) {
        probePending = false
        guard sent else { return failWriteWaiters() }
        confirmedSent = max(confirmedSent, target)
        var remaining: [(end: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
        for waiter in writeWaiters {
            if waiter.end <= target { waiter.continuation.resume(returning: true) } else { remaining.append(waiter) }
        }
        writeWaiters = remaining
        if !writeWaiters.isEmpty { probeProgress() }
    }

    /// Resumes every waiter with false (the connection closed).
    func failWriteWaiters() {
        let waiters = writeWaiters
        writeWaiters = []
        for waiter in waiters { waiter.continuation.resume(returning: false) }
    }
}
