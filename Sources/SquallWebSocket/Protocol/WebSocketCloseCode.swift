// Close status codes (RFC 6455 §7.4, IANA "WebSocket Close Code Number
// Registry"): the first two bytes of a close frame's payload say why the
// connection is closing. Some codes are only for reporting locally and must
// never appear in a frame.

/// A WebSocket close status code, e.g. `.normalClosure` (1000).
///
/// Any 16-bit value can be represented (peers send arbitrary ones);
/// `isValidOnWire` tells whether it may appear in a close frame.
public struct WebSocketCloseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The numeric status code.
    public let rawValue: UInt16

    /// Wraps a numeric code, valid or not.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 1000: the purpose of the connection has been fulfilled.
    public static let normalClosure = WebSocketCloseCode(rawValue: 1000)
    /// 1001: the endpoint is going away (server shutdown, page navigation).
    public static let goingAway = WebSocketCloseCode(rawValue: 1001)
    /// 1002: the peer broke the protocol.
    public static let protocolError = WebSocketCloseCode(rawValue: 1002)
    /// 1003: a message type the endpoint cannot accept (e.g. binary only text).
    public static let unsupportedData = WebSocketCloseCode(rawValue: 1003)
    /// 1005: reported locally when a close frame had no code. Never sent.
    public static let noStatusReceived = WebSocketCloseCode(rawValue: 1005)
    /// 1006: reported locally when the connection dropped without a close
    /// frame. Never sent.
    public static let abnormalClosure = WebSocketCloseCode(rawValue: 1006)
    /// 1007: message data inconsistent with its type (e.g. invalid UTF-8 text).
    public static let invalidPayloadData = WebSocketCloseCode(rawValue: 1007)
    /// 1008: a message violated the endpoint's policy.
    public static let policyViolation = WebSocketCloseCode(rawValue: 1008)
    /// 1009: a message was too big to process.
    public static let messageTooBig = WebSocketCloseCode(rawValue: 1009)
    /// 1010: (client) the server did not negotiate a required extension.
    public static let mandatoryExtension = WebSocketCloseCode(rawValue: 1010)
    /// 1011: (server) an unexpected condition prevented fulfilling the request.
    public static let internalError = WebSocketCloseCode(rawValue: 1011)

    /// `true` if the code may be sent in a close frame: 1000–1003, 1007–1014
    /// (1012–1014 were registered with IANA after RFC 6455), and the
    /// application ranges 3000–4999. 1004 is reserved; 1005, 1006 and 1015
    /// are local-only; everything else below 3000 is unassigned.
    public static func isValidOnWire(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: true
        default: false
        }
    }

    /// `true` if this code may be sent in a close frame; see `isValidOnWire(_:)`.
    public var isValidOnWire: Bool { Self.isValidOnWire(rawValue) }

    /// The number, e.g. "1000".
    public var description: String { String(rawValue) }
}
