// One-shot gzip (RFC 1952) for whole bodies: what HTTP
// `Content-Encoding: gzip` needs when the response is complete in memory
// (Tornado's `compress_response`), and gunzip for tests and clients.
// For bodies written in pieces, use a `Deflater(format: .gzip)` directly.

/// Whole-buffer gzip compression and decompression.
public enum Gzip {
    /// The level Tornado uses for HTTP responses (`GZipContentEncoding.GZIP_LEVEL`).
    public static let defaultLevel = 6

    /// Gzips `data` into one complete gzip member (header, DEFLATE data,
    /// CRC-32 and length trailer).
    /// - Parameter level: 0 (store) … 9 (smallest); default 6.
    /// - Throws: `invalidParameters` for a bad level, `outOfMemory`.
    public static func compress(_ data: UnsafeRawBufferPointer, level: Int = defaultLevel) throws(CompressionError) -> [UInt8] {
        let deflater = try Deflater(format: .gzip, level: level)
        var output: [UInt8] = []
        // Small bodies barely grow; large ones usually shrink a lot.
        output.reserveCapacity(min(data.count / 2, 1 << 20) + 64)
        try deflater.compress(data, flush: .finish, into: &output)
        return output
    }

    /// Gzips `data`; see `compress(_:level:)`.
    public static func compress(_ data: [UInt8], level: Int = defaultLevel) throws(CompressionError) -> [UInt8] {
        try data.withBytes { bytes throws(CompressionError) in try compress(bytes, level: level) }
    }

    /// Gunzips `data`, which may hold several concatenated members (RFC 1952
    /// §2.2); their contents are joined.
    /// - Parameter limit: the largest decompressed size accepted.
    /// - Throws: `truncatedData` if the data ends inside a member (or is
    ///   empty), `corruptData` for anything not gzip (including trailing
    ///   garbage), `outputLimitExceeded` past `limit`.
    public static func decompress(_ data: [UInt8], limit: Int = .max) throws(CompressionError) -> [UInt8] {
        let inflater = try Inflater(format: .gzip)
        var output: [UInt8] = []
        try data.withBytes { bytes throws(CompressionError) in
            var offset = 0
            repeat {
                if inflater.isFinished { inflater.reset() }
                offset += try inflater.decompress(UnsafeRawBufferPointer(rebasing: bytes[offset...]), into: &output, limit: limit)
            } while offset < bytes.count
        }
        guard inflater.isFinished else {
            throw CompressionError(.truncatedData, "gzip data ends before the end of the stream")
        }
        return output
    }
}
