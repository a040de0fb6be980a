// Streaming DEFLATE decompression (zlib's inflate) in any of the three
// framings, with a hard limit on the output so that a small malicious input
// cannot make Squall allocate unbounded memory.

import CZlib

/// A zlib decompression stream. Not thread-safe: use it from one thread (or
/// one actor) at a time. zlib's memory is freed when the Inflater is.
public final class Inflater {
    /// The framing and window this stream reads.
    public let format: CompressionFormat
    /// `true` once the end of the compressed stream has been reached (the
    /// final block, plus the trailer for gzip/zlib); `reset()` clears it.
    public private(set) var isFinished = false
    private let stream: ZStream

    /// Creates a decompression stream for `format`. Its window must be at
    /// least the window the data was compressed with.
    /// - Throws: `invalidParameters` for window bits outside 8…15, `outOfMemory`.
    public init(format: CompressionFormat = .rawDeflate()) throws(CompressionError) {
        let windowBits = try format.zlibWindowBits()
        self.format = format
        stream = try ZStream(.inflate) { czlib_inflate_init($0, windowBits) }
    }

    /// Decompresses `input` (any piece of the stream), appending the output
    /// to `output`.
    /// - Parameter limit: the largest `output.count` allowed; decoding stops
    ///   with `outputLimitExceeded` as soon as more would be produced, having
    ///   grown `output` to at most `limit` bytes. The stream is then unusable
    ///   until `reset()`.
    /// - Returns: how many bytes of `input` were used: all of them, unless the
    ///   stream ended part-way (`isFinished`), leaving the rest unread.
    /// - Throws: `corruptData` for invalid input, `outputLimitExceeded`.
    @discardableResult
    public func decompress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int = .max) throws(CompressionError) -> Int {
        guard !isFinished else { return 0 }
        let result = try stream.pump(input, into: &output, limit: limit) { stream, _ in inflate(stream, Z_NO_FLUSH) }
        isFinished = result.code == Z_STREAM_END
        return result.consumed
    }

    /// Decompresses `input`; see `decompress(_:into:limit:)`.
    @discardableResult
    public func decompress(_ input: [UInt8], into output: inout [UInt8], limit: Int = .max) throws(CompressionError) -> Int {
        try input.withBytes { bytes throws(CompressionError) in try decompress(bytes, into: &output, limit: limit) }
    }

    /// Starts a new stream with the same parameters, forgetting the history
    /// (no allocation).
    public func reset() {
        _ = inflateReset(stream.pointer)
        isFinished = false
    }
}
