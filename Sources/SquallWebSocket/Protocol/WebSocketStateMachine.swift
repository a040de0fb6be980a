// The WebSocket protocol for one connection, without any IO (RFC 6455 §5–7,
// RFC 7692 §6). The connection feeds it the bytes it reads and performs the
// actions it returns: deliver a message, write a frame, close the socket.
// It enforces every receive-side rule — reserved bits and opcodes,
// fragmentation with interleaved control frames, UTF-8 validity (failing at
// the first bad byte), message size limits, close codes — and runs the
// closing handshake: a received close is echoed; after we send close, data
// is ignored until the peer's close arrives.
//
// Reading and sending live in one value so that both see the same closing
// state; sending is in WebSocketStateMachine+Sending.swift.

import SquallCore
import SquallCompression

/// The protocol engine of one WebSocket connection.
///
/// Not thread-safe, and not meant to be copied: it holds the connection's
/// compressor state. Keep one per connection, in one isolation domain.
public struct WebSocketStateMachine {
    /// Where the connection is in its lifetime.
    public enum State: Sendable, Hashable {
        /// Messages flow both ways.
        case open
        /// We sent a close frame and await the peer's; incoming data is ignored.
        case closeSent
        /// The closing handshake completed or the connection failed; nothing
        /// more is read or sent.
        case closed
    }

    /// The settings this connection runs with.
    public let configuration: WebSocketConfiguration
    /// The negotiated permessage-deflate parameters, or `nil`.
    public let compression: PerMessageDeflateParameters?
    /// Where the connection is in its lifetime.
    public internal(set) var state = State.open
    /// The status code of the peer's close frame: `nil` until one arrives,
    /// `.noStatusReceived` (1005) if it carried none (Tornado's `close_code`).
    public private(set) var peerCloseCode: WebSocketCloseCode?
    /// The reason in the peer's close frame, "" if none (Tornado's `close_reason`).
    public private(set) var peerCloseReason: String?
    /// The peer's violation that made us fail the connection, if that is how it ended.
    public private(set) var failure: WebSocketProtocolError?

    private var parser: WebSocketFrameParser
    private var assembler: WebSocketMessageAssembler
    var encoder: WebSocketMessageEncoder
    /// The current frame's header.
    private var frame = WebSocketFrameHeader(opcode: .continuation, payloadLength: 0)
    /// How the current frame's payload is handled.
    private var route = Route.discard
    /// The current control frame's payload (at most 125 bytes).
    private var control: [UInt8] = []
    /// An action produced together with the last one returned, due next.
    private var pending: WebSocketAction?

    private enum Route {
        /// Append to the message being assembled.
        case assemble
        /// The payload is a whole message and fully in the input: build it directly.
        case direct
        /// Collect into `control`.
        case control
        /// Ignore (data after we sent close).
        case discard
    }

    /// Creates the state machine for a connection that completed its handshake.
    /// - Parameter compression: the negotiated permessage-deflate parameters
    ///   (from the handshake), or `nil`; compression levels come from
    ///   `configuration.compression` (defaults if that is `nil`).
    /// - Throws: `CompressionError` if zlib cannot be set up (out of memory,
    ///   or options set out of range after creation).
    public init(configuration: WebSocketConfiguration, compression: PerMessageDeflateParameters? = nil) throws(CompressionError) {
        self.configuration = configuration
        self.compression = compression
        parser = WebSocketFrameParser(role: configuration.role)
        var inflater: MessageInflater?
        if let compression {
            let isServer = configuration.role.isServer
            inflater = try MessageInflater(
                windowBits: isServer ? compression.clientMaxWindowBits : compression.serverMaxWindowBits,
                contextTakeover: !(isServer ? compression.clientNoContextTakeover : compression.serverNoContextTakeover))
        }
        assembler = WebSocketMessageAssembler(maxMessageSize: configuration.maxMessageSize, inflater: inflater)
        encoder = try WebSocketMessageEncoder(role: configuration.role, compression: compression,
                                              options: configuration.compression ?? WebSocketCompressionOptions())
    }

    /// Processes received bytes up to the next action.
    ///
    /// Call in a loop with the same buffer until it returns `nil`:
    /// ```
    /// var offset = 0
    /// while let action = machine.nextAction(in: bytes, offset: &offset) { perform(action) }
    /// ```
    /// - Parameters:
    ///   - input: bytes read from the socket.
    ///   - offset: where to continue in `input`; advanced past what was used.
    /// - Returns: the next action, or `nil` once all of `input` is used
    ///   (anything incomplete is kept for the next read).
    public mutating func nextAction(in input: UnsafeRawBufferPointer, offset: inout Int) -> WebSocketAction? {
        if let action = pending {
            pending = nil
            return action
        }
        guard state != .closed else {
            offset = input.count
            return nil
        }
        do {
            while true {
                let rest = UnsafeRawBufferPointer(rebasing: input[offset...])
                let (event, used) = try parser.parse(rest)
                offset += used
                switch event {
                case .needMoreData:
                    return nil
                case .header(let header):
                    try begin(header, available: rest.count - used)
                case .payload(let piece, let phase):
                    if let action = try receive(piece, phase: phase) { return action }
                case .frameEnd:
                    if let action = try endFrame() { return action }
                }
            }
        } catch {
            offset = input.count
            return fail(error)
        }
    }

    /// Checks a new frame against the connection's context and decides
    /// where its payload goes. `available` is how many input bytes follow
    /// the header.
    private mutating func begin(_ header: WebSocketFrameHeader, available: Int) throws(WebSocketProtocolError) {
        frame = header
        if header.rsv2 || header.rsv3 {
            throw WebSocketProtocolError(.protocolError, "reserved bits RSV2/RSV3 set without a negotiated extension")
        }
        if header.rsv1 && (compression == nil || (header.opcode != .text && header.opcode != .binary)) {
            throw WebSocketProtocolError(.protocolError, compression == nil
                ? "RSV1 set without a negotiated extension" : "RSV1 set on a \(header.opcode) frame")
        }
        if header.opcode.isControl {
            control.removeAll(keepingCapacity: true)
            route = .control
            return
        }
        // After our close frame, data is dropped unread (RFC 6455 §1.4).
        guard state == .open else {
            route = .discard
            return
        }
        if header.opcode == .continuation {
            guard assembler.isInProgress else {
                throw WebSocketProtocolError(.protocolError, "continuation frame without a message to continue")
            }
        } else if assembler.isInProgress {
            throw WebSocketProtocolError(.protocolError, "new \(header.opcode) message before the fragmented one finished")
        }
        let isWholeMessage = header.fin && header.opcode != .continuation && !header.rsv1
        if isWholeMessage && header.payloadLength > 0 && header.payloadLength <= available {
            guard header.payloadLength <= configuration.maxMessageSize else {
                throw WebSocketProtocolError(.messageTooBig, "message exceeds \(configuration.maxMessageSize) bytes")
            }
            route = .direct
            return
        }
        if header.opcode != .continuation { assembler.begin(header.opcode, compressed: header.rsv1) }
        try assembler.frameStarted(length: header.payloadLength)
        route = .assemble
    }

    private mutating func receive(_ piece: UnsafeRawBufferPointer, phase: Int) throws(WebSocketProtocolError) -> WebSocketAction? {
        switch route {
        case .assemble:
            try assembler.append(piece, mask: frame.maskKey, phase: phase)
        case .direct:
            // `begin` chose this route only when the whole payload was in the input.
            return try assembler.singleFrameMessage(piece, opcode: frame.opcode, mask: frame.maskKey)
        case .control:
            let start = control.count
            control.append(contentsOf: piece)
            if let mask = frame.maskKey {
                control.withUnsafeMutableBytes { mask.apply(to: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), phase: phase) }
            }
        case .discard:
            break
        }
        return nil
    }

    private mutating func endFrame() throws(WebSocketProtocolError) -> WebSocketAction? {
        switch route {
        case .assemble:
            return frame.fin ? try assembler.finish() : nil
        case .control:
            return try controlFrame()
        case .direct, .discard:
            return nil
        }
    }

    /// Handles a complete ping, pong or close frame.
    private mutating func controlFrame() throws(WebSocketProtocolError) -> WebSocketAction? {
        let payload = control
        switch frame.opcode {
        case .ping:
            // No pong after our close frame: nothing may follow it.
            guard state == .open else { return nil }
            pending = .pingReceived(payload)
            return .send(encoder.control(.pong, payload: payload))
        case .pong:
            return state == .open ? .pongReceived(payload) : nil
        default:
            return try closeFrame(payload)
        }
    }

    /// Handles the peer's close frame (RFC 6455 §5.5.1, §7.4).
    private mutating func closeFrame(_ payload: [UInt8]) throws(WebSocketProtocolError) -> WebSocketAction {
        var code = WebSocketCloseCode.noStatusReceived
        var reason = ""
        if payload.count == 1 {
            throw WebSocketProtocolError(.protocolError, "close frame with a 1-byte payload")
        }
        if payload.count >= 2 {
            code = WebSocketCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
            guard code.isValidOnWire else {
                throw WebSocketProtocolError(.protocolError, "invalid close code \(code)")
            }
            let reasonBytes = payload[2...]
            guard reasonBytes.withUnsafeBytes({ UTF8Validator.isValid($0) }) else {
                throw WebSocketProtocolError(.invalidPayloadData, "close reason is not valid UTF-8")
            }
            reason = String(decoding: reasonBytes, as: UTF8.self)
        }
        peerCloseCode = code
        peerCloseReason = reason
        let wasOpen = state == .open
        state = .closed
        guard wasOpen else { return .closeConnection }
        // Echo the peer's code (RFC 6455 §5.5.1), 1000 when it sent none.
        pending = .closeConnection
        return .send(encoder.close(code == .noStatusReceived ? .normalClosure : code, reason: ""))
    }

    /// Fails the connection (RFC 6455 §7.1.7): our close frame with the
    /// error's code unless we already sent one, then close the socket.
    private mutating func fail(_ error: WebSocketProtocolError) -> WebSocketAction {
        failure = error
        let wasOpen = state == .open
        state = .closed
        guard wasOpen else { return .closeConnection }
        pending = .closeConnection
        return .send(encoder.close(error.closeCode, reason: error.reason))
    }
}
