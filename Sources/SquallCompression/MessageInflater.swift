// The receiving half of WebSocket permessage-deflate (RFC 7692 §7.2.2): the
// compressed payloads of a message's frames are inflated as they arrive,
// and at the end of the message the 00 00 FF FF the sender stripped is fed
// in, which flushes out the rest. Output is capped so that a compressed
// "bomb" is stopped as soon as the message exceeds the size limit.

/// Decompresses WebSocket messages for permessage-deflate.
/// Not thread-safe; one per connection.
public final class MessageInflater {
    /// `false` when the peer promised `*_no_context_takeover`: the history is
    /// reset after every message.
    public let contextTakeover: Bool
    private let inflater: Inflater

    /// Creates the decompressor for one connection.
    /// - Parameters:
    ///   - windowBits: the negotiated max window bits of the peer's direction, 8…15.
    ///   - contextTakeover: the peer keeps history between messages (default `true`).
    /// - Throws: `invalidParameters`, `outOfMemory`.
    public init(windowBits: Int = 15, contextTakeover: Bool = true) throws(CompressionError) {
        inflater = try Inflater(format: .rawDeflate(windowBits: windowBits))
        self.contextTakeover = contextTakeover
    }

    /// Inflates the next piece of the current message's compressed payload
    /// (pieces may be split anywhere), appending to `output`.
    /// - Parameter limit: the largest `output.count` allowed for the message.
    /// - Throws: `corruptData`, or `outputLimitExceeded` as soon as the
    ///   message would grow past `limit`. The connection should then be
    ///   failed: the stream is left unusable.
    public func decompress(_ piece: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int) throws(CompressionError) {
        var offset = 0
        while offset < piece.count {
            // A sender may end a message with a final block (BFINAL) and start
            // a fresh stream for the rest (RFC 7692 §7.2.3.3).
            if inflater.isFinished { inflater.reset() }
            offset += try inflater.decompress(UnsafeRawBufferPointer(rebasing: piece[offset...]), into: &output, limit: limit)
        }
    }

    /// Inflates the next piece of the current message; see `decompress(_:into:limit:)`.
    public func decompress(_ piece: [UInt8], into output: inout [UInt8], limit: Int) throws(CompressionError) {
        try piece.withBytes { bytes throws(CompressionError) in try decompress(bytes, into: &output, limit: limit) }
    }

    /// Ends the current message: feeds the stripped 00 00 FF FF tail so that
    /// all remaining output is flushed into `output`, then resets the history
    /// if there is no context takeover.
    public func finishMessage(into output: inout [UInt8], limit: Int) throws(CompressionError) {
        try messageTail.withBytes { tail throws(CompressionError) in try decompress(tail, into: &output, limit: limit) }
        if !contextTakeover || inflater.isFinished { inflater.reset() }
    }
}
