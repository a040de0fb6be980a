// Sending on a WebSocket connection: encode with the state machine (in order, as
// compressed frames depend on the ones before), then queue the frame on the stream
// without copying it. The write queue is bounded: when a peer stops reading and
// the queue would pass `maxWriteBufferSize`, the connection is dropped with a
// warning instead of growing memory without limit (Tornado buffers forever).
import SquallCore
import SquallIO

@IOLoopActor
extension WebSocketConnection {
    /// Queues a text message.
    /// - Throws: `WebSocketClosedError` once closing or closed (or dropped now as too slow).
    package func send(text: String) throws(WebSocketClosedError) -> WebSocketWrite {
        try send { (machine: inout WebSocketStateMachine) throws(WebSocketSendError) in try machine.encodeText(text) }
    }

    /// Queues a binary message.
    /// - Throws: `WebSocketClosedError` as `send(text:)`.
    package func send(binary: [UInt8]) throws(WebSocketClosedError) -> WebSocketWrite {
        try send { (machine: inout WebSocketStateMachine) throws(WebSocketSendError) in try machine.encodeBinary(binary) }
    }

    /// Queues a message prepared for many connections: connections that would
    /// encode it identically share one frame array.
    /// - Throws: `WebSocketClosedError` as `send(text:)`.
    package func send(prepared message: inout WebSocketPreparedMessage) throws(WebSocketClosedError) -> WebSocketWrite {
        try send { (machine: inout WebSocketStateMachine) throws(WebSocketSendError) in try machine.encode(&message) }
    }

    /// Sends a ping with `payload` (at most 125 bytes).
    /// - Throws: `WebSocketClosedError` when closing or closed;
    ///   `WebSocketSendError` `.controlPayloadTooLong` above 125 bytes.
    package func ping(_ payload: [UInt8]) throws {
        guard payload.count <= 125 else {
            throw WebSocketSendError(.controlPayloadTooLong, "ping payload of \(payload.count) bytes exceeds 125")
        }
        _ = try send { (machine: inout WebSocketStateMachine) throws(WebSocketSendError) in try machine.encodePing(payload) }
    }

    /// Starts the closing handshake: sends our close frame, then closes the TCP
    /// connection when the peer's close arrives or after `options.closeTimeout`.
    /// Does nothing when already closing. A code that must not be sent (1005,
    /// 1006, 1015, unassigned ones) is a programming error: it is logged and the
    /// frame goes out without a code.
    package func close(code: WebSocketCloseCode?, reason: String) {
        guard !isClosing else { return }
        var code = code
        if let invalid = code, !invalid.isValidOnWire {
            Log.app.error("WebSocket close code \(invalid) may not be sent; closing \(peerDescription) without a code")
            code = nil
        }
        guard let frame = try? machine.encodeClose(code: code, reason: reason) else { return }
        if enqueue(frame) { armCloseTimer() }
    }

    private func send(_ encode: (inout WebSocketStateMachine) throws(WebSocketSendError) -> [UInt8]) throws(WebSocketClosedError) -> WebSocketWrite {
        guard !stream.isClosed else { throw closedError() }
        let frame: [UInt8]
        do {
            frame = try encode(&machine)
        } catch {
            if error.kind == .compressionFailed {
                abort("compression failed: \(error.message)")
            }
            throw WebSocketClosedError(error.kind == .closed ? error.message : "\(error)")
        }
        guard enqueue(frame) else { throw closedError() }
        return WebSocketWrite(connection: self, end: queuedTotal)
    }

    /// The error for a send refused because the connection is closed.
    func closedError() -> WebSocketClosedError {
        if let abortReason { return WebSocketClosedError("the connection was dropped: \(abortReason)") }
        return WebSocketClosedError(machine.state == .closeSent ? "the closing handshake has started" : "the connection is closed")
    }

    /// Queues `frame`, or drops a peer that lets the queue pass the limit.
    /// Returns false when the frame was not queued (the connection is closed).
    func enqueue(_ frame: [UInt8]) -> Bool {
        guard !stream.isClosed else { return false }
        let queued = stream.writeBufferSize
        // An empty queue takes any frame, so a message larger than the limit
        // still reaches a peer that keeps up.
        if queued > 0 && queued + frame.count > options.maxWriteBufferSize {
            let side = machine.configuration.role.isServer ? "client" : "server"
            Log.general.warning("closing slow WebSocket \(side) \(peerDescription) (\(queued) bytes queued; limit \(options.maxWriteBufferSize))")
            abort("the peer stopped reading (\(queued) bytes queued)")
            return false
        }
        confirmedSent = max(confirmedSent, queuedTotal - UInt64(queued))
        do {
            try stream.write(frame)
        } catch {
            return false
        }
        queuedTotal += UInt64(frame.count)
        return true
    }
}
