// The sending half of the state machine: encodes outgoing messages and
// control frames for this connection (masked as a client, compressed when
// negotiated) and refuses to once our close frame is out. The caller writes
// the returned bytes to the socket in the order they were encoded, because
// compressed frames depend on the ones before them.

extension WebSocketStateMachine {
    /// Encodes a text message (Tornado's `write_message(str)`).
    /// - Throws: `.closed` after the closing handshake started,
    ///   `.compressionFailed` if zlib fails.
    public mutating func encodeText(_ text: String) throws(WebSocketSendError) -> [UInt8] {
        var text = text
        let result = text.withUTF8 { encodeMessage(.text, payload: UnsafeRawBufferPointer($0)) }
        return try result.get()
    }

    /// Encodes a binary message (Tornado's `write_message(bytes, binary=True)`).
    /// - Throws: `.closed`, `.compressionFailed`; see `encodeText(_:)`.
    public mutating func encodeBinary(_ bytes: UnsafeRawBufferPointer) throws(WebSocketSendError) -> [UInt8] {
        try encodeMessage(.binary, payload: bytes).get()
    }

    /// Encodes a binary message; see `encodeBinary(_:)`.
    public mutating func encodeBinary(_ bytes: [UInt8]) throws(WebSocketSendError) -> [UInt8] {
        try bytes.withUnsafeBytes { encodeMessage(.binary, payload: $0) }.get()
    }

    /// Encodes a message prepared for many connections, reusing the bytes
    /// already encoded for an earlier connection with the same parameters
    /// (uncompressed server frames, or compressed ones without server
    /// context takeover) and caching this connection's otherwise.
    /// - Throws: `.closed`, `.compressionFailed`; see `encodeText(_:)`.
    public mutating func encode(_ message: inout WebSocketPreparedMessage) throws(WebSocketSendError) -> [UInt8] {
        let key = encoder.sharingKey(payloadCount: message.payload.count)
        if let key, state == .open, let frame = message.frame(for: key) { return frame }
        let frame = try message.payload.withUnsafeBytes { encodeMessage(message.opcode, payload: $0) }.get()
        if let key { message.store(frame, for: key) }
        return frame
    }

    /// Encodes a ping (Tornado's `ping(data)`).
    /// - Throws: `.closed`, or `.controlPayloadTooLong` above 125 bytes.
    public mutating func encodePing(_ payload: [UInt8] = []) throws(WebSocketSendError) -> [UInt8] {
        try encodeControl(.ping, payload: payload)
    }

    /// Encodes an unsolicited pong, e.g. a heartbeat (pings are answered automatically).
    /// - Throws: `.closed`, or `.controlPayloadTooLong` above 125 bytes.
    public mutating func encodePong(_ payload: [UInt8] = []) throws(WebSocketSendError) -> [UInt8] {
        try encodeControl(.pong, payload: payload)
    }

    /// Encodes our close frame and starts the closing handshake (Tornado's
    /// `close(code, reason)`): from now on incoming data is ignored and the
    /// peer's close frame ends the session with `.closeConnection`. Arm a
    /// timeout (Tornado waits 5 s) in case the peer never answers.
    /// - Parameters:
    ///   - code: the status code, or `nil` for a close frame without one
    ///     (then `reason` is not sent).
    ///   - reason: cut at a character boundary to the 123 bytes that fit.
    /// - Throws: `.closed` if a close frame was already sent or the session
    ///   ended, `.invalidCloseCode` for codes that must not be sent.
    public mutating func encodeClose(code: WebSocketCloseCode? = .normalClosure, reason: String = "") throws(WebSocketSendError) -> [UInt8] {
        try requireOpen()
        if let code, !code.isValidOnWire {
            throw WebSocketSendError(.invalidCloseCode, "close code \(code) must not be sent in a close frame")
        }
        state = .closeSent
        return encoder.close(code, reason: reason)
    }

    private mutating func encodeMessage(_ opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer) -> Result<[UInt8], WebSocketSendError> {
        do throws(WebSocketSendError) {
            try requireOpen()
        } catch {
            return .failure(error)
        }
        do {
            return .success(try encoder.message(opcode, payload: payload))
        } catch {
            return .failure(WebSocketSendError(.compressionFailed, error.message))
        }
    }

    private func encodeControl(_ opcode: WebSocketOpcode, payload: [UInt8]) throws(WebSocketSendError) -> [UInt8] {
        try requireOpen()
        guard payload.count <= 125 else {
            throw WebSocketSendError(.controlPayloadTooLong, "\(opcode) payload of \(payload.count) bytes exceeds 125")
        }
        return encoder.control(opcode, payload: payload)
    }

    private func requireOpen() throws(WebSocketSendError) {
        guard state == .open else {
            throw WebSocketSendError(.closed, state == .closeSent ? "the closing handshake has started" : "the connection is closed")
        }
    }
}
