// The WebSocket IO driver: it puts one WebSocketStateMachine on one IOStream.
// Received bytes go straight from the loop's read buffer into the state machine,
// whose actions it performs (deliver to the delegate, write a frame, close). It
// bounds the write queue (a peer that stops reading is dropped, not buffered
// for), runs the ping/pong heartbeat, and the close handshake's timeout.
// Server handlers and the client both sit on top of it as its delegate.
import SquallCore
import SquallIO

/// Tunables of a `WebSocketConnection`.
package struct WebSocketConnectionOptions: Sendable {
    /// Most bytes queued for the peer before it is dropped as too slow; one
    /// message larger than this may still go out alone into an empty queue.
    package var maxWriteBufferSize = 4 * 1024 * 1024
    /// Seconds between our pings; nil = no pings.
    package var pingInterval: Double?
    /// Seconds to wait for the pong; nil = 3 × `pingInterval`.
    package var pingTimeout: Double?
    /// Seconds to wait for the peer's close frame after ours (Tornado: 5).
    package var closeTimeout = 5.0

    /// The defaults: 4 MiB write queue, no pings, 5 s close timeout.
    package init() {}
}

/// One open WebSocket on a stream. Loop thread only.
@IOLoopActor
package final class WebSocketConnection: IOStreamDelegate {
    /// The TCP connection.
    package let stream: IOStream
    /// The protocol engine; encodes what we send, in order.
    @exclusivity(unchecked) var machine: WebSocketStateMachine
    /// Receives the messages and the close; released once closed.
    @exclusivity(unchecked) package var delegate: (any WebSocketConnectionDelegate)?
    let options: WebSocketConnectionOptions
    /// Bytes ever queued on the stream (including any queued before we took it
    /// over), so `queuedTotal - stream.writeBufferSize` is the count sent.
    @exclusivity(unchecked) var queuedTotal: UInt64
    /// A lower bound of the bytes known to have reached the kernel.
    @exclusivity(unchecked) var confirmedSent: UInt64 = 0
    @exclusivity(unchecked) var writeWaiters: [(end: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    @exclusivity(unchecked) var probePending = false
    @exclusivity(unchecked) var closeTimer: TimeoutHandle?
    @exclusivity(unchecked) var heartbeatTimer: TimeoutHandle?
    @exclusivity(unchecked) var awaitingPongSince: Double?
    /// Set when we drop the connection ourselves (slow peer, compression failure,
    /// close timeout).
    @exclusivity(unchecked) private(set) var abortReason: String?
    @exclusivity(unchecked) private var isFinished = false

    /// Wraps `stream` (whose handshake is complete) and becomes its delegate. Reading
    /// is left as it is: call `resumeReading()` when the delegate is ready.
    package init(stream: IOStream, machine: consuming WebSocketStateMachine, options: WebSocketConnectionOptions) {
        self.stream = stream
        self.machine = machine
        self.options = options
        // Our own limit applies (see `enqueue`); the stream's must not fire first.
        stream.maxWriteBufferSize = Int.max
        queuedTotal = UInt64(stream.writeBufferSize)
        stream.delegate = self
        if stream.isClosed {
            // Closed before we took over (the peer left during the handshake):
            // the stream will not report it again, so report it ourselves.
            IOLoop.current.callSoon { [self] in streamDidClose(stream) }
        } else {
            startHeartbeat()
        }
    }

    /// True once the closing handshake started or the connection is gone: no more
    /// messages can be sent (Tornado's `is_closing`).
    package var isClosing: Bool { machine.state != .open || stream.isClosed }

    /// The status code of the peer's close frame (1005 if it carried none); nil
    /// until one arrived (Tornado's `close_code`).
    package var peerCloseCode: WebSocketCloseCode? { machine.peerCloseCode }

    /// The reason in the peer's close frame ("" if none); nil until one arrived.
    package var peerCloseReason: String? { machine.peerCloseReason }

    /// The peer's address as text, for logs.
    package var peerDescription: String { stream.remoteAddress?.description ?? "unknown peer" }

    /// Stops reading (the kernel buffer, then TCP flow control, hold the peer back).
    package func pauseReading() { stream.pauseReading() }

    /// Resumes reading; bytes already received are processed in a later iteration.
    package func resumeReading() { stream.resumeReading() }

    // MARK: IOStreamDelegate

    /// Feeds all of `bytes` to the state machine and performs its actions; stops
    /// early only when the delegate paused reading (the rest is offered again).
    package func stream(_ stream: IOStream, didRead bytes: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        while let action = machine.nextAction(in: bytes, offset: &offset) {
            perform(action)
            if stream.isClosed { return bytes.count }
            // A delegate that paused (an async handler still busy) gets the rest
            // later; data actions never leave another action pending.
            if stream.isReadingPaused { return offset }
        }
        return offset
    }

    private func perform(_ action: WebSocketAction) {
        switch action {
        case .deliverText(let text):
            delegate?.webSocket(self, didReceive: .text(text))
        case .deliverBinary(let bytes):
            delegate?.webSocket(self, didReceive: .binary(bytes))
        case .pingReceived(let payload):
            delegate?.webSocket(self, didReceivePing: payload)
        case .pongReceived(let payload):
            pongReceived()
            delegate?.webSocket(self, didReceivePong: payload)
        case .send(let frame):
            _ = enqueue(frame)
        case .closeConnection:
            if let failure = machine.failure {
                Log.general.info("WebSocket protocol error from \(peerDescription): \(failure)")
            }
            stream.closeAfterFlush()
            // A peer that closes but never reads our last frame is not waited for forever.
            armCloseTimer()
        }
    }

    /// The peer stopped sending: finish writing, then close.
    package func streamDidReachEOF(_ stream: IOStream) {
        // The peer stopped sending without finishing the close handshake (or after
        // it): send what is queued, but do not wait for a slow reader forever.
        stream.closeAfterFlush()
        armCloseTimer()
    }

    /// Reports the close to the delegate, exactly once, and releases it.
    package func streamDidClose(_ stream: IOStream) {
        guard !isFinished else { return }
        isFinished = true
        closeTimer?.cancel()
        closeTimer = nil
        stopHeartbeat()
        failWriteWaiters()
        let delegate = delegate
        self.delegate = nil
        delegate?.webSocketDidClose(self)
    }

    /// Drops the connection now (queued bytes are discarded), recording why.
    func abort(_ reason: String) {
        guard !stream.isClosed else { return }
        if abortReason == nil { abortReason = reason }
        stream.close()
    }

    /// Closes the TCP connection if the peer has not by `options.closeTimeout`.
    func armCloseTimer() {
        guard closeTimer == nil, !stream.isClosed else { return }
        closeTimer = IOLoop.current.callLater(options.closeTimeout) { [weak self] in
            guard let self else { return }
            self.closeTimer = nil
            self.abort("the peer did not complete the close handshake within \(self.options.closeTimeout) s")
        }
    }
}
