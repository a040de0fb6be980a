// Why `websocketConnect` failed: a URL or header that cannot be sent, a TCP
// connection that could not be made, a timeout, a server that answered something
// other than a valid 101, or a connection that closed during the handshake.

/// A failed WebSocket client connection attempt.
public struct WebSocketClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a `WebSocketClientError`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidRequest = "invalid request", connectFailed = "connect failed", timedOut = "timed out"
            case handshakeFailed = "handshake failed", connectionClosed = "connection closed"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The URL is not a `ws://` URL, or a header is invalid (CR/LF, bad name).
        public static let invalidRequest = Kind(.invalidRequest)
        /// The name did not resolve or the TCP connection was refused or failed.
        public static let connectFailed = Kind(.connectFailed)
        /// Connecting and the handshake together took longer than `connectTimeout`.
        public static let timedOut = Kind(.timedOut)
        /// The server's answer was not a valid 101 for our request (see `status`).
        public static let handshakeFailed = Kind(.handshakeFailed)
        /// The server closed the connection before completing the handshake.
        public static let connectionClosed = Kind(.connectionClosed)

        /// The kind in words.
        public var description: String { base.rawValue }
    }

    /// What category of failure this is.
    public let kind: Kind
    /// What exactly went wrong, e.g. "the server answered 403 instead of 101 Switching Protocols".
    public let message: String
    /// The HTTP status the server answered with, when it answered (`.handshakeFailed`).
    public let status: Int?

    /// Creates an error of `kind` explained by `message`.
    public init(_ kind: Kind, _ message: String, status: Int? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
    }

    /// "<kind>: <message>".
    public var description: String { "\(kind): \(message)" }
}
