// Per-connection WebSocket settings: which end we are, how big a message we
// accept, and whether (and how) to offer or accept permessage-deflate.
// Defaults follow Tornado: 10 MiB messages, compression off.

/// Settings for one WebSocket connection.
public struct WebSocketConfiguration: Sendable, Hashable {
    /// Tornado's default `websocket_max_message_size`: 10 MiB.
    public static let defaultMaxMessageSize = 10 * 1024 * 1024

    /// Whether this endpoint is the server or the client.
    public var role: WebSocketRole
    /// The largest message accepted, in bytes, after reassembling fragments
    /// and after decompression. Larger messages fail the connection with
    /// 1009 (message too big) before more than this is buffered.
    public var maxMessageSize: Int
    /// permessage-deflate settings, or `nil` (the default) to neither offer
    /// nor accept compression.
    public var compression: WebSocketCompressionOptions?

    /// Creates a configuration; by default a server with 10 MiB messages and
    /// no compression.
    public init(role: WebSocketRole = .server, maxMessageSize: Int = defaultMaxMessageSize,
                compression: WebSocketCompressionOptions? = nil) {
        self.role = role
        self.maxMessageSize = maxMessageSize
        self.compression = compression
    }
}
