// The sending half of WebSocket permessage-deflate (RFC 7692 §7.2.1): each
// message is compressed and flushed with Z_SYNC_FLUSH, and the 00 00 FF FF
// that the flush always ends with is removed (the receiver puts it back).
// With context takeover the LZ77 history carries over from message to
// message (better compression); without, every message starts afresh, so
// its bytes depend only on its content and the parameters.

/// Compresses whole WebSocket messages for permessage-deflate.
/// Not thread-safe; one per connection.
public final class MessageDeflater {
    /// `false` when negotiated `*_no_context_takeover` applies to our side:
    /// the history is reset after every message.
    public let contextTakeover: Bool
    private let deflater: Deflater

    /// Creates the compressor for one connection.
    /// - Parameters:
    ///   - windowBits: the negotiated max window bits for our direction, 8…15.
    ///   - level: zlib level 0…9 (default 6).
    ///   - memoryLevel: zlib memory level 1…9 (default 8).
    ///   - contextTakeover: keep history between messages (default `true`).
    /// - Throws: `invalidParameters`, `outOfMemory`.
    public init(windowBits: Int = 15, level: Int = 6, memoryLevel: Int = 8, contextTakeover: Bool = true) throws(CompressionError) {
        deflater = try Deflater(format: .rawDeflate(windowBits: windowBits), level: level, memoryLevel: memoryLevel)
        self.contextTakeover = contextTakeover
    }

    /// Appends the compressed form of the whole `message` to `output`, ready
    /// to be sent as the payload of a frame (or frames) with RSV1 set.
    public func compressMessage(_ message: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
        if message.isEmpty {
            // A lone 0x00 is an empty stored block once the receiver appends
            // 00 00 FF FF (RFC 7692 §7.2.3.6); zlib itself emits nothing for
            // a second flush with no new input, so it is written directly.
            output.append(0x00)
            return
        }
        let start = output.count
        try deflater.compress(message, flush: .sync, into: &output)
        // A sync flush always ends with the empty stored block 00 00 FF FF.
        if output.count - start >= 4, output[(output.count - 4)...].elementsEqual(messageTail) {
            output.removeLast(4)
        }
        if !contextTakeover { deflater.reset() }
    }

    /// Appends the compressed form of `message`; see `compressMessage(_:into:)`.
    public func compressMessage(_ message: [UInt8], into output: inout [UInt8]) throws(CompressionError) {
        try message.withBytes { bytes throws(CompressionError) in try compressMessage(bytes, into: &output) }
    }
}

/// The empty stored block a sync flush ends with, which permessage-deflate
/// strips when sending and restores when receiving (RFC 7692 §7.2.1-2).
let messageTail: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]
