// Why Squall failed a WebSocket connection (RFC 6455 §7.1.7): the close code
// sent to the peer plus a short explanation, which also becomes the close
// frame's reason.

/// A violation by the peer that fails the connection.
public struct WebSocketProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The code sent in our close frame: `.protocolError` (1002),
    /// `.invalidPayloadData` (1007) or `.messageTooBig` (1009).
    public let closeCode: WebSocketCloseCode
    /// What the peer did wrong, e.g. "continuation frame without a message
    /// to continue". ASCII, short enough for a close frame's reason.
    public let reason: String

    /// Creates an error closing with `closeCode` for `reason`.
    public init(_ closeCode: WebSocketCloseCode, _ reason: String) {
        self.closeCode = closeCode
        self.reason = reason
    }

    /// "<code>: <reason>".
    public var description: String { "\(closeCode): \(reason)" }
}
