// Keep-alive pings (Tornado's `websocket_ping_interval`/`websocket_ping_timeout`):
// every interval a ping goes out; if its pong does not come back within the
// timeout the peer is considered dead and the connection is dropped. One timer per
// connection, re-armed as the cycle moves on; none at all when pings are off.
import SquallCore
import SquallIO

@IOLoopActor
extension WebSocketConnection {
    /// Seconds to wait for a pong: the option, or 3 × the interval.
    private var pongTimeout: Double? {
        guard let interval = options.pingInterval else { return nil }
        return options.pingTimeout ?? 3 * interval
    }

    func startHeartbeat() {
        guard let interval = options.pingInterval, interval > 0 else { return }
        armHeartbeat(after: interval)
    }

    func stopHeartbeat() {
        heartbeatTimer?.cancel()
        heartbeatTimer = nil
    }

    private func armHeartbeat(after delay: Double) {
        heartbeatTimer?.cancel()
        heartbeatTimer = IOLoop.current.callLater(delay) { [weak self] in self?.heartbeatFired() }
    }

    private func heartbeatFired() {
        heartbeatTimer = nil
        guard !isClosing, let timeout = pongTimeout else { return }
        if let since = awaitingPongSince {
            let waited = Int((IOLoop.current.time() - since) * 1000)
            Log.general.info("WebSocket ping to \(peerDescription) unanswered after \(waited) ms; closing")
            close(code: .goingAway, reason: "ping timed out")
            // A peer that ignores pings will not answer a close frame either.
            stream.closeAfterFlush()
            return
        }
        do {
            try ping([])
        } catch {
            return
        }
        awaitingPongSince = IOLoop.current.time()
        armHeartbeat(after: timeout)
    }

    /// A pong arrived: the next ping is due one interval after the last one.
    func pongReceived() {
        guard let since = awaitingPongSince, let interval = options.pingInterval else { return }
        awaitingPongSince = nil
        armHeartbeat(after: max(0, since + interval - IOLoop.current.time()))
    }
}
