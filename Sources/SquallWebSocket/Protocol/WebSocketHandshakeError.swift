// A failed opening handshake (RFC 6455 §4): what to answer (server side) or
// what was wrong with the server's answer (client side).

/// A rejected WebSocket opening handshake.
public struct WebSocketHandshakeError: Error, Sendable, CustomStringConvertible {
    /// Server side: the HTTP status to answer with (400, 405, 426, 500).
    /// Client side: the status code the server responded with.
    public let status: Int
    /// What was wrong, naming the header involved, e.g.
    /// "Sec-WebSocket-Key must be the base64 encoding of 16 bytes".
    public let message: String
    /// Headers the error response must carry, e.g. `Allow: GET` with 405
    /// or `Sec-WebSocket-Version: 13` with 426.
    public let headers: [(name: String, value: String)]

    /// Creates an error with `status`, `message` and extra response headers.
    public init(status: Int, _ message: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// "<status>: <message>".
    public var description: String { "\(status): \(message)" }
}
