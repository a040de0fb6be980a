// Frame opcodes (RFC 6455 §5.2, §11.8): what a frame carries. 0x0–0x2 are
// data frames (continuation, text, binary), 0x8–0xA control frames (close,
// ping, pong); 0x3–0x7 and 0xB–0xF are reserved and fail the connection.

/// The 4-bit opcode of a WebSocket frame.
public struct WebSocketOpcode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The opcode's 4-bit value (0…15).
    public let rawValue: UInt8

    /// Wraps a 4-bit value; higher bits are discarded.
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0x0F }

    /// 0x0: continues a fragmented text or binary message.
    public static let continuation = WebSocketOpcode(rawValue: 0x0)
    /// 0x1: the first (or only) frame of a UTF-8 text message.
    public static let text = WebSocketOpcode(rawValue: 0x1)
    /// 0x2: the first (or only) frame of a binary message.
    public static let binary = WebSocketOpcode(rawValue: 0x2)
    /// 0x8: starts or answers the closing handshake.
    public static let close = WebSocketOpcode(rawValue: 0x8)
    /// 0x9: a ping, to be answered by a pong with the same payload.
    public static let ping = WebSocketOpcode(rawValue: 0x9)
    /// 0xA: a pong (a ping's answer, or an unsolicited heartbeat).
    public static let pong = WebSocketOpcode(rawValue: 0xA)

    /// `true` for close, ping, pong and the reserved control opcodes 0xB–0xF
    /// (the high bit of the opcode is set).
    public var isControl: Bool { rawValue & 0x8 != 0 }

    /// `true` for the six opcodes RFC 6455 defines; others are reserved.
    public var isDefined: Bool { rawValue <= 0x2 || (0x8...0xA).contains(rawValue) }

    /// E.g. "text" or "reserved opcode 0x3".
    public var description: String {
        switch self {
        case .continuation: "continuation"
        case .text: "text"
        case .binary: "binary"
        case .close: "close"
        case .ping: "ping"
        case .pong: "pong"
        default: "reserved opcode 0x\(String(rawValue, radix: 16, uppercase: true))"
        }
    }
}
