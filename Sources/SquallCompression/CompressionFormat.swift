// The three framings zlib can put around DEFLATE data (RFC 1951): none
// ("raw", as WebSocket permessage-deflate uses), zlib (RFC 1950) and gzip
// (RFC 1952, as HTTP `Content-Encoding: gzip` uses), each with an LZ77
// window of 2^windowBits bytes.

/// A DEFLATE framing and window size.
public struct CompressionFormat: Sendable, Hashable, CustomStringConvertible {
    private enum Framing: String, Sendable, Hashable {
        case raw = "raw deflate", zlib, gzip
    }

    private let framing: Framing
    /// Base-2 logarithm of the LZ77 window, 8…15.
    public let windowBits: Int

    private init(_ framing: Framing, windowBits: Int) {
        self.framing = framing
        self.windowBits = windowBits
    }

    /// Bare DEFLATE data with a 2^`windowBits`-byte window (8…15; values
    /// outside are rejected when a stream is created).
    public static func rawDeflate(windowBits: Int = 15) -> CompressionFormat { CompressionFormat(.raw, windowBits: windowBits) }
    /// The zlib wrapper (RFC 1950) with a 32 KiB window.
    public static let zlib = CompressionFormat(.zlib, windowBits: 15)
    /// The gzip wrapper (RFC 1952) with a 32 KiB window.
    public static let gzip = CompressionFormat(.gzip, windowBits: 15)

    /// E.g. "raw deflate, 2^15-byte window".
    public var description: String { "\(framing.rawValue), 2^\(windowBits)-byte window" }

    /// `windowBits` as zlib's init functions encode the framing: negative for
    /// raw, +16 for gzip. Throws for windows outside 8…15.
    func zlibWindowBits() throws(CompressionError) -> Int32 {
        guard (8...15).contains(windowBits) else {
            throw CompressionError(.invalidParameters, "window bits \(windowBits) outside 8…15")
        }
        switch framing {
        case .raw: return Int32(-windowBits)
        case .zlib: return Int32(windowBits)
        case .gzip: return Int32(windowBits + 16)
        }
    }
}
