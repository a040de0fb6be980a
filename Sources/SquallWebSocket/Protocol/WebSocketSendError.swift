// Why a message could not be encoded for sending (Tornado raises
// `WebSocketClosedError` for the first case).

/// A refusal to encode an outgoing frame.
public struct WebSocketSendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a `WebSocketSendError`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case closed, controlPayloadTooLong = "control payload too long"
            case invalidCloseCode = "invalid close code", compressionFailed = "compression failed"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The closing handshake has started or the connection has failed;
        /// RFC 6455 §5.5.1 forbids sending data after a close frame.
        public static let closed = Kind(.closed)
        /// A ping or pong payload over 125 bytes (RFC 6455 §5.5).
        public static let controlPayloadTooLong = Kind(.controlPayloadTooLong)
        /// A close code that must not be sent (see `WebSocketCloseCode.isValidOnWire`).
        public static let invalidCloseCode = Kind(.invalidCloseCode)
        /// zlib failed while compressing (out of memory).
        public static let compressionFailed = Kind(.compressionFailed)

        /// The kind in words.
        public var description: String { base.rawValue }
    }

    /// What category of refusal this is.
    public let kind: Kind
    /// A human-readable explanation.
    public let message: String

    /// Creates an error of `kind` explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// "<kind>: <message>".
    public var description: String { "\(kind): \(message)" }
}
