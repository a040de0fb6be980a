// Streaming DEFLATE compression (zlib's deflate) in any of the three
// framings. Used for WebSocket permessage-deflate (raw) and HTTP gzip
// responses. One Deflater is one stream: everything compressed through it
// shares one LZ77 history until `reset()`.

import CZlib

/// A zlib compression stream. Not thread-safe: use it from one thread (or
/// one actor) at a time. zlib's memory is freed when the Deflater is.
public final class Deflater {
    /// How far a `compress` call pushes data out of the stream.
    public struct Flush: Sendable, Hashable {
        fileprivate let code: Int32

        /// Keep data back to compress better; output may lag behind input.
        public static let none = Flush(code: Z_NO_FLUSH)
        /// Emit everything so far and align to a byte boundary, ending with an
        /// empty stored block (00 00 FF FF); the stream stays open.
        public static let sync = Flush(code: Z_SYNC_FLUSH)
        /// Emit everything and end the stream (gzip/zlib trailers included).
        public static let finish = Flush(code: Z_FINISH)
    }

    /// The framing and window this stream writes.
    public let format: CompressionFormat
    private let stream: ZStream

    /// Creates a compression stream.
    /// - Parameters:
    ///   - format: framing and window; raw deflate with 8 window bits is
    ///     compressed with 9 (zlib cannot produce raw 256-byte-window
    ///     streams), which is still readable with a 256-byte window because
    ///     zlib never emits distances beyond window size − 262.
    ///   - level: 0 (store) … 9 (smallest), or -1 for zlib's default (6).
    ///   - memoryLevel: 1 … 9, zlib's speed/memory trade-off (default 8).
    /// - Throws: `invalidParameters` for values out of range, `outOfMemory`.
    public init(format: CompressionFormat = .rawDeflate(), level: Int = 6, memoryLevel: Int = 8) throws(CompressionError) {
        guard (-1...9).contains(level) else {
            throw CompressionError(.invalidParameters, "compression level \(level) outside -1…9")
        }
        guard (1...9).contains(memoryLevel) else {
            throw CompressionError(.invalidParameters, "memory level \(memoryLevel) outside 1…9")
        }
        var windowBits = try format.zlibWindowBits()
        if windowBits == -8 { windowBits = -9 }
        self.format = format
        stream = try ZStream(.deflate) { czlib_deflate_init($0, Int32(level), windowBits, Int32(memoryLevel)) }
    }

    /// Compresses all of `input` and appends what the stream emits to
    /// `output`. With `.none` some output may be held back until a later
    /// call; `.sync` and `.finish` emit everything. After `.finish` call
    /// `reset()` before compressing more.
    public func compress(_ input: UnsafeRawBufferPointer, flush: Flush = .none, into output: inout [UInt8]) throws(CompressionError) {
        _ = try stream.pump(input, into: &output, limit: .max) { stream, isLastPiece in
            deflate(stream, isLastPiece ? flush.code : Z_NO_FLUSH)
        }
    }

    /// Compresses all of `input`; see `compress(_:flush:into:)`.
    public func compress(_ input: [UInt8], flush: Flush = .none, into output: inout [UInt8]) throws(CompressionError) {
        try input.withBytes { bytes throws(CompressionError) in try compress(bytes, flush: flush, into: &output) }
    }

    /// Starts a new stream with the same parameters, forgetting the history
    /// (no allocation).
    public func reset() {
        _ = deflateReset(stream.pointer)
    }
}
