// The limits an HTTPRequestParser enforces. Every peer-supplied length is
// checked against one of these before any memory is committed to it.

/// Size limits for request parsing, with Tornado-compatible defaults.
///
/// Exceeding a limit throws an `HTTPParseError` whose status is given per setting.
public struct HTTPParserConfiguration: Sendable, Hashable {
    /// Largest request head in bytes: request line, header lines and the empty
    /// line (Tornado's `max_header_size`). Trailers of a chunked body are counted
    /// together with the head against the same limit. Default 65 536 (64 KiB) → 431.
    public var maxHeaderSize: Int
    /// Longest request line in bytes including its line ending. Default 16 384
    /// (16 KiB): well above the 8 000 octets RFC 9112 §3 recommends supporting and
    /// above what browsers send, yet it stops absurd URLs early. → 414.
    public var maxRequestLineLength: Int
    /// Most header fields in a head (and, separately, trailer fields). Default 100. → 431.
    public var maxHeaderCount: Int
    /// Largest body in bytes (Tornado's `max_body_size`), checked against
    /// Content-Length before any body byte is read and against the running total
    /// of a chunked body. Default 104 857 600 (100 MiB). → 413.
    public var maxBodySize: Int
    /// Longest chunk-size line of a chunked body (hex size, extensions, CRLF).
    /// Default 4 096; longer lines are a known resource-exhaustion trick. → 400.
    public var maxChunkLineLength: Int

    /// Creates a configuration; every argument defaults to the documented value.
    public init(
        maxHeaderSize: Int = 65_536,
        maxRequestLineLength: Int = 16_384,
        maxHeaderCount: Int = 100,
        maxBodySize: Int = 104_857_600,
        maxChunkLineLength: Int = 4_096
    ) {
        self.maxHeaderSize = maxHeaderSize
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderCount = maxHeaderCount
        self.maxBodySize = maxBodySize
        self.maxChunkLineLength = maxChunkLineLength
    }
}
