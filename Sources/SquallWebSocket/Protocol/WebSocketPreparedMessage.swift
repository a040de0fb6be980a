// A message encoded once for many connections (broadcast). Uncompressed
// server frames are identical for every connection; compressed ones are
// identical among connections whose compressor resets per message
// (server_no_context_takeover) with the same window and level. The first
// connection of each kind encodes; the rest reuse its bytes. Connections
// whose output cannot be shared (context takeover, client masking) encode
// their own frame.

/// A text or binary message prepared for sending to many connections with
/// `WebSocketStateMachine.encode(_:)`. Caches each distinct encoding; a
/// value type, used from one isolation domain at a time.
public struct WebSocketPreparedMessage: Sendable {
    /// `.text` or `.binary`.
    public let opcode: WebSocketOpcode
    /// The message payload (UTF-8 for text).
    public let payload: [UInt8]
    /// Encoded frames by encoding key; usually one or two entries.
    private var frames: [(key: WebSocketEncodingKey, frame: [UInt8])] = []

    /// Prepares a text message.
    public init(text: String) {
        opcode = .text
        payload = Array(text.utf8)
    }

    /// Prepares a binary message.
    public init(binary: [UInt8]) {
        opcode = .binary
        payload = binary
    }

    /// The frame already encoded under `key`, if any.
    func frame(for key: WebSocketEncodingKey) -> [UInt8]? {
        frames.first { $0.key == key }?.frame
    }

    /// Remembers `frame` as the encoding under `key`.
    mutating func store(_ frame: [UInt8], for key: WebSocketEncodingKey) {
        frames.append((key, frame))
    }
}
