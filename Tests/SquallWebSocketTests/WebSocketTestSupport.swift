// Shared helpers for the WebSocket protocol tests: hand-built frames,
// a driver that feeds bytes to a state machine in chosen chunks, and a
// readable summary of the actions it produced.

import SquallWebSocket

/// The masking key of the RFC 6455 §5.7 examples; client frames use it.
let testMask = WebSocketMaskKey(0x37, 0xfa, 0x21, 0x3d)

/// A frame as a peer would send it; masked with `testMask` (as a client
/// must) unless `mask` is `nil`. RSV2/RSV3 are patched in after encoding.
func frame(_ opcode: WebSocketOpcode, _ payload: [UInt8], fin: Bool = true, rsv1: Bool = false,
           rsv2: Bool = false, rsv3: Bool = false, mask: WebSocketMaskKey? = testMask) -> [UInt8] {
    var bytes = WebSocketFrameEncoder.encode(opcode: opcode, payload: payload, fin: fin, rsv1: rsv1, maskKey: mask)
    if rsv2 { bytes[0] |= 0x20 }
    if rsv3 { bytes[0] |= 0x10 }
    return bytes
}

/// A masked text frame carrying `text`.
func textFrame(_ text: String, fin: Bool = true) -> [UInt8] { frame(.text, Array(text.utf8), fin: fin) }

/// A masked close frame with an optional code and raw reason bytes.
func closeFrame(_ code: UInt16?, reason: [UInt8] = []) -> [UInt8] {
    guard let code else { return frame(.close, []) }
    return frame(.close, [UInt8(code >> 8), UInt8(code & 0xFF)] + reason)
}

/// `count` bytes of a repeating pattern.
func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

/// A state machine summary that tests can compare.
enum Outcome: Equatable, CustomStringConvertible {
    case text(String), binary([UInt8]), ping([UInt8]), pong([UInt8])
    case sentPong([UInt8]), sentClose(UInt16?, String), sentOther(WebSocketOpcode)
    case closeConnection

    var description: String {
        switch self {
        case .text(let text): "text(\(text.utf8.count) bytes)"
        case .binary(let bytes): "binary(\(bytes.count) bytes)"
        case .ping(let bytes): "ping(\(bytes.count))"
        case .pong(let bytes): "pong(\(bytes.count))"
        case .sentPong(let bytes): "sentPong(\(bytes.count))"
        case .sentClose(let code, let reason): "sentClose(\(code.map(String.init) ?? "none"), \(reason))"
        case .sentOther(let opcode): "sent(\(opcode))"
        case .closeConnection: "closeConnection"
        }
    }
}

/// Decodes frames the machine wrote (masked if it is a client).
func decodeFrames(_ bytes: [UInt8], sentBy role: WebSocketRole) -> [(header: WebSocketFrameHeader, payload: [UInt8])] {
    var parser = WebSocketFrameParser(role: role.isServer ? .client : .server)
    var frames: [(header: WebSocketFrameHeader, payload: [UInt8])] = []
    bytes.withUnsafeBytes { input in
        var offset = 0
        while true {
            guard let (event, used) = try? parser.parse(UnsafeRawBufferPointer(rebasing: input[offset...])) else { return }
            offset += used
            switch event {
            case .needMoreData: return
            case .header(let header): frames.append((header, []))
            case .payload(let piece, let phase):
                var plain = Array(piece)
                if let key = frames[frames.count - 1].header.maskKey {
                    plain.withUnsafeMutableBytes { key.apply(to: $0, phase: phase) }
                }
                frames[frames.count - 1].payload += plain
            case .frameEnd: break
            }
        }
    }
    return frames
}

/// Summarises one action.
func outcome(_ action: WebSocketAction, role: WebSocketRole) -> Outcome {
    switch action {
    case .deliverText(let text): return .text(text)
    case .deliverBinary(let bytes): return .binary(bytes)
    case .pingReceived(let bytes): return .ping(bytes)
    case .pongReceived(let bytes): return .pong(bytes)
    case .closeConnection: return .closeConnection
    case .send(let bytes):
        guard let (header, payload) = decodeFrames(bytes, sentBy: role).first else { return .sentOther(.continuation) }
        switch header.opcode {
        case .pong: return .sentPong(payload)
        case .close:
            guard payload.count >= 2 else { return .sentClose(nil, "") }
            return .sentClose(UInt16(payload[0]) << 8 | UInt16(payload[1]), String(decoding: payload[2...], as: UTF8.self))
        default: return .sentOther(header.opcode)
        }
    }
}

/// Feeds `input` to `machine` in chunks of `chunkSize` bytes (all at once
/// if `nil`) and returns everything it asked for.
func run(_ machine: inout WebSocketStateMachine, _ input: [UInt8], chunkSize: Int? = nil) -> [Outcome] {
    var outcomes: [Outcome] = []
    let size = max(chunkSize ?? input.count, 1)
    for start in stride(from: 0, to: max(input.count, 1), by: size) {
        let chunk = Array(input[start..<min(start + size, input.count)])
        chunk.withUnsafeBytes { bytes in
            var offset = 0
            while let action = machine.nextAction(in: bytes, offset: &offset) {
                outcomes.append(outcome(action, role: machine.configuration.role))
            }
        }
    }
    return outcomes
}

/// A server-role machine.
func serverMachine(maxMessageSize: Int = WebSocketConfiguration.defaultMaxMessageSize,
                   compression: PerMessageDeflateParameters? = nil,
                   options: WebSocketCompressionOptions? = nil) -> WebSocketStateMachine {
    try! WebSocketStateMachine(configuration: WebSocketConfiguration(role: .server, maxMessageSize: maxMessageSize, compression: options),
                               compression: compression)
}

/// Outcomes of feeding `input` to a fresh server whole, byte by byte and
/// split in two at every position; all must agree, or the first
/// disagreement is returned instead.
func serverOutcomesAtEverySplit(_ input: [UInt8], maxMessageSize: Int = WebSocketConfiguration.defaultMaxMessageSize,
                                compression: PerMessageDeflateParameters? = nil) -> [Outcome] {
    var whole = serverMachine(maxMessageSize: maxMessageSize, compression: compression)
    let expected = run(&whole, input)
    var byteByByte = serverMachine(maxMessageSize: maxMessageSize, compression: compression)
    let dripped = run(&byteByByte, input, chunkSize: 1)
    guard dripped == expected else { return dripped }
    for split in 1..<max(input.count, 1) {
        var machine = serverMachine(maxMessageSize: maxMessageSize, compression: compression)
        var outcomes = run(&machine, Array(input[..<split]))
        outcomes += run(&machine, Array(input[split...]))
        guard outcomes == expected else { return outcomes }
    }
    return expected
}
