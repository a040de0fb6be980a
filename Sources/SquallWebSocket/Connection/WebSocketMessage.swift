// One complete WebSocket data message as an application sees it: text
// (valid UTF-8, checked on receipt) or binary.

/// A received (or sent) WebSocket message.
public enum WebSocketMessage: Sendable, Hashable {
    /// A text message.
    case text(String)
    /// A binary message.
    case binary([UInt8])
}
