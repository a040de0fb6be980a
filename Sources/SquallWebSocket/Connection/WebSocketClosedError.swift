// The error for writing to a WebSocket that can no longer carry messages
// (Tornado's `WebSocketClosedError`): the closing handshake has started, the
// connection is gone, or it was dropped for reading too slowly.

/// A message, ping or wait was refused because the WebSocket is closed or closing.
public struct WebSocketClosedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, e.g. "the closing handshake has started" or "the connection is closed".
    public let reason: String

    /// Creates the error with an explanation.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// "WebSocket closed: <reason>".
    public var description: String { "WebSocket closed: \(reason)" }
}
